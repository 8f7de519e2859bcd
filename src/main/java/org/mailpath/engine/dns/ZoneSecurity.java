package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Whether the zone holding a name is DNSSEC-signed, judged as {@link DnssecCheck} judges a domain's zone
 * ({@link ChainOfTrust}): the zone's DS at the parent, its keys and the signatures over the records a caller got
 * there. For checks of other records than the domain's own (TLSA records of MX hosts, RFC 7672 §2.2), which matter
 * only when validating resolvers find them "secure". MailPath ships no trust anchor and follows only the zone's own
 * link to its parent, not the chain up to the root: "signed, as far as MailPath checks".
 */
public final class ZoneSecurity {

    /** What validating resolvers make of the zone, as far as MailPath checks. */
    public enum Level {
        /** A DS at the parent leads to the zone's keys, and the signatures checked hold. */
        SIGNED,
        /** No DS at the parent (or none validators use): validators treat the answers as insecure. */
        UNSIGNED,
        /** The chain is broken: validating resolvers answer SERVFAIL. */
        BOGUS,
        /** A question on the way failed: not judged. */
        UNKNOWN
    }

    /** The level, the zone's apex, and the answers and notes it rests on (evidence lines). */
    public record Judgement(Level level, String zone, List<String> evidence) {
        public Judgement {
            evidence = List.copyOf(evidence);
        }
    }

    private ZoneSecurity() {
    }

    /**
     * The zone holding {@code name} (found by walking up from it with SOA questions, {@link ZoneApex}).
     *
     * @param signed answers at {@code name} asked for DNSSEC data whose signatures must hold too (OK answers only,
     *               without CNAMEs: a CNAME's target is another zone's)
     */
    public static Judgement of(DnsLookup dns, String name, List<DnssecAnswer> signed, Instant now,
                               Cancellation cancellation) {
        ZoneApex<DnssecAnswer> apex = ZoneApex.findSigned(dns, name, Type.SOA,
                dns.lookupSigned(name, Type.SOA, cancellation), cancellation);
        List<String> evidence = new ArrayList<>();
        apex.answers().forEach(a -> evidence.addAll(a.answer().evidence()));
        if (!apex.last().answer().ok()) {
            return new Judgement(Level.UNKNOWN, apex.zone(), evidence);
        }
        String zone = apex.zone();
        List<DnssecAnswer> keys = Parallel.map(List.of(Type.DS, Type.DNSKEY),
                t -> dns.lookupSigned(zone, t, cancellation));
        keys.forEach(a -> evidence.addAll(a.evidence()));
        if (keys.stream().anyMatch(a -> !a.answer().ok() && a.answer().status() != DnsStatus.NODATA)) {
            return new Judgement(Level.UNKNOWN, zone, evidence);
        }
        Name zoneName;
        try {
            zoneName = Name.fromString(DnsNames.absolute(zone));
        } catch (TextParseException e) {
            return new Judgement(Level.UNKNOWN, zone, evidence);
        }
        List<DnssecAnswer> checked = signed.stream()
                .filter(a -> a.answer().ok() && a.answer().cnames().isEmpty()).toList();
        ChainOfTrust.Result result = ChainOfTrust.judge(zoneName, keys.get(0), keys.get(1), checked, now);
        evidence.addAll(result.notes());
        Level level = switch (result.verdict()) {
            case DnssecVerdict.Signed s -> Level.SIGNED;
            case DnssecVerdict.Unsigned u -> Level.UNSIGNED;
            case DnssecVerdict.NoDs n -> Level.UNSIGNED;
            case DnssecVerdict.AlgorithmUnsupported a -> Level.UNSIGNED;
            case DnssecVerdict.DsWithoutDnskey d -> Level.BOGUS;
            case DnssecVerdict.DsMismatch m -> Level.BOGUS;
            case DnssecVerdict.BadSignature b -> Level.BOGUS;
        };
        evidence.add(";; zone " + zone + ": " + level.name().toLowerCase(java.util.Locale.ROOT)
                + " (its DS, keys and signatures; the chain above it is not followed)");
        return new Judgement(level, zone, evidence);
    }
}
