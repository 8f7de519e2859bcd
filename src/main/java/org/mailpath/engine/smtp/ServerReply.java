package org.mailpath.engine.smtp;

import java.util.List;

/** A complete SMTP reply: its three-digit code and the text of each line (without code and separator). */
public record ServerReply(int code, List<String> lines) {

    public ServerReply {
        lines = List.copyOf(lines);
    }

    /**
     * A positive completion (2yz). The probe judges every reply by this first digit, as RFC 5321 §4.3.2 asks of
     * clients ("interpret only the first digit of the reply"), not by the one code a table lists for the command.
     */
    public boolean completed() {
        return code / 100 == 2;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    /** The reply as one line, the way a mail log writes it: {@code 550 5.1.1 user unknown} (lines joined by a space). */
    public String oneLine() {
        return code + " " + String.join(" ", lines).strip();
    }

    /** The first line's first word, the host name in a greeting or an EHLO reply (empty if none). */
    public String firstWord() {
        String first = lines.isEmpty() ? "" : lines.getFirst().strip();
        int space = first.indexOf(' ');
        return space < 0 ? first : first.substring(0, space);
    }
}
