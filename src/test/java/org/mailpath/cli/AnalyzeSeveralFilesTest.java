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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * {@code mailpath analyze FILE FILE…}: several Email Logs (one per request of at most 7 days) analysed together. The
 * logs are the repository's synthetic sample (assets/samples/sample-email-log.csv, 99 rows, 40 messages) cut into two
 * requests that overlap by 33 rows ({@link SampleRequests}).
 */
class AnalyzeSeveralFilesTest {

    @TempDir
    Path dir;

    private Path first;
    private Path second;

    @BeforeEach
    void twoOverlappingRequests() throws Exception {
        first = SampleRequests.write(dir, "first.csv", SampleRequests.firstRows());
        second = SampleRequests.write(dir, "second.csv", SampleRequests.secondRows());
    }

    @Test
    void jsonKeepsFileAndListsEveryFileWithItsCounts() throws Exception {
        CliRun r = CliRun.of("analyze", first.toString(), second.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("first.csv", j.get("file").asText());
        assertEquals(132, j.get("rows").asInt(), "rows read, the 33 copies included");
        assertEquals(40, j.get("messages").asInt(), "as the whole sample");
        assertEquals("[{\"file\":\"first.csv\",\"label\":\"first.csv\",\"usable\":true,\"rows\":66,"
                + "\"rejectedRows\":0,\"copiesLeftOut\":0,\"blankRows\":0},{\"file\":\"second.csv\","
                + "\"label\":\"second.csv\",\"usable\":true,\"rows\":66,\"rejectedRows\":0,\"copiesLeftOut\":33,"
                + "\"blankRows\":0}]",
                j.get("files").toString());
        JsonNode problem = j.get("problems").get(0);
        assertEquals(1, j.get("problems").size());
        assertEquals("second.csv", problem.get("file").asText());
        assertEquals("second.csv", problem.get("fileLabel").asText());
        assertEquals(2, problem.get("line").asInt());
        assertTrue(problem.get("message").asText().startsWith("33 rows are exact copies of an earlier row"),
                problem.toString());
        // each chain says which file its first line is in: the sample's last message starts in the second file only
        List<String> firstFiles = StreamSupport.stream(j.get("chains").spliterator(), false)
                .map(c -> c.get("firstFile").asText()).distinct().toList();
        assertEquals(List.of("first.csv", "second.csv"), firstFiles);
        CliRun whole = CliRun.of("analyze", LogFixtures.sample("sample-email-log.csv").toString(), "--format", "json");
        JsonNode w = new ObjectMapper().readTree(whole.out());
        assertEquals(w.get("verdicts"), j.get("verdicts"));
        assertEquals(w.get("domains"), j.get("domains"));
        assertFalse(w.get("chains").get(0).has("firstFile"), "a single log's chains keep their form");
        assertFalse(w.get("chains").get(0).has("firstFileLabel"));
        assertFalse(w.get("files").get(0).has("label"), "a single log's files keep their form");
        assertFalse(w.get("problems").isEmpty() ? false : w.get("problems").get(0).has("fileLabel"));
    }

    /** Two exports of one name (Salesforce names them alike), each in a folder of its own. */
    private List<Path> janAndFeb() throws Exception {
        Files.createDirectories(dir.resolve("jan"));
        Files.createDirectories(dir.resolve("feb"));
        return List.of(SampleRequests.write(dir, "jan/EmailLog.csv", SampleRequests.firstRows()),
                SampleRequests.write(dir, "feb/EmailLog.csv", SampleRequests.secondRows()));
    }

    @Test
    void jsonKeepsTheNamesOfFilesOfOneNameAndAddsTheLabelsThatTellThemApart() throws Exception {
        List<Path> logs = janAndFeb();
        CliRun r = CliRun.of("analyze", logs.get(0).toString(), logs.get(1).toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("EmailLog.csv", j.get("file").asText());
        assertEquals("[{\"file\":\"EmailLog.csv\",\"label\":\"jan/EmailLog.csv\",\"usable\":true,\"rows\":66,"
                + "\"rejectedRows\":0,\"copiesLeftOut\":0,\"blankRows\":0},{\"file\":\"EmailLog.csv\","
                + "\"label\":\"feb/EmailLog.csv\",\"usable\":true,\"rows\":66,\"rejectedRows\":0,\"copiesLeftOut\":33,"
                + "\"blankRows\":0}]",
                j.get("files").toString());
        JsonNode problem = j.get("problems").get(0);
        assertEquals("EmailLog.csv", problem.get("file").asText());
        assertEquals("feb/EmailLog.csv", problem.get("fileLabel").asText());
        assertTrue(problem.get("message").asText().contains(" of jan/EmailLog.csv): "), problem.toString());
        List<String> firstFiles = StreamSupport.stream(j.get("chains").spliterator(), false)
                .map(c -> c.get("firstFile").asText() + " " + c.get("firstFileLabel").asText()).distinct().toList();
        assertEquals(List.of("EmailLog.csv jan/EmailLog.csv", "EmailLog.csv feb/EmailLog.csv"), firstFiles);
    }

    @Test
    void textTellsFilesOfOneNameApartByTheirFolder() throws Exception {
        List<Path> logs = janAndFeb();
        CliRun r = CliRun.of("analyze", logs.get(0).toString(), logs.get(1).toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("  jan/EmailLog.csv: 66 rows", lines.get(2));
        assertEquals("  feb/EmailLog.csv: 66 rows, 33 left out as copies", lines.get(3));
        assertTrue(r.out().contains("\nProblems in the files\n  feb/EmailLog.csv: line 2: 33 rows are exact copies"),
                r.out());
    }

    @Test
    void aReportTellsFilesOfOneNameApartInItsTitleAndAppendix() throws Exception {
        List<Path> logs = janAndFeb();
        Path txt = dir.resolve("report.txt");
        Path json = dir.resolve("report.json");
        for (Path out : List.of(txt, json)) {
            CliRun r = CliRun.of("analyze", logs.get(0).toString(), logs.get(1).toString(), "--report",
                    out.toString());
            assertEquals(0, r.code(), r.err());
        }
        String report = Files.readString(txt);
        assertTrue(report.contains("(jan/EmailLog.csv, feb/EmailLog.csv, "), report);
        String rows = report.substring(report.indexOf("Log rows of these messages"));
        assertTrue(rows.contains("\njan/EmailLog.csv\n"), rows);
        assertTrue(rows.contains("\n\nfeb/EmailLog.csv\n"), rows);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("[\"jan/EmailLog.csv\",\"feb/EmailLog.csv\"]", j.get("title").get("fileNames").toString());
        assertEquals(List.of("jan/EmailLog.csv", "feb/EmailLog.csv"), StreamSupport.stream(
                j.get("appendix").get("files").spliterator(), false).map(x -> x.get("file").asText()).toList());
        // each file's rows once, under its own file: by name alone both files' rows would be under each
        long janRows = StreamSupport.stream(j.get("appendix").get("rows").spliterator(), false)
                .filter(x -> x.get("file").asText().equals("jan/EmailLog.csv")).count();
        long febRows = StreamSupport.stream(j.get("appendix").get("rows").spliterator(), false)
                .filter(x -> x.get("file").asText().equals("feb/EmailLog.csv")).count();
        assertEquals(j.get("appendix").get("rows").size(), janRows + febRows);
        assertTrue(janRows > 0 && febRows > 0, janRows + " " + febRows);
    }

    @Test
    void textNamesTheFiles() {
        CliRun r = CliRun.of("analyze", first.toString(), second.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("MailPath analysis of 2 files, analysed together as one log", lines.get(0));
        assertTrue(lines.get(1).startsWith("132 rows read, 40 messages, "), lines.get(1));
        assertEquals("  first.csv: 66 rows", lines.get(2));
        assertEquals("  second.csv: 66 rows, 33 left out as copies", lines.get(3));
        assertTrue(r.out().contains("\nProblems in the files\n  second.csv: line 2: 33 rows are exact copies"),
                r.out());
    }

    /**
     * Rows Excel left behind (separators only) in the second of two logs: counted in its entry of {@code files},
     * said by its own warning, which names it, in the JSON and the text, and not counted as rows.
     */
    @Test
    void rowsOfSeparatorsOnlyAreCountedAndSaidForTheirOwnFile() throws Exception {
        List<String> rows = new ArrayList<>(SampleRequests.secondRows());
        rows.addAll(List.of(",".repeat(16), ",".repeat(16)));
        rows.add(5, ",".repeat(16));
        Path leftovers = SampleRequests.write(dir, "leftovers.csv", rows);
        String message = "3 rows hold only separators (lines 7, 69\u201370), probably rows Excel left behind after"
                + " their contents were deleted; they were skipped.";

        JsonNode j = new ObjectMapper().readTree(CliRun.of("analyze", first.toString(), leftovers.toString(),
                "--format", "json").out());
        assertEquals(132, j.get("rows").asInt(), "not data rows: not counted as rows");
        assertEquals(0, j.get("files").get(0).get("blankRows").asInt());
        assertEquals(66, j.get("files").get(1).get("rows").asInt());
        assertEquals(3, j.get("files").get(1).get("blankRows").asInt());
        List<String> fields = new ArrayList<>();
        j.get("files").get(1).fieldNames().forEachRemaining(fields::add);
        assertEquals("blankRows", fields.getLast(), "added after the fields scripts know");
        JsonNode warning = StreamSupport.stream(j.get("problems").spliterator(), false)
                .filter(p -> p.get("message").asText().contains("only separators")).findFirst().orElseThrow();
        assertEquals(message, warning.get("message").asText());
        assertEquals("leftovers.csv", warning.get("file").asText());
        assertEquals(7, warning.get("line").asInt());
        assertFalse(warning.get("rejected").asBoolean());

        String text = CliRun.of("analyze", first.toString(), leftovers.toString()).out();
        assertTrue(text.contains("\n  leftovers.csv: 66 rows, 33 left out as copies, 3 rows of separators only"
                + " skipped\n"), text);
        assertTrue(text.contains("\n  leftovers.csv: line 7: " + message + "\n"), text);

        CliRun alone = CliRun.of("analyze", leftovers.toString());
        assertEquals(0, alone.code(), alone.err());
        assertTrue(alone.out().contains("\nProblems in the file\n  line 7: " + message + "\n"), alone.out());
        assertEquals(3, new ObjectMapper().readTree(CliRun.of("analyze", leftovers.toString(), "--format", "json")
                .out()).get("files").get(0).get("blankRows").asInt());
    }

    @Test
    void anUnusableFileAmongThemIsNamedAndTheOthersAreAnalysed() {
        Path empty = LogFixtures.write(dir, "empty.csv", "");
        CliRun r = CliRun.of("analyze", first.toString(), empty.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  empty.csv: not analysed (see Problems in the files)\n"), r.out());
        // named once: the message names the file first
        assertTrue(r.out().contains("\n  empty.csv is empty (0 bytes). It was left out; the other files were"
                + " analysed.\n"), r.out());
        // and on stderr, where a scheduled job's mistyped path is seen though the exit is 0
        assertEquals("mailpath analyze: empty.csv was not analysed, the other files were (the output's problems say"
                + " why)", r.err().strip());
    }

    /** A file left out is no source: the report and the JSON name only the files analysed, the first of them. */
    @Test
    void aFileLeftOutIsNotNamedAsASource() throws Exception {
        Path missing = dir.resolve("nosuch.csv");
        Path report = dir.resolve("r.txt");
        CliRun r = CliRun.of("analyze", missing.toString(), first.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(report);
        assertTrue(text.contains("looked at the delivery log (first.csv, "), text);
        assertFalse(text.contains("nosuch.csv,"), text);
        CliRun j = CliRun.of("analyze", missing.toString(), first.toString(), second.toString(), "--format", "json");
        assertEquals(0, j.code(), j.err());
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertEquals("first.csv", json.get("file").asText(), "the first file analysed");
        // the file left out is still listed as given, and its reason is one of the problems
        assertEquals("nosuch.csv", json.get("files").get(0).get("file").asText());
        assertFalse(json.get("files").get(0).get("usable").asBoolean());
        assertTrue(StreamSupport.stream(json.get("problems").spliterator(), false)
                .anyMatch(p -> p.get("message").asText().startsWith("nosuch.csv does not exist.")), j.out());
    }

    @Test
    void whenNoFileIsUsableItIsExit2WithEveryReason() {
        Path empty = LogFixtures.write(dir, "empty.csv", "");
        CliRun r = CliRun.of("analyze", empty.toString(), dir.resolve("missing.csv").toString());
        assertEquals(2, r.code());
        assertEquals("mailpath analyze: None of the 2 files can be analysed. empty.csv is empty (0 bytes)."
                + " missing.csv does not exist.", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void helpSaysSeveralFilesMayBeGiven() {
        String help = CliRun.of("analyze", "--help").out();
        assertTrue(help.contains("FILE..."), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("several (e.g. one per 7-day request) are analysed together"
                + " as one log"), help);
    }

    /** An older request without the TLS columns and a newer one with them; the T row is in both. */
    private List<Path> olderAndNewer() {
        String h15 = "\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Sender\",\"Remote Host\","
                + "\"Bytes Transferred\",\"User ID\",\"Message ID Header\",\"Retry Count\",\"Seconds in Queue\","
                + "\"Delivery Stage\",\"Relay Address\",\"Relay Host\",\"Delivery Status\"";
        String r = row("3/6/2026 13:37", "R", "");
        String t = row("3/6/2026 13:38", "T", "451 4.7.1 Greylisted");
        String d = row("3/6/2026 13:50", "D", "250 OK");
        Path older = LogFixtures.write(dir, "older.csv", LogFixtures.lines(h15, r, t));
        Path newer = LogFixtures.write(dir, "newer.csv", LogFixtures.lines(h15 + ",\"TLS_Cipher\",\"TLS_Verified\"",
                t + ",\"\",\"\"", d + ",\"TLSv1.3:TLS_AES_256_GCM_SHA384\",\"Verified\""));
        return List.of(older, newer);
    }

    private static String row(String date, String event, String status) {
        return String.join(",", List.of(date, "16/A4-m", event, "a@acme.example", "user@acme.example", "10.0.0.1",
                "1000", "005000000000001", "m@sfdc.example", "0", "0", "", "192.0.2.1", "mx.example", status).stream()
                .map(LogFixtures::q).toList());
    }

    @Test
    void aTextReportNamesTheFilesAndQuotesEachFilesRowsUnderItsOwnHeader() throws Exception {
        List<Path> logs = olderAndNewer();
        Path txt = dir.resolve("report.txt");
        CliRun r = CliRun.of("analyze", logs.get(0).toString(), logs.get(1).toString(), "--report", txt.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  newer.csv: 2 rows, 1 left out as a copy\n"), r.out());
        String report = Files.readString(txt);
        assertTrue(report.contains("have looked at the delivery logs\n(older.csv, newer.csv, 6 March 2026"), report);
        String columns = "Line,Date,Internal Message ID,Mail Event,Recipient,Sender,Remote Host,Bytes Transferred,"
                + "User ID,Message ID Header,Retry Count,Seconds in Queue,Delivery Stage,Relay Address,Relay Host,"
                + "Delivery Status";
        String rows = report.substring(report.indexOf("Log rows of these messages"), report.indexOf("\n-- \n"));
        String heading = "Log rows of these messages (their files' fields, as CSV)";
        assertEquals(List.of(heading, "-".repeat(heading.length()),
                "older.csv",
                columns,
                "2,3/6/2026 13:37,16/A4-m,R,a@acme.example,user@acme.example,10.0.0.1,1000,005000000000001,"
                        + "m@sfdc.example,0,0,,192.0.2.1,mx.example,",
                "3,3/6/2026 13:38,16/A4-m,T,a@acme.example,user@acme.example,10.0.0.1,1000,005000000000001,"
                        + "m@sfdc.example,0,0,,192.0.2.1,mx.example,451 4.7.1 Greylisted",
                "",
                "newer.csv",
                columns + ",TLS_Cipher,TLS_Verified",
                "3,3/6/2026 13:50,16/A4-m,D,a@acme.example,user@acme.example,10.0.0.1,1000,005000000000001,"
                        + "m@sfdc.example,0,0,,192.0.2.1,mx.example,250 OK,TLSv1.3:TLS_AES_256_GCM_SHA384,Verified"),
                rows.lines().toList());
    }

    @Test
    void htmlJsonAndPdfReportsNameEveryFile() throws Exception {
        List<Path> logs = olderAndNewer();
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        Path pdf = dir.resolve("report.pdf");
        for (Path out : List.of(html, json, pdf)) {
            CliRun r = CliRun.of("analyze", logs.get(0).toString(), logs.get(1).toString(), "--report", out.toString());
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Files.size(pdf) > 1000, "the PDF with an appendix per file is written");
        String h = Files.readString(html);
        assertTrue(h.contains("<bdi dir=\"ltr\">older.csv</bdi>, <bdi dir=\"ltr\">newer.csv</bdi>"), h);
        assertTrue(h.contains("<bdi dir=\"ltr\">older.csv</bdi> \u2014 columns: "), h);
        assertTrue(h.contains("<bdi dir=\"ltr\">newer.csv</bdi> \u2014 columns: "), h);
        assertTrue(h.contains("<bdi dir=\"ltr\">Delivery Status</bdi>, <bdi dir=\"ltr\">TLS_Cipher</bdi>"), h);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("[\"older.csv\",\"newer.csv\"]", j.get("title").get("fileNames").toString());
        assertEquals("older.csv, newer.csv", j.get("title").get("fileName").asText());
        assertEquals(List.of("older.csv", "older.csv", "newer.csv"), StreamSupport.stream(
                j.get("appendix").get("rows").spliterator(), false).map(x -> x.get("file").asText()).toList());
        assertEquals(List.of("older.csv", "newer.csv"), StreamSupport.stream(
                j.get("appendix").get("files").spliterator(), false).map(x -> x.get("file").asText()).toList());
        assertEquals(List.of("older.csv:2", "older.csv:3", "newer.csv:3"), StreamSupport.stream(
                j.at("/recipientDomains/0/messages/0/events").spliterator(), false)
                .map(x -> x.get("file").asText() + ":" + x.get("line").asInt()).toList());
    }
}
