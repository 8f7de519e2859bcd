package org.mailpath.engine.address;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailpath.engine.finding.LocalText;

/**
 * Checks that a recipient is a valid RFC 5321 mailbox: {@code local@domain}, local part at most 64 octets
 * (dot-atom or quoted string), domain a host name of LDH labels without a final dot (or an internationalised
 * name that {@link IdnaNames} converts and whose {@code xn--} labels {@link IdnLabel} accepts), the whole at most
 * 254 octets. An address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}) is accepted in RFC 5321 §4.1.3's
 * forms.
 */
public final class MailboxSyntax {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxSyntax() {
    }

    /**
     * Why the address is not a valid mailbox, or empty when it is: in any language ({@link LocalText#in}), English
     * as {@link LocalText#toString()}.
     */
    public static Optional<LocalText> problem(String address) {
        if (address == null || address.isEmpty()) {
            return because("address.empty");
        }
        if (!address.equals(address.strip())) {
            return because("address.spacesAround");
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return because("address.noAt");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return because("local.empty");
        }
        if (domain.isEmpty()) {
            return because("domain.empty");
        }
        int localOctets = utf8Length(local);
        if (localOctets > MAX_LOCAL) {
            return tooLong("local.tooLong", local, localOctets, MAX_LOCAL);
        }
        Optional<LocalText> localProblem = localPartProblem(local);
        if (localProblem.isPresent()) {
            return localProblem;
        }
        Optional<LocalText> domainProblem = domain.startsWith("[") ? literalProblem(domain) : domainProblem(domain);
        if (domainProblem.isPresent()) {
            return domainProblem;
        }
        int total = utf8Length(address);
        if (total > MAX_ADDRESS) {
            return tooLong("address.tooLong", address, total, MAX_ADDRESS);
        }
        return Optional.empty();
    }

    private static Optional<LocalText> localPartProblem(String local) {
        return isQuotedString(local) ? quotedStringProblem(local) : dotStringProblem(local);
    }

    /** Starts and ends with a '"' that no backslash quotes: "a\"@example.com is never closed. */
    private static boolean isQuotedString(String local) {
        if (local.length() < 2 || !local.startsWith("\"") || !local.endsWith("\"")) {
            return false;
        }
        int i = 1;
        while (i < local.length() - 1) {
            i += local.charAt(i) == '\\' ? 2 : 1;
        }
        return i == local.length() - 1;
    }

    /** RFC 5321 §4.1.2: qtextSMTP (with RFC 6531's UTF-8) and quoted-pairSMTP, which quotes only %d32-126. */
    private static Optional<LocalText> quotedStringProblem(String local) {
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            boolean ok;
            if (c == '\\') {
                char quoted = local.charAt(++i);
                ok = quoted >= 0x20 && quoted <= 0x7e;
            } else {
                ok = c != '"' && c >= 0x20 && c != 0x7f;
            }
            if (!ok) {
                return because("local.quotedBadCharacter");
            }
        }
        return Optional.empty();
    }

    /** RFC 5321's Dot-string, with RFC 6531's UTF-8 in atext; an unclosed quoted string is read as one too. */
    private static Optional<LocalText> dotStringProblem(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return because("local.dots");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || ATEXT_SPECIALS.indexOf(c) >= 0 || c > 0x7f; // non-ASCII: RFC 6531 (SMTPUTF8)
            if (!ok) {
                return because("local.character", describe(c));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalText> domainProblem(String domain) {
        OptionalInt invisible = domain.codePoints().filter(MailboxSyntax::mappedAwayUnseen).findFirst();
        if (invisible.isPresent()) {
            String seen = domain.codePoints().filter(c -> !mappedAwayUnseen(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return because("domain.invisible", codePoint(invisible.getAsInt()), seen);
        }
        OptionalInt otherDot = domain.codePoints().filter(c -> c == '\u3002' || c == '\uFF0E' || c == '\uFF61')
                .findFirst();
        if (otherDot.isPresent()) {
            // UTS 46 maps these to '.' for display and lookup, but in an address only U+002E separates labels
            // (RFC 5321 §4.1.2's Domain, RFC 6531 §3.3, RFC 5890 §2.3.2.1): a server may refuse the address or read
            // one label where the sender saw two
            return because("domain.otherDot", domain, codePoint(otherDot.getAsInt()));
        }
        String ascii = domain;
        if (!AsciiNames.isAscii(domain)) {
            try {
                ascii = IdnaNames.toAscii(domain);
            } catch (IllegalArgumentException e) {
                return because("domain.notIdn", domain);
            }
        }
        // RFC 5321's Domain has no root dot: "example.com." is a DNS spelling, not a mail domain.
        if (ascii.endsWith(".") && ascii.length() > 1) {
            return because("domain.finalDot", domain);
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN) {
            return because("domain.length", MAX_DOMAIN);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return because("domain.noDot", domain);
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return because("domain.emptyLabel", domain);
            }
            if (label.length() > MAX_LABEL) {
                return because("domain.labelTooLong", MAX_LABEL);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return because("domain.hyphen", domain);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                    return because("domain.character", domain, describe(c));
                }
            }
            if (IdnLabel.isALabel(label)) {
                Optional<LocalText> idnProblem = IdnLabel.problem(label, domain);
                if (idnProblem.isPresent()) {
                    return idnProblem;
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(Character::isDigit)) {
            return because("domain.numeric", domain);
        }
        if (Arrays.stream(labels).noneMatch(IdnLabel::isALabel)) {
            return Optional.empty(); // plain ASCII labels hold no right-to-left text
        }
        return BidiRule.problem(Arrays.stream(labels)
                .map(l -> IdnLabel.isALabel(l) ? IdnLabel.uLabel(l).orElse(l) : l).toList(), domain);
    }

    /**
     * {@link #problem}, else a warning for a valid address whose domain has a label that mixes scripts
     * ({@link MixedScripts}: {@code раypal.com} with a Cyrillic р and а), which browsers show as xn--… because it
     * may imitate another domain; empty when there is neither. What a recipient's address is noted with.
     */
    public static Optional<LocalText> problemOrLookAlike(String address) {
        Optional<LocalText> problem = problem(address);
        // asked of every message of a log: an ASCII domain without an xn-- label is settled without allocating
        int domainStart = address.lastIndexOf('@') + 1;
        if (problem.isPresent() || AsciiNames.noIdn(address, domainStart)) {
            return problem; // no internationalised label, no scripts to mix
        }
        String domain = address.substring(domainStart);
        if (domain.startsWith("[")) {
            return Optional.empty();
        }
        String lookupName = IdnaNames.lookupName(domain);
        return MixedScripts.label(lookupName).map(label -> AddressTexts.text("domain.mixedScripts", domain, label,
                lookupName));
    }

    private static Optional<LocalText> literalProblem(String domain) {
        if (!domain.endsWith("]")) {
            return because("literal.unclosed");
        }
        String inner = domain.substring(1, domain.length() - 1);
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return isIpv6(inner.substring(5)) ? Optional.empty() : because("literal.ipv6");
        }
        return isIpv4(inner) ? Optional.empty() : because("literal.ipv4");
    }

    /** RFC 5321 §4.1.3's IPv4-address-literal: four decimal numbers 0-255 of one to three digits. */
    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 5321 §4.1.3's IPv6-addr: eight groups, or six and an IPv4 address; with "::", which stands for at least two
     * groups, at most six groups besides it (four with an IPv4 address). Stricter than RFC 4291, which lets "::"
     * stand for one group.
     */
    static boolean isIpv6(String s) {
        String groups = s;
        int width = 8;
        if (s.indexOf('.') >= 0) {
            int lastColon = s.lastIndexOf(':');
            if (lastColon < 0 || !isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            groups = s.substring(0, lastColon + 1);
            if (!groups.endsWith("::")) {
                groups = groups.substring(0, groups.length() - 1);
            }
            width = 6;
        }
        int compressed = groups.indexOf("::");
        if (compressed < 0) {
            return groupCount(groups) == width;
        }
        if (groups.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        int before = groupCount(groups.substring(0, compressed));
        int after = groupCount(groups.substring(compressed + 2));
        return before >= 0 && after >= 0 && before + after <= width - 2;
    }

    /** How many IPv6-hex groups (1*4HEXDIG) {@code s} holds, one colon between two; -1 if it is no such list. */
    private static int groupCount(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] groups = s.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(HexFormat::isHexDigit)) {
                return -1;
            }
        }
        return groups.length;
    }

    /**
     * RFC 5321 §4.5.3.1 limits lengths in octets. Where {@code s} is all ASCII that is its count of characters; where
     * it is not, the text gives both, so that a reader who counts the characters is not misled.
     */
    private static Optional<LocalText> tooLong(String key, String s, int octets, int limit) {
        return octets == s.length() ? because(key, octets, limit)
                : because(key + ".nonAscii", octets, limit, s.codePointCount(0, s.length()));
    }

    private static Optional<LocalText> because(String key, Object... args) {
        return Optional.of(AddressTexts.text(key, args));
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

    /** The character as words of a sentence ("… contains a space"). */
    private static LocalText describe(char c) {
        if (c == ' ') {
            return AddressTexts.text("character.space");
        }
        if (c < 0x20 || c == 0x7f) {
            return AddressTexts.text("character.control", codePoint(c));
        }
        return AddressTexts.text("character.other", String.valueOf(c));
    }

    /** {@code c}'s hexadecimal number as in U+00AD, as text: a number argument would be written in decimal. */
    static String codePoint(int c) {
        return String.format(Locale.ROOT, "%04X", c);
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
