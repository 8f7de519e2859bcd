package org.mailpath.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.KnotServer;
import org.mailpath.testing.dns.ZoneSigner;

/**
 * The DNSSEC check's judgement of CDS and CDNSKEY (RFC 7344, RFC 8078) against the records Knot DNS publishes and
 * signs itself (knot.conf(5): cds-cdnskey-publish: always publishes one CDS and one CDNSKEY for the current KSK;
 * delete-dnssec the records "indicating turning off DNSSEC"), each zone with a test key whose DS record the unsigned
 * parent cds.test serves. Knot plays the resolver, as in {@link KnotDnsInteropTest}.
 */
class KnotCdsInteropTest {

    private static KnotServer knot;
    /** ns2.cds.test: a second Knot, on the same port, serving split.cds.test without CDS and CDNSKEY. */
    private static KnotServer second;
    private static final ZoneSigner.Key ALWAYS = ZoneSigner.Key.ksk("always.cds.test");
    private static final ZoneSigner.Key SPLIT = ZoneSigner.Key.ksk("split.cds.test");
    private static final String SPLIT_ZONE = "@ SOA ns1.cds.test. hostmaster 1 3600 600 86400 300\n"
            + "@ NS ns1.cds.test.\n@ NS ns2.cds.test.\n@ MX 10 mx.cds.test.\n";

    @BeforeAll
    static void start() throws Exception {
        StringBuilder parent = new StringBuilder("@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                + "ns1 A 127.0.7.54\nns2 A 127.0.7.55\n");
        KnotServer.Builder builder = KnotServer.builder().listen("127.0.7.54");
        for (String child : List.of("always", "delete")) {
            String zone = child + ".cds.test";
            ZoneSigner.Key key = child.equals("always") ? ALWAYS : ZoneSigner.Key.ksk(zone);
            parent.append(child).append(" NS ns1\n").append(child).append(" DS ").append(key.ds().rdataToString())
                    .append('\n');
            builder.signedZone(zone, "@ SOA ns1.cds.test. hostmaster 1 3600 600 86400 300\n"
                    + "@ NS ns1.cds.test.\n@ MX 10 mx.cds.test.\n", key);
        }
        parent.append("split NS ns1\nsplit NS ns2\nsplit DS ").append(SPLIT.ds().rdataToString()).append('\n');
        knot = builder.zone("cds.test", parent.toString())
                .signedZone("split.cds.test", SPLIT_ZONE, SPLIT)
                .cdsPublish("always.cds.test", "always")
                .cdsPublish("delete.cds.test", "delete-dnssec")
                .cdsPublish("split.cds.test", "always")
                .start();
        second = KnotServer.builder().listen("127.0.7.55").port(knot.port())
                .signedZone("split.cds.test", SPLIT_ZONE, SPLIT)
                .cdsPublish("split.cds.test", "none")
                .start();
    }

    @AfterAll
    static void stop() {
        if (knot != null) {
            knot.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static List<Finding> check(String domain) {
        return KnotChecks.check(knot, "127.0.7.54", domain, EnumSet.of(CheckKind.DNSSEC)).findings();
    }

    private static Finding signed(List<Finding> findings) {
        return findings.stream().filter(f -> f.code().equals("DNSSEC_SIGNED")).findFirst().orElseThrow();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.severity()).sorted().toList();
    }

    @Test
    void knotsCdsAndCdnskeyForItsKeyAddNothing() {
        List<Finding> findings = check("always.cds.test");
        assertEquals(List.of("DNSSEC_SIGNED OK"), codes(findings), findings + knot.log());
        int tag = ALWAYS.dnskey().getFootprint();
        List<String> evidence = signed(findings).evidence();
        assertTrue(evidence.contains(";; CDS " + tag + " 13: matches the DNSKEY with key tag " + tag)
                && evidence.contains(";; CDNSKEY " + tag + " 13: matches the DNSKEY with key tag " + tag),
                evidence.toString());
        // asked straight too (Zonemaster DNSSEC15): Knot answers with AA and the records it signs
        assertTrue(evidence.contains(";; CDS and CDNSKEY asked of each name server: the same at all 1 that"
                + " answered"), evidence.toString());
    }

    @Test
    void aSecondKnotThatPublishesNoCdsMakesThemInconsistent() {
        // ns1 publishes CDS and CDNSKEY (cds-cdnskey-publish: always), ns2 none (cds-cdnskey-publish: none); both
        // sign with the same key, so the chain holds through either (Zonemaster DS15_INCONSISTENT_CDS/_CDNSKEY)
        List<Finding> findings = check("split.cds.test");
        assertEquals(List.of("DNSSEC_CDS_INCONSISTENT WARNING", "DNSSEC_CDS_INCONSISTENT WARNING",
                "DNSSEC_SIGNED OK"), codes(findings), findings + knot.log() + second.log());
        int tag = SPLIT.dnskey().getFootprint();
        Finding cdnskey = findings.stream().filter(f -> f.message().contains("same CDNSKEY records")).findFirst()
                .orElseThrow();
        assertTrue(cdnskey.message().startsWith("The name servers of the zone split.cds.test of split.cds.test do"
                + " not all serve the same CDNSKEY records (ns1.cds.test (127.0.7.54): key tag " + tag
                + ", algorithm 13 (ECDSAP256SHA256); ns2.cds.test (127.0.7.55): none)."), cdnskey.message());
    }

    @Test
    void knotsDeleteRecordsAskTheParentToTurnDnssecOff() {
        List<Finding> findings = check("delete.cds.test");
        assertEquals(List.of("DNSSEC_CDS_DELETE INFO", "DNSSEC_CDS_DELETE INFO", "DNSSEC_SIGNED OK"),
                codes(findings), findings + knot.log());
        assertTrue(findings.stream().anyMatch(f -> f.message().startsWith("The zone delete.cds.test of"
                + " delete.cds.test publishes the CDNSKEY \"delete\" record (RFC 8078)")), findings.toString());
        assertTrue(signed(findings).evidence().contains(";; CDS delete record (RFC 8078 §4): the parent is asked"
                + " to remove every DS record"), signed(findings).evidence().toString());
    }
}
