package org.mailpath.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailpath.engine.report.ReportTexts;

/**
 * Our admin's instruction said as our own side's, for a report whose "your" means the recipient's mail team: "check
 * your org's TLS setting" becomes "check our org's TLS setting" (the copy review of stop 45: a causes table read "your
 * own organization's … your Microsoft 365 tenant" beside rows addressed to that team). Our admin's words
 * (knowledge base, JSON, app) stay as they are; only where a report shows them to every reader are they said so.
 * The words are the report language's ({@code ourVoice.words} in the report texts): English turns your/yours/you,
 * Swedish er/ert/era/ni (the reports' form of address), a word with no noun after it being the object ("gives you."
 * → "gives us.", "tillhör er:" → "tillhör oss:"). A language is a bundle, not code.
 */
final class OurVoice {

    /** Each word of the reader (lower-cased) and the words of our side for it. */
    private final Map<String, Ours> words;
    private final Pattern pattern;

    /** Our side's word before a noun ({@code our}), and with none after it ({@code us}). */
    private record Ours(String beforeNoun, String last) {
    }

    /** The words of {@code spec}: {@code word:ours} or {@code word:ours/last}, separated by spaces. */
    OurVoice(String spec) {
        Map<String, Ours> parsed = new LinkedHashMap<>();
        for (String pair : spec.strip().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String ours = pair.substring(colon + 1);
            int slash = ours.indexOf('/');
            parsed.put(pair.substring(0, colon).toLowerCase(Locale.ROOT), slash < 0 ? new Ours(ours, ours)
                    : new Ours(ours.substring(0, slash), ours.substring(slash + 1)));
        }
        this.words = Map.copyOf(parsed);
        // longest first, so "yours" is not taken as "your"; a word inside a domain name or an address
        // ("your-shop.example", "ni.com", "you@…") is not one to turn
        String alternatives = parsed.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.pattern = parsed.isEmpty() ? Pattern.compile("(?!)()()") : Pattern.compile(
                "(?<![\\w.@-])(?i:(" + alternatives + "))(?![\\w@-]|\\.\\w)(\\s*[.,;:)!?]|\\s*$)?",
                Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** {@code text}, our admin's words, in the first person plural of our side, in {@code language}. */
    static String of(String text, Locale language) {
        // a report turns a few admin instructions, so the words are read (ResourceBundle caches them) for each
        return new OurVoice(ReportTexts.of(language).get("ourVoice.words")).said(text);
    }

    /** {@code text} with each word of the reader turned into our side's. */
    String said(String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            boolean last = m.group(2) != null;
            Ours mapped = words.get(word.toLowerCase(Locale.ROOT));
            String ours = last ? mapped.last() : mapped.beforeNoun();
            if (Character.isUpperCase(word.charAt(0)) && !ours.isEmpty()) {
                ours = Character.toUpperCase(ours.charAt(0)) + ours.substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(ours + (last ? m.group(2) : "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
