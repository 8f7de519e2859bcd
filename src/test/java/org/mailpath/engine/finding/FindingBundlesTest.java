package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.testing.TextBundleFiles;

/**
 * Rules every text bundle of the engine keeps ({@code findings*.properties} of the checks, {@code problems*.properties}
 * of the log reader), in English and in each translation.
 */
class FindingBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern ONLY_ARGUMENT = Pattern.compile("\\s*\\{\\d+}\\s*");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    /** Keys that are data for the code, not words: never translated. */
    private static final Pattern DATA_KEY = Pattern.compile(".*\\.(severity|actor)");

    @Test
    void everyPatternIsAValidMessageFormatWithItsApostrophesDoubled() {
        List<String> problems = new ArrayList<>();
        for (Path file : TextBundleFiles.engineBundles()) {
            Properties texts = TextBundleFiles.load(file);
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                if (DATA_KEY.matcher(key).matches()) {
                    continue;
                }
                try {
                    new MessageFormat(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(file + " " + key + ": " + e.getMessage());
                }
                if (LONE_APOSTROPHE.matcher(pattern).find()) {
                    problems.add(file + " " + key + ": a single ' (MessageFormat drops it; write '')");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPatternIsOnlyItsArgument() throws IOException {
        List<String> passThrough = new ArrayList<>();
        for (Path file : TextBundleFiles.engineBundles()) {
            Properties texts = TextBundleFiles.load(file);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                if (ONLY_ARGUMENT.matcher(texts.getProperty(key)).matches()) {
                    passThrough.add(file + " " + key);
                }
            }
        }
        assertEquals(List.of(), passThrough, "a text of no words of ours: pass the Localizable itself, or"
                + " Localizable.verbatim for data");
    }

    @Test
    void aTranslationHasEveryTextOfItsEnglishBundleWithTheSameArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : TextBundleFiles.englishEngineBundles()) {
            String base = file.getFileName().toString();
            Properties english = TextBundleFiles.load(file);
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                String prefix = base.substring(0, base.indexOf('.')) + "_";
                for (Path translation : siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .toList()) {
                    problems.addAll(problems(translation, english, TextBundleFiles.load(translation)));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aCopiedEnglishBundleIsToldToLeaveOutItsDataKeys() {
        // A new language is begun by copying the English bundles: each data key then needs saying what to do.
        Properties english = new Properties();
        english.setProperty("SMTP_OK.severity", "OK");
        english.setProperty("SMTP_OK.actor", "NOBODY");
        english.setProperty("SMTP_OK.message", "Server {0} accepted the test.");
        Path copy = Path.of("smtp/findings_qaa.properties");
        assertEquals(List.of(copy + " has SMTP_OK.actor, a data key: only the English bundle holds .severity and"
                        + " .actor; leave it out of the translation",
                copy + " has SMTP_OK.severity, a data key: only the English bundle holds .severity and .actor;"
                        + " leave it out of the translation"),
                problems(copy, english, english));
        Properties renamed = new Properties();
        renamed.setProperty("SMTP_OK.message", "Servern {0} tog emot provet.");
        renamed.setProperty("SMTP_GONE.message", "Borta.");
        assertEquals(List.of(copy + " has SMTP_GONE.message, which the English bundle does not have (renamed or"
                + " removed there?)"), problems(copy, english, renamed));
    }

    /** What is wrong with {@code translation} (its texts {@code other}) against its English bundle's texts. */
    private static List<String> problems(Path translation, Properties english, Properties other) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (DATA_KEY.matcher(key).matches()) {
                continue;
            }
            if (!other.containsKey(key)) {
                problems.add(translation + " lacks " + key);
            } else if (!arguments(english.getProperty(key)).equals(arguments(other.getProperty(key)))) {
                problems.add(translation + " " + key + " uses arguments " + arguments(other.getProperty(key))
                        + ", English " + arguments(english.getProperty(key)));
            }
        }
        for (String key : new TreeSet<>(other.stringPropertyNames())) {
            if (DATA_KEY.matcher(key).matches()) {
                problems.add(translation + " has " + key + ", a data key: only the English bundle holds .severity"
                        + " and .actor; leave it out of the translation");
            } else if (!english.containsKey(key)) {
                problems.add(translation + " has " + key + ", which the English bundle does not have (renamed or"
                        + " removed there?)");
            }
        }
        return problems;
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyBundleIsTranslatedIntoEveryOfferedLanguage(String language) {
        List<String> untranslated = TextBundleFiles.englishEngineBundles().stream()
                .filter(p -> !Files.exists(p.resolveSibling(
                        p.getFileName().toString().replace(".properties", "_" + language + ".properties"))))
                .map(Path::toString).toList();
        assertEquals(List.of(), untranslated);
    }

    @Test
    void theRulesSeeTheEngineBundles() {
        List<Path> bundles = TextBundleFiles.engineBundles();
        assertFalse(bundles.isEmpty());
        assertTrue(bundles.contains(TextBundleFiles.ENGINE.resolve("smtp/findings.properties")));
        assertTrue(bundles.contains(TextBundleFiles.ENGINE.resolve("log/problems_sv.properties")));
        assertTrue(bundles.contains(TextBundleFiles.ENGINE.resolve("address/problems_sv.properties")));
        assertTrue(TextBundleFiles.englishEngineBundles()
                .contains(TextBundleFiles.ENGINE.resolve("log/problems.properties")));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
