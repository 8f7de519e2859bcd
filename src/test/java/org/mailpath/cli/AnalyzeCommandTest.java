package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.log.LogFixtures;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private static String sample(String name) {
        return LogFixtures.sample(name).toString();
    }

    @Test
    void anEmptyFileNameIsSaidAsSuch() {
        CliRun r = CliRun.of("analyze", "");
        assertEquals(2, r.code());
        assertEquals("mailpath analyze: The file name is empty; give the path of an Email Log.", r.err().strip());
    }

    @Test
    void textOutputShowsControlAndDirectionCharactersOfTheLogAsCodesButJsonKeepsThem() {
        String hostile = "550 5.1.1 \u001B[2J\u0007 user \u202Eknown";
        Path f = LogFixtures.writeLog(dir, "ctrl.csv",
                LogFixtures.row("3/06/2026 13:37", "R", "a@acme.example", "m1", "", ""),
                LogFixtures.row("3/06/2026 13:38", "P", "a@acme.example", "m1", hostile, ""));
        CliRun text = CliRun.of("analyze", f.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("550 5.1.1 [U+001B][2J[U+0007] user [U+202E]known"), text.out());
        assertTrue(text.out().chars().noneMatch(c -> c == 0x1B || c == 0x07 || c == 0x202E));
        assertTrue(text.out().contains("2 rows read, 1 message, "), text.out());
        CliRun json = CliRun.of("analyze", f.toString(), "--format", "json");
        // kept exactly, every one escaped: the right-to-left override was written as it is (JsonHiddenCharactersTest)
        assertTrue(json.out().contains("\\u001B[2J\\u0007 user \\u202Eknown"), json.out());
    }

    @Test
    void problemsNameTheFilesColumnAndAMissingColumnIsNoLineOfTheFile() {
        // the file's header says "Date", and there is no TLS_Cipher column to point a line at
        String rows = CliRun.of("analyze", sample("synthetic-with-bad-rows.csv")).out();
        assertTrue(rows.contains("  rejected line 5, Date: 'not a date' is not a date"), rows);
        assertFalse(rows.contains("Date/Time"), rows);
        String tls = CliRun.of("analyze", sample("synthetic-no-tls-columns.csv")).out();
        assertTrue(tls.contains("\n  The file has no TLS_Cipher column (an older export)"), tls);
        assertFalse(tls.contains("TLS_Cipher: The file"), tls);
        String json = CliRun.of("analyze", sample("synthetic-no-tls-columns.csv"), "--format", "json").out();
        assertTrue(json.contains("\"line\" : 0,\n    \"message\" : \"The file has no TLS_Cipher column"), json);
    }

    @Test
    void jsonHasExactlyTheFieldNamesOfTheIssue() throws IOException {
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("file", "rows", "rejectedRows", "problems", "messages", "verdicts", "deliveredAfterRetry",
                "bounceCategories", "deferralCategories", "domains", "chains")) {
            assertTrue(j.has(f), f);
        }
        for (String v : List.of("DELIVERED", "BOUNCED", "DEFERRED", "RECEIVED_ONLY")) {
            assertTrue(j.get("verdicts").has(v), v);
        }
        JsonNode chain = j.get("chains").get(0);
        for (String f : List.of("messageIdHeader", "internalMessageId", "recipient", "events", "verdict", "retries",
                "category", "status", "explanation", "remediation")) {
            assertTrue(chain.has(f), f);
        }
        JsonNode domain = j.get("domains").get(0);
        for (String f : List.of("domain", "messages", "delivered", "bounced", "deferred")) {
            assertTrue(domain.has(f), f);
        }
        assertEquals(99, j.get("rows").asInt());
        assertEquals(40, j.get("messages").asInt());
    }

    @Test
    void jsonGivesTheFinalReplyBesideTheCauseOfAnExpiredBounce() throws IOException {
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode expired = null;
        for (JsonNode c : new ObjectMapper().readTree(r.out()).get("chains")) {
            String events = c.get("events").asText();
            String last = events.substring(events.length() - 1);
            if (last.equals("P")) {
                assertTrue(c.get("finalStatus").isTextual(), c.toString());
            } else if (!events.contains("D")) {
                assertTrue(c.get("finalStatus").isNull(), "no P or D yet: " + c);
            }
            if (c.get("recipient").asText().equals("user@oldcorp.example")) {
                expired = c;
            }
        }
        assertTrue(expired != null);
        // the category comes from the last T (the contract's "status"), the P only says the message expired
        assertTrue(expired.get("status").asText().startsWith("421 4.4.0 [internal] no mail servers"), expired.toString());
        assertTrue(expired.get("finalStatus").asText().startsWith("554 5.4.7 [internal] exceeded"),
                expired.toString());
    }

    @Test
    void problemsInJsonHaveLineAndMessage() throws IOException {
        CliRun r = CliRun.of("analyze", "--format=JSON", sample("synthetic-with-bad-rows.csv"));
        JsonNode p = new ObjectMapper().readTree(r.out()).get("problems").get(0);
        assertEquals(5, p.get("line").asLong(), "the row dated \"not a date\" is the file's line 5");
        assertTrue(p.get("message").asText().contains("not a date"));
    }

    /** The review: bücher.de, xn--bcher-kva.de and bücher．de were three rows; раypal.com read as paypal.com. */
    @Test
    void theSpellingsOfOneDomainAreOneRowAndALookAlikeShowsItsAsciiForm() throws IOException {
        Path f = LogFixtures.write(dir, "idn.csv", LogFixtures.idnSpellingsLog());
        String text = CliRun.of("analyze", f.toString()).out();
        assertTrue(text.matches("(?s).*\\n  bücher\\.de +3 +0 +3 .*"), text);
        assertFalse(text.contains("xn--bcher-kva.de "), text);
        assertTrue(text.contains("\n  раypal.com (xn--ypal-43d9g.com)    "), text);
        assertTrue(text.contains("'d@раypal.com': the label 'раypal' of the domain 'раypal.com' mixes letters"), text);
        JsonNode domains = new ObjectMapper().readTree(CliRun.of("analyze", f.toString(), "--format", "json").out())
                .get("domains");
        assertEquals(2, domains.size(), domains.toString());
        assertEquals("bücher.de", domains.get(0).get("domain").asText());
        assertEquals("xn--bcher-kva.de", domains.get(0).get("asciiDomain").asText());
        assertEquals(3, domains.get(0).get("messages").asLong());
    }

    @Test
    void textSummaryIsActionable() {
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"));
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Verdicts"));
        assertTrue(r.out().matches("(?s).*DELIVERED\\s+15\\s+\\(2 after retry\\).*"), r.out());
        assertTrue(r.out().contains("Bounces and deferrals by cause category"));
        assertTrue(r.out().contains("What to do"));
        assertTrue(r.out().contains("- To do: "));
        assertTrue(r.out().contains("Domains with the most failures"));
        assertTrue(r.out().contains("'jane doe@contoso.example'"));
    }

    @Test
    void deferralsOlderThanSalesforcesRetryPeriodAreNotSaidToBeStillRetried() throws IOException {
        Path f = LogFixtures.writeLog(dir, "stale.csv",
                LogFixtures.row("11/16/2026 8:00", "T", "old@corp.example", "m1", "451 4.4.1 timed out", ""),
                LogFixtures.row("11/19/2026 8:00", "R", "end@corp.example", "m2", "", ""));
        CliRun text = CliRun.of("analyze", f.toString());
        assertTrue(text.out().matches("(?s).*DEFERRED\\s+1\\s+\\(none within Salesforce's 24 hours of retries: see below\\).*"),
                text.out());
        assertTrue(text.out().contains("1 deferred message has its last deferral (T) more than 24 hours before the"
                + " log's last event. Salesforce stops retrying after 24 hours, so it should have ended in a bounce"
                + " (P) or a delivery (D) by then"), text.out());
        assertFalse(text.out().contains("no outcome yet when the log ends"), text.out());
        JsonNode chains = new ObjectMapper().readTree(CliRun.of("analyze", f.toString(), "--format", "json").out())
                .get("chains");
        assertEquals("DEFERRED", chains.get(0).get("verdict").asText());
        assertTrue(chains.get(0).get("stale").asBoolean());
        assertFalse(chains.get(1).has("stale"), "only where true");
    }

    @Test
    void aMessageReceivedLongBeforeTheLogEndsWithNothingAfterItIsNotSaidToBeWaiting() throws IOException {
        Path f = LogFixtures.writeLog(dir, "stale-received.csv",
                LogFixtures.row("11/16/2026 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("11/18/2026 8:00", "R", "end@corp.example", "m2", "", ""));
        CliRun text = CliRun.of("analyze", f.toString());
        assertTrue(text.out().matches("(?s).*RECEIVED_ONLY\\s+2\\s+\\(received by Salesforce, no delivery attempt in the"
                + " log; 1 received more than 24 hours before its end: see below\\).*"), text.out());
        assertTrue(text.out().contains("1 message received by Salesforce (R) has no row after its last row, which is"
                + " more than 24 hours before the log's last event."), text.out());
        // the report's reason and advice, word for word
        assertTrue(text.out().contains("before the log's last event. Salesforce hands a message on as it receives it,"
                + " and defers or bounces it when it cannot deliver it,"), text.out());
        assertTrue(text.out().contains("ask Salesforce support about it, giving its Message ID Header."
                + " (\"staleReceived\": true in --format json)"), text.out());
        JsonNode chains = new ObjectMapper().readTree(CliRun.of("analyze", f.toString(), "--format", "json").out())
                .get("chains");
        assertEquals("RECEIVED_ONLY", chains.get(0).get("verdict").asText());
        assertTrue(chains.get(0).get("staleReceived").asBoolean());
        assertFalse(chains.get(0).has("stale"), "stale stays the deferrals' flag");
        assertFalse(chains.get(1).has("staleReceived"), "only where true");
    }

    /** One invalid address is said in the singular (copy review, stop 45: "addresses … (1): correct them"). */
    @Test
    void oneInvalidAddressIsSaidInTheSingular() {
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Recipient address that is not valid (1): correct it in Salesforce"), r.out());
    }

    @Test
    void textSummaryCountsEveryInvalidAddressAndListsTheFirstTen() throws IOException {
        StringBuilder log = new StringBuilder("Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,"
                + "Delivery Status\n");
        for (int m = 1; m <= 12; m++) {
            log.append("11/16/2026 8:00,1/A-").append(m).append(",R,bad").append(m).append("@,<").append(m)
                    .append("@sfdc.example>,\n");
        }
        log.append("11/16/2026 8:00,1/B,R,good@contoso.example,<g@sfdc.example>,\n");
        log.append("11/16/2026 8:01,1/B,D,good@contoso.example,<g@sfdc.example>,250 2.0.0 OK\n");
        Path file = dir.resolve("invalid-addresses.csv");
        Files.writeString(file, log, StandardCharsets.UTF_8);

        CliRun r = CliRun.of("analyze", file.toString());

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Recipient addresses that are not valid (12): correct them in Salesforce"),
                r.out());
        assertTrue(r.out().contains("'bad10@'"), r.out());
        assertFalse(r.out().contains("'bad11@'"), "ten examples at most: " + r.out());
        assertTrue(r.out().contains("  good@contoso.example: <g@sfdc.example>"), "a delivered example: " + r.out());
    }

    /** The review: a bare CR in a Delivery Status reached the terminal, and what followed it overwrote the status. */
    @Test
    void aCarriageReturnInTheLogCannotMoveTheCursor() throws IOException {
        Path file = dir.resolve("cr.csv");
        Files.writeString(file, "Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,"
                + "Delivery Status\n11/16/2026 8:00,1/A,R,bob@contoso.example,<b@sfdc.example>,\n"
                + "11/16/2026 8:01,1/A,P,bob@contoso.example,<b@sfdc.example>,\"550 5.1.1 no such user\rXXXX\"\n",
                StandardCharsets.UTF_8);
        CliRun r = CliRun.of("analyze", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no such user[U+000D]XXXX"), r.out());
        assertFalse(r.out().replace(System.lineSeparator(), "\n").contains("\r"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a csv at all\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007"})
    void unusableFileExitsTwoWithOneLine(String content) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content, StandardCharsets.ISO_8859_1);
        CliRun r = CliRun.of("analyze", f.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mailpath analyze: " + f + " "), r.err());
    }

    @Test
    void anUnusableFileIsNamedAsTypedSoAScriptSaysWhichOne() {
        CliRun missing = CliRun.of("analyze", dir.resolve("logs/march.csv").toString());
        assertEquals(2, missing.code());
        assertEquals("mailpath analyze: " + dir.resolve("logs/march.csv") + " does not exist.", missing.err().strip());
        CliRun folder = CliRun.of("analyze", dir.toString());
        assertEquals("mailpath analyze: " + dir + " is a folder, not an Email Log file.", folder.err().strip());
    }

    @Test
    void aControlCharacterInAFilesNameKeepsItsFolderAndIsShownAsACode() {
        // the engine's message has the ESC as a space ("a b.csv does not exist."): the folder was lost, and the name
        // said was that of another file
        Path typed = dir.resolve("nodir").resolve("a\u001Bb.csv");
        CliRun missing = CliRun.of("analyze", typed.toString());
        assertEquals(2, missing.code());
        assertEquals("mailpath analyze: " + dir.resolve("nodir").resolve("a[U+001B]b.csv") + " does not exist.",
                missing.err().strip());
        CliRun bare = CliRun.of("analyze", "no such \u001Bb.csv");
        assertEquals("mailpath analyze: no such [U+001B]b.csv does not exist.", bare.err().strip());
    }

    @Test
    void theChecksAndTheProbeHaveTheirOwnHeadingsAfterTheAnalysis() {
        // a resolver that does not answer: nothing is found, but both parts are printed
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--check-dns", "--probe-smtp",
                "--resolver", "127.0.0.1:1", "--timeout", "300");
        assertEquals(0, r.code(), r.err());
        String text = r.out();
        assertTrue(text.contains("contains a space\n\nDNS checks (--check-dns)\n\n== "), text);
        assertTrue(text.contains("\n\nSMTP probe of the failing domains' mail servers (--probe-smtp)\n\n== "), text);
        assertTrue(text.indexOf("DNS checks") < text.indexOf("SMTP probe"), text);
        CliRun probeOnly = CliRun.of("analyze", sample("sample-email-log.csv"), "--probe-smtp",
                "--resolver", "127.0.0.1:1", "--timeout", "300");
        assertTrue(probeOnly.out().contains("contains a space\n\nSMTP probe of the failing domains' mail servers"
                + " (--probe-smtp)\n\n== "), probeOnly.out());
    }

    @Test
    void missingFileAndBadArgumentsExitTwo() {
        assertEquals(2, CliRun.of("analyze", dir.resolve("nope.csv").toString()).code());
        assertEquals(2, CliRun.of("analyze").code());
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown format 'xml'"), r.err());
    }

    @Test
    void aReportFolderThatTakesNoFileIsExitTwoBeforeTheAnalysisIsPrinted() {
        // /proc is a folder in which no file can be created, whatever the permission bits say (root included)
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "Linux /proc");
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--report", proc.resolve("r.pdf").toString(),
                "--force");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "nothing analysed or printed for a report that cannot be written");
        assertTrue(r.err().startsWith("mailpath: --report /proc/r.pdf cannot be written: "), r.err());
        assertFalse(r.err().contains("does not exist"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aReportForADomainNotInTheLogIsExitTwoBeforeTheAnalysisIsPrinted(@org.junit.jupiter.api.io.TempDir Path dir) {
        // the analysis is needed to know the log's domains, but a refused run must not leave a summary on stdout
        // that a script would take for a result
        Path out = dir.resolve("r.pdf");
        CliRun r = CliRun.of("analyze", sample("sample-email-log.csv"), "--report", out.toString(),
                "--domain", "nosuch.example");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mailpath: --domain \"nosuch.example\": not a recipient domain"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void internalErrorExitsOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new AnalyzeCommand((file, p, c) -> {
            throw new IllegalStateException("boom");
        }));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> MailPathCommand.EXIT_INTERNAL);
        assertEquals(1, cl.execute(sample("sample-email-log.csv")));
    }
}
