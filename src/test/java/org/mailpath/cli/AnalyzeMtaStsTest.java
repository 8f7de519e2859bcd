package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.mtasts.MtaStsCheck;
import org.mailpath.engine.mtasts.PolicyFetch;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;

/**
 * {@code analyze --check-dns --probe-smtp} judges the failing recipient's mail servers against its own MTA-STS
 * policy: the loopback DNS publishes the policy record and an MX host (a fake SMTP server) without STARTTLS; the
 * policy file comes from a stand-in source, as in {@link ProbeMtaStsTest}.
 */
class AnalyzeMtaStsTest {

    @TempDir
    Path dir;

    private final AtomicInteger fetches = new AtomicInteger();

    private CliRun analyze(FakeSmtpServer smtp, TinyDnsServer dns, String... more) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, String.join("\n", LogFixtures.HEADER,
                row("R", ""),
                row("P", "554 5.7.5 [internal] TLS negotiation failed")) + "\n");
        AnalyzeCommand command = new AnalyzeCommand();
        List<DomainCheck> checks = new ArrayList<>(DomainCheckers.standardChecks());
        // a later check of the same kind replaces the standard one (which would fetch over HTTPS)
        checks.add(new MtaStsCheck((domain, timeout, cancellation) -> {
            fetches.incrementAndGet();
            return new PolicyFetch.Retrieved(ProbeMtaStsTest.POLICY,
                    List.of("GET https://mta-sts." + domain + "/.well-known/mta-sts.txt"));
        }));
        command.checker = new ConcurrentDomainChecker(checks,
                options -> DnsLookups.create(options.resolvers(), options.timeout()));
        List<String> args = new ArrayList<>(List.of(log.toString(), "--probe-smtp", "--port",
                String.valueOf(smtp.port()), "--helo", "probe.mailpath.test", "--resolver", dns.address(),
                "--timeout", "2000"));
        args.addAll(List.of(more));
        return CliRun.ofCommand(command, args.toArray(String[]::new));
    }

    @Test
    void textJsonAndReportSayThePolicyMakesSendersRefuseTheServer() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = ProbeMtaStsTest.dns()) {
            CliRun text = analyze(smtp, dns, "--check-dns");
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().contains("SMTP_NO_STARTTLS"), text.out());
            assertTrue(text.out().contains("== MTA-STS policy of example.test (mode enforce, mx mx.example.test)\n"
                    + "  ERROR MTA_STS_HOST_REFUSED: The MTA-STS policy of example.test is in enforce mode, and none "
                    + "of its MX hosts meets it: mx.example.test (it offers no STARTTLS)."), text.out());

            Path report = dir.resolve("report.json");
            CliRun json = analyze(smtp, dns, "--check-dns", "--format", "json",
                    "--report", report.toString());
            assertEquals(0, json.code(), json.err());
            JsonNode sts = new ObjectMapper().readTree(json.out()).get("smtpProbe").get("mtaSts");
            assertEquals(1, sts.size(), json.out());
            assertEquals("example.test", sts.get(0).get("domain").asText());
            assertEquals("enforce", sts.get(0).get("mode").asText());
            assertEquals("mx.example.test", sts.get(0).get("mx").get(0).asText());
            assertEquals(86400, sts.get(0).get("maxAge").asLong());
            assertEquals(List.of("MTA_STS_HOST_REFUSED"), codes(sts.get(0).get("findings")));

            JsonNode exported = new ObjectMapper().readTree(report.toFile());
            assertEquals(1, exported.findValuesAsText("code").stream().filter("MTA_STS_HOST_REFUSED"::equals)
                    .count(), "once, in the recipient's section");
            JsonNode sections = exported.get("recipientDomains");
            JsonNode section = null;
            for (JsonNode s : sections) {
                if (s.get("domain").asText().equals("example.test")) {
                    section = s;
                }
            }
            assertTrue(section != null, sections.toString());
            List<String> inReport = codes(section.get("findings"));
            assertEquals(1, inReport.stream().filter("MTA_STS_HOST_REFUSED"::equals).count(), inReport.toString());
            // what the probe found on the recipient's server is for the recipient's mail team too
            assertEquals(1, exported.findValuesAsText("code").stream().filter("SMTP_NO_STARTTLS"::equals).count());
            assertTrue(inReport.contains("SMTP_NO_STARTTLS"), inReport.toString());
            assertEquals(2, fetches.get(), "one policy fetch per run");
        }
    }

    @Test
    void withoutCheckDnsThereIsNoPolicyAndNothingChanges() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = ProbeMtaStsTest.dns()) {
            CliRun text = analyze(smtp, dns);
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().contains("SMTP_NO_STARTTLS"), text.out());
            assertFalse(text.out().contains("MTA-STS"), text.out());
            assertFalse(text.out().contains("MTA_STS_"), text.out());

            Path report = dir.resolve("report.json");
            CliRun json = analyze(smtp, dns, "--format", "json", "--report", report.toString());
            assertEquals(0, json.code(), json.err());
            JsonNode probe = new ObjectMapper().readTree(json.out()).get("smtpProbe");
            // no "mtaSts" without a policy; "inputs" groups the findings of finding each domain's servers
            assertEquals(List.of("targets", "findings", "inputs"), fields(probe));
            assertFalse(Files.readString(report).contains("MTA_STS_"));
            assertEquals(0, fetches.get());
        }
    }

    private static List<String> codes(JsonNode findings) {
        List<String> codes = new ArrayList<>();
        findings.forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String row(String event, String status) {
        return String.join(",", q("11/20/2026 8:05"), q("16/A4-2-2"), q(event), q("bob@example.test"),
                q("me@mail.test"), q("10.0.0.1"), q("100"), q("005000000000001"),
                q("<2.JavaMail.sfdc@example>"), q("0"), q("0"), q(status.isEmpty() ? "" : "while not connected"),
                q(""), q(""), q(status), q(""), q(""));
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
