package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.log.LogFixtures;

/**
 * The review: {@code java -Duser.language=ar -Duser.country=EG -jar mailpath.jar analyze LOG} printed the counts of
 * the Verdicts, category and domain tables in Arabic-Indic digits ({@code DELIVERED ٤٥٠  (60 after retry)}), and
 * under an ASCII {@code stdout.encoding} as {@code [U+0661]…}, while the rest of the English text wrote 0-9. The text
 * is English whatever the machine's locale: every number in it is written as English writes it.
 */
class TextDigitsTest {

    private static final String LOG = LogFixtures.sample("sample-email-log.csv").toString();

    /** {@code run} with {@code locale} as the JVM's default, as {@code -Duser.language -Duser.country} set it. */
    private static <T> T inDefaultLocale(Locale locale, Supplier<T> run) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return run.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    private static boolean asciiDigitsOnly(String text) {
        return text.codePoints().filter(Character::isDigit).allMatch(c -> c >= '0' && c <= '9');
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-EG", "fa-IR", "mr-IN"})
    void analyzeTextIsTheSameUnderALocaleWithOtherDigits(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        // the test means something only where the locale's own digits are not 0-9
        assertFalse(asciiDigitsOnly(String.format(locale, "%d", 450)), tag);
        CliRun english = inDefaultLocale(Locale.ENGLISH, () -> CliRun.of("analyze", LOG));
        CliRun there = inDefaultLocale(locale, () -> CliRun.of("analyze", LOG));
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().matches("(?s).*DELIVERED\\s+15\\s+\\(2 after retry\\).*"), there.out());
        assertTrue(asciiDigitsOnly(there.out()), there.out());
        assertEquals(english.out(), there.out());
    }

    /** Under LANG=C the digits were not only other digits but codes, with a warning that data was lost. */
    @Test
    void underAnAsciiEncodingTheCountsAreNoCodes() {
        CliRun english = inDefaultLocale(Locale.ENGLISH, () -> CliRun.inLocale(StandardCharsets.US_ASCII, "analyze",
                LOG));
        CliRun there = inDefaultLocale(Locale.forLanguageTag("ar-EG"),
                () -> CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", LOG));
        assertFalse(there.out().contains("[U+06"), there.out());
        assertEquals(english.out(), there.out());
        assertEquals(english.err(), there.err());
    }

    /** The printer every text line goes through: a format's numbers, whichever command or stream it prints for. */
    @Test
    void theTextPrinterFormatsNumbersAsEnglishWhateverTheDefaultLocale() {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalSafeWriter.wrapAutoFlush(new PrintWriter(sink));
        inDefaultLocale(Locale.forLanguageTag("ar-EG"), () -> out.printf("%7d|%,d|%.1f%n", 450, 12345, 2.5));
        assertEquals("    450|12,345|2.5" + System.lineSeparator(), sink.toString());
    }
}
