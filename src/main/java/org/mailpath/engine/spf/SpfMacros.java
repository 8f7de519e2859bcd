package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.domain.IpAddresses;

/**
 * Macro expansion (RFC 7208 §7): {@code %{s l o d i p h v}} (and {@code c r t} in explanations) with digit and
 * {@code r} transformers and delimiters, {@code %%}, {@code %_}, {@code %-}; an upper-case letter URL-escapes.
 * {@code %{p}} expands to the context's validated name, "unknown" without one (§7.3); finding it takes DNS lookups,
 * which the evaluator makes only for a macro string that {@link #usesValidatedName uses it}.
 */
public final class SpfMacros {

    static final int MAX_DOMAIN_LENGTH = 253;
    private static final String DELIMITERS = ".-+,/_=";
    private static final SpfMacroContext SAMPLE =
            new SpfMacroContext("a@b.c", Optional.of(InetAddress.getLoopbackAddress()), "b.c");

    private SpfMacros() {
    }

    /** Checks the macro syntax of {@code macroString} without expanding it for real. */
    public static void validate(String macroString, boolean explanation) throws SpfSyntaxException {
        expand(macroString, "b.c", SAMPLE, explanation);
    }

    /**
     * Expands {@code macroString} for the current domain {@code domain}.
     *
     * @return empty when a macro needs what the context has not: the client IP, or the message (sender, HELO)
     */
    public static Optional<String> expand(String macroString, String domain, SpfMacroContext context,
                                          boolean explanation) throws SpfSyntaxException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < macroString.length()) {
            char c = macroString.charAt(i);
            if (c != '%') {
                if ((c < 0x21 || c > 0x7e) && !(explanation && c == ' ')) {
                    throw new SpfSyntaxException(macroString,
                            SpfTexts.text("syntax.macroCharacter", String.valueOf(c)));
                }
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= macroString.length()) {
                throw new SpfSyntaxException(macroString, SpfTexts.text("syntax.macroPercentAtEnd"));
            }
            char next = macroString.charAt(i + 1);
            switch (next) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int close = macroString.indexOf('}', i);
                    if (close < 0) {
                        throw new SpfSyntaxException(macroString, SpfTexts.text("syntax.macroUnclosed", "'%{'", "'}'"));
                    }
                    Optional<String> value = expandOne(macroString.substring(i + 2, close), macroString, domain,
                            context, explanation);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    out.append(value.get());
                    i = close + 1;
                    continue;
                }
                default -> throw new SpfSyntaxException(macroString,
                        SpfTexts.text("syntax.macroUnknown", String.valueOf(next), "%{x}"));
            }
            i += 2;
        }
        return Optional.of(out.toString());
    }

    /** True when {@code macroString} holds a {@code %{p}} macro (in any case, with any transformers). */
    public static boolean usesValidatedName(String macroString) {
        return letters(macroString).indexOf('p') >= 0;
    }

    /**
     * True when {@code macroString} holds a macro taken from the message itself: {@code %{s}}, {@code %{l}},
     * {@code %{o}} (MAIL FROM) or {@code %{h}} (HELO), RFC 7208 §7.2. Each message gives its own value, so a check
     * of the domain's record, which has no message, cannot say what a receiver would ask.
     */
    public static boolean usesMessage(String macroString) {
        return letters(macroString).chars().anyMatch(c -> "sloh".indexOf(c) >= 0);
    }

    /** The macro letters of {@code macroString}, lower case, in order. */
    private static String letters(String macroString) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 2 < macroString.length(); i++) {
            if (macroString.charAt(i) == '%') {
                char next = macroString.charAt(i + 1);
                if (next == '{') {
                    out.append(Character.toLowerCase(macroString.charAt(i + 2)));
                }
                i++; // "%%", "%_", "%-" and "%{" are read as a pair: "%%{p}" is a percent sign and "{p}"
            }
        }
        return out.toString();
    }

    /** Expands a domain-spec and shortens it from the left to 253 characters when needed (§7.3). */
    public static Optional<String> expandDomain(String domainSpec, String domain, SpfMacroContext context)
            throws SpfSyntaxException {
        Optional<String> expanded = expand(domainSpec, domain, context, false);
        return expanded.map(SpfMacros::truncate);
    }

    /**
     * Drops labels from the left until at most 253 characters remain, in one pass: a hostile record of thousands of
     * macros expands to megabytes, and cutting one label at a time (a copy per label) would take hours.
     */
    static String truncate(String name) {
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        int start = 0;
        while (end - start > MAX_DOMAIN_LENGTH) {
            int dot = name.indexOf('.', start);
            if (dot < 0 || dot >= end) {
                break; // no label left to drop: the caller rejects the over-long name
            }
            start = dot + 1;
        }
        return name.substring(start, end);
    }

    private static Optional<String> expandOne(String body, String whole, String domain, SpfMacroContext context,
                                              boolean explanation) throws SpfSyntaxException {
        if (body.isEmpty()) {
            throw new SpfSyntaxException(whole, SpfTexts.text("syntax.macroEmpty", "'%{}'"));
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        int p = 1;
        int digitsStart = p;
        while (p < body.length() && Character.isDigit(body.charAt(p))) {
            p++;
        }
        int keep = 0;
        if (p > digitsStart) {
            String digits = body.substring(digitsStart, p);
            if (digits.length() > 3 || (keep = Integer.parseInt(digits)) == 0) {
                throw new SpfSyntaxException(whole, SpfTexts.text("syntax.macroParts", "'%{" + body + "}'"));
            }
        }
        boolean reverse = false;
        if (p < body.length() && Character.toLowerCase(body.charAt(p)) == 'r') {
            reverse = true;
            p++;
        }
        String delimiters = body.substring(p);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new SpfSyntaxException(whole, SpfTexts.text("syntax.macroDelimiter", "'%{" + body + "}'",
                        String.valueOf(d)));
            }
        }
        Optional<String> raw = value(lower, whole, domain, context, explanation);
        if (raw.isEmpty()) {
            return raw;
        }
        String result = transform(raw.get(), keep, reverse, delimiters.isEmpty() ? "." : delimiters);
        return Optional.of(Character.isUpperCase(letter) ? urlEscape(result) : result);
    }

    private static Optional<String> value(char letter, String whole, String domain, SpfMacroContext context,
                                          boolean explanation) throws SpfSyntaxException {
        Optional<InetAddress> ip = context.ip();
        return switch (letter) {
            case 's' -> context.sender();
            case 'l' -> context.localPart();
            case 'o' -> context.senderDomain();
            case 'd' -> Optional.of(domain);
            case 'h' -> context.helo();
            case 'i' -> ip.map(SpfMacros::dottedIp);
            case 'v' -> ip.map(a -> IpAddresses.isIpv4(a) ? "in-addr" : "ip6");
            case 'p' -> ip.map(a -> context.validatedName().orElse("unknown"));
            case 'c', 'r', 't' -> {
                if (!explanation) {
                    throw new SpfSyntaxException(whole, SpfTexts.text("syntax.macroExplanationOnly",
                            "'%{" + letter + "}'"));
                }
                yield switch (letter) {
                    case 'c' -> ip.map(IpAddresses::text);
                    case 'r' -> Optional.of("unknown");
                    default -> Optional.of(Long.toString(System.currentTimeMillis() / 1000));
                };
            }
            default -> throw new SpfSyntaxException(whole, SpfTexts.text("syntax.macroLetter", String.valueOf(letter)));
        };
    }

    /** §7.3: IPv4 as is; IPv6 as 32 dot-separated nibbles. */
    static String dottedIp(InetAddress address) {
        if (IpAddresses.isIpv4(address)) {
            return IpAddresses.text(address);
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : address.getAddress()) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16))
                    .append('.');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static String transform(String value, int keep, boolean reverse, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        if (reverse) {
            Collections.reverse(parts);
        }
        if (keep > 0 && keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        return String.join(".", parts);
    }

    private static String urlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        return sb.toString();
    }
}
