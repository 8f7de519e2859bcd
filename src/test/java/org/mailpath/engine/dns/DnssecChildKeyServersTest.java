package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * CDS and CDNSKEY asked of each name server, as Zonemaster's DNSSEC15 does (zonemaster/zonemaster
 * docs/public/specifications/tests/DNSSEC-TP/dnssec15.md steps 5, 12, 13: DS15_INCONSISTENT_CDS and
 * DS15_INCONSISTENT_CDNSKEY, an empty RRset counting as different; servers without an authoritative NOERROR answer
 * left out). Two loopback servers on one port serve two versions of one signed zone: ns1 (with the resolver) the
 * current one, ns2 another, as a secondary that has not loaded the latest version would.
 */
class DnssecChildKeyServersTest {

    private static final String RESOLVER = "127.0.28.1";
    private static final String NS1 = "127.0.28.2";
    private static final String NS2 = "127.0.28.3";
    private static final Key CSK = Key.ksk("cds.test");
    private static final Key NEXT = Key.ksk("cds.test");
    private static final String ZONE = """
            cds.test.      SOA ns1.cds.test. hostmaster.cds.test. 1 3600 600 86400 300
            cds.test.      NS  ns1.cds.test.
            cds.test.      NS  ns2.cds.test.
            cds.test.      MX  10 mx.cds.test.
            ns1.cds.test.  A   %s
            ns2.cds.test.  A   %s
            mx.cds.test.   A   192.0.2.25
            """.formatted(NS1, NS2);

    private static String cds(Key key, int digest) {
        return "cds.test. CDS " + new org.xbill.DNS.DSRecord(key.dnskey().getName(), org.xbill.DNS.DClass.IN, 300,
                digest, key.dnskey()).rdataToString() + "\n";
    }

    private static String cdnskey(Key key) {
        return "cds.test. CDNSKEY " + key.dnskey().rdataToString() + "\n";
    }

    /** The zone with {@code apex} (CDS/CDNSKEY lines), signed by CSK, and its DS (no parent here: at the apex). */
    private static String zone(String apex) {
        Instant now = Instant.now();
        return ZoneSigner.signText("cds.test", ZONE + apex, List.of(CSK), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30))) + CSK.ds() + "\n";
    }

    /** The DNSSEC check of cds.test: ns1 and the resolver serve {@code first}, ns2 serves {@code second}. */
    private static List<Finding> check(String first, String second) throws IOException {
        return check(first, second, true);
    }

    /** {@code ns2Serves} false: ns2 is listed but does not serve the zone (REFUSED, a lame delegation). */
    private static List<Finding> check(String first, String second, boolean ns2Serves) throws IOException {
        try (TestDnsServer one = TestDnsServer.builder().zone("cds.test", zone(first)).resolver(RESOLVER)
                .authoritative(NS1, "cds.test").start();
             TestDnsServer two = TestDnsServer.builder().zone("cds.test", zone(second))
                     .authoritative(NS2, ns2Serves ? new String[] {"cds.test"} : new String[0])
                     .port(one.port()).start()) {
            return new DnssecCheck().run(CheckSetup.of(RESOLVER + ":" + one.port(), one.port())
                    .context("cds.test")).findings();
        }
    }

    private static void codes(List<Finding> findings, String... expected) {
        assertEquals(List.of(expected).stream().sorted().toList(), Findings.codes(findings).stream().sorted().toList(),
                Findings.describe(findings));
    }

    @Test
    void everyServerServingTheSameRecordsAddsNothing() throws IOException {
        String apex = cds(CSK, 2) + cdnskey(CSK);
        List<Finding> findings = check(apex, apex);
        codes(findings, "DNSSEC_SIGNED");
        assertTrue(findings.getFirst().evidence().contains(";; CDS and CDNSKEY asked of each name server: the same"
                + " at all 2 that answered"), findings.getFirst().evidence().toString());
    }

    @Test
    void aServerWithoutTheRecordsIsInconsistent() throws IOException {
        // ns2 serves an older version of the zone, from before CDS and CDNSKEY were published
        List<Finding> findings = check(cds(CSK, 2) + cdnskey(CSK), "");
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_INCONSISTENT", "DNSSEC_CDS_INCONSISTENT");
        int tag = CSK.dnskey().getFootprint();
        Finding cds = findings.stream().filter(f -> f.message().contains("same CDS records")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, cds.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, cds.actor());
        assertEquals("The name servers of the zone cds.test of cds.test do not all serve the same CDS records"
                + " (ns1.cds.test (127.0.28.2): key tag " + tag + ", algorithm 13 (ECDSAP256SHA256), digest type 2"
                + " (SHA-256); ns2.cds.test (127.0.28.3): none). A parent that takes DS records over from CDS and"
                + " CDNSKEY must ask every name server and act only when their answers agree (RFC 9975 §3.1), so the"
                + " DS change these records ask for waits; a parent that asks one server only publishes DS records"
                + " that depend on which server it asked. Lookups of cds.test are not affected.", cds.message());
        assertTrue(cds.remediation().startsWith("The domain's DNS team should make every name server serve the same"
                + " CDS records"), cds.remediation());
        assertTrue(cds.message(Locale.of("sv")).startsWith("Namnservrarna för zonen cds.test för cds.test levererar"
                + " inte alla samma CDS-poster (ns1.cds.test (127.0.28.2): nyckeltagg " + tag + ", algoritm 13"
                + " (ECDSAP256SHA256), hashtyp 2 (SHA-256); ns2.cds.test (127.0.28.3): inga)."),
                cds.message(Locale.of("sv")));
        assertTrue(cds.evidence().stream().anyMatch(l -> l.startsWith(";; cds.test. CDS (DO, no recursion) to"
                + " ns2.cds.test @127.0.28.3:")), cds.evidence().toString());
        Finding cdnskey = findings.stream().filter(f -> f.message().contains("same CDNSKEY records")).findFirst()
                .orElseThrow();
        assertTrue(cdnskey.message().contains("(ns1.cds.test (127.0.28.2): key tag " + tag + ", algorithm 13"
                + " (ECDSAP256SHA256); ns2.cds.test (127.0.28.3): none)"), cdnskey.message());
    }

    @Test
    void aDigestTypeServedByOneServerOnlyIsInconsistentCdsAlone() throws IOException {
        // ns1 adds a SHA-384 CDS beside the SHA-256 one; the CDNSKEY records agree
        List<Finding> findings = check(cds(CSK, 2) + cds(CSK, 4) + cdnskey(CSK), cds(CSK, 2) + cdnskey(CSK));
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_INCONSISTENT");
        int tag = CSK.dnskey().getFootprint();
        assertTrue(Findings.single(findings, "DNSSEC_CDS_INCONSISTENT", Severity.WARNING).message().contains(
                "(ns1.cds.test (127.0.28.2): key tag " + tag + ", algorithm 13 (ECDSAP256SHA256), digest type 2"
                + " (SHA-256) and key tag " + tag + ", algorithm 13 (ECDSAP256SHA256), digest type 4 (SHA-384);"
                + " ns2.cds.test (127.0.28.3): key tag " + tag + ", algorithm 13 (ECDSAP256SHA256), digest type 2"
                + " (SHA-256))"), findings.toString());
    }

    @Test
    void aRolloverServedByOneServerOnly() throws IOException {
        // ns1 already asks for the next key-signing key; ns2 still for the current one
        List<Finding> findings = check(cds(NEXT, 2) + cdnskey(NEXT), cds(CSK, 2) + cdnskey(CSK));
        // NEXT is not in the DNSKEY set of this test zone, so the resolver's answer (ns1's) matches no key too
        codes(findings, "DNSSEC_SIGNED", "DNSSEC_CDS_NO_KEY", "DNSSEC_CDS_NO_KEY", "DNSSEC_CDS_INCONSISTENT",
                "DNSSEC_CDS_INCONSISTENT");
    }

    @Test
    void aServerThatAnswersCdsButNotCdnskeyIsComparedOnCdsOnly() throws Exception {
        // Zonemaster step 5.1 then 5.2: the CDS answer of a server stays when its CDNSKEY answer is no authoritative
        // NOERROR one; answers made up per server, no sockets
        Name zone = Name.fromString("cds.test.");
        Record cds = ZoneSigner.parse("cds.test", cds(CSK, 2)).getFirst();
        Record cdnskey = ZoneSigner.parse("cds.test", cdnskey(CSK)).getFirst();
        ChildKeyServers.Server ns1 = new ChildKeyServers.Server("ns1.cds.test", InetAddress.getByName(NS1));
        ChildKeyServers.Server ns2 = new ChildKeyServers.Server("ns2.cds.test", InetAddress.getByName(NS2));
        ChildKeyServers.Exchange exchange = (server, query, timeout, cancellation) -> {
            int type = query.getQuestion().getType();
            Message reply = new Message(query.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setFlag(Flags.AA);
            reply.addRecord(query.getQuestion(), Section.QUESTION);
            boolean second = server.getAddress().getHostAddress().equals(NS2);
            if (second && type == Type.CDNSKEY) {
                reply.getHeader().setRcode(Rcode.REFUSED);
            } else {
                reply.addRecord(type == Type.CDS ? cds : cdnskey, Section.ANSWER);
            }
            return new DnsTransport.Reply(reply, 100, false);
        };
        ChildKeyServers.Result result = ChildKeyServers.ask(List.of(ns1, ns2), zone, 53, Duration.ofSeconds(1),
                exchange, Cancellation.none());
        assertEquals(List.of(), result.inconsistent());
        assertEquals(List.of(List.of(ns1, ns2)), List.copyOf(result.groups(Type.CDS).values()));
        assertEquals(List.of(List.of(ns1)), List.copyOf(result.groups(Type.CDNSKEY).values()));
        assertEquals(List.of(";; ns2.cds.test (127.0.28.3): no authoritative NOERROR answer to CDNSKEY, left out of"
                + " that comparison", ";; CDS and CDNSKEY asked of each name server: the same at all 2 that answered"),
                result.notes());
    }

    @Test
    void aServerThatDoesNotServeTheZoneIsLeftOut() throws IOException {
        // Zonemaster step 5: no AA or an RCODE other than NOERROR (here REFUSED): the server is not compared
        List<Finding> findings = check(cds(CSK, 2) + cdnskey(CSK), "", false);
        codes(findings, "DNSSEC_SIGNED");
        List<String> evidence = findings.getFirst().evidence();
        assertTrue(evidence.contains(";; ns2.cds.test (127.0.28.3): no authoritative NOERROR answer to CDS and"
                + " CDNSKEY, left out of that comparison"), evidence.toString());
        assertTrue(evidence.contains(";; CDS and CDNSKEY asked of each name server: the same at all 1 that"
                + " answered"), evidence.toString());
    }
}
