package org.mailpath.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * Counts are grouped as each language groups them: "12,345" in English, "12 345" (a no-break space) in Swedish, as
 * the report's counts ({@code ReportTexts.count}) and MessageFormat's {@code {0,number,integer}} write them, in every
 * text a person reads (the JSON's numbers are numbers). Identifiers (a line, a port, a key size, a year) are
 * ungrouped ({@code {0,number,#}}) in every language.
 */
class NumberGroupingTest {

    private static final Pattern GROUPED = Pattern.compile("\\{(\\d+),number,integer}");
    private static final Pattern UNGROUPED = Pattern.compile("\\{(\\d+),number,#}");
    /**
     * The words an identifier follows in English ("line 4200", "port 25", "key tag 12345", "HTTP 301", "pct=50"): a
     * count comes before what it counts ("4,200 rows").
     */
    private static final Set<String> NAMES_AN_IDENTIFIER = Set.of("line", "lines", "port", "position", "byte", "tag",
            "http", "method", "column", "certificate", "preference", "pct");
    /** A key size ("2048 bits", "a 2048-bit key") or a percentage ("50%") after the number. */
    private static final Pattern SIZE_OR_SHARE = Pattern.compile("( bits?\\b|-bit\\b|%).*", Pattern.DOTALL);
    /** The end of a range or list another placeholder begins: "lines {1}–{2}", "Lines {0} to {1}", "{0} and {1}". */
    private static final Pattern CLOSES_A_RANGE = Pattern.compile(
            ".*(\\{\\d+(,number,#)?}\\s*(\u2013|to |and )|\u2013)", Pattern.DOTALL);
    /** The word just before a placeholder, past a bracket or a choice's end: "(line {1}" and "line} {1}" give "line". */
    private static final Pattern WORD_BEFORE = Pattern.compile(".*?([\\p{L}]+)=?[\\s(}]*", Pattern.DOTALL);
    /** English texts whose ungrouped numbers are identifiers no word before them names. */
    private static final Map<String, String> OTHER_IDENTIFIERS = Map.of(
            "row.dateOutOfRange", "years: the first and last MailPath can analyse",
            "io.codeChanged", "SMTP reply codes (begins with 250, continues with 550)");

    /** A number of four to six digits written with a space-like separator between its thousands. */
    private static final Pattern SPACED_THOUSANDS = Pattern.compile(
            "(?<![\\d.,])\\d{1,3}([ \\u00a0\\u202f])\\d{3}(?!\\d)");

    /** A translation groups each count its English groups: the translator turned no count into an identifier. */
    @Test
    void aTranslationGroupsEveryCountItsEnglishGroups() {
        List<String> ungrouped = new ArrayList<>();
        List<Path> translations = BundlesByReader.messageFormat().stream()
                .filter(p -> TextBundleFiles.languageOf(p).isPresent()).toList();
        assertFalse(translations.isEmpty());
        for (Path translation : translations) {
            Properties english = TextBundleFiles.load(BundlesByReader.english(translation));
            Properties translated = TextBundleFiles.load(translation);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!translated.containsKey(key)) {
                    continue;
                }
                Set<String> counts = indices(GROUPED, english.getProperty(key));
                counts.retainAll(indices(UNGROUPED, translated.getProperty(key)));
                if (!counts.isEmpty()) {
                    ungrouped.add(translation + " " + key + " " + counts);
                }
            }
        }
        assertEquals(List.of(), ungrouped, "English writes {n,number,integer}, the translation {n,number,#}");
    }

    /**
     * A number written into a text ("16 384 bits") has the thousands separator its language's counts have: in
     * Swedish the no-break space MessageFormat and the report write, which never breaks a number across two lines.
     */
    @Test
    void aNumberWrittenInATextIsGroupedAsTheLanguageGroupsCounts() {
        Locale swedish = Locale.forLanguageTag("sv");
        assertEquals("16\u00a0384", new MessageFormat("{0,number,integer}", swedish).format(new Object[] {16384}));
        List<String> wrong = new ArrayList<>();
        for (Path file : BundlesByReader.all()) {
            Locale language = TextBundleFiles.languageOf(file).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
            char separator = DecimalFormatSymbols.getInstance(language).getGroupingSeparator();
            Properties texts = TextBundleFiles.load(file);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                Matcher m = SPACED_THOUSANDS.matcher(texts.getProperty(key));
                while (m.find()) {
                    if (m.group(1).charAt(0) != separator) {
                        wrong.add(file + " " + key + ": \"" + m.group() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * English groups every count: an ungrouped number in an English text is an identifier, which the word before it
     * names, a key size, a percentage or the end of a range of them. The same rule as a translation's, over the
     * English itself.
     */
    @Test
    void anUngroupedNumberInEnglishIsAnIdentifier() {
        assertEquals(List.of("0"), countsLeftUngrouped("{0,number,#} rows have a lower-case Mail Event letter"));
        assertEquals(List.of("1"), countsLeftUngrouped("at most {1,number,#} allowed"));
        assertEquals(List.of("2"), countsLeftUngrouped("{1,choice,1#1 octet|1<{2,number,#} octets}"));
        assertEquals(List.of(), countsLeftUngrouped("(first on line {1,number,#}); lines {1,number,#}\u2013"
                + "{2,number,#}; Lines {0,number,#} to {1,number,#}; {0,choice,1#line|1<first on line} {1,number,#}"));
        assertEquals(List.of(), countsLeftUngrouped("port {0,number,#}, key tag {0,number,#}, HTTP {4,number,#},"
                + " pct={0,number,#}: only {0,number,#}% of mail; RSA {1,number,#} bits, a {2,number,#}-bit key"));
        List<String> ungrouped = new ArrayList<>();
        List<Path> english = BundlesByReader.messageFormat().stream()
                .filter(p -> TextBundleFiles.languageOf(p).isEmpty()).toList();
        assertTrue(english.contains(TextBundleFiles.ENGINE.resolve("log/problems.properties")), english.toString());
        for (Path file : english) {
            Properties texts = TextBundleFiles.load(file);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                List<String> counts = countsLeftUngrouped(texts.getProperty(key));
                if (!counts.isEmpty() && !OTHER_IDENTIFIERS.containsKey(key)) {
                    ungrouped.add(file + " " + key + " " + counts);
                }
            }
        }
        assertEquals(List.of(), ungrouped, "a count is written {n,number,integer}; an identifier says what it names");
    }

    /** The indices of the ungrouped numbers in {@code pattern} that no word, size, share or range makes identifiers. */
    private static List<String> countsLeftUngrouped(String pattern) {
        List<String> counts = new ArrayList<>();
        Matcher m = UNGROUPED.matcher(pattern);
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            Matcher word = WORD_BEFORE.matcher(before);
            boolean named = word.matches() && NAMES_AN_IDENTIFIER.contains(word.group(1).toLowerCase(Locale.ROOT));
            if (!named && !SIZE_OR_SHARE.matcher(pattern.substring(m.end())).matches()
                    && !CLOSES_A_RANGE.matcher(before).matches()) {
                counts.add(m.group(1));
            }
        }
        return counts;
    }

    private static Set<String> indices(Pattern placeholder, String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = placeholder.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
