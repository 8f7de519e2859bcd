package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Languages;
import org.mailpath.testing.TestLanguages;
import org.mailpath.testing.TextBundleFiles;
import org.mailpath.ui.common.LanguageChoice;
import org.mailpath.ui.common.SettingsStore;

/**
 * The app's list of languages ({@code languages.txt}) and the translations in the source tree agree: every listed
 * language has its translation of every bundle, and every translation's language is listed.
 */
class OfferedLanguagesTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** The status knowledge base's English lives in its JSON data file; only its translations are bundles. */
    private static final Path STATUS_KNOWLEDGE = TextBundleFiles.ENGINE.resolve("status/status-knowledge");
    private static final Path REPORT_TEXT = TextBundleFiles.ENGINE.resolve("report/report-text");

    @TempDir
    Path dir;

    /** The languages listed in {@code text} as {@code languages.txt} lists them (one tag a line, # comments). */
    static OfferedLanguages parse(String text) {
        return new OfferedLanguages(Languages.parse(text));
    }

    @Test
    void theAppOffersEnglishFirstThenEachTranslationListed() {
        List<Locale> offered = OfferedLanguages.load().all();
        assertEquals(TestLanguages.offered(), offered, "the app's list is languages.txt");
        assertEquals(Locale.ENGLISH, offered.getFirst());
        assertTrue(offered.contains(SWEDISH), offered.toString());
        assertFalse(offered.contains(TestLanguages.UNTRANSLATED), "the tests' example of no translation is none");
    }

    @Test
    void everyOfferedLanguageHasEveryTranslationAndEveryTranslationIsOffered() {
        assertEquals(List.of(), problems(OfferedLanguages.load().all(), appBundles(),
                TextBundleFiles.translations(TextBundleFiles.RESOURCES)));
    }

    @Test
    void theCheckSeesTheAppsBundles() {
        List<Path> bundles = appBundles();
        assertTrue(bundles.contains(TextBundleFiles.UI_MESSAGES));
        assertTrue(bundles.contains(TextBundleFiles.ENGINE.resolve("smtp/findings")));
        assertTrue(bundles.contains(TextBundleFiles.ENGINE.resolve("log/problems")));
        assertTrue(Files.exists(Path.of(STATUS_KNOWLEDGE + ".json")), "the knowledge base's English");
        List<Path> translations = TextBundleFiles.translations(TextBundleFiles.RESOURCES);
        assertTrue(translations.contains(TextBundleFiles.translation(STATUS_KNOWLEDGE, "sv")), translations.toString());
        assertTrue(translations.contains(TextBundleFiles.translation(TextBundleFiles.UI_MESSAGES, "sv")));
        assertTrue(bundles.contains(REPORT_TEXT));
        assertTrue(translations.contains(TextBundleFiles.translation(REPORT_TEXT, "sv")), translations.toString());
    }

    @Test
    void aTranslationThatIsNotListedIsFound() throws IOException {
        Path findings = bundle("check/findings", "sv", "de");
        assertEquals(List.of(TextBundleFiles.translation(findings, "de") + ": de is not in languages.txt"),
                problems(List.of(Locale.ENGLISH, SWEDISH), List.of(findings), TextBundleFiles.translations(dir)));
    }

    @Test
    void aListedLanguageWithoutItsTranslationsIsFound() throws IOException {
        Path findings = bundle("check/findings", "sv");
        Path messages = bundle("ui/messages", "sv", "fi");
        assertEquals(List.of(TextBundleFiles.translation(findings, "fi") + " is missing"),
                problems(List.of(Locale.ENGLISH, SWEDISH, Locale.forLanguageTag("fi")), List.of(findings, messages),
                        TextBundleFiles.translations(dir)));
    }

    @Test
    void aLanguageWithoutItsReportTextsIsFound() throws IOException {
        Path messages = bundle("ui/messages", "sv");
        Path report = bundle("engine/report/report-text");
        assertEquals(List.of(TextBundleFiles.translation(report, "sv") + " is missing"),
                problems(List.of(Locale.ENGLISH, SWEDISH), List.of(messages, report), TextBundleFiles.translations(dir)));
    }

    @Test
    void aBundleTranslatedIntoOneListedLanguageIsNeededInAll() throws IOException {
        Path report = bundle("report/report-text", "sv");
        assertEquals(List.of(TextBundleFiles.translation(report, "fi") + " is missing"),
                problems(List.of(Locale.ENGLISH, SWEDISH, Locale.forLanguageTag("fi")), List.of(),
                        TextBundleFiles.translations(dir)));
    }

    @Test
    void theListIsReadInOrderWithoutCommentsOrRepeats() {
        OfferedLanguages languages = parse("# the app's languages\n\nsv\n en \nde\nsv\n");
        assertEquals(List.of(SWEDISH, Locale.ENGLISH, Locale.GERMAN), languages.all());
    }

    @Test
    void englishMustBeOfferedForItIsTheFallBack() {
        assertThrows(IllegalArgumentException.class, () -> parse("sv\nde"));
    }

    @Test
    void aLanguageIsMatchedByLanguageAndOtherwiseEnglish() {
        OfferedLanguages languages = parse("en\nsv");
        assertEquals(SWEDISH, languages.matching(Locale.forLanguageTag("sv-SE")));
        assertEquals(SWEDISH, languages.matching(Locale.forLanguageTag("sv-FI")));
        assertEquals(Locale.ENGLISH, languages.matching(Locale.US));
        assertEquals(Locale.ENGLISH, languages.matching(Locale.GERMAN));
        // an app in English has its texts from the base bundle, whose locale is the root
        assertEquals(Locale.ENGLISH, languages.matching(Locale.ROOT));
    }

    @Test
    void eachLanguageIsNamedInItself() {
        assertEquals("English", LanguageChoice.nameOf(Locale.ENGLISH));
        assertEquals("Svenska", LanguageChoice.nameOf(SWEDISH), "capitalised as a choice in a list");
    }

    @Test
    void theAppStartsInTheChosenLanguageElseTheComputers() {
        SettingsStore settings = SettingsStore.open(dir.resolve("settings.properties"));
        assertEquals(Locale.getDefault(), OfferedLanguages.atStart(settings));
        settings.put(OfferedLanguages.SETTING, "sv");
        assertEquals(SWEDISH, OfferedLanguages.atStart(settings));
    }

    /**
     * The bundles each language needs: the UI's words, every engine bundle, the status knowledge base, the reports'
     * words (a report can be written in every offered language).
     */
    private static List<Path> appBundles() {
        List<Path> bundles = new ArrayList<>(List.of(TextBundleFiles.UI_MESSAGES, STATUS_KNOWLEDGE, REPORT_TEXT));
        TextBundleFiles.englishEngineBundles().forEach(english ->
                bundles.add(english.resolveSibling(english.getFileName().toString().replace(".properties", ""))));
        return bundles;
    }

    /**
     * What is wrong between the languages offered and the translations found: a listed language (English aside, the
     * base bundles' language) without its translation of a bundle, or a translation into a language not listed.
     * A bundle that has any translation needs one in every listed language.
     */
    static List<String> problems(List<Locale> offered, List<Path> bundles, List<Path> translations) {
        Set<Path> needed = new LinkedHashSet<>(bundles);
        translations.forEach(t -> TextBundleFiles.bundleOf(t).ifPresent(needed::add));
        List<String> problems = new ArrayList<>();
        for (Locale language : offered) {
            if (language.getLanguage().equals("en")) {
                continue;
            }
            needed.stream().map(b -> TextBundleFiles.translation(b, language.getLanguage()))
                    .filter(t -> !Files.exists(t)).forEach(t -> problems.add(t + " is missing"));
        }
        Set<String> listed = new LinkedHashSet<>(offered.stream().map(Locale::getLanguage).toList());
        for (Path t : translations) {
            TextBundleFiles.languageOf(t).filter(l -> !listed.contains(l))
                    .ifPresent(l -> problems.add(t + ": " + l + " is not in languages.txt"));
        }
        return problems;
    }

    /** An English bundle {@code name}.properties under the temporary tree and its translations. */
    private Path bundle(String name, String... languages) throws IOException {
        Path bundle = dir.resolve(name);
        Files.createDirectories(bundle.getParent());
        Files.writeString(Path.of(bundle + ".properties"), "a=b\n");
        for (String language : languages) {
            Files.writeString(TextBundleFiles.translation(bundle, language), "a=c\n");
        }
        return bundle;
    }
}
