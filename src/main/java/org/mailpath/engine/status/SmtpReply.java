package org.mailpath.engine.status;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply as logged or received: its basic code (e.g. 550), its enhanced code (e.g. 5.7.26, also written
 * after a multi-line dash as in {@code 550-5.7.26}) and whether Salesforce's own mail server produced it
 * ({@code [internal]}, no remote server said it). Fields are empty when the text does not carry them.
 */
public record SmtpReply(String text, OptionalInt basicCode, Optional<String> enhancedCode, boolean internal) {

    private static final Pattern LEADING = Pattern.compile(
            "^\\s*(?:smtp;\\s*)?([2-5][0-9][0-9])(?=[\\s-]|$)[\\s-]*(?:([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9.]))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_ENHANCED = Pattern.compile("(?<![0-9.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9.])");
    private static final int MAX_SCAN = 4096;

    public SmtpReply {
        text = text == null ? "" : text;
        basicCode = basicCode == null ? OptionalInt.empty() : basicCode;
        enhancedCode = enhancedCode == null ? Optional.empty() : enhancedCode;
    }

    /** Parses one reply line (or a flattened multi-line reply). Never throws; unknown parts stay empty. */
    public static SmtpReply parse(String line) {
        if (line == null || line.isBlank()) {
            return new SmtpReply("", OptionalInt.empty(), Optional.empty(), false);
        }
        String text = line.strip();
        // Only the start of very long texts matters for codes; keeps regex work bounded on hostile input.
        CharSequence head = text.length() > MAX_SCAN ? text.subSequence(0, MAX_SCAN) : text;
        OptionalInt basic = OptionalInt.empty();
        Optional<String> enhanced = Optional.empty();
        Matcher m = LEADING.matcher(head);
        if (m.find()) {
            basic = OptionalInt.of(Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                enhanced = Optional.of(enhanced(m.group(2), m.group(3), m.group(4)));
            }
        }
        if (enhanced.isEmpty()) {
            Matcher any = ANY_ENHANCED.matcher(head);
            if (any.find()) {
                enhanced = Optional.of(enhanced(any.group(1), any.group(2), any.group(3)));
            }
        }
        boolean internal = head.toString().toLowerCase(Locale.ROOT).contains("[internal]");
        return new SmtpReply(text, basic, enhanced, internal);
    }

    private static String enhanced(String cls, String subject, String detail) {
        return cls + "." + Integer.parseInt(subject) + "." + Integer.parseInt(detail);
    }

    /** The enhanced code without its class, as the IANA registry lists it: {@code X.7.26}. */
    public Optional<String> enhancedSubjectDetail() {
        return enhancedCode.map(c -> "X" + c.substring(1));
    }

    /** 2 success, 3 intermediate, 4 transient, 5 permanent; 0 when unknown (from basic code, else enhanced class). */
    public int replyClass() {
        if (basicCode.isPresent()) {
            return basicCode.getAsInt() / 100;
        }
        return enhancedCode.map(c -> c.charAt(0) - '0').orElse(0);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
