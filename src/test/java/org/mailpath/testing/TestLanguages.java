package org.mailpath.testing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mailpath.engine.common.Languages;

/**
 * The languages the tests run over, taken from {@code languages.txt} rather than written into each test, so that a
 * new language gets every check without a test being edited, and an example of a language with no translation.
 */
public final class TestLanguages {

    /**
     * A language MailPath will never offer: {@code qaa} is the first of ISO 639-2's codes reserved for local use
     * (qaa–qtz), which no real language has. German served before, and broke the tests when German was added.
     */
    public static final Locale UNTRANSLATED = Locale.forLanguageTag("qaa");

    private TestLanguages() {
    }

    /** Every language in {@code languages.txt}, English first as it is listed. */
    public static List<Locale> offered() {
        return Languages.offered();
    }

    /** The offered languages' tags as the CLI and its help name them: {@code en, sv}. */
    public static String offeredTags() {
        return String.join(", ", offered().stream().map(Locale::toLanguageTag).toList());
    }

    /** Every offered language, for a test that runs in each ({@code @MethodSource}). */
    public static Stream<String> everyLanguage() {
        return offered().stream().map(Locale::toLanguageTag);
    }

    /** Every offered language but English, the base bundles' own: the translations ({@code @MethodSource}). */
    public static Stream<String> everyTranslation() {
        return offered().stream().filter(l -> !Languages.isEnglish(l)).map(Locale::toLanguageTag);
    }
}
