package org.mailpath.engine.domain;

import java.util.List;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/**
 * Record text quoted in a finding's message, cut to what a sentence can carry: a TXT answer may hold 64 KB, and a
 * hostile record thousands of bad terms. (dnsjava already shows control and non-ASCII bytes as {@code \ddd}.) The
 * evidence keeps the records themselves. {@link #clip} and {@link #join} give English; {@link #clipText} and
 * {@link #joinText} the same as phrases shown in the user's language (only the words we add are translated).
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

    public static LocalText clipText(String text) {
        return clipText(text, QUOTE_LIMIT);
    }

    public static LocalText clipText(String text, int max) {
        if (text.length() <= max) {
            return TEXTS.text("phrase.verbatim", text);
        }
        // never between the two halves of a surrogate pair (an emoji in a TXT record read as UTF-8)
        int cut = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return TEXTS.text("phrase.clipped", text.substring(0, cut), text.length() - cut);
    }

    /** The first {@value #LIST_LIMIT} items, each clipped, joined by {@code separator}, then how many were left out. */
    public static String join(List<String> items, String separator) {
        return joinText(items, separator).toString();
    }

    /** {@link #join} as a phrase: the items and separators are data, "and N more" is ours. */
    public static LocalText joinText(List<String> items, String separator) {
        LocalText shown = TEXTS.text("phrase.verbatim", "");
        boolean first = true;
        for (String item : items.stream().limit(LIST_LIMIT).toList()) {
            shown = first ? clipText(item) : TEXTS.text("phrase.joined", shown, separator, clipText(item));
            first = false;
        }
        return items.size() <= LIST_LIMIT ? shown
                : TEXTS.text("phrase.andMore", shown, separator, items.size() - LIST_LIMIT);
    }
}
