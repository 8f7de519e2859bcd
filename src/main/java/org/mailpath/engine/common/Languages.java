package org.mailpath.engine.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages MailPath is translated into, as listed in {@code org/mailpath/ui/languages.txt} (one language tag a
 * line): the app offers them, and a report can be written in each. A new translation is listed there, not in code.
 */
public final class Languages {

    static final String RESOURCE = "/org/mailpath/ui/languages.txt";

    private Languages() {
    }

    /** The list, in its order. */
    public static List<Locale> offered() {
        try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    /** One language tag a line; blank lines and {@code #} comments are skipped, and repeats. */
    public static List<Locale> parse(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(Locale::forLanguageTag).distinct().toList();
    }

    /**
     * The language tag {@code tag} as a person or a setting writes it: {@code sv}, {@code sv-SE}, or {@code sv_SE}
     * as Java spells a locale; something that is no tag gives the root locale, which matches no language.
     */
    public static Locale fromTag(String tag) {
        return Locale.forLanguageTag(tag.strip().replace('_', '-'));
    }

    /**
     * The one of {@code offered} that is {@code asked}'s language, if any: texts differ by language only, so
     * Sweden's and Finland's Swedish are both Swedish.
     */
    public static Optional<Locale> matching(Locale asked, List<Locale> offered) {
        String language = asked.getLanguage();
        return offered.stream().filter(l -> !language.isEmpty() && l.getLanguage().equals(language)).findFirst();
    }

    /** English, the language of the base bundles, which they are loaded as the root locale for. */
    public static boolean isEnglish(Locale language) {
        return language.getLanguage().isEmpty() || language.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
