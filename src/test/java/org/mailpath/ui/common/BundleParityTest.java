package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.testing.TextBundleFiles;

/**
 * Every UI text exists in English and in each translation (every language in {@code languages.txt}), is a valid
 * pattern, and is translated.
 */
class BundleParityTest {

    private static final Path ENGLISH = Path.of(TextBundleFiles.UI_MESSAGES + ".properties");

    private static Properties load(String name) {
        return TextBundleFiles.load(ENGLISH.resolveSibling(name));
    }

    /** Every translation beside the English bundle, found on disk. */
    static List<Path> translations() {
        return TextBundleFiles.uiTranslations();
    }

    static List<Path> bundles() {
        List<Path> all = new ArrayList<>(List.of(ENGLISH));
        all.addAll(translations());
        return all;
    }

    @Test
    void theTranslationsAreFound() {
        assertTrue(translations().contains(TextBundleFiles.translation(TextBundleFiles.UI_MESSAGES, "sv")),
                translations().toString());
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyTranslationHasTheEnglishKeys(Path file) {
        TreeSet<String> en = new TreeSet<>(TextBundleFiles.load(ENGLISH).stringPropertyNames());
        TreeSet<String> other = new TreeSet<>(TextBundleFiles.load(file).stringPropertyNames());
        TreeSet<String> missing = new TreeSet<>(en);
        missing.removeAll(other);
        TreeSet<String> extra = new TreeSet<>(other);
        extra.removeAll(en);
        assertEquals(new TreeSet<String>(), missing, "keys missing in " + file);
        assertEquals(new TreeSet<String>(), extra, "keys of " + file + " that English does not have");
        assertTrue(en.size() > 100);
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyValueIsAValidPatternWithoutAsciiApostrophes(Path file) {
        Properties p = TextBundleFiles.load(file);
        List<String> bad = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (value.contains("'") || value.isBlank()) {
                bad.add(key);
                continue;
            }
            try {
                new MessageFormat(value).format(new Object[] {1, 2, 3, 4});
            } catch (IllegalArgumentException e) {
                bad.add(key + " (" + e.getMessage() + ")");
            }
        }
        assertEquals(List.of(), bad);
    }

    /** Names, codes and protocol words read the same in every language; nothing else may. */
    private static final java.util.Set<String> SAME_IN_EVERY_LANGUAGE = java.util.Set.of("app.title", "wizard.step.dkim",
            "events.detail.messageId", "report.col.messageId", "events.timeline.tls", "dns.state.OK", "dns.kind.DNSSEC",
            "dns.kind.SPF", "dns.kind.DMARC", "dns.kind.DKIM", "dns.smtp.row.server",
            "dns.smtp.transcript.capabilities", "dns.smtp.transcript.tls", "dns.smtp.transcript.tlsProblem",
            "dkim.card.cname", "report.paper.A4", "report.paper.LETTER");

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyOfferedLanguageHasItsTranslation(String language) {
        Path file = TextBundleFiles.translation(TextBundleFiles.UI_MESSAGES, language);
        assertTrue(translations().contains(file), file + " is missing");
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void noTextIsLeftInEnglish(String language) {
        Properties en = load("messages.properties");
        Properties other = load("messages_" + language + ".properties");
        TreeSet<String> same = new TreeSet<>();
        en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(other.getProperty(k)))
                .filter(k -> !SAME_IN_EVERY_LANGUAGE.contains(k)).forEach(same::add);
        assertEquals(new TreeSet<String>(), same, "messages_" + language + ".properties: still in English");
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void eachLanguageIsReallyTranslated(String language) {
        Properties en = load("messages.properties");
        Properties other = load("messages_" + language + ".properties");
        long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(other.getProperty(k)))
                .count();
        assertTrue(same < en.size() / 8, same + " texts are identical in English and " + language);
    }
}
