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
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.TestDnsNetwork;

/** {@code analyze} with {@code --check-dns} and {@code --report} together, against the loopback test DNS. */
class AnalyzeWiringTest {

    @TempDir
    Path dir;

    @Test
    void checksTheFailingRecipientAndTheSenderAndWritesTheReport() throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, String.join("\n", LogFixtures.HEADER,
                row("R", "ann@good.test", "", ""),
                row("D", "ann@good.test", "250 2.0.0 OK", "TLSv1.3:TLS_AES_256_GCM_SHA384"),
                row2("R", "bob@broken.test", ""),
                row2("P", "bob@broken.test", "554 5.4.4 [internal] Domain Lookup Failed")) + "\n");
        Path pdf = dir.resolve("report.pdf");
        try (TestDnsNetwork net = TestDnsNetwork.start()) {
            CliRun run = CliRun.of("analyze", log.toString(), "--format", "json", "--check-dns",
                    "--resolver", TestDnsNetwork.RESOLVER + ":" + net.port(),
                    "--dns-port", String.valueOf(net.port()), "--timeout", "2000", "--report", pdf.toString());
            assertEquals(0, run.code(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(2, json.get("messages").asInt());
            List<String> checked = new ArrayList<>();
            json.get("dnsChecks").get("domains").forEach(d -> checked.add(d.get("domain").asText()
                    + ":" + d.get("role").asText()));
            // delivered recipients (good.test) are not checked
            assertEquals(List.of("broken.test:RECIPIENT", "mail.test:SENDER"), checked);
            JsonNode broken = json.get("dnsChecks").get("domains").get(checked.indexOf("broken.test:RECIPIENT"));
            List<String> codes = new ArrayList<>();
            broken.get("findings").forEach(f -> codes.add(f.get("code").asText()));
            assertTrue(codes.contains("NS_LAME"), codes.toString());
            assertTrue(Files.size(pdf) > 1000, "report written");
            assertTrue(run.err().contains("report written"), run.err());
        }
    }

    @Test
    void failOnJudgesTheChecksFindingsAndTheReportIsStillWritten() throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, String.join("\n", LogFixtures.HEADER,
                row2("R", "bob@broken.test", ""),
                row2("P", "bob@broken.test", "554 5.4.4 [internal] Domain Lookup Failed")) + "\n");
        Path txt = dir.resolve("report.txt");
        try (TestDnsNetwork net = TestDnsNetwork.start()) {
            CliRun run = CliRun.of("analyze", log.toString(), "--check-dns",
                    "--resolver", TestDnsNetwork.RESOLVER + ":" + net.port(),
                    "--dns-port", String.valueOf(net.port()), "--timeout", "2000", "--report", txt.toString(),
                    "--fail-on", "error");
            // broken.test has lame name servers (ERROR)
            assertEquals(MailPathCommand.EXIT_FINDINGS, run.code(), run.err());
            // the letter to the recipient, with the bounced message and the finding that failed the run
            String report = Files.readString(txt);
            assertTrue(report.startsWith("Hello,\n"), report);
            assertTrue(report.contains("Message ID Header: <2.JavaMail.sfdc@example>\n  To: bob@broken.test"), report);
            assertTrue(report.contains("[PROBLEM] The name server ns1.broken.test (127.0.1.4) is listed for broken.test"
                    + " but does not serve it: it answers REFUSED (lame delegation). (NS_LAME)"), report);
        }
    }

    private static String row(String event, String rcpt, String status, String tls) {
        return String.join(",", q("11/20/2026 8:00"), q("16/A4-1-1"), q(event), q(rcpt), q("me@mail.test"), q("10.0.0.1"),
                q("100"), q("005000000000001"), q("<1.JavaMail.sfdc@example>"), q("0"), q("0"), q(""),
                q(status.isEmpty() ? "" : "192.0.2.25"), q(status.isEmpty() ? "" : "mx1.good.test"), q(status), q(tls),
                q(""));
    }

    private static String row2(String event, String rcpt, String status) {
        return String.join(",", q("11/20/2026 8:05"), q("16/A4-2-2"), q(event), q(rcpt),
                q("me=mail.test__0a1b@x1y2.bnc.salesforce.com"), q("10.0.0.1"), q("100"), q("005000000000001"),
                q("<2.JavaMail.sfdc@example>"), q("0"), q("0"), q(status.isEmpty() ? "" : "while not connected"), q(""),
                q(""), q(status), q(""), q(""));
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
