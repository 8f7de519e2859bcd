package org.mailpath.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mailpath.testing.fakedns.Findings.single;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dkim.DkimCheck;
import org.mailpath.engine.dmarc.DmarcCheck;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dnsbl.DnsblCheck;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.ptr.PtrCheck;
import org.mailpath.engine.spf.SpfCheck;
import org.xbill.DNS.Type;

/**
 * The sender-domain checks against a real authoritative server (Knot DNS on loopback) through the project's
 * {@link DnsLookups}: real wire answers, TXT strings split on the wire, CNAMEs across zones, NXDOMAIN vs NODATA.
 * Skips when knotd is not installed unless MAILPATH_REQUIRE_INTEROP=true.
 */
class AuthChecksKnotInteropTest {

    private static final String KNOTD = "/usr/sbin/knotd";
    @TempDir
    static Path dir;
    private static Process knot;
    private static DnsLookup dns;

    @BeforeAll
    static void startKnot() throws Exception {
        if (!Files.isExecutable(Path.of(KNOTD))) {
            if ("true".equals(System.getenv("MAILPATH_REQUIRE_INTEROP"))) {
                fail("knotd is required (MAILPATH_REQUIRE_INTEROP=true): apt-get install knot");
            }
            Assumptions.abort("knotd not installed (apt-get install knot): Knot interop tests skipped");
        }
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        writeZones();
        Files.writeString(dir.resolve("knot.conf"), """
                server:
                    rundir: "%1$s"
                    listen: 127.0.0.1@%2$d
                    user: %3$s
                database:
                    storage: "%1$s"
                log:
                  - target: stderr
                    any: warning
                zone:
                  - domain: example.test
                    file: "%1$s/example.test.zone"
                  - domain: custdkim.salesforce.com
                    file: "%1$s/custdkim.zone"
                  - domain: example.org
                    file: "%1$s/example.org.zone"
                  - domain: 2.0.192.in-addr.arpa
                    file: "%1$s/reverse.zone"
                """.formatted(dir, port, System.getProperty("user.name")));
        knot = new ProcessBuilder(KNOTD, "-c", dir.resolve("knot.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("knotd.log").toFile()).start();
        dns = DnsLookups.create(List.of("127.0.0.1:" + port), Duration.ofSeconds(2));
        // Generous bound: a loaded CI machine can take many seconds to start knotd; we stop waiting as soon as it
        // answers or dies, so the bound only matters when something is really wrong.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            // A fresh client per poll: a client caches its answers for the run, the early "no answer" included.
            DnsLookup probe = DnsLookups.create(List.of("127.0.0.1:" + port), Duration.ofSeconds(2));
            if (probe.lookup("example.test", Type.SOA, Cancellation.none()).status() == DnsStatus.OK) {
                return;
            }
            if (!knot.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        fail("knotd did not start: " + Files.readString(dir.resolve("knotd.log")));
    }

    @AfterAll
    static void stopKnot() throws InterruptedException {
        if (knot != null) {
            knot.destroy();
            knot.waitFor();
        }
    }

    private static void writeZones() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String key = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
        List<String> parts = new ArrayList<>();
        for (String chunk : ("v=DKIM1; k=rsa; p=" + key).split("(?<=\\G.{200})")) {
            parts.add("\"" + chunk + "\"");
        }
        String split = String.join(" ", parts);
        StringBuilder many = new StringBuilder("\"v=spf1\"");
        for (int i = 1; i <= 11; i++) {
            many.append(" \" include:i").append(i).append(".example.test\"");
        }
        many.append(" \" -all\"");
        write("example.test.zone", """
                $ORIGIN example.test.
                $TTL 300
                @ SOA ns.example.test. admin.example.test. 1 3600 600 86400 300
                @ NS ns.example.test.
                ns A 127.0.0.1
                @ TXT "v=spf1 include:_spf.example.test" " ~all"
                @ MX 10 mx.example.test.
                mx A 192.0.2.25
                _spf TXT "v=spf1 ip4:192.0.2.0/24 -all"
                _dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@reports.example.org"
                sf1._domainkey CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf3._domainkey.example.test CNAME sf3.ab12cd.custdkim.salesforce.com.
                many TXT %s
                %s
                25.2.0.192.bl A 127.0.0.2
                25.2.0.192.bl TXT "listed: test"
                2.0.0.127.bl A 127.0.0.2
                """.formatted(many, includes()));
        write("custdkim.zone", """
                $ORIGIN custdkim.salesforce.com.
                $TTL 300
                @ SOA ns.example.test. admin.example.test. 1 3600 600 86400 300
                @ NS ns.example.test.
                sf1.ab12cd TXT %1$s
                sf2.ab12cd TXT %1$s
                sf3.ab12cd TXT %1$s
                sf4.ab12cd TXT %1$s
                """.formatted(split));
        write("example.org.zone", """
                $ORIGIN example.org.
                $TTL 300
                @ SOA ns.example.test. admin.example.test. 1 3600 600 86400 300
                @ NS ns.example.test.
                reports MX 10 mx.example.test.
                """);
        write("reverse.zone", """
                $ORIGIN 2.0.192.in-addr.arpa.
                $TTL 300
                @ SOA ns.example.test. admin.example.test. 1 3600 600 86400 300
                @ NS ns.example.test.
                25 PTR mx.example.test.
                26 PTR mx.example.test.
                """);
    }

    private static String includes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            sb.append("i").append(i).append(" TXT \"v=spf1 ip4:198.51.100.").append(i).append(" -all\"\n");
        }
        return sb.toString();
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<Finding> run(DomainCheck check, String domain, String ip, List<String> selectors,
                                     List<String> zones) {
        CheckOptions options = new CheckOptions(List.of(), 53, Duration.ofSeconds(2), Optional.ofNullable(ip),
                selectors, zones);
        return check.run(new CheckContext(domain, options, dns, Cancellation.none())).findings();
    }

    @Test
    void spf() {
        List<Finding> f = run(new SpfCheck(), "example.test", "192.0.2.7", List.of(), List.of());
        assertTrue(single(f, "SPF_RESULT", Severity.OK).message().contains(": pass"));
        assertTrue(single(f, "SPF_LOOKUP_COUNT").message().contains("needs 1 of 10"));
        List<Finding> many = run(new SpfCheck(), "many.example.test", "203.0.113.1", List.of(), List.of());
        assertTrue(single(many, "SPF_TOO_MANY_LOOKUPS").message().contains("needs 11"));
        assertTrue(single(many, "SPF_RESULT", Severity.ERROR).message().contains(": permerror"));
    }

    @Test
    void dmarc() {
        single(run(new DmarcCheck(), "example.test", null, List.of(), List.of()), "DMARC_REPORT_UNAUTHORIZED");
    }

    @Test
    void dkimThroughCnamesAcrossZones() {
        List<Finding> f = run(new DkimCheck(), "example.test", null, List.of("sf1", "sf2"), List.of());
        assertTrue(single(f, "DKIM_OK").message().contains("RSA 2048-bit"));
        Finding missing = single(f, "DKIM_SALESFORCE_CNAME_MISSING");
        assertEquals("Publish: sf2._domainkey.example.test. CNAME sf2.ab12cd.custdkim.salesforce.com.",
                missing.remediation());
        single(run(new DkimCheck(), "example.test", null, List.of("sf3", "sf1"), List.of()),
                "DKIM_ZONE_APPENDED_TWICE");
    }

    @Test
    void ptrAndBlocklist() {
        single(run(new PtrCheck(), "example.test", "192.0.2.25", List.of(), List.of()), "PTR_OK");
        single(run(new PtrCheck(), "example.test", "192.0.2.26", List.of(), List.of()), "PTR_MISMATCH");
        single(run(new PtrCheck(), "example.test", "192.0.2.27", List.of(), List.of()), "PTR_MISSING");
        List<Finding> bl = run(new DnsblCheck(), "example.test", null, List.of(), List.of("bl.example.test"));
        assertTrue(single(bl, "DNSBL_LISTED").message().contains("listed: test"));
    }
}
