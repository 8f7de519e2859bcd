package org.mailpath.engine.dns;

import java.util.Comparator;
import java.util.Optional;
import org.xbill.DNS.NSEC3PARAMRecord;

/**
 * The NSEC3 parameters a signed zone publishes in its apex NSEC3PARAM record (RFC 5155 §4), judged by RFC 9276
 * (BCP 236) §3.1: "an iterations count of 0 MUST be used", and operators "SHOULD NOT use a salt" (its record is
 * {@code 1 0 0 -}). A zone without NSEC3PARAM proves names absent with NSEC: nothing to judge.
 */
final class Nsec3Parameters {

    /**
     * Extra iterations above which validating resolvers treat NSEC3 answers as insecure (RFC 9276 §3.2 lets them,
     * or fail them, above 0): BIND 9.19.19 / 9.20 (doc/notes/notes-9.19.19.rst: "lowered from 150 to 50"), Knot
     * Resolver (lib/dnssec/nsec3.h kr_nsec3_limited, 50 with a salt up to 44 octets; longer salts count double) and
     * PowerDNS Recursor 5.0 (nsec3-max-iterations, "Default is now 50, was 150 before"). Unbound's default
     * (val-nsec3-keysize-iterations "1024 150 2048 150 4096 150") still allows 150.
     */
    static final int RESOLVER_LIMIT = 50;

    private Nsec3Parameters() {
    }

    /**
     * The parameters of the zone's NSEC3 chain: of the NSEC3PARAM records with flags 0 (others "MUST be ignored",
     * RFC 5155 §4.1.2; a signer builds a new chain under them), the one with the most iterations, then the longest
     * salt (two during a change of parameters: the worse one is still served); empty for an NSEC zone.
     */
    static Optional<NSEC3PARAMRecord> published(DnsAnswer answer) {
        return answer.records().stream().filter(NSEC3PARAMRecord.class::isInstance)
                .map(NSEC3PARAMRecord.class::cast).filter(r -> r.getFlags() == 0)
                .max(Comparator.comparingInt(NSEC3PARAMRecord::getIterations)
                        .thenComparingInt(Nsec3Parameters::saltLength));
    }

    /** The salt's length in octets (0 for {@code -}). */
    static int saltLength(NSEC3PARAMRecord record) {
        byte[] salt = record.getSalt();
        return salt == null ? 0 : salt.length;
    }

    /** RFC 9276's parameters: no extra iterations, no salt. */
    static boolean recommended(NSEC3PARAMRecord record) {
        return record.getIterations() == 0 && saltLength(record) == 0;
    }

    /** More iterations than BIND, Knot Resolver and PowerDNS Recursor accept: they treat the answers as insecure. */
    static boolean beyondResolverLimit(NSEC3PARAMRecord record) {
        return record.getIterations() > RESOLVER_LIMIT;
    }

    /** The evidence line saying what the check made of the parameters (or of their absence). */
    static String note(Optional<NSEC3PARAMRecord> published) {
        return published.map(r -> ";; NSEC3PARAM " + r.rdataToString() + ": " + r.getIterations()
                        + " extra iterations, salt of " + saltLength(r) + " octets (RFC 9276: 0 and none"
                        + (beyondResolverLimit(r) ? "; validators treat answers as insecure above "
                        + RESOLVER_LIMIT : "") + ")")
                .orElse(";; no NSEC3PARAM at the zone apex: NSEC, or NSEC3 parameters not published");
    }
}
