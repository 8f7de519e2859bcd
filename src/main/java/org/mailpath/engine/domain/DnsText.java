package org.mailpath.engine.domain;

import java.util.List;

/**
 * Record text quoted in a finding's message, cut to what a sentence can carry: a TXT answer may hold 64 KB, and a
 * hostile record thousands of bad terms. (dnsjava already shows control and non-ASCII bytes as {@code \ddd}.) The
 * evidence keeps the records themselves.
 */
public final class DnsText {

    /** Characters of one quoted record, term or value. */
    public static final int QUOTE_LIMIT = 200;
    /** Items of one list named in a message. */
    public static final int LIST_LIMIT = 10;

    private DnsText() {
    }

    public static String clip(String text) {
        return clip(text, QUOTE_LIMIT);
    }

    public static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // never between the two halves of a surrogate pair (an emoji in a TXT record read as UTF-8)
        int cut = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "… (" + (text.length() - cut) + " more characters)";
    }

    /** The first {@value #LIST_LIMIT} items, each clipped, joined by {@code separator}, then how many were left out. */
    public static String join(List<String> items, String separator) {
        String shown = String.join(separator, items.stream().limit(LIST_LIMIT).map(DnsText::clip).toList());
        return items.size() <= LIST_LIMIT ? shown : shown + separator + "and " + (items.size() - LIST_LIMIT)
                + " more";
    }
}
