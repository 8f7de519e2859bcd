package org.mailpath.engine.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.mailpath.engine.finding.Localizable;

/** The extensions an EHLO reply advertises (keywords upper-cased), with the SIZE limit when one is given. */
public record Capabilities(Set<String> keywords, OptionalLong sizeLimit) {

    /** The extensions the probe reports on, in the order it lists them. */
    public static final List<String> REPORTED = List.of("STARTTLS", "SIZE", "8BITMIME", "SMTPUTF8", "PIPELINING",
            "CHUNKING", "REQUIRETLS");

    public static final Capabilities NONE = new Capabilities(Set.of(), OptionalLong.empty());

    public Capabilities {
        keywords = Set.copyOf(keywords);
    }

    /** Reads the lines of a 250 reply to EHLO; the first line is the server's name, the rest one extension each. */
    public static Capabilities parse(List<String> replyLines) {
        Set<String> keywords = new TreeSet<>();
        OptionalLong size = OptionalLong.empty();
        for (int i = 1; i < replyLines.size(); i++) {
            String[] words = replyLines.get(i).strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String keyword = words[0].toUpperCase(Locale.ROOT);
            keywords.add(keyword);
            // RFC 1870 §3: size-param ::= [1*DIGIT]; anything else ("-1", "+5", "10M") names no limit
            if (keyword.equals("SIZE") && words.length > 1 && words[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    size = OptionalLong.of(Long.parseLong(words[1]));
                } catch (NumberFormatException e) {
                    // more digits than a long holds: no limit worth reporting
                }
            }
        }
        return new Capabilities(keywords, size);
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword);
    }

    /**
     * e.g. {@code STARTTLS, SIZE 52428800 (52.4 MB), PIPELINING; not: SMTPUTF8, CHUNKING, REQUIRETLS}, in the
     * reader's language (the keywords and numbers stay as they are).
     */
    public Localizable summary() {
        return summary(REPORTED);
    }

    /**
     * As {@link #summary()} for the EHLO reply inside TLS, which leaves out STARTTLS: RFC 3207 §4.2 forbids a server
     * to offer it again once TLS is up, so "not: STARTTLS" would read as if TLS were missing.
     */
    public Localizable summaryInsideTls() {
        return summary(REPORTED.stream().filter(k -> !k.equals("STARTTLS")).toList());
    }

    private Localizable summary(List<String> reported) {
        List<Object> offered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String k : reported) {
            if (!has(k)) {
                missing.add(k);
            } else if (k.equals("SIZE") && sizeLimit.isPresent()) {
                long n = sizeLimit.getAsLong();
                offered.add(n == 0 ? SmtpFindings.text("phrase.capabilities.sizeNoLimit")
                        : k + " " + n + String.format(Locale.ROOT, " (%.1f MB)", n / 1_000_000.0));
            } else {
                offered.add(k);
            }
        }
        Localizable shown = offered.isEmpty() ? SmtpFindings.text("phrase.capabilities.none") : list(offered);
        return missing.isEmpty() ? shown
                : SmtpFindings.text("phrase.capabilities.missing", shown, String.join(", ", missing));
    }

    /** The items joined by ", " (a nested phrase, as some items are words of ours; the rest are keywords). */
    private static Localizable list(List<Object> items) {
        return SmtpFindings.TEXTS.joined("phrase.list", items) instanceof Localizable words ? words
                : Localizable.verbatim(items.getFirst().toString());
    }
}
