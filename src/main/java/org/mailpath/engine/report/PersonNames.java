package org.mailpath.engine.report;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's names next to a mailbox the redactor has masked. A reply that quotes the person with the mailbox
 * ({@code account a*** (Anna Berg)}, {@code "Anna Berg" <a***@contoso.example>}) gives the name the mask was
 * for; a reply's reason in the same place ({@code (Not Verified)}, {@code (Mailbox does not exist)}) must stay.
 */
final class PersonNames {

    /** A masked mailbox (a token holding "***"), white space, then a phrase in parentheses or double quotes. */
    private static final Pattern AFTER_MAILBOX = Pattern.compile(
            "(\\S*\\*\\*\\*\\S*)(\\s+)(?:\\(([^()\"\\r\\n]{1,80})\\)|\"([^\"\\r\\n]{1,80})\")");
    /** A phrase in double quotes, white space, then a masked address in angle brackets (RFC 5322 name-addr). */
    private static final Pattern BEFORE_MAILBOX = Pattern.compile(
            "\"([^\"\\r\\n]{1,80})\"(\\s+<[^<>\\s]*\\*\\*\\*[^<>\\s]*>)");
    /** A word of a name: letters, with marks, dots, apostrophes and hyphens inside ("J.", "O'Brien", "Jean-Luc"). */
    private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}.'\u2019-]*");
    /** Lower-case words that stand inside a name ("Ludwig van Beethoven"). */
    private static final Set<String> PARTICLES = Set.of("af", "al", "av", "bin", "da", "das", "de", "del", "den",
            "der", "di", "dos", "du", "el", "la", "le", "ten", "ter", "van", "von", "zu");
    private static final int MAX_WORDS = 4;

    private PersonNames() {
    }

    /**
     * The text with each name standing right beside a masked mailbox masked too ({@code (Anna Berg)} becomes
     * {@code (A***)}). The text is already redacted: the masks are what finds the mailboxes.
     */
    static String maskBesideMailboxes(String text) {
        if (!text.contains("***")) {
            return text;
        }
        String after = AFTER_MAILBOX.matcher(text).replaceAll(m -> {
            String mailbox = m.group(1);
            boolean quoted = m.group(3) == null;
            String phrase = quoted ? m.group(4) : m.group(3);
            // "a***: (Anna Berg)" or "a***, (…)": the mailbox's sentence has ended, the phrase is not its name
            if (":;,.".indexOf(mailbox.charAt(mailbox.length() - 1)) >= 0 || !looksLikeName(phrase)) {
                return Matcher.quoteReplacement(m.group());
            }
            String masked = quoted ? "\"" + mask(phrase) + "\"" : "(" + mask(phrase) + ")";
            return Matcher.quoteReplacement(mailbox + m.group(2) + masked);
        });
        return BEFORE_MAILBOX.matcher(after).replaceAll(m -> Matcher.quoteReplacement(looksLikeName(m.group(1))
                ? "\"" + mask(m.group(1)) + "\"" + m.group(2) : m.group()));
    }

    /**
     * A phrase looks like a person's name: one to four capitalised words of letters (lower-case particles such as
     * "van" inside), not all of them words of replies ("Not Verified", "User Unknown").
     */
    static boolean looksLikeName(String phrase) {
        String[] words = phrase.strip().split("[\\s,]+");
        if (words.length > MAX_WORDS) {
            return false;
        }
        boolean allReplyWords = true;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (!NAME_WORD.matcher(word).matches()) {
                return false;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean particle = i > 0 && i < words.length - 1 && PARTICLES.contains(lower);
            if (Character.isLowerCase(word.codePointAt(0)) && !particle) {
                return false;
            }
            allReplyWords &= ReplyWords.contains(lower.replaceAll("[.'\u2019]+$", ""));
        }
        return !allReplyWords;
    }

    private static String mask(String phrase) {
        String name = phrase.strip();
        return new String(Character.toChars(name.codePointAt(0))) + "***";
    }
}
