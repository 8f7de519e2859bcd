package org.mailpath.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * An apostrophe shows as written in every text, however the code reads its bundle ({@link BundlesByReader}): a
 * MessageFormat pattern writes it twice, a plain text once. FindingBundlesTest holds the checks' findings and the log's
 * problems to the first, BundleParityTest keeps ASCII apostrophes out of the app's words and ReportTextsTest holds the
 * report's phrases to the second; these rules cover the bundles those tests do not see, and a trap none of them knows.
 */
class ApostrophesTest {

    private static final Pattern LONE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern CHOICE = Pattern.compile("\\{\\d+,choice,");

    @Test
    void theBundlesAreSortedByHowTheCodeReadsThem() {
        List<Path> messageFormat = BundlesByReader.messageFormat();
        List<Path> plain = BundlesByReader.plain();
        assertTrue(messageFormat.contains(TextBundleFiles.ENGINE.resolve("analysis/chains.properties")), "LocalText");
        assertTrue(messageFormat.contains(TextBundleFiles.ENGINE.resolve("status/relay-words.properties")), "LocalText");
        assertTrue(messageFormat.contains(Path.of(TextBundleFiles.UI_MESSAGES + ".properties")), "Messages");
        assertTrue(plain.contains(TextBundleFiles.ENGINE.resolve("report/report-text_sv.properties")), "ReportTexts");
        assertTrue(plain.contains(TextBundleFiles.ENGINE.resolve("status/status-knowledge_sv.properties")),
                "DiagnosisTexts");
    }

    /** The MessageFormat bundles besides the findings, the problems (FindingBundlesTest) and the app's words. */
    @Test
    void theOtherMessageFormatBundlesWriteEachApostropheTwice() {
        List<Path> seenElsewhere = new ArrayList<>(TextBundleFiles.engineBundles());
        seenElsewhere.add(Path.of(TextBundleFiles.UI_MESSAGES + ".properties"));
        seenElsewhere.addAll(TextBundleFiles.uiTranslations());
        List<Path> others = BundlesByReader.messageFormat().stream().filter(p -> !seenElsewhere.contains(p)).toList();
        assertTrue(others.contains(TextBundleFiles.ENGINE.resolve("analysis/chains_sv.properties")), others.toString());
        List<String> lone = new ArrayList<>();
        for (Path file : others) {
            Properties texts = TextBundleFiles.load(file);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                if (LONE.matcher(texts.getProperty(key)).find()) {
                    lone.add(file + " " + key);
                }
            }
        }
        assertEquals(List.of(), lone, "MessageFormat drops a single ' and quotes what follows it: write ''");
    }

    /**
     * MessageFormat hands a choice's words to ChoiceFormat, which makes {@code ''} one {@code '}, and then reads words
     * that hold an argument as a pattern again, where that one {@code '} quotes the rest: "file''s {0}" came out as
     * "files {0}". A choice's words that hold an argument hold no apostrophe (reword, or move it out of the choice).
     */
    @Test
    void noChoiceHoldsAnApostropheBesideAnArgument() {
        assertEquals("2 files {0}", new MessageFormat("{0,choice,1#one|1<{0} file''s {0}}", Locale.ROOT)
                .format(new Object[] {2}), "the trap this rule keeps out");
        List<String> trapped = new ArrayList<>();
        for (Path file : BundlesByReader.messageFormat()) {
            Properties texts = TextBundleFiles.load(file);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                for (String words : choiceWords(texts.getProperty(key))) {
                    if (words.contains("'") && words.contains("{")) {
                        trapped.add(file + " " + key + ": " + words);
                    }
                }
            }
        }
        assertEquals(List.of(), trapped);
    }

    /** The plain texts of the knowledge base's translations (the report's phrases: ReportTextsTest). */
    @Test
    void aPlainTextWritesAnApostropheOnce() {
        List<Path> knowledgeBase = BundlesByReader.plain().stream()
                .filter(p -> p.getFileName().toString().startsWith("status-knowledge")).toList();
        assertTrue(!knowledgeBase.isEmpty());
        List<String> doubled = new ArrayList<>();
        for (Path file : knowledgeBase) {
            Properties texts = TextBundleFiles.load(file);
            new TreeSet<>(texts.stringPropertyNames()).stream().filter(k -> texts.getProperty(k).contains("''"))
                    .forEach(k -> doubled.add(file + " " + k));
        }
        assertEquals(List.of(), doubled, "read as written: '' shows as two apostrophes");
    }

    /** The words of each choice in {@code pattern} (nested choices' words are inside their outer choice's). */
    static List<String> choiceWords(String pattern) {
        List<String> words = new ArrayList<>();
        Matcher m = CHOICE.matcher(pattern);
        while (m.find()) {
            int depth = 1;
            int start = m.end();
            for (int i = m.end(); i < pattern.length() && depth > 0; i++) {
                char c = pattern.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0 || c == '|' && depth == 1) {
                    String part = pattern.substring(start, i);
                    words.add(part.substring(limitEnd(part) + 1));
                    start = i + 1;
                }
            }
        }
        return words;
    }

    /** Where a choice's limit ends: its first '#' or '<'. */
    private static int limitEnd(String part) {
        int hash = part.indexOf('#');
        int less = part.indexOf('<');
        return hash < 0 ? less : less < 0 ? hash : Math.min(hash, less);
    }
}
