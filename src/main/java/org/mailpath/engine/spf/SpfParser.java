package org.mailpath.engine.spf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.finding.LocalText;

/** Parses an SPF record by RFC 7208's grammar (§4.6, §5, §6, §7.1); any deviation is a syntax error (permerror). */
public final class SpfParser {

    private static final Pattern VERSION = Pattern.compile("(?i)v=spf1( .*)?");
    /** Text meant as an SPF record: "v=spf1" after nothing but white space or a quotation mark. */
    private static final Pattern LOOK_ALIKE = Pattern.compile("(?is)([\\s\"']*)v=spf1(.*)");
    private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern MECHANISM_NAME = Pattern.compile("([A-Za-z0-9]+)(.*)");
    private static final Pattern TOP_LABEL = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]+(-[A-Za-z0-9]+)*|"
            + "[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");
    private static final Pattern CIDR = Pattern.compile("(?:/(0|[1-9][0-9]{0,2}))?(?://(0|[1-9][0-9]{0,2}))?");
    private static final Pattern CIDR_CHARACTERS = Pattern.compile("[/0-9]+");

    private SpfParser() {
    }

    /** True for TXT text that is an SPF record: exactly "v=spf1" followed by a space or the end (§4.5). */
    public static boolean isSpfRecord(String txt) {
        return VERSION.matcher(txt).matches();
    }

    /** The SPF records among a TXT answer's records ({@link DnsAnswers#texts}), in the answer's order. */
    public static List<String> records(DnsAnswer txt) {
        return DnsAnswers.texts(txt).stream().filter(SpfParser::isSpfRecord).toList();
    }

    /**
     * Whether the SPF record is exactly "v=spf1 -all" (case and spacing aside): no host may send with the domain
     * (RFC 7208 §5.1: "all" matches every host, "-" gives fail), the record a domain that sends no mail publishes
     * (M3AAWG's Protecting Parked Domains Best Common Practices; the UK government's "Protect domains that do not
     * send email" gives the same record).
     */
    public static boolean sendsNoMail(String record) {
        return List.of(record.strip().toLowerCase(Locale.ROOT).split("\\s+")).equals(List.of("v=spf1", "-all"));
    }

    /**
     * Why TXT text that is meant as an SPF record is not one (§4.5 discards it: the record must begin with exactly
     * "v=spf1", ended by a space or the end of the record): something before "v=spf1", a TAB or no space after it,
     * or another version such as "v=spf10". Empty for an SPF record and for unrelated text.
     */
    static Optional<LocalText> whyNotSpfText(String txt) {
        Matcher m = LOOK_ALIKE.matcher(txt);
        if (isSpfRecord(txt) || !m.matches()) {
            return Optional.empty();
        }
        String before = m.group(1);
        String after = m.group(2);
        if (!before.isEmpty()) {
            return Optional.of(SpfTexts.text(before.contains("\"") || before.contains("'") ? "whyNot.quoted"
                    : "whyNot.leadingSpace"));
        }
        char next = after.charAt(0); // not empty: "v=spf1" alone is a record
        if (next == '\t') {
            return Optional.of(SpfTexts.text("whyNot.tab"));
        }
        String word = after.split("[ \t]", 2)[0];
        if (Character.isLetterOrDigit(next) || next == '.' || next == '/') {
            return Optional.of(SpfTexts.text("whyNot.version", DnsText.clipText("v=spf1" + word)));
        }
        return Optional.of(SpfTexts.text("whyNot.noSpace", DnsText.clipText(word)));
    }

    public static SpfRecord parse(String text) throws SpfSyntaxException {
        if (!isSpfRecord(text)) {
            throw new SpfSyntaxException(text, SpfTexts.text("syntax.version"));
        }
        List<SpfTerm> terms = new ArrayList<>();
        SpfModifier redirect = null;
        SpfModifier exp = null;
        for (String token : text.substring(6).split(" ")) {
            if (token.isEmpty()) {
                continue; // several spaces between terms are allowed
            }
            SpfTerm term = term(token);
            if (term instanceof SpfModifier m) {
                String name = m.name().toLowerCase(Locale.ROOT);
                if (name.equals("redirect")) {
                    if (redirect != null) {
                        throw new SpfSyntaxException(token, SpfTexts.text("syntax.twoRedirects"));
                    }
                    redirect = m;
                } else if (name.equals("exp")) {
                    if (exp != null) {
                        throw new SpfSyntaxException(token, SpfTexts.text("syntax.twoExp"));
                    }
                    exp = m;
                }
            }
            terms.add(term);
        }
        return new SpfRecord(text, terms, Optional.ofNullable(redirect), Optional.ofNullable(exp));
    }

    /**
     * The mechanisms of a record that does not parse as a whole (a syntax error elsewhere in it), each read on its
     * own; the terms that are not valid mechanisms are left out.
     */
    static List<SpfMechanism> readableMechanisms(String text) {
        List<SpfMechanism> out = new ArrayList<>();
        for (String token : text.split(" ")) {
            if (token.isEmpty() || isSpfRecord(token)) {
                continue;
            }
            try {
                if (term(token) instanceof SpfMechanism m) {
                    out.add(m);
                }
            } catch (SpfSyntaxException e) {
                // the broken term: SPF_SYNTAX names it
            }
        }
        return out;
    }

    private static SpfTerm term(String token) throws SpfSyntaxException {
        int eq = token.indexOf('=');
        int colon = token.indexOf(':');
        int slash = token.indexOf('/');
        boolean modifier = eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash);
        if (modifier) {
            String name = token.substring(0, eq);
            if (!MODIFIER_NAME.matcher(name).matches()) {
                throw new SpfSyntaxException(token, SpfTexts.text("syntax.modifierName", name));
            }
            String value = token.substring(eq + 1);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("redirect") || lower.equals("exp")) {
                checkDomainSpec(token, value);
            } else {
                try {
                    SpfMacros.validate(value, false);
                } catch (SpfSyntaxException e) {
                    throw new SpfSyntaxException(token, e.reason()); // the term is "foo=%{z}", not its value
                }
            }
            return new SpfModifier(name, value, token);
        }
        return mechanism(token);
    }

    private static SpfMechanism mechanism(String token) throws SpfSyntaxException {
        Optional<SpfQualifier> given = SpfQualifier.of(token.charAt(0));
        String body = given.isPresent() ? token.substring(1) : token;
        // no qualifier is "+" (RFC 7208 §4.6.2)
        SpfQualifier qualifier = given.orElse(SpfQualifier.PASS);
        Matcher m = MECHANISM_NAME.matcher(body);
        if (!m.matches()) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.notATerm"));
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        return switch (name) {
            case "all" -> {
                if (!rest.isEmpty()) {
                    throw new SpfSyntaxException(token, SpfTexts.text("syntax.allArgument"));
                }
                yield new SpfMechanism(qualifier, SpfMechanism.Type.ALL, "", Optional.empty(), 32, 128, token);
            }
            case "include", "exists" -> {
                if (!rest.startsWith(":") || rest.length() == 1) {
                    throw new SpfSyntaxException(token, SpfTexts.text("syntax.needsDomain", name));
                }
                checkDomainSpec(token, rest.substring(1));
                yield new SpfMechanism(qualifier, SpfMechanism.Type.valueOf(name.toUpperCase(Locale.ROOT)),
                        rest.substring(1), Optional.empty(), 32, 128, token);
            }
            case "ptr" -> {
                String spec = optionalDomainSpec(token, rest);
                yield new SpfMechanism(qualifier, SpfMechanism.Type.PTR, spec, Optional.empty(), 32, 128, token);
            }
            case "a", "mx" -> addressMechanism(token, qualifier, name, rest);
            case "ip4", "ip6" -> ipMechanism(token, qualifier, name, rest);
            default -> throw new SpfSyntaxException(token, SpfTexts.text("syntax.unknownMechanism", name));
        };
    }

    private static String optionalDomainSpec(String token, String rest) throws SpfSyntaxException {
        if (rest.isEmpty()) {
            return "";
        }
        if (!rest.startsWith(":") || rest.length() == 1) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.expectedDomain"));
        }
        checkDomainSpec(token, rest.substring(1));
        return rest.substring(1);
    }

    private static SpfMechanism addressMechanism(String token, SpfQualifier qualifier, String name, String rest)
            throws SpfSyntaxException {
        int cut = cidrStart(rest);
        String spec = optionalDomainSpec(token, rest.substring(0, cut));
        Matcher cidr = CIDR.matcher(rest.substring(cut));
        if (!cidr.matches()) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.prefixSyntax"));
        }
        int c4 = cidr.group(1) == null ? 32 : Integer.parseInt(cidr.group(1));
        int c6 = cidr.group(2) == null ? 128 : Integer.parseInt(cidr.group(2));
        if (c4 > 32 || c6 > 128) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.prefixTooLarge"));
        }
        return new SpfMechanism(qualifier, SpfMechanism.Type.valueOf(name.toUpperCase(Locale.ROOT)), spec,
                Optional.empty(), c4, c6, token);
    }

    /**
     * Where the "/cidr" suffix begins: the first '/' outside a %{…} macro that only slashes and digits follow. A
     * domain-spec may hold any visible character but '%' (§7.1), so "a:foo:bar/baz.example.com" names the host
     * "foo:bar/baz.example.com"; a suffix like "/24/64" still starts at its first slash and is then rejected.
     */
    private static int cidrStart(String rest) {
        boolean inMacro = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '{' && i > 0 && rest.charAt(i - 1) == '%') {
                inMacro = true;
            } else if (c == '}') {
                inMacro = false;
            } else if (c == '/' && !inMacro && CIDR_CHARACTERS.matcher(rest).region(i, rest.length()).matches()) {
                return i;
            }
        }
        return rest.length();
    }

    private static SpfMechanism ipMechanism(String token, SpfQualifier qualifier, String name, String rest)
            throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.needsAddress", name));
        }
        String value = rest.substring(1);
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        boolean v4 = name.equals("ip4");
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            if (!digits.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(digits) > max) {
                throw new SpfSyntaxException(token, SpfTexts.text("syntax.prefixRange", digits, max));
            }
            prefix = Integer.parseInt(digits);
        }
        Optional<InetAddress> parsed = IpAddresses.parse(address).map(a -> v4 ? a : ipv6Network(a, address))
                .filter(a -> IpAddresses.isIpv4(a) == v4);
        if (parsed.isEmpty() || address.startsWith("[") || (v4 && !address.matches("[0-9.]+"))) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.notAddress", address, v4 ? "IPv4" : "IPv6"));
        }
        return new SpfMechanism(qualifier, v4 ? SpfMechanism.Type.IP4 : SpfMechanism.Type.IP6, "", parsed,
                v4 ? prefix : 32, v4 ? 128 : prefix, token);
    }

    /**
     * An IPv6 network written as an IPv4-mapped address ("ip6:::FFFF:1.2.3.4"): Java reads it as IPv4, but it is
     * valid ip6-network syntax and stays an IPv6 network, which no IPv4 client matches (§5, "IPv4-mapped" clients are
     * evaluated as IPv4). Any other address is returned as is.
     */
    private static InetAddress ipv6Network(InetAddress parsed, String text) {
        if (!IpAddresses.isIpv4(parsed) || !text.contains(":")) {
            return parsed;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** domain-spec = macro-string domain-end; domain-end = "." toplabel ["."] / macro-expand (§7.1). */
    private static void checkDomainSpec(String token, String spec) throws SpfSyntaxException {
        if (spec.isEmpty()) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.emptyDomain"));
        }
        try {
            SpfMacros.validate(spec, false);
        } catch (SpfSyntaxException e) {
            throw new SpfSyntaxException(token, e.reason());
        }
        if (spec.endsWith("}")) {
            return;
        }
        String s = DnsNames.relative(spec);
        int dot = s.lastIndexOf('.');
        if (dot < 0 || !TOP_LABEL.matcher(s.substring(dot + 1)).matches()) {
            throw new SpfSyntaxException(token, SpfTexts.text("syntax.notFqdn", spec));
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || (label.length() > 63 && label.indexOf('%') < 0)) { // macros: checked after expansion
                throw new SpfSyntaxException(token, SpfTexts.text("syntax.label", spec));
            }
        }
    }
}
