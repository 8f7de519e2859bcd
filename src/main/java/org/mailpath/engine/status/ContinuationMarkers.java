package org.mailpath.engine.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The continuation markers of a multi-line SMTP reply that a log joined into one line. RFC 5321 §4.2.1 starts every
 * line of a multi-line reply but the last with the reply code and a hyphen ({@code 450-}), and Gmail repeats the
 * enhanced code after it ({@code 450-4.2.1 }); joined with spaces, the markers land inside the provider's sentences
 * ("receiving mail at a rate that 450-4.2.1 prevents additional messages"), where no provider's wording has them.
 * <p>Only what repeats the first line's own marker is taken for one: a reply whose first line has no hyphen has no
 * continuation lines, and a reply quoted in the text ("said: 550-5.1.1 …", "Response: 550 5.1.1 …") carries another
 * code or no hyphen. The first line's marker stays, so the text still starts with its codes.
 */
final class ContinuationMarkers {

    /** The first line's marker: code, hyphen and, where the server writes one, the enhanced code. */
    private static final Pattern FIRST = Pattern.compile(
            "^\\s*(?:smtp;\\s*)?([2-5][0-9]{2})-(?:([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?=\\s|$))?",
            Pattern.CASE_INSENSITIVE);

    private ContinuationMarkers() {
    }

    /** {@code text} without the markers of its continuation lines; unchanged when its first line has none. */
    static String removed(String text) {
        Matcher first = FIRST.matcher(text);
        if (!first.find()) {
            return text;
        }
        String code = first.group(1);
        String enhanced = first.group(2);
        // A later line repeats the first one's marker whole; a bare code must not run on into digits ("550-5.1.1").
        Pattern marker = enhanced == null
                ? Pattern.compile("(?<=\\s)" + code + "-(?![0-9])\\s*")
                : Pattern.compile("(?<=\\s)" + code + "-" + Pattern.quote(enhanced) + "(?:\\s+|$)");
        String rest = text.substring(first.end());
        return text.substring(0, first.end()) + marker.matcher(rest).replaceAll("");
    }
}
