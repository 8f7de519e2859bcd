package org.mailpath.engine.dane;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnssecAnswer;
import org.mailpath.engine.dns.ZoneSecurity;
import org.mailpath.engine.domain.DnsAnswers;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/**
 * What a sender that validates DANE finds for one MX host: the TLSA records at {@code _25._tcp.<host>} (RFC 7672
 * §2.2), none, or a failed question; with the DNSSEC judgement of the zone they are in ({@link ZoneSecurity}).
 */
sealed interface HostTlsa {

    /** Where a host's TLSA records are: port 25, TCP (RFC 7672 §2.2). */
    String SMTP_PREFIX = "_25._tcp.";

    /** The MX host as the MX record names it. */
    String host();

    /** The answers this rests on. */
    List<String> evidence();

    /** No TLSA records (NXDOMAIN or NODATA): DANE does not apply to the host. */
    record Absent(String host, List<String> evidence) implements HostTlsa {
    }

    /** TLSA records at {@code owner}. */
    record Published(String host, String owner, List<TLSARecord> records, ZoneSecurity.Judgement zone,
                     List<String> evidence) implements HostTlsa {

        /** The host name the records were asked for: the MX host or its CNAME-expanded name. */
        String base() {
            return owner.substring(SMTP_PREFIX.length());
        }

        /** The records senders can use: those {@link TlsaParameters#unusable} finds nothing wrong with. */
        List<TLSARecord> usable() {
            return records.stream().filter(r -> TlsaParameters.unusable(r).isEmpty()).toList();
        }
    }

    /** The TLSA question at {@code answer.name()} failed (SERVFAIL, timeout, REFUSED, another error). */
    record Failed(String host, DnsAnswer answer, ZoneSecurity.Judgement zone, List<String> evidence)
            implements HostTlsa {
    }

    /**
     * No TLSA records at {@code answer.name()} (NXDOMAIN or NODATA from a resolver that does not validate), but in a
     * zone validating resolvers find bogus ({@code zone}), or from a signed zone without a valid signed proof of it
     * ({@link ZoneSecurity.Cause#DENIAL}): they answer SERVFAIL instead (RFC 4035 §5.4, §5.5), so to senders
     * that validate DANE the question fails as {@link Failed}'s does, and no "no DANE" follows (RFC 7672 §2.2: only a
     * secure or insecure denial means no TLSA records).
     */
    record BogusDenial(String host, DnsAnswer answer, ZoneSecurity.Judgement zone, List<String> evidence)
            implements HostTlsa {
    }

    /**
     * Asks as RFC 7672 §2.2.2 has senders ask: when the host's address comes through a CNAME chain that is secure
     * link by link, at the fully expanded name first, then at the name the MX record gives; through an insecure
     * chain, at the MX record's name only (mox, smtpclient/gather.go GatherTLSA: the expanded name only when
     * "expandedAuthentic"; the RFC author: "If the MX A/AAAA records are an end-to-end signed CNAME chain (all links
     * signed), then look for TLSA RRs first at the end of the chain ... or if not a chain or chain not signed
     * end-to-end, look for TLSA RRs at the original MX name",
     * https://www.mail-archive.com/exim-dev@exim.org/msg12652.html). The first TLSA records found, or the first
     * failure, decide (Postfix's order too). The A question is the one the MX check asks, so a caching resolver
     * answers it at once. A TLSA name that is a CNAME is as secure as each link to the records (mox,
     * smtpclient/gather.go lookupTLSACNAME: "cname result during tlsa lookup not authentic, not doing dane for
     * host"). A denial (NXDOMAIN, NODATA) is judged as records are, by the zones on its way, and in a signed zone by
     * its NSEC/NSEC3 proof ({@link ZoneSecurity#denied}): in a bogus zone, or without a valid proof, it is a failure to
     * validating senders ({@link BogusDenial}); with the proof, or in an unsigned or unjudged zone, there are no
     * records.
     */
    static HostTlsa lookup(DnsLookup dns, ZoneSecurity zones, String host, Cancellation cancellation) {
        DnsAnswer address = dns.lookup(host, Type.A, cancellation);
        List<String> evidence = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        if (!address.cnames().isEmpty()) {
            evidence.addAll(address.evidence());
            ZoneSecurity.Judgement chain = zones.path(address, List.of(), cancellation);
            if (chain.level() == ZoneSecurity.Level.SIGNED || chain.level() == ZoneSecurity.Level.UNKNOWN) {
                bases.add(address.finalName());
            } else {
                evidence.addAll(chain.evidence());
                evidence.add(";; the CNAME chain of " + host + " is not signed link by link (zone " + chain.zone()
                        + "): senders ask TLSA at " + host + " only (RFC 7672 §2.2.2)");
            }
        }
        bases.add(host);
        for (String base : bases.stream().distinct().toList()) {
            String owner = SMTP_PREFIX + base;
            DnsAnswer tlsa = dns.lookup(owner, Type.TLSA, cancellation);
            evidence.addAll(tlsa.evidence());
            if (DnsAnswers.failed(tlsa)) {
                ZoneSecurity.Judgement zone = zones.judge(base, List.of(), cancellation);
                evidence.addAll(zone.evidence());
                return new Failed(host, tlsa, zone, evidence);
            }
            List<TLSARecord> records = tlsa.records().stream().filter(TLSARecord.class::isInstance)
                    .map(TLSARecord.class::cast).toList();
            if (!records.isEmpty()) {
                // the signatures are asked apart (DO+CD), at the name holding the records: the plain question
                // above is the one senders ask, and a CNAME's target is in another zone
                String at = Addresses.display(records.getFirst().getName());
                DnssecAnswer signed = dns.lookupSigned(at, Type.TLSA, cancellation);
                ZoneSecurity.Judgement zone = zones.path(tlsa, List.of(signed), cancellation);
                evidence.addAll(zone.evidence());
                return new Published(host, owner, records, zone, evidence);
            }
            // what the denial is worth to a validating resolver (the resolver here need not validate): judged at the
            // host's zone as a failed question is (a name that does not exist has no SOA walk of its own), or link
            // by link through the CNAMEs on the way; in a signed zone, with its signed proof that there are none
            ZoneSecurity.Denial denial = zones.denied(tlsa.cnames().isEmpty()
                    ? zones.judge(base, List.of(), cancellation) : zones.path(tlsa, List.of(), cancellation),
                    tlsa, cancellation);
            ZoneSecurity.Judgement zone = denial.zone();
            if (zone.level() == ZoneSecurity.Level.BOGUS) {
                evidence.addAll(zone.evidence());
                return new BogusDenial(host, tlsa, zone, evidence);
            }
            // no records: the proof they rest on, without the zone's chain (the finding is about their absence)
            evidence.addAll(denial.proof());
        }
        return new Absent(host, evidence);
    }
}
