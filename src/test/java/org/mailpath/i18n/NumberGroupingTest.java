package org.mailpath.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * Counts are grouped as each language groups them: "12,345" in English, "12 345" (a no-break space) in Swedish, as
 * the report's counts ({@code ReportTexts.count}) and MessageFormat's {@code {0,number,integer}} write them. English
 * findings and problems write most counts ungrouped ({@code {0,number,#}}) on purpose, for the command line and the
 * JSON; identifiers (a line, a port, a key size, a year) are ungrouped in every language.
 */
class NumberGroupingTest {

    private static final Pattern GROUPED = Pattern.compile("\\{(\\d+),number,integer}");
    private static final Pattern UNGROUPED = Pattern.compile("\\{(\\d+),number,#}");
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

    private static Set<String> indices(Pattern placeholder, String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = placeholder.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
