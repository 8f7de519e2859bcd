package org.mailpath.engine.smtp;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

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
            if (keyword.equals("SIZE") && words.length > 1) {
                try {
                    size = OptionalLong.of(Long.parseLong(words[1]));
                } catch (NumberFormatException e) {
                    // a malformed limit is just not reported
                }
            }
        }
        return new Capabilities(keywords, size);
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword);
    }

    /** e.g. {@code STARTTLS, SIZE 52428800 (50 MB), PIPELINING; not: SMTPUTF8, CHUNKING, REQUIRETLS} */
    public String summary() {
        StringBuilder offered = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        for (String k : REPORTED) {
            StringBuilder target = has(k) ? offered : missing;
            if (!target.isEmpty()) {
                target.append(", ");
            }
            target.append(k);
            if (k.equals("SIZE") && has(k)) {
                sizeLimit.ifPresent(n -> offered.append(' ').append(n)
                        .append(n == 0 ? " (no limit)"
                        : String.format(java.util.Locale.ROOT, " (%.1f MB)", n / 1_000_000.0)));
            }
        }
        return (offered.isEmpty() ? "none of the common extensions" : offered)
                + (missing.isEmpty() ? "" : "; not: " + missing);
    }
}
