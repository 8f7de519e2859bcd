package org.mailpath.report.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;

class CsvReportRendererTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void oneRowPerMessageUnderItsHeaderReadBackExactlyByACsvParser() throws IOException {
        List<CSVRecord> rows = parse(render(data.model(false), "sample"));
        assertEquals(List.of("Domain", "Message ID Header", "Internal Message ID", "Recipient", "Envelope sender",
                "Verdict", "Cause", "Category", "Events", "Transient failures (T)", "Received (UTC)",
                "Last transient failure (UTC)", "Delivered (UTC)", "Failed permanently (UTC)", "Relay host",
                "Relay address", "TLS", "Last status line", "What it means", "What to do", "Who must act",
                "Address problem", "Internal hand-offs (D with TLS_Cipher None)"), rows.get(0).toList());
        List<CSVRecord> messages = rows.subList(1, rows.size());
        assertEquals(data.analysis().chains().size(), messages.size());
        assertEquals(data.analysis().chains().stream().map(MessageChain::messageIdHeader).sorted().toList(),
                messages.stream().map(r -> r.get(1)).sorted().toList());

        Map<String, CSVRecord> byRecipient = messages.stream()
                .collect(Collectors.toMap(r -> r.get(3), Function.identity()));
        CSVRecord dns = byRecipient.get("john.doe@contoso.example");
        assertEquals(List.of("contoso.example", "Bounced", "Recipient DNS", "DNS", "RTTP", "2"),
                List.of(dns.get(0), dns.get(5), dns.get(6), dns.get(7), dns.get(8), dns.get(9)));
        assertEquals("554 5.4.4 [internal] Domain Lookup Failed", dns.get(17));
        assertEquals("Salesforce could not resolve the recipient domain's mail servers.", dns.get(18));
        assertEquals("The recipient's DNS servers must comply with current DNS standards (EDNS).", dns.get(19));
        assertEquals("Recipient's mail team", dns.get(20));

        CSVRecord greylisted = byRecipient.get("müller@bücher.example");
        assertEquals(List.of("Delivered", "", "", "RDTD", "1", "mx.bücher.example", "192.0.2.25"),
                List.of(greylisted.get(5), greylisted.get(6), greylisted.get(7), greylisted.get(8),
                        greylisted.get(9), greylisted.get(14), greylisted.get(15)));
        assertEquals("250 2.0.0 Ok: queued as 4XkT2b0Zq9z", greylisted.get(17));
        assertEquals("", greylisted.get(20), "no fix, so nobody is named to act");
        assertTrue(greylisted.get(12).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), greylisted.get(12));

        // quotes, a comma, angle brackets and an ampersand come back exactly as logged
        assertEquals("550 5.7.1 <script>alert('x')</script> \"quoted\" & rejected for <hostile@fabrikam.example>",
                byRecipient.get("hostile@fabrikam.example").get(17));
        assertEquals("Received only", byRecipient.get("carla.diaz@fabrikam.example").get(5));
    }

    @Test
    void utf8WithAByteOrderMarkAndCrlfLineEnds() throws IOException {
        byte[] csv = render(data.model(false), "sample");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3),
                "without it Excel reads UTF-8 as the ANSI code page");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "every line ends in CRLF");
        assertTrue(text.contains("张伟@例子.example"));
    }

    @Test
    void aRedactedReportsCsvHasTheRedactedValues() throws IOException {
        List<CSVRecord> rows = parse(render(data.model(true), "sample-redacted"));
        List<String> recipients = rows.subList(1, rows.size()).stream().map(r -> r.get(3)).toList();
        assertTrue(recipients.contains("j***@contoso.example"), recipients.toString());
        assertTrue(recipients.stream().noneMatch(r -> r.startsWith("john.doe")), recipients.toString());
    }

    @Test
    void writtenInTheReportsLanguage() throws IOException {
        ReportModel swedish = new ReportBuilder(data.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withLanguage(Locale.forLanguageTag("sv")))
                .checks(data.checks()).build();
        List<CSVRecord> rows = parse(render(swedish, "sample-sv"));
        assertEquals("Mottagare", rows.get(0).get(3));
        assertEquals("Kategori", rows.get(0).get(7));
        assertTrue(rows.subList(1, rows.size()).stream().anyMatch(r -> r.get(5).equals("Studsat")),
                "verdicts in Swedish");
        assertTrue(rows.subList(1, rows.size()).stream().anyMatch(r -> r.get(7).equals("DNS")),
                "the category stays its stable id");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)")) {
            assertEquals("'" + formula, CsvReportRenderer.inert(formula));
        }
        for (String text : List.of("", "550 5.1.1 User unknown", "a=b", "john.doe@contoso.example", "'quoted'")) {
            assertEquals(text, CsvReportRenderer.inert(text));
        }
    }

    @Test
    void hiddenCharactersFromTheLogShowAsEscapesAsInEveryFormat() throws IOException {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<1@x>", "bob@example.com").received().permanentFailure("mx.example.com", "192.0.2.1",
                        "550 5.1.1 \u202Egnp.exe user unknown\r\n=1+1")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.", "=cmd|' /C calc'!A0");
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        CSVRecord row = parse(render(model, "hidden")).get(1);
        assertEquals("550 5.1.1 [U+202E]gnp.exe user unknown[U+000D][U+000A]=1+1", row.get(17));
        assertEquals("'=cmd|' /C calc'!A0", row.get(19));
    }

    @Test
    void aHandOffBetweenSalesforceServersIsCountedAndItsReplyIsNotTheLastStatusLine() throws IOException {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<1@x>", "handoff@northwind.example").received().internalHandoff().receivedOnly();
        f.message("<2@x>", "two.hops@northwind.example").received().internalHandoff().internalHandoff()
                .delivery("mx.northwind.example", "192.0.2.7", "250 2.0.0 Ok: queued as ABC", "TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        Map<String, CSVRecord> byRecipient = parse(render(model, "handoff")).stream().skip(1)
                .collect(Collectors.toMap(r -> r.get(3), Function.identity()));

        CSVRecord handoff = byRecipient.get("handoff@northwind.example");
        assertEquals(List.of("Received only", "RD", "", "1"),
                List.of(handoff.get(5), handoff.get(8), handoff.get(17), handoff.get(22)),
                "the hand-off's 250 would read as the recipient's acceptance");
        CSVRecord delivered = byRecipient.get("two.hops@northwind.example");
        assertEquals(List.of("Delivered", "RDDD", "250 2.0.0 Ok: queued as ABC", "2"),
                List.of(delivered.get(5), delivered.get(8), delivered.get(17), delivered.get(22)));
    }

    @Test
    void theFormatIsChosenByTheCsvExtension() {
        assertEquals(ReportFormat.CSV, ReportFormat.forFile(Path.of("out", "Report.CSV")).orElseThrow());
    }

    private static byte[] render(ReportModel model, String name) throws IOException {
        return ReportTestSupport.render(ReportFormat.CSV, model, name);
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
