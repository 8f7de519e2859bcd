package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;

/**
 * {@code analyze --check-dns --probe-smtp --report}: a recipient domain that does not exist is DOMAIN_NXDOMAIN to the
 * DNS checks and SMTP_DOMAIN_NOT_FOUND to the probe, one fact; the report counts it as one problem and says it once.
 */
class AnalyzeNxdomainOnceTest {

    @TempDir
    Path dir;

    @Test
    void aDomainThatDoesNotExistIsOneProblemInTheReport() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = ProbeMtaStsTest.dns()) {
            Path log = dir.resolve("log.csv");
            // gone.test is in no zone of the loopback DNS: NXDOMAIN
            Files.writeString(log, String.join("\n", LogFixtures.HEADER, row("R", ""),
                    row("P", "550 5.1.2 Host unknown: domain gone.test not found")) + "\n");
            AnalyzeCommand command = new AnalyzeCommand();
            command.checker = new ConcurrentDomainChecker(DomainCheckers.standardChecks(),
                    options -> DnsLookups.create(options.resolvers(), options.timeout()));
            Path report = dir.resolve("report.json");
            CliRun run = CliRun.ofCommand(command, log.toString(), "--check-dns", "--probe-smtp", "--port",
                    String.valueOf(smtp.port()), "--resolver", dns.address(), "--timeout", "2000",
                    "--format", "json", "--report", report.toString());
            assertEquals(0, run.code(), run.err());
            // the probe itself still says what it found (its own part of the output is unchanged)
            assertTrue(run.out().contains("SMTP_DOMAIN_NOT_FOUND"), run.out());

            JsonNode exported = new ObjectMapper().readTree(report.toFile());
            JsonNode section = recipientDomain(exported, "gone.test");
            List<String> codes = new ArrayList<>();
            section.get("findings").forEach(f -> codes.add(f.get("code").asText()));
            assertTrue(codes.contains("DOMAIN_NXDOMAIN"), codes.toString());
            assertTrue(!codes.contains("SMTP_DOMAIN_NOT_FOUND"), codes.toString());
            assertEquals(0, exported.findValuesAsText("code").stream().filter("SMTP_DOMAIN_NOT_FOUND"::equals)
                    .count(), "nowhere else in the report either");
        }
    }

    private static String row(String event, String status) {
        return String.join(",", q("11/20/2026 8:05"), q("16/A4-2-2"), q(event), q("bob@gone.test"),
                q("me@mail.test"), q("10.0.0.1"), q("100"), q("005000000000001"),
                q("<2.JavaMail.sfdc@example>"), q("0"), q("0"), q(status.isEmpty() ? "" : "while not connected"),
                q(""), q(""), q(status), q(""), q(""));
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    /** The section of the report {@code exported} on the recipient domain {@code domain}; it must have one. */
    static JsonNode recipientDomain(JsonNode exported, String domain) {
        JsonNode section = null;
        for (JsonNode s : exported.get("recipientDomains")) {
            if (s.get("domain").asText().equals(domain)) {
                section = s;
            }
        }
        assertTrue(section != null, exported.toString());
        return section;
    }
}
