package org.mailpath.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our admin's instruction said as our own side's, for a report whose "your" means the recipient's mail team: "check
 * your org's TLS setting" becomes "check our org's TLS setting" (the copy review of stop 45: a causes table read "your
 * own organization's … your Microsoft 365 tenant" beside rows addressed to that team). Our admin's words
 * (knowledge base, JSON, app) stay as they are; only where a report shows them to every reader are they said so.
 * English: your/yours/you; Swedish: er/ert/era/ni (the reports' form of address), "er" without a noun after it
 * being the object ("tillhör er:" → "tillhör oss:").
 */
final class OurVoice {

    // a word inside a domain name or an address ("your-shop.example", "ni.com", "you@…") is not one to turn
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\w.@-])(?i:(yours|your|you))(?![\\w@-]|\\.\\w)(\\s*[.,;:)!?]|\\s*$)?");
    private static final Pattern SWEDISH = Pattern.compile(
            "(?<![\\p{L}.@-])(?i:(ni|ert|era|er))(?![\\p{L}@-]|\\.\\p{L})(\\s*[.,;:)!?]|\\s*$)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    private OurVoice() {
    }

    /** {@code text}, our admin's words, in the first person plural of our side, in {@code language}. */
    static String of(String text, Locale language) {
        boolean swedish = language.getLanguage().equals("sv");
        Matcher m = (swedish ? SWEDISH : ENGLISH).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            boolean last = m.group(2) != null;
            String ours = swedish ? swedish(word.toLowerCase(Locale.ROOT), last) : english(word.toLowerCase(Locale.ROOT), last);
            if (Character.isUpperCase(word.charAt(0))) {
                ours = Character.toUpperCase(ours.charAt(0)) + ours.substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(ours + (last ? m.group(2) : "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String english(String word, boolean last) {
        return switch (word) {
            case "yours" -> "ours";
            case "your" -> "our";
            // "you" before its verb is the subject ("whose record you cannot change"); before a full stop the object
            default -> last ? "us" : "we";
        };
    }

    private static String swedish(String word, boolean last) {
        return switch (word) {
            case "ni" -> "vi";
            case "ert" -> "vårt";
            case "era" -> "våra";
            // "er" before a noun is the possessive ("er egen domän"); with none after it, the object ("tillhör er")
            default -> last ? "oss" : "vår";
        };
    }
}
