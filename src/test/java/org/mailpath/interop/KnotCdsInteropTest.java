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
    private static final ZoneSigner.Key ALWAYS = ZoneSigner.Key.ksk("always.cds.test");

    @BeforeAll
    static void start() throws Exception {
        StringBuilder parent = new StringBuilder("@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                + "ns1 A 127.0.7.54\n");
        KnotServer.Builder builder = KnotServer.builder().listen("127.0.7.54");
        for (String child : List.of("always", "delete")) {
            String zone = child + ".cds.test";
            ZoneSigner.Key key = child.equals("always") ? ALWAYS : ZoneSigner.Key.ksk(zone);
            parent.append(child).append(" NS ns1\n").append(child).append(" DS ").append(key.ds().rdataToString())
                    .append('\n');
            builder.signedZone(zone, "@ SOA ns1.cds.test. hostmaster 1 3600 600 86400 300\n"
                    + "@ NS ns1.cds.test.\n@ MX 10 mx.cds.test.\n", key);
        }
        knot = builder.zone("cds.test", parent.toString())
                .cdsPublish("always.cds.test", "always")
                .cdsPublish("delete.cds.test", "delete-dnssec")
                .start();
    }

    @AfterAll
    static void stop() {
        if (knot != null) {
            knot.close();
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
