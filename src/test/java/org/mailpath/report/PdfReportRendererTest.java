package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.report.SampleReportData;

class PdfReportRendererTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void everyMessageIdHeaderOfTheIncludedMessagesIsInTheText() throws IOException {
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, data.model(false), "sample");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            for (MessageChain c : data.analysis().chains()) {
                assertTrue(text.contains(squeeze(c.messageIdHeader())), c.messageIdHeader());
            }
            assertTrue(text.contains("contoso.example"));
            assertTrue(text.contains("müller@bücher.example"), "IDN and non-ASCII names print");
            assertTrue(text.contains("张伟@例子.example"), "CJK names print through the fallback font");
            assertTrue(text.contains("sfdc1._domainkey.acme.example.CNAMEsfdc1.k3x9p2.custdkim.salesforce.com."),
                    "the DKIM CNAMEs to publish are spelled out");
            assertTrue(text.contains("<script>alert('x')</script>"), "hostile text is printed as text");
        }
    }

    @Test
    void pagesAreNumberedFontsEmbeddedAndContentsLinked() throws IOException {
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, data.model(false), "sample");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3 && pages <= 8, "sensible page count: " + pages);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Page 1 of " + pages));
            assertTrue(text.matches("(?s).*Summary[ .]*1\\R.*"), "contents give page numbers");
            assertFalse(text.contains("null"), "no missing values printed");
            assertTrue(text.contains("Page " + pages + " of " + pages));
            List<PDFont> fonts = ReportTestSupport.fonts(doc);
            assertFalse(fonts.isEmpty());
            for (PDFont f : fonts) {
                assertTrue(f.isEmbedded(), f.getName() + " is embedded");
            }
            long links = 0;
            for (PDAnnotation a : doc.getPage(0).getAnnotations()) {
                links += a instanceof PDAnnotationLink ? 1 : 0;
            }
            assertTrue(links >= 3, "contents entries are links: " + links);
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("Email delivery report", info.getTitle());
            assertTrue(info.getProducer().startsWith("MailPath "));
            assertEquals(SampleReportData.GENERATED.toEpochMilli(), info.getCreationDate().getTimeInMillis());
        }
    }

    @Test
    void oneDomainLeftOutOfTheContentsIsSaidInTheSingular() throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, bouncedToDomains(13),
                "thirteen"))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("… and 1 more domain") && !text.contains("1 more domains"), text);
        }
    }

    /** A report of {@code n} bounced messages, each to a domain of its own. */
    private static ReportModel bouncedToDomains(int n) {
        org.mailpath.engine.report.ReportFixture f = new org.mailpath.engine.report.ReportFixture("many.csv");
        for (int i = 1; i <= n; i++) {
            f.message("<m" + i + "@sender.example>", "user@d" + i + ".example").received()
                    .permanentFailure("mx.d" + i + ".example", "192.0.2.1", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, org.mailpath.engine.finding.Actor.SENDER_ADMIN, "No such user.",
                            "Correct the address.");
        }
        return new org.mailpath.engine.report.ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).rawRows(f.rawRows()).build();
    }

    @Test
    void theContentsLineOfTheDomainsLeftOutGivesThePageOfTheFirstAndLinksThere() throws IOException {
        org.mailpath.engine.report.ReportFixture f = new org.mailpath.engine.report.ReportFixture("many.csv");
        for (int i = 1; i <= 15; i++) {
            f.message("<m" + i + "@sender.example>", "user@d" + i + ".example").received()
                    .permanentFailure("mx.d" + i + ".example", "192.0.2.1", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, org.mailpath.engine.finding.Actor.SENDER_ADMIN, "No such user.",
                            "Correct the address.");
        }
        ReportModel model = new org.mailpath.engine.report.ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).rawRows(f.rawRows()).build();
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "many");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("… and 3 more domains[ .]*(\\d+)\\R")
                    .matcher(text);
            assertTrue(more.find(), text);
            int page = Integer.parseInt(more.group(1));
            // the domains are listed in the report's order; the first left out of the contents starts that page
            String first = model.recipientDomains().get(12).domain();
            String thatPage = new PDFTextStripper() {
                {
                    setStartPage(page);
                    setEndPage(page);
                }
            }.getText(doc);
            assertTrue(thatPage.contains(first), first + " on page " + page + ": " + thatPage);
            long links = 0;
            for (PDAnnotation a : doc.getPage(0).getAnnotations()) {
                links += a instanceof PDAnnotationLink ? 1 : 0;
            }
            // Summary, the mail teams' part, 12 domains, the line for the rest, the appendix
            assertEquals(16, links);
        }
    }

    @Test
    void aMessageThatFitsOnAPageIsNotSplitButALongOneGoesOnUnderItsHeader() throws IOException {
        org.mailpath.engine.report.ReportFixture f = new org.mailpath.engine.report.ReportFixture("split.csv");
        String greylisted = "451 4.7.1 Greylisted, please try again later";
        for (int i = 1; i <= 40; i++) {
            f.message("<m" + i + "@sender.example>", "user" + i + "@d.example").received()
                    .transientFailure("mx.d.example", "192.0.2.1", greylisted)
                    .permanentFailure("mx.d.example", "192.0.2.1", "550 5.1.1 User unknown")
                    .bounced(Category.RECIPIENT, org.mailpath.engine.finding.Actor.SENDER_ADMIN, "No such user.",
                            "Correct the address.");
        }
        org.mailpath.engine.report.ReportFixture.Message longOne = f.message("<long@sender.example>",
                "long@d.example").received();
        for (int i = 0; i < 60; i++) {
            longOne.transientFailure("mx.d.example", "192.0.2.1", greylisted);
        }
        longOne.deferred(Category.RATE_LIMIT, org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM, "Greylisted.",
                "Wait.");
        ReportModel model = new org.mailpath.engine.report.ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).rawRows(f.rawRows()).build();
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "split");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            // 40 messages of three rows run over several pages, none of them split; the 61 rows of the long one are
            assertTrue(doc.getNumberOfPages() >= 4, "pages: " + doc.getNumberOfPages());
            java.util.regex.Matcher continued = java.util.regex.Pattern.compile("To (\\S+) \\(continued\\)")
                    .matcher(text);
            java.util.Set<String> split = new java.util.TreeSet<>();
            while (continued.find()) {
                split.add(continued.group(1));
            }
            assertEquals(java.util.Set.of("long@d.example"), split, text);
        }
    }

    /**
     * The review: the appendix said its rows were "exactly as they are in the file", but they are written again from
     * their fields, without the file's quotes. It says so, in both languages.
     */
    @Test
    void theAppendixSaysItsRowsAreTheFieldsWrittenAgainNotTheFilesLines() throws IOException {
        for (java.util.Locale language : java.util.List.of(java.util.Locale.ENGLISH,
                java.util.Locale.forLanguageTag("sv"))) {
            ReportModel model = data.model(false, language);
            String text = squeeze(pdfText(ReportTestSupport.render(ReportFormat.PDF, model, "appendix-words")));
            boolean en = language.equals(java.util.Locale.ENGLISH);
            assertFalse(text.contains(squeeze(en ? "exactly as they are in the file" : "exakt som de står i filen")),
                    language.toString());
            assertTrue(text.contains(squeeze(en ? "each row's fields as they are in the file, separated by commas,"
                    + " with quotes only around a field that holds a comma" : "varje rads fält som de står i filen,"
                    + " åtskilda med kommatecken och med citattecken bara kring ett fält")), language.toString());
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void redactionRemovesLocalPartsFromTextAndMetadata() throws IOException {
        ReportModel model = data.model(true);
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "sample-redacted");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String squeezed = squeeze(text).toLowerCase(java.util.Locale.ROOT);
            for (String local : SampleReportData.LOCAL_PARTS) {
                assertFalse(squeezed.contains(squeeze(local) + "@"), local + "@ must not appear");
            }
            assertFalse(squeezed.contains("john.doe"), "not even without a domain");
            assertFalse(text.contains("0055g00000ABCDE"), "user IDs are dropped");
            assertTrue(text.contains("j***@contoso.example"));
            assertTrue(squeeze(text).contains(squeeze("except that the local parts of addresses are masked")),
                    "the appendix does not claim its masked rows are exactly as in the file");
            assertFalse(squeeze(text).contains(squeeze("exactly as they are in the file")));
            assertTrue(text.contains("Status line as logged, addresses masked"), "nor that its replies are");
            assertFalse(text.contains("exactly as logged"));
            for (MessageChain c : data.analysis().chains()) {
                assertTrue(squeeze(text).contains(squeeze(c.messageIdHeader())), "Message IDs are kept");
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            String meta = String.join("|", info.getTitle(), info.getSubject(), info.getProducer(), info.getCreator(),
                    String.valueOf(info.getAuthor()), String.valueOf(info.getKeywords()));
            for (String local : SampleReportData.LOCAL_PARTS) {
                assertFalse(meta.contains(local), meta);
            }
        }
    }

    @Test
    void hostileAndHugeValuesAreDrawnAsTextNeverFailTheReport() throws IOException {
        ReportFixture f = new ReportFixture("hostile.csv");
        String huge = "x".repeat(100_000);
        f.message("<" + "a".repeat(300) + "@host.example>", "eve@evil.example").received()
                .permanentFailure("mx.evil.example", "192.0.2.66", "550 \u0000\u001b[31m\u202egnp.exe \uD83D\uDE00 "
                        + "\u05E9\u05DC\u05D5\u05DD Привет " + huge)
                .bounced(Category.UNKNOWN, Actor.NOBODY, "", "");
        ReportModel model = f.model();
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "hostile");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("[U+0000]") && text.contains("[U+001B]") && text.contains("[U+202E]"),
                    "control and direction characters are shown, not obeyed");
            assertTrue(text.contains("Привет"));
            assertTrue(squeeze(text).contains("morecharactersnotshown"), "a huge value is cut in the PDF");
            assertTrue(doc.getNumberOfPages() < 10, "pages: " + doc.getNumberOfPages());
            assertTrue(squeeze(text).contains("a".repeat(300) + "@host.example"), "long Message ID wrapped whole");
            assertTrue(squeeze(text).contains(squeeze("Bounced because it was refused for a reason the log does not make clear.")),
                    "a cause without a recognised reply is a whole sentence in the cause table");
        }
    }

    @Test
    void bookmarksAndDocumentInformationShowBidiAndInvisibleCharactersAsThePagesDo() throws IOException {
        // the pages said [U+202E]; the viewer's bookmarks and title bar obeyed it and showed "moc.example"
        ReportFixture f = new ReportFixture("b\u200Bidi\u202E.csv");
        f.message("<m1@host.example>", "bob@\u202Eelpmaxe.moc").received()
                .permanentFailure("mx.x.example", "192.0.2.1", "550 5.1.1 unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = f.model();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "bidi"))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("Email delivery report — [U+202E]elpmaxe.moc", info.getTitle());
            assertEquals("Salesforce Email Log analysis of b[U+200B]idi[U+202E].csv", info.getSubject());
            List<String> titles = new ArrayList<>();
            for (var item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
            }
            assertTrue(titles.contains("For the mail team of [U+202E]elpmaxe.moc"), titles.toString());
            for (String t : titles) {
                assertFalse(t.contains("\u202E"), t);
            }
        }
    }

    @Test
    void aValueCutForLengthIsNotCutInsideACharacter() throws IOException {
        // the cut at 2,000 chars fell between the halves of an emoji and printed a lone [U+D83D]
        ReportFixture f = new ReportFixture("emoji.csv");
        f.message("<m1@host.example>", "bob@x.example").received()
                .permanentFailure("mx.x.example", "192.0.2.1", "5".repeat(1999) + "😀".repeat(10))
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "emoji"))) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertFalse(text.contains("[U+D83D]"), "no half character");
            assertTrue(text.contains("5…[10morecharactersnotshown]"), "counted in characters, not UTF-16 units");
        }
    }

    @Test
    void aDomainHeadingIsOnThePageOfItsFirstMessageAndALongTitleIsShortenedInTheHeader() throws Exception {
        // the sample's report used to leave "oldcorp.example", its counts and an empty table heading at a page foot
        Path log = Path.of(System.getProperty("mailpath.projectDir", "."), "assets", "samples",
                "sample-email-log.csv");
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportModel model = new ReportBuilder(analysis, ReportOptions.defaults()).rawRows(new CsvRawRows(log)).build();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "sample"))) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            int checked = 0;
            List<String> missing = new ArrayList<>();
            for (RecipientDomainSection s : model.recipientDomains()) {
                missing.add(s.domain());
                // the page's text may begin with it: the running header is drawn last
                java.util.regex.Pattern heading = java.util.regex.Pattern.compile("(^|\n)" + java.util.regex.Pattern.quote(
                        s.domain()) + "[^\n]*\n" + s.counts().messages() + " messages?:");
                for (String page : pages) {
                    String text = page.replace("\r", "");
                    if (heading.matcher(text).find()) {
                        assertTrue(squeeze(text).contains(squeeze(s.messages().getFirst().messageIdHeader())),
                                s.domain() + "'s heading is on the page of its first message");
                        checked++;
                        missing.remove(s.domain());
                    }
                }
            }
            assertEquals(model.recipientDomains().size(), checked, "every domain heading found once: " + missing);
        }

        String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".example";
        ReportFixture f = new ReportFixture("long.csv");
        f.message("<m1@x.example>", "a@" + domain).received().permanentFailure("mx." + domain, "192.0.2.1",
                "550 5.1.1 unknown").bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel one = new ReportBuilder(f.analysis(), new ReportOptions(Set.of(domain), Set.of(), false,
                SampleReportData.GENERATED, "test")).rawRows(f.rawRows()).build();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, one, "long"))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String header = stripper.getText(doc).lines().filter(l -> l.startsWith("Email delivery report"))
                    .findFirst().orElse("");
            assertTrue(header.contains("dddd") && header.contains("…"), header);
        }
    }

    @Test
    void aMessageWhoseRowsGoOnToTheNextPageIsNamedAgainThere() throws IOException {
        ReportFixture f = new ReportFixture("retries.csv");
        ReportFixture.Message m = f.message("<long-retry@x.example>", "ann@slow.example").received();
        for (int i = 0; i < 60; i++) {
            m.transientFailure("mx.slow.example", "192.0.2.7", "451 4.4.1 [internal] Connection Timed Out");
        }
        m.bounced(Category.NETWORK, Actor.RECIPIENT_MAIL_TEAM, "", "");
        ReportModel model = new ReportBuilder(f.analysis(), new ReportOptions(Set.of("slow.example"), Set.of(), false,
                SampleReportData.GENERATED, "test")).rawRows(f.rawRows()).build();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "retries"))) {
            int pagesWithRows = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                if (page.contains("Deferred (T)")) {
                    pagesWithRows++;
                    // a page of only event rows would not say whose they are
                    assertTrue(page.contains("long-retry@x.example"), "page " + p + ":\n" + page);
                    if (pagesWithRows > 1) {
                        assertTrue(page.contains("To ann@slow.example (continued)"), "page " + p + ":\n" + page);
                    }
                }
            }
            assertTrue(pagesWithRows >= 2, "the 60 retries fill more than one page");
        }
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
