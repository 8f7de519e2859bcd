package org.mailpath.engine.address;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks that a recipient is a valid RFC 5321 mailbox: {@code local@domain}, local part at most 64 octets
 * (dot-atom or quoted string), domain a host name of LDH labels without a final dot (or an internationalised
 * name that {@link IdnaNames} converts and whose {@code xn--} labels {@link IdnLabel} accepts), the whole at most
 * 254 octets. An address literal ({@code [192.0.2.1]}) is accepted.
 */
public final class MailboxSyntax {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxSyntax() {
    }

    /** Why the address is not a valid mailbox, or empty when it is. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("the address is empty");
        }
        if (!address.equals(address.strip())) {
            return Optional.of("the address has spaces around it");
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("the address has no @");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return Optional.of("the part before the @ is empty");
        }
        if (domain.isEmpty()) {
            return Optional.of("the domain after the @ is empty");
        }
        int localOctets = utf8Length(local);
        if (localOctets > MAX_LOCAL) {
            return Optional.of("the part before the @ is " + localOctets + " characters long (at most 64 allowed)");
        }
        Optional<String> localProblem = localPartProblem(local);
        if (localProblem.isPresent()) {
            return localProblem;
        }
        Optional<String> domainProblem = domain.startsWith("[") ? literalProblem(domain) : domainProblem(domain);
        if (domainProblem.isPresent()) {
            return domainProblem;
        }
        int total = utf8Length(address);
        if (total > MAX_ADDRESS) {
            return Optional.of("the address is " + total + " characters long (at most 254 allowed)");
        }
        return Optional.empty();
    }

    private static Optional<String> localPartProblem(String local) {
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            for (int i = 1; i < local.length() - 1; i++) {
                char c = local.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"' || c < 0x20 || c == 0x7f) {
                    return Optional.of("the quoted part before the @ contains a bad character");
                }
            }
            return Optional.empty();
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("the part before the @ has a dot at its start or end, or two dots in a row");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || ATEXT_SPECIALS.indexOf(c) >= 0 || c > 0x7f; // non-ASCII: RFC 6531 (SMTPUTF8)
            if (!ok) {
                return Optional.of("the part before the @ contains " + describe(c));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> domainProblem(String domain) {
        OptionalInt invisible = domain.codePoints().filter(MailboxSyntax::mappedAwayUnseen).findFirst();
        if (invisible.isPresent()) {
            String seen = domain.codePoints().filter(c -> !mappedAwayUnseen(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return Optional.of(String.format(Locale.ROOT, "the domain contains an invisible character (U+%04X), which"
                    + " IDNA2008 does not allow; the address only looks like one at %s", invisible.getAsInt(), seen));
        }
        String ascii = domain;
        try {
            if (!isAscii(domain)) {
                ascii = IdnaNames.toAscii(domain);
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("the domain '" + domain + "' is not a valid internationalised domain name");
        }
        // RFC 5321's Domain has no root dot: "example.com." is a DNS spelling, not a mail domain.
        if (ascii.endsWith(".") && ascii.length() > 1) {
            return Optional.of("the domain '" + domain + "' ends with a dot (a mail domain is written without it)");
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN) {
            return Optional.of("the domain is empty or longer than 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("the domain '" + domain + "' has no dot (not a full internet domain)");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of("the domain '" + domain + "' has an empty label (two dots in a row or a leading dot)");
            }
            if (label.length() > MAX_LABEL) {
                return Optional.of("a label of the domain is longer than 63 characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of("a label of the domain '" + domain + "' starts or ends with a hyphen");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                    return Optional.of("the domain '" + domain + "' contains " + describe(c));
                }
            }
            if (IdnLabel.isALabel(label)) {
                Optional<String> idnProblem = IdnLabel.problem(label, domain);
                if (idnProblem.isPresent()) {
                    return idnProblem;
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(Character::isDigit)) {
            return Optional.of("the domain '" + domain + "' ends in a number (an IP address must be written in brackets)");
        }
        if (Arrays.stream(labels).noneMatch(IdnLabel::isALabel)) {
            return Optional.empty(); // plain ASCII labels hold no right-to-left text
        }
        return BidiRule.problem(Arrays.stream(labels)
                .map(l -> IdnLabel.isALabel(l) ? IdnLabel.uLabel(l).orElse(l) : l).toList(), domain);
    }

    private static Optional<String> literalProblem(String domain) {
        if (!domain.endsWith("]")) {
            return Optional.of("the address literal after the @ is not closed with ]");
        }
        String inner = domain.substring(1, domain.length() - 1);
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return inner.length() > 5 && inner.substring(5).matches("[0-9A-Fa-f:.]+") ? Optional.empty()
                    : Optional.of("the IPv6 address literal is not valid");
        }
        String[] parts = inner.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.of("the IPv4 address literal is not valid");
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return Optional.of("the IPv4 address literal is not valid");
            }
        }
        return Optional.empty();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Invisible characters that the JDK's IDNA2003 conversion drops without a word (soft hyphen, zero-width space,
     * word joiner, BOM, variation selectors …): b\u200Bank.example would be looked up as bank.example. ZWJ and ZWNJ
     * are not among them: IDNA2008 allows them in context (IdnContext).
     */
    private static boolean mappedAwayUnseen(int c) {
        return (Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D')
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F;
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("a control character (U+%04X)", (int) c);
        }
        return "the character '" + c + "'";
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
