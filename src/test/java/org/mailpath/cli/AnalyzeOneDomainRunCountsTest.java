package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;
import org.xbill.DNS.Type;

/**
 * {@code analyze --probe-smtp --report r --domain D} on a log with more failing recipient domains than a run probes:
 * the report for inc.test's mail team said "The log names 12 recipient domains with network, TLS or DNS failures;
 * only the 10 with the most failures were probed". Its period is the whole log's (09:00 to 18:11; inc.test's mail
 * went at 09:00): the log that was read. Seen with a loopback run; the admin's own output keeps the run's counts.
 */
class AnalyzeOneDomainRunCountsTest {

    @TempDir
    Path dir;

    private static String row(String time, String id, String event, String recipient, String stage, String status) {
        return String.join(",", q("12/01/2026 " + time), q("16/A4-" + id), q(event), q(recipient), q("me@mail.test"),
                q("10.0.0.1"), q("1000"), q("005000000000001"), q(id + ".JavaMail.sfdc@acme-prod.example"), q("0"),
                q("0"), q(stage), q(""), q(""), q(status), q(""), q(""));
    }

    /** {@code count} messages to {@code domain}, each refused for TLS 10 minutes after Salesforce received it. */
    private static List<String> failed(String domain, int hour, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = domain.replace(".", "") + i;
            rows.add(row(hour + ":0" + i, id, "R", "u" + i + "@" + domain, "", ""));
            rows.add(row(hour + ":1" + i, id, "P", "u" + i + "@" + domain, "while not connected",
                    "554 5.7.5 [internal] TLS negotiation failed"));
        }
        return rows;
    }

    @Test
    void aOneDomainReportSaysItsDomainWasNotProbedWithoutTheRunsCounts() throws Exception {
        // eleven domains with two failures each are probed first; inc.test, with one, is the twelfth
        List<String> rows = new ArrayList<>(failed("inc.test", 9, 1));
        FakeDns zone = new FakeDns().loopbackNamed("mx.inc.test").add("inc.test", Type.MX, "10 mx.inc.test.");
        for (int d = 1; d <= 11; d++) {
            rows.addAll(failed("d" + d + ".test", 10 + d % 9, 2));
            zone.add("d" + d + ".test", Type.MX, "10 mx.d" + d + ".test.").add("mx.d" + d + ".test", Type.A,
                    "127.0.0.1");
        }
        Path log = dir.resolve("log.csv");
        Files.writeString(log, LogFixtures.HEADER + "\n" + String.join("\n", rows) + "\n");
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone)) {
            for (String ext : List.of("json", "txt")) {
                Path report = dir.resolve("r." + ext);
                CliRun run = CliRun.of("analyze", log.toString(), "--probe-smtp", "--port",
                        String.valueOf(smtp.port()), "--helo", "probe.mailpath.test", "--resolver", dns.address(),
                        "--timeout", "2000", "--report", report.toString(), "--domain", "inc.test");
                assertEquals(0, run.code(), run.err());
                assertTrue(run.out().contains("The log names 12 recipient domains"), "the admin's output: " + run.out());
                String text = Files.readString(report).replaceAll("\\s+", " ");
                assertFalse(text.contains("12 recipient domains"), text);
                assertFalse(text.contains("the 10 with"), text);
                assertFalse(text.contains("d1.test"), text);
                assertTrue(text.contains("inc.test has network, TLS or DNS failures in the log but was not probed: one"
                        + " run probes a limited number of recipient domains."), text);
                if (ext.equals("json")) {
                    JsonNode title = new ObjectMapper().readTree(text).get("title");
                    assertEquals("2026-12-01T09:00:00Z", title.get("periodStart").asText());
                    assertEquals("2026-12-01T18:11:00Z", title.get("periodEnd").asText());
                } else {
                    assertTrue(text.contains("(log.csv, 1 December 2026, 09:00 UTC – 1 December 2026, 18:11 UTC)"),
                            text);
                }
            }
        }
    }
}
