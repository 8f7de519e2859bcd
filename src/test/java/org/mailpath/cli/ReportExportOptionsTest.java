package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.TestLanguages;
import picocli.CommandLine;

/** The report options on a command like {@code analyze}, with the real log analyzer and the sample logs. */
class ReportExportOptionsTest {

    private static final Path SAMPLE = Path.of(System.getProperty("mailpath.projectDir", "."),
            "assets", "samples", "sample-email-log.csv");

    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReportOnlyCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("mailpath: " + e.getMessage());
            return MailPathCommand.EXIT_USAGE;
        });
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void aReportLimitListsTheMostImportantMessagesInTheReadFormatsOnly() throws Exception {
        Path txt = dir.resolve("report.txt");
        Run r = run(SAMPLE.toString(), "--report", txt.toString(), "--report-limit", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(" messages, 1 listed (--report-limit), "), r.err());
        assertTrue(Files.readString(txt).replaceAll("\\s+", " ")
                .contains("this report lists 1 with their events and log rows, chosen so"));
        // JSON is for programs: every message, whatever the limit
        Path json = dir.resolve("report.json");
        Run j = run(SAMPLE.toString(), "--report", json.toString(), "--report-limit", "1");
        assertEquals(0, j.code(), j.err());
        assertFalse(j.err().contains("listed (--report-limit)"), j.err());
        // the sample's reports list every message by default
        Run all = run(SAMPLE.toString(), "--report", dir.resolve("all.pdf").toString());
        assertFalse(all.err().contains("listed (--report-limit)"), all.err());
        assertEquals(2, run(SAMPLE.toString(), "--report", dir.resolve("x.pdf").toString(), "--report-limit", "-1")
                .code());
        Run without = run(SAMPLE.toString(), "--report-limit", "5");
        assertEquals(2, without.code());
        assertTrue(without.err().contains("--report-limit needs --report OUT"), without.err());
    }

    @Test
    void writesARedactedPdfOfTheSampleLogWithEveryMessageId() throws Exception {
        Path out = dir.resolve("report.pdf");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--redact");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("mailpath: report written to " + out), r.err());
        // every domain in one report: it says how to make one for a single domain's mail team
        assertTrue(r.err().contains("\nmailpath: the report covers 17 recipient domains; for one domain's mail team,"
                + " write it with --domain DOMAIN.\n"), r.err());
        LogAnalysis analysis = LogFixtures.analyze(SAMPLE);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            for (MessageChain c : analysis.chains()) {
                assertTrue(text.contains(c.messageIdHeader().replaceAll("\\s+", "")), c.messageIdHeader());
                String local = c.recipient().substring(0, c.recipient().indexOf('@') + 1);
                assertFalse(local.length() > 2 && text.contains(local), "redacted: " + c.recipient());
                assertFalse(!c.userId().isBlank() && text.contains(c.userId()), "user ID dropped: " + c.userId());
            }
            assertTrue(text.contains("Appendix"));
        }
    }

    @Test
    void filtersByDomainIntoHtml() throws IOException {
        Path out = dir.resolve("contoso.html");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "contoso.example");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("recipient domains; for one domain's"), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("contoso.example"));
        assertFalse(html.contains("fabrikam.example</h3>"));
    }

    @Test
    void verdictSharesAddUpTo100InHtmlAndPdf() throws IOException {
        // 15, 20, 3 and 2 of 40 messages: 37.5, 50, 7.5 and 5 %, rounded alone 38 + 50 + 8 + 5 = 101
        Path html = dir.resolve("shares.html");
        assertEquals(0, run(SAMPLE.toString(), "--report", html.toString()).code());
        String page = Files.readString(html);
        for (String share : List.of("15 (38 %)", "20 (50 %)", "3 (7 %)", "2 (5 %)")) {
            assertTrue(page.contains(share), share);
        }
        Path pdf = dir.resolve("shares.pdf");
        assertEquals(0, run(SAMPLE.toString(), "--report", pdf.toString()).code());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (String share : List.of("15  (38 %)", "3  (7 %)", "2  (5 %)")) {
                assertTrue(text.replaceAll("\\s+", " ").contains(share.replaceAll("\\s+", " ")), share);
            }
        }
    }

    /**
     * The review: a {@code --message-id} that matched nothing wrote an empty report and exited 0, where a
     * {@code --domain} matching nothing is refused. It follows the --domain contract: exit 2, one line naming the
     * ID, nothing written, and what was likely meant.
     */
    @Test
    void aMessageIdThatNoMessageHasIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("none.txt");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--message-id", "nosuch@example");
        assertEquals(2, r.code(), r.err());
        assertEquals("mailpath: --message-id \"nosuch@example\": no message of the log has this ID; no report"
                + " written", r.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(out));

        // the last character left out when copying: the ID it is a part of
        Run cut = run(SAMPLE.toString(), "--report", out.toString(), "--message-id", "16/A4-20983-88E21E8");
        assertEquals(2, cut.code(), cut.err());
        assertEquals("mailpath: --message-id \"16/A4-20983-88E21E8\": no message of the log has this ID (did you"
                + " mean \"16/A4-20983-88E21E84\"?); no report written",
                cut.err().lines().findFirst().orElseThrow());

        // one digit mistyped: the IDs nearest, not every ID two mistakes away
        Run typo = run(SAMPLE.toString(), "--report", out.toString(), "--message-id",
                "<21749386.106091224027705044.JavaMail.sfdc@synthetic-sample.exampel>");
        assertEquals(2, typo.code(), typo.err());
        assertEquals("mailpath: --message-id \"<21749386.106091224027705044.JavaMail.sfdc@synthetic-sample.exampel>\":"
                + " no message of the log has this ID (did you mean"
                + " \"21749386.106091224027705044.JavaMail.sfdc@synthetic-sample.example\"?); no report written",
                typo.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(out));
    }

    /**
     * A Salesforce reviewer: an ID with no row in the log is a message Salesforce did not send, and the refusal said
     * nothing of where to look. A second line says so, in the report's language; the first line and exit 2 stay.
     */
    @Test
    void aMessageIdWithNoRowGetsAHintOfWhySalesforceSentNothing() {
        Path out = dir.resolve("none.txt");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--message-id", "nosuch@example");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(1).startsWith("mailpath: A message with no row in the log was not sent by Salesforce"),
                lines.get(1));
        assertTrue(lines.get(1).contains("System email only") && lines.get(1).contains("time window"), lines.get(1));
        Run sv = run(SAMPLE.toString(), "--report", out.toString(), "--report-language", "sv", "--message-id",
                "nosuch@example");
        assertEquals(2, sv.code(), sv.err());
        assertTrue(sv.err().contains("Ett meddelande utan rader i loggen skickades aldrig av Salesforce"), sv.err());
        assertFalse(Files.exists(out));
    }

    /**
     * A final reader: {@code --report-language sv_SE} wrote a Swedish report but the hint in English, the hint's
     * language read with {@code Locale.forLanguageTag} (which takes no "_"), not as the report's is.
     */
    @Test
    void theNoRowHintIsInTheReportsLanguageForEveryTagTheReportTakes() {
        Path out = dir.resolve("none.txt");
        for (String tag : List.of("sv_SE", "sv-SE", "SV")) {
            Run sv = run(SAMPLE.toString(), "--report", out.toString(), "--report-language", tag, "--message-id",
                    "nosuch@example");
            assertEquals(2, sv.code(), sv.err());
            List<String> lines = sv.err().lines().toList();
            assertEquals(2, lines.size(), sv.err());
            assertTrue(lines.get(1).startsWith("mailpath: Ett meddelande utan rader i loggen skickades aldrig av"
                    + " Salesforce"), tag + ": " + lines.get(1));
        }
        assertFalse(Files.exists(out));
    }

    /** {@code --domain X --message-id Y} where Y is a message to another domain: refused, saying which. */
    @Test
    void aMessageIdOutsideTheDomainIsAUsageErrorNamingItsDomain() {
        Path out = dir.resolve("none.txt");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "contoso.example", "--message-id",
                "21749388.106091224027705046.JavaMail.sfdc@synthetic-sample.example");
        assertEquals(2, r.code(), r.err());
        assertEquals("mailpath: --message-id \"21749388.106091224027705046.JavaMail.sfdc@synthetic-sample.example\":"
                + " no message to \"contoso.example\" has this ID (it is a message to gmail.com); no report written",
                r.err().strip());
        assertFalse(Files.exists(out));
    }

    /** As the report matches them: with or without {@code <>}, in any case, and the Internal Message ID too. */
    @Test
    void aMessageIdMatchesWithBracketsInAnyCase() {
        Path out = dir.resolve("one.txt");
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--message-id",
                "<21749386.106091224027705044.JAVAMAIL.sfdc@synthetic-sample.example>", "--message-id",
                "16/a4-20984-88e21e85");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(2 messages, "), r.err());
    }

    /**
     * The review: {@code --force} replaced a read-only (0444) report and left it 0644. A read-only file is refused
     * even with --force, as {@code cp} without -f refuses it, and is left as it was.
     */
    @Test
    void aReadOnlyReportIsNotReplacedEvenWithForce() throws IOException {
        Path out = dir.resolve("kept.txt");
        Files.writeString(out, "old");
        Assumptions.assumeTrue(out.toFile().setWritable(false, false));
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--force");
        assertEquals(2, r.code(), r.err());
        assertEquals("mailpath: --report " + out + " is read-only; it is not replaced, even with --force: make it"
                + " writable first, or give another name", r.err().strip());
        assertEquals("old", Files.readString(out));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out)), "its mode kept");
        }
    }

    /**
     * The review: {@code --domain nosuch.example} wrote a report of no message and exited 0, with a warning a script
     * does not read; it is almost always a typo. It is a usage error naming the domain and the log's nearest
     * recipient domain (or, with none near, those with the most messages), and no file is written.
     */
    @Test
    void aDomainThatIsNotARecipientDomainOfTheLogIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("typo.pdf");
        Run typo = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "Fabrikan.example.");
        assertEquals(2, typo.code(), typo.err());
        assertEquals("mailpath: --domain \"Fabrikan.example.\": not a recipient domain of the log (did you mean"
                + " fabrikam.example?); no report written", typo.err().strip());
        assertFalse(Files.exists(out));

        Run far = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "nosuch.example");
        assertEquals(2, far.code(), far.err());
        assertEquals("mailpath: --domain \"nosuch.example\": not a recipient domain of the log (its recipient"
                + " domains with the most messages: contoso.example, fabrikam.example, gmail.com); no report written",
                far.err().strip());
        assertFalse(Files.exists(out));

        // one of several missing: nothing asked for is left out silently
        Run some = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "contoso.example", "--domain",
                "gmial.com");
        assertEquals(2, some.code(), some.err());
        assertEquals("mailpath: --domain \"gmial.com\": not a recipient domain of the log (did you mean gmail.com?);"
                + " no report written", some.err().strip());
        assertFalse(Files.exists(out));

        // the log's domains in any letter case, with a final dot, are found
        Run found = run(SAMPLE.toString(), "--report", out.toString(), "--domain", "CONTOSO.example.");
        assertEquals(0, found.code(), found.err());
        assertTrue(Files.exists(out));
    }

    /** The regression review: the suggestion for a mistyped internationalised domain read "xn--bcher-kva.example". */
    @Test
    void aMistypedInternationalisedDomainIsSuggestedAsTheLogWritesIt() throws Exception {
        String header = "\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Message ID Header\"\n";
        Path log = Files.writeString(dir.resolve("idn.csv"), header
                + "\"11/16/2026 8:00:00\",\"16/A\",\"R\",\"full@bücher.example\",\"a@x.example\"\n"
                + "\"11/16/2026 8:00:00\",\"16/B\",\"R\",\"ops@gmail.com\",\"b@x.example\"\n");
        Path out = dir.resolve("idn.pdf");
        Run typo = run(log.toString(), "--report", out.toString(), "--domain", "bucher.example");
        assertEquals(2, typo.code(), typo.err());
        assertTrue(typo.err().contains("did you mean bücher.example?"), typo.err());
        Run found = run(log.toString(), "--report", out.toString(), "--domain", "xn--bcher-kva.example");
        assertEquals(0, found.code(), found.err());
    }

    @Test
    void unknownExtensionIsAUsageError() {
        Run r = run(SAMPLE.toString(), "--report", dir.resolve("report.docx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown format"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line");
    }

    @Test
    void existingFileNeedsForce() throws IOException {
        Path out = dir.resolve("report.txt");
        Files.writeString(out, "old");
        Run r = run(SAMPLE.toString(), "--report", out.toString());
        assertEquals(2, r.code());
        assertEquals("mailpath: " + out + " already exists; use --force to overwrite it", r.err().strip());
        assertEquals("old", Files.readString(out));
        Run forced = run(SAMPLE.toString(), "--report", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(out).startsWith("Hello,"));
    }

    /** The review: {@code --force} made a private 0600 report 0644 (the umask's); it keeps its permissions. */
    @Test
    void aForcedReportKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path out = Files.writeString(dir.resolve("private.txt"), "old");
        Assumptions.assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"), "POSIX modes");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run forced = run(SAMPLE.toString(), "--report", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(out).startsWith("Hello,"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)));
    }

    /** {@code --report LOG --force} where LOG is one of the logs: refused before reading, the log left as it was. */
    @Test
    void aReportOntoALogBeingAnalysedIsRefusedEvenWithForce() throws IOException {
        Path log = Files.copy(SAMPLE, dir.resolve("log.csv"));
        Path other = Files.copy(SAMPLE, dir.resolve("other.csv"));
        byte[] before = Files.readAllBytes(log);
        CliRun r = CliRun.of("analyze", other.toString(), log.toString(), "--report", log.toString(), "--force");
        assertEquals(2, r.code(), r.err());
        assertEquals("mailpath: --report " + log + " is one of the logs to analyse; give the report another"
                + " name", r.err().strip());
        assertEquals("", r.out(), "refused before the log is read");
        // by another path, and by a link to it
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), log);
        CliRun viaLink = CliRun.of("analyze", dir.resolve(".").resolve("log.csv").toString(), "--report",
                link.toString(), "--force");
        assertEquals(2, viaLink.code(), viaLink.err());
        assertTrue(viaLink.err().contains("--report " + link + " is " + dir.resolve(".").resolve("log.csv")
                + ", one of the logs to analyse"), viaLink.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(log)), "the log is unchanged");
    }

    /** {@code --force} onto a symbolic link writes the file it points to; the link stays a link. */
    @Test
    void aForcedReportOntoALinkIsWrittenThroughIt() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path real = Files.writeString(shared.resolve("latest.txt"), "old report");
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), real);
        CliRun r = CliRun.of("analyze", SAMPLE.toString(), "--report", link.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced by a plain file");
        assertTrue(Files.readString(real).contains("sample-email-log.csv"), "the report went where the link points");
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere").resolve("x.txt"));
        CliRun toNothing = CliRun.of("analyze", SAMPLE.toString(), "--report", dangling.toString(), "--force");
        assertEquals(2, toNothing.code(), toNothing.err());
        assertEquals("mailpath: --report " + dangling + " is a symbolic link to a file that does not exist;"
                + " give the report's own path", toNothing.err().strip());
    }

    @Test
    void aDestinationThatCannotTakeTheReportIsAUsageErrorBeforeAnyWork() throws IOException {
        Run noFolder = run(SAMPLE.toString(), "--report", dir.resolve("missing/report.pdf").toString());
        assertEquals(2, noFolder.code());
        assertEquals("mailpath: --report " + dir.resolve("missing/report.pdf") + ": the folder "
                + dir.resolve("missing") + " does not exist", noFolder.err().strip());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Run underAFile = run(SAMPLE.toString(), "--report", file.resolve("report.pdf").toString());
        assertEquals(2, underAFile.code());
        assertEquals("mailpath: --report " + file.resolve("report.pdf") + ": " + file + " is a file, not a folder",
                underAFile.err().strip());
        Run deeperUnderAFile = run(SAMPLE.toString(), "--report", file.resolve("sub/report.pdf").toString());
        assertEquals(2, deeperUnderAFile.code());
        assertTrue(deeperUnderAFile.err().strip().endsWith(": " + file + " is a file, not a folder"),
                deeperUnderAFile.err());
        Path folder = Files.createDirectory(dir.resolve("folder.pdf"));
        Run aFolder = run(SAMPLE.toString(), "--report", folder.toString(), "--force");
        assertEquals(2, aFolder.code());
        assertEquals("mailpath: --report " + folder + " is a folder; give a file name for the report",
                aFolder.err().strip());
    }

    @Test
    void aFolderWithoutAnExtensionIsSaidToBeAFolderNotAnUnknownFormat() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("reports"));
        Run r = run(SAMPLE.toString(), "--report", folder.toString());
        assertEquals(2, r.code());
        assertEquals("mailpath: --report " + folder + " is a folder; give a file name for the report",
                r.err().strip());
    }

    @Test
    void reportOptionsWithoutReportAreAUsageErrorNamingThoseGiven() {
        Run r = run(SAMPLE.toString(), "--redact");
        assertEquals(2, r.code());
        assertEquals("mailpath: --redact needs --report OUT", r.err().strip());
        Run domain = run(SAMPLE.toString(), "--domain", "d");
        assertEquals(2, domain.code());
        assertEquals("mailpath: --domain needs --report OUT", domain.err().strip());
        Run two = run(SAMPLE.toString(), "--force", "--domain", "d");
        assertEquals(2, two.code());
        assertEquals("mailpath: --domain and --force need --report OUT", two.err().strip());
        Run three = run(SAMPLE.toString(), "--message-id", "x", "--redact", "--report-limit", "5");
        assertEquals(2, three.code());
        assertEquals("mailpath: --redact, --message-id and --report-limit need --report OUT", three.err().strip());
    }

    @Test
    void anEmptyReportNameIsSaidToBeEmptyNotAFolder() {
        Run r = run(SAMPLE.toString(), "--report", "");
        assertEquals(2, r.code());
        assertEquals("mailpath: --report needs a file name ending in .pdf, .html, .json, .txt or .csv, and was given"
                + " an empty one", r.err().strip());
    }

    @Test
    void aBlankReportNameIsSaidToBeBlankAndShownQuoted() {
        // " " is a valid file name, but never the one meant: it was "--report  : unknown format", the name unseen
        for (String blank : new String[] {" ", "   "}) {
            Run r = run(SAMPLE.toString(), "--report", blank);
            assertEquals(2, r.code());
            assertEquals("mailpath: --report needs a file name ending in .pdf, .html, .json, .txt or .csv, and was"
                    + " given a blank one ('" + blank + "')", r.err().strip());
        }
    }

    @Test
    void writesTheReportInTheLanguageAsked() throws Exception {
        Path sv = dir.resolve("rapport.txt");
        Run r = run(SAMPLE.toString(), "--report", sv.toString(), "--report-language", "sv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("mailpath: report written to " + sv), "the command line stays English");
        String text = Files.readString(sv);
        assertTrue(text.startsWith("Hej,"), text);
        // the text report wraps its lines
        assertTrue(text.replaceAll("\\s+", " ").contains("Av de 40 meddelandena till 17 mottagardomäner (39 olika"
                + " e-postmeddelanden, varav ett skickades till flera mottagare)"), text);

        Path en = dir.resolve("report.txt");
        assertEquals(0, run(SAMPLE.toString(), "--report", en.toString(), "--report-language", "en").code());
        assertTrue(Files.readString(en).startsWith("Hello,"));
    }

    @Test
    void aRegionalTagIsItsLanguageHoweverItIsWritten() throws Exception {
        for (String tag : List.of("sv-SE", "sv_SE")) {
            Path sv = dir.resolve("rapport-" + tag + ".txt");
            Run r = run(SAMPLE.toString(), "--report", sv.toString(), "--report-language", tag);
            assertEquals(0, r.code(), tag + ": " + r.err());
            assertTrue(Files.readString(sv).startsWith("Hej,"), tag);
        }
    }

    @Test
    void aLanguageNotOfferedIsAUsageErrorThatNamesTheOfferedOnes() {
        Path out = dir.resolve("report.pdf");
        String none = TestLanguages.UNTRANSLATED.toLanguageTag();
        Run r = run(SAMPLE.toString(), "--report", out.toString(), "--report-language", none);
        assertEquals(2, r.code());
        assertEquals("mailpath: --report-language " + none + ": not offered; use one of: "
                + TestLanguages.offeredTags(), r.err().strip());
        assertFalse(Files.exists(out), "nothing is written");
        Run alone = run(SAMPLE.toString(), "--report-language", "sv");
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("--report-language needs --report OUT"), alone.err());
    }
}
