package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/**
 * The findings of {@link ChildKeys}: WARNING where Zonemaster says WARNING or ERROR, because none of them makes a
 * lookup fail now (a record the parent would break the chain with, or one it must ignore), INFO for the delete
 * request (Zonemaster: INFO). Zonemaster's NOTICE tags (a CDS for a key without the SEP flag, CDS without CDNSKEY)
 * are evidence lines only.
 */
final class ChildKeyFindings {

    private ChildKeyFindings() {
    }

    /** {@code evidence}: the CDS and CDNSKEY answers and what each record matched. */
    static List<Finding> of(ChildKeys.Result result, String domain, String zone, List<String> evidence) {
        List<Finding> findings = new ArrayList<>();
        for (ChildKeys.Problem p : result.problems()) {
            findings.add(switch (p) {
                case ChildKeys.Delete d -> finding(DnsFindingCodes.DNSSEC_CDS_DELETE, Severity.INFO, domain, evidence,
                        domain, zone, Type.string(d.type()));
                case ChildKeys.MixedDelete m -> finding(DnsFindingCodes.DNSSEC_CDS_MIXED_DELETE, Severity.WARNING,
                        domain, evidence, domain, zone, Type.string(m.type()));
                case ChildKeys.NoKey n -> finding(DnsFindingCodes.DNSSEC_CDS_NO_KEY, Severity.WARNING, domain,
                        evidence, domain, zone, Type.string(n.type()), ids(n.records()));
                case ChildKeys.KeyNotSigning k -> finding(DnsFindingCodes.DNSSEC_CDS_KEY_NOT_SIGNING,
                        Severity.WARNING, domain, evidence, domain, zone, Type.string(k.type()), ids(k.records()));
                case ChildKeys.Untrusted u -> untrusted(u, domain, zone, evidence);
                case ChildKeys.Disagree d -> finding(DnsFindingCodes.DNSSEC_CDS_CDNSKEY_MISMATCH, Severity.WARNING,
                        domain, evidence, domain, zone, ids(d.cds()), ids(d.cdnskey()));
            });
        }
        return findings;
    }

    /**
     * Worded by the code's own message; the remedies are one for each code (DNSSEC_CDS_NO_KEY's fits
     * KEY_NOT_SIGNING too).
     */
    private static Finding finding(String code, Severity severity, String domain, List<String> evidence,
                                   Object... args) {
        String remediation = (code.equals(DnsFindingCodes.DNSSEC_CDS_KEY_NOT_SIGNING)
                ? DnsFindingCodes.DNSSEC_CDS_NO_KEY : code) + ".remediation";
        return LookupFindings.TEXTS.variant(code, severity, domain, evidence, Actor.RECIPIENT_MAIL_TEAM,
                code + ".message", remediation, args);
    }

    private static Finding untrusted(ChildKeys.Untrusted u, String domain, String zone, List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.add(";; " + Type.string(u.type()) + " signatures by the keys the DS points to: " + outcome(u.byTrusted())
                + "; by any key of the zone: " + outcome(u.byZoneKeys()));
        return finding(DnsFindingCodes.DNSSEC_CDS_UNTRUSTED, Severity.WARNING, domain, lines, domain, zone,
                Type.string(u.type()), DnssecCheck.keyList(u.trusted()));
    }

    /** Evidence words (English) for a signature outcome. */
    private static String outcome(RrsetSignatures.Outcome outcome) {
        return switch (outcome) {
            case RrsetSignatures.Valid v -> "valid (key tag " + v.signature().getFootprint() + ")";
            case RrsetSignatures.Missing m -> "none";
            case RrsetSignatures.Unchecked u -> "not checked";
            case RrsetSignatures.Expired e -> "expired at " + e.signature().getExpire() + " (key tag "
                    + e.signature().getFootprint() + ")";
            case RrsetSignatures.NotYetValid n -> "valid only from " + n.signature().getTimeSigned() + " (key tag "
                    + n.signature().getFootprint() + ")";
            case RrsetSignatures.Invalid i -> "does not verify (key tag " + i.signature().getFootprint() + "): "
                    + i.reason();
        };
    }

    /** "key tag 21788, algorithm 13 (ECDSAP256SHA256); …" in the reader's language. */
    private static Object ids(List<ChildKeys.KeyId> ids) {
        return DnssecCheck.joined(ids.stream().distinct().map(k -> DnssecCheck.key(k.tag(), k.algorithm())).toList());
    }
}
