package org.mailpath.engine.domain;

import java.util.List;
import java.util.Locale;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * Record text quoted in a finding's message, cut to what a sentence can carry: a TXT answer may hold 64 KB, and a
 * hostile record thousands of bad terms. ({@link DnsAnswers#texts} already shows control and non-ASCII bytes as
 * {@code \ddd}.) The evidence keeps the records themselves. {@link #clip} gives English; {@link #clipText} the same,
 * and {@link #joinText} a list, as phrases shown in the user's language (only the words we add are translated).
 */
public final class DnsText {

    /** Characters of one quoted record, term or value. */
    public static final int QUOTE_LIMIT = 200;
    /** Items of one list named in a message. */
    public static final int LIST_LIMIT = 10;

    private static final FindingTexts TEXTS = FindingTexts.of(DnsText.class);

    private DnsText() {
    }

    public static String clip(String text) {
        return clip(text, QUOTE_LIMIT);
    }

    public static String clip(String text, int max) {
        return clipText(text, max).toString();
    }

    public static Localizable clipText(String text) {
        return clipText(text, QUOTE_LIMIT);
    }

    /** Our words, clipped like data once worded in the reader's language (a list item must not fill a page). */
    public static Localizable clipText(Localizable words) {
        return new ClippedWords(words, QUOTE_LIMIT);
    }

    public static Localizable clipText(String text, int max) {
        if (text.length() <= max) {
            return Localizable.verbatim(text);
        }
        // never between the two halves of a surrogate pair (an emoji in a TXT record read as UTF-8)
        int cut = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return TEXTS.text("phrase.clipped", text.substring(0, cut), text.length() - cut);
    }

    /**
     * The first {@value #LIST_LIMIT} items, each clipped, joined by {@code separator}, then how many were left out,
     * as a phrase: the items and separators are data, "and N more" is ours. An item may be our own words (a
     * {@link Localizable}, such as a syntax problem): it is shown in the user's language, and clipped like data once
     * it is worded; any other item is quoted as its {@link String#valueOf}.
     */
    public static Localizable joinText(List<?> items, String separator) {
        Localizable shown = Localizable.verbatim("");
        boolean first = true;
        for (Object item : items.stream().limit(LIST_LIMIT).toList()) {
            Localizable clipped = item instanceof Localizable words ? clipText(words) : clipText(String.valueOf(item));
            shown = first ? clipped : TEXTS.text("phrase.joined", shown, separator, clipped);
            first = false;
        }
        return items.size() <= LIST_LIMIT ? shown
                : TEXTS.text("phrase.andMore", shown, separator, items.size() - LIST_LIMIT);
    }

    /** Words clipped to {@code max} characters in whatever language they are shown in. */
    private record ClippedWords(Localizable words, int max) implements Localizable {

        @Override
        public String in(Locale locale) {
            return clipText(words.in(locale), max).in(locale);
        }

        @Override
        public String toString() {
            return in(LocalText.ENGLISH);
        }
    }
}
