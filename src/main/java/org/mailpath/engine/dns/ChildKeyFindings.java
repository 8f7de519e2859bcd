package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.CDNSKEYRecord;
import org.xbill.DNS.CDSRecord;
import org.xbill.DNS.Record;
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
     * DNSSEC_CDS_INCONSISTENT for CDS and for CDNSKEY (Zonemaster DS15_INCONSISTENT_CDS and
     * DS15_INCONSISTENT_CDNSKEY, ERROR there; WARNING here as the others): the name servers do not all serve the
     * same records, so a parent that asks each (RFC 9975 §3.1) holds the change back. {@code evidence}: the CDS and
     * CDNSKEY evidence; the exchanges with each server follow it.
     */
    static List<Finding> inconsistent(ChildKeyServers.Result servers, String domain, String zone,
                                      List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.addAll(servers.exchanges());
        return servers.inconsistent().stream().map(type -> finding(DnsFindingCodes.DNSSEC_CDS_INCONSISTENT,
                Severity.WARNING, domain, lines, domain, zone, Type.string(type), groups(servers, type))).toList();
    }

    /** "ns1.example.com (192.0.2.1): key tag 21788, algorithm 13 (ECDSAP256SHA256); ns2.example.com (…): none" */
    private static Object groups(ChildKeyServers.Result servers, int type) {
        List<LocalText> groups = new ArrayList<>();
        servers.groups(type).forEach((records, hosts) -> {
            String names = String.join(", ", hosts.stream().map(ChildKeyServers.Server::label).toList());
            Object served = records.isEmpty() ? LookupFindings.TEXTS.text("DNSSEC.noRecords.phrase")
                    : LookupFindings.TEXTS.joined("DNSSEC.and.phrase", records.stream()
                            .sorted(Comparator.comparing(Record::rdataToString)).map(ChildKeyFindings::record)
                            .toList());
            groups.add(LookupFindings.TEXTS.text("DNSSEC.served.phrase", names, served));
        });
        return DnssecCheck.joined(groups);
    }

    /** A CDS record as a DS is named (with its digest type, which may be all that differs), a CDNSKEY as a key. */
    private static LocalText record(Record record) {
        return switch (record) {
            case CDSRecord cds -> DnssecCheck.ds(cds.getFootprint(), cds.getAlgorithm(), cds.getDigestID());
            case CDNSKEYRecord k -> DnssecCheck.key(k.getFootprint(), k.getAlgorithm());
            default -> throw new IllegalArgumentException("neither CDS nor CDNSKEY: " + record);
        };
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
        lines.add(";; " + Type.string(u.type()) + " signatures by the keys the DS points to: "
                + u.byTrusted().evidence() + "; by any key of the zone: " + u.byZoneKeys().evidence());
        return finding(DnsFindingCodes.DNSSEC_CDS_UNTRUSTED, Severity.WARNING, domain, lines, domain, zone,
                Type.string(u.type()), DnssecCheck.keyList(u.trusted()));
    }

    /** "key tag 21788, algorithm 13 (ECDSAP256SHA256); …" in the reader's language. */
    private static Object ids(List<ChildKeys.KeyId> ids) {
        return DnssecCheck.joined(ids.stream().distinct().map(k -> DnssecCheck.key(k.tag(), k.algorithm())).toList());
    }
}
