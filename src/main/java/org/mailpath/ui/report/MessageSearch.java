package org.mailpath.ui.report;

import java.util.function.Predicate;

/** The message list's search: the rows whose recipient, IDs, verdict, cause or time hold the text typed. */
final class MessageSearch {

    private MessageSearch() {
    }

    /** The rows {@code typed} finds, ignoring case and the spaces around it; every row when it is empty or null. */
    static Predicate<MessageChoice> of(String typed) {
        String needle = typed == null ? "" : typed.strip();
        return needle.isEmpty() ? m -> true : m -> matches(m, needle);
    }

    private static boolean matches(MessageChoice m, String needle) {
        char lower = Character.toLowerCase(needle.charAt(0));
        char upper = Character.toUpperCase(needle.charAt(0));
        return containsIgnoreCase(m.recipient(), needle, lower, upper)
                || containsIgnoreCase(m.messageIdHeader(), needle, lower, upper)
                || containsIgnoreCase(m.verdictText(), needle, lower, upper)
                || containsIgnoreCase(m.cause(), needle, lower, upper)
                || containsIgnoreCase(m.time(), needle, lower, upper)
                || containsIgnoreCase(m.internalMessageId(), needle, lower, upper);
    }

    /**
     * Without a lower-cased copy per row and keystroke (the list may hold hundreds of thousands of messages): the
     * full comparison runs only where the first character matches.
     */
    private static boolean containsIgnoreCase(String haystack, String needle, char lower, char upper) {
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            char c = haystack.charAt(i);
            if ((c == lower || c == upper) && haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
