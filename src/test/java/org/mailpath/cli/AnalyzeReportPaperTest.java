package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --report-paper a4|letter}: the review found every PDF on A4, which a US office's printer shrinks or
 * crops. Without the option the system's country chooses, Letter where it is the usual paper.
 */
class AnalyzeReportPaperTest {

    private static final String SAMPLE = Path.of(System.getProperty("mailpath.projectDir", "."),
            "assets", "samples", "sample-email-log.csv").toString();
    private static final Locale BEFORE = Locale.getDefault();
    private static final Locale FORMAT_BEFORE = Locale.getDefault(Locale.Category.FORMAT);

    @TempDir
    Path dir;

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(BEFORE);
        Locale.setDefault(Locale.Category.FORMAT, FORMAT_BEFORE);
    }

    private static PDRectangle paperOf(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDRectangle first = doc.getPage(0).getMediaBox();
            for (var page : doc.getPages()) {
                assertEquals(first.getHeight(), page.getMediaBox().getHeight(), "every page alike");
            }
            return first;
        }
    }

    private static void assertPaper(PDRectangle expected, PDRectangle actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), 0.01);
        assertEquals(expected.getHeight(), actual.getHeight(), 0.01);
    }

    @Test
    void letterAndA4AsAskedInAnyCase() throws Exception {
        Locale.setDefault(Locale.of("sv", "SE"));
        Path letter = dir.resolve("letter.pdf");
        CliRun r = CliRun.of("analyze", SAMPLE, "--report", letter.toString(), "--report-paper", "Letter");
        assertEquals(0, r.code(), r.err());
        assertPaper(PDRectangle.LETTER, paperOf(letter));

        Locale.setDefault(Locale.US);
        Path a4 = dir.resolve("a4.pdf");
        assertEquals(0, CliRun.of("analyze", SAMPLE, "--report", a4.toString(), "--report-paper", "a4").code());
        assertPaper(PDRectangle.A4, paperOf(a4));
    }

    @Test
    void withoutTheOptionTheSystemsCountryChooses() throws Exception {
        Locale.setDefault(Locale.US);
        Path us = dir.resolve("us.pdf");
        assertEquals(0, CliRun.of("analyze", SAMPLE, "--report", us.toString()).code());
        assertPaper(PDRectangle.LETTER, paperOf(us));

        Locale.setDefault(Locale.of("en", "GB"));
        Path gb = dir.resolve("gb.pdf");
        assertEquals(0, CliRun.of("analyze", SAMPLE, "--report", gb.toString()).code());
        assertPaper(PDRectangle.A4, paperOf(gb));
    }

    @Test
    void anUnknownPaperIsAUsageErrorAndNothingIsWritten() {
        Path out = dir.resolve("report.pdf");
        CliRun r = CliRun.of("analyze", SAMPLE, "--report", out.toString(), "--report-paper", "b5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--report-paper b5: not a paper size; use a4 or letter"), r.err());
        assertFalse(Files.exists(out));
        CliRun alone = CliRun.of("analyze", SAMPLE, "--report-paper", "letter");
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("--report-paper needs --report OUT"), alone.err());
    }

    @Test
    void theHelpSaysTheSizesAndTheDefault() {
        String help = CliRun.of("analyze", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--report-paper=SIZE The paper a PDF report is laid out for: a4 or letter (US"
                + " Letter). The default is letter where the system's locale is of the United States, Canada,"
                + " Mexico or the Philippines, else a4."), help);
    }
}
