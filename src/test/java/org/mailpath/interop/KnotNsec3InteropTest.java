package org.mailpath.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.KnotServer;
import org.mailpath.testing.dns.ZoneSigner;

/**
 * The DNSSEC check's NSEC3 parameters (RFC 9276) against zones Knot DNS signs itself with NSEC3 (knot.conf(5):
 * nsec3, nsec3-iterations, nsec3-salt-length) and publishes with its own NSEC3PARAM record, each with a test key
 * whose DS record the unsigned parent nsec3.test serves. Knot plays the resolver, as in {@link KnotDnsInteropTest}.
 */
class KnotNsec3InteropTest {

    private static KnotServer knot;

    @BeforeAll
    static void start() throws Exception {
        String[] children = {"zero", "salted", "ten", "high", "nsec", "optout"};
        StringBuilder parent = new StringBuilder("@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                + "ns1 A 127.0.7.53\n");
        KnotServer.Builder builder = KnotServer.builder().listen("127.0.7.53");
        for (String child : children) {
            String zone = child + ".nsec3.test";
            ZoneSigner.Key key = ZoneSigner.Key.ksk(zone);
            parent.append(child).append(" NS ns1\n").append(child).append(" DS ").append(key.ds().rdataToString())
                    .append('\n');
            builder.signedZone(zone, "@ SOA ns1.nsec3.test. hostmaster 1 3600 600 86400 300\n"
                    + "@ NS ns1.nsec3.test.\n@ MX 10 mx.nsec3.test.\n", key);
        }
        knot = builder.zone("nsec3.test", parent.toString())
                .nsec3("zero.nsec3.test", 0, 0)
                .nsec3("salted.nsec3.test", 0, 8)
                .nsec3("ten.nsec3.test", 10, 8)
                .nsec3("high.nsec3.test", 151, 0)
                .nsec3OptOut("optout.nsec3.test", 0, 0)
                .start();
    }

    @AfterAll
    static void stop() {
        if (knot != null) {
            knot.close();
        }
    }

    private static List<Finding> check(String domain) {
        return KnotChecks.check(knot, "127.0.7.53", domain, EnumSet.of(CheckKind.DNSSEC)).findings();
    }

    private static Finding only(List<Finding> findings, Set<String> codes, String code, Severity severity) {
        assertEquals(codes, findings.stream().map(Finding::code).collect(Collectors.toSet()),
                findings + knot.log());
        Finding f = findings.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertEquals(severity, f.severity(), f.toString());
        return f;
    }

    @Test
    void knotsRecommendedNsec3AndNsecAddNothing() {
        Finding zero = only(check("zero.nsec3.test"), Set.of("DNSSEC_SIGNED"), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(zero.evidence().contains(";; NSEC3PARAM 1 0 0 -: 0 extra iterations, salt of 0 octets (RFC 9276: 0"
                + " and none)"), zero.evidence().toString());
        Finding nsec = only(check("nsec.nsec3.test"), Set.of("DNSSEC_SIGNED"), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(nsec.evidence().contains(";; no NSEC3PARAM at the zone apex: NSEC, or NSEC3 parameters not"
                + " published"), nsec.evidence().toString());
    }

    @Test
    void knotsOptOutIsSeenInTheApexDenial() {
        // Knot sets the Opt-Out flag in the zone's NSEC3 records; the CDS and CDNSKEY denials at the apex carry one
        Finding f = only(check("optout.nsec3.test"), Set.of("DNSSEC_SIGNED", "DNSSEC_NSEC3_OPT_OUT"),
                "DNSSEC_NSEC3_OPT_OUT", Severity.INFO);
        assertTrue(f.message().matches(".* NSEC3 records that carry the Opt-Out flag \\([0-9a-v]{32}\\.optout\\.nsec3"
                + "\\.test\\. NSEC3 1 1 0 - .*"), f.message());
        // without opt-out, Knot's records have the flag clear
        Finding zero = only(check("zero.nsec3.test"), Set.of("DNSSEC_SIGNED"), "DNSSEC_SIGNED", Severity.OK);
        assertTrue(zero.evidence().stream().anyMatch(l -> l.endsWith(" (Opt-Out flag clear)")),
                zero.evidence().toString());
    }

    @Test
    void knotsSaltAndIterationsAreJudged() {
        Finding salted = only(check("salted.nsec3.test"), Set.of("DNSSEC_SIGNED", "DNSSEC_NSEC3_SALT"),
                "DNSSEC_NSEC3_SALT", Severity.INFO);
        // Knot's random 8-octet salt, 16 hex digits
        assertTrue(salted.message().matches(".* using a salt of 8 octets \\(1 0 0 [0-9A-F]{16}\\), .*"),
                salted.message());
        Finding ten = only(check("ten.nsec3.test"), Set.of("DNSSEC_SIGNED", "DNSSEC_NSEC3_ITERATIONS"),
                "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
        assertTrue(ten.message().matches(".* using 10 extra hash iterations \\(1 0 10 [0-9A-F]{16}\\), where RFC 9276"
                + " .*"), ten.message());
        Finding high = only(check("high.nsec3.test"), Set.of("DNSSEC_SIGNED", "DNSSEC_NSEC3_ITERATIONS"),
                "DNSSEC_NSEC3_ITERATIONS", Severity.WARNING);
        assertTrue(high.message().contains("using 151 extra hash iterations (1 0 151 -), more than validating"
                + " resolvers accept"), high.message());
    }
}
