package org.mailpath.engine.finding;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A text of a check that can be shown in the user's language: the key of a {@link java.text.MessageFormat}
 * pattern in a resource bundle, and its arguments. Arguments are plain data (names, addresses, numbers, texts
 * from the wire) or other {@link Localizable} words, which are shown in the same language (a reason inside a
 * sentence, a diagnosis of the status knowledge base).
 */
public record LocalText(String bundle, String key, List<Object> args) implements Localizable {

    /** English, the language of the command line, the JSON and reports by default (a count grouped: 4,200). */
    public static final Locale ENGLISH = Locale.ROOT;

    public LocalText {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The text in {@code locale}, or in English where the bundle has no translation of the key. */
    @Override
    public String in(Locale locale) {
        Object[] values = args.stream().map(a -> a instanceof Localizable t ? t.in(locale) : a).toArray();
        return new MessageFormat(pattern(bundle, key, locale), locale).format(values);
    }

    /**
     * A remediation {@code KEY.remediation} has words for the recipient's mail team where its bundle has
     * {@code KEY.mailTeamRemediation}: the same arguments, in that team's words ({@link FindingTexts}).
     */
    @Override
    public Optional<Localizable> forMailTeam() {
        return sibling(FindingTexts.MAIL_TEAM_REMEDIATION);
    }

    /**
     * A remediation {@code KEY.remediation} has words for the app where its bundle has {@code KEY.appRemediation}:
     * the same arguments, the app's way of doing it instead of the command line's ({@link FindingTexts}).
     */
    @Override
    public Optional<Localizable> inApp() {
        return sibling(FindingTexts.APP_REMEDIATION);
    }

    /**
     * For a remediation {@code KEY.remediation}, the text {@code KEY + suffix} of the same bundle with the same
     * arguments, if the bundle has it; empty for any other key.
     */
    private Optional<Localizable> sibling(String suffix) {
        if (!key.endsWith(FindingTexts.REMEDIATION)) {
            return Optional.empty();
        }
        String siblingKey = key.substring(0, key.length() - FindingTexts.REMEDIATION.length()) + suffix;
        return bundle(bundle, ENGLISH).containsKey(siblingKey)
                ? Optional.of(new LocalText(bundle, siblingKey, args)) : Optional.empty();
    }

    /** The text in English. */
    @Override
    public String toString() {
        return in(ENGLISH);
    }

    static ResourceBundle bundle(String bundle, Locale locale) {
        return TextBundles.load(bundle, locale);
    }

    static String pattern(String bundle, String key, Locale locale) {
        return bundle(bundle, locale).getString(key);
    }
}
