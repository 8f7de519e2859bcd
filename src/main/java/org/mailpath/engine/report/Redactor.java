package org.mailpath.engine.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for a report that leaves the company: the local part of every e-mail address becomes its
 * first character and {@code ***} ({@code j***@contoso.example}), known local parts quoted without a domain are
 * masked too, and Salesforce user IDs are removed. Message IDs are kept: they are what the recipient's mail team
 * searches for, even though they contain an {@code @}. Addresses of the log that the patterns cannot find as one
 * token (a local part with spaces or angle brackets: invalid, but logged as written, such as
 * {@code jane doe@contoso.example}) are found by their exact text first, so no part of them is left readable.
 */
public final class Redactor {

    /** Text put where a user ID stood. */
    public static final String USER_ID_REMOVED = "[user ID removed]";

    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    /**
     * A character of an unquoted local part: with combining marks (a decomposed "müller" is "mu" + U+0308 + "ller")
     * and invisible format characters (a U+200B before the '@'), which otherwise cut the local part in two and left
     * its first half readable.
     */
    private static final String LOCAL_CHAR = "[\\p{L}\\p{M}\\p{N}\\p{Cf}!#$%&'*+/=?^_`{|}~.-]";
    private static final Pattern ADDRESS = Pattern.compile(
            "(\"[^\"]*\"|" + LOCAL_CHAR + "+)@(" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[^\\]\\s]*\\])");
    /**
     * An address whose local part is quoted and may hold spaces ({@code "john doe"@contoso.example}, RFC 5321
     * §4.1.2): found before the text is cut into tokens at white space, which would split it.
     */
    private static final Pattern QUOTED_ADDRESS = Pattern.compile(
            "\"(?:[^\"\\\\\r\n]|\\\\.)*\"@(" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[^\\]\\s]*\\])");
    /**
     * An address at a domain literal ({@code john.doe@[192.0.2.1]}, RFC 5321 §4.1.3): found before the text is cut
     * into tokens, which ends a token at '[' and so left the local part alone and readable.
     */
    private static final Pattern LITERAL_ADDRESS = Pattern.compile(
            "(" + LOCAL_CHAR + "+)@(\\[[^\\]\\s]*\\])");
    /**
     * An address whose {@code @} is URL-encoded ({@code ?rcpt=john.doe%40contoso.example} in a link of a reply); its
     * local part is taken narrowly, so the rest of the URL stays readable.
     */
    private static final Pattern URL_ENCODED_ADDRESS = Pattern.compile(
            "(?i)([\\p{L}\\p{N}._+-]+)%40(" + LABEL + "(?:\\." + LABEL + ")+)");
    /** A token of running text: ends at characters that never belong to an address or Message ID. */
    private static final Pattern TOKEN = Pattern.compile("[^\\s<>()\\[\\],;:\"]+");
    /** Words that occur in SMTP replies: a recipient called "mail" must not turn "mail server" into "m*** server". */
    private static final Set<String> COMMON_WORDS = Set.of("mail", "info", "admin", "user", "users", "support",
            "sales", "service", "contact", "test", "office", "hello", "team", "account", "message", "recipient",
            "address", "mailbox", "server", "domain", "delivery", "email", "status", "error", "quota", "spam",
            "policy", "relay", "host", "none", "unknown", "internal", "blocked", "rejected", "denied", "local");

    private static final Redactor NONE = new Redactor(false, Set.of(), Set.of(), Set.of(), Map.of());

    private final boolean active;
    private final Set<String> localParts;
    private final Set<String> userIds;
    private final Set<String> keep;
    /**
     * Addresses of the log that {@link #ADDRESS} cannot match whole: their local parts by the part from the '@' on
     * (lower-cased), longest first (a longer local part may end with a shorter one).
     */
    private final Map<String, List<String>> oddAddresses;

    private Redactor(boolean active, Set<String> localParts, Set<String> userIds, Set<String> keep,
                     Map<String, List<String>> oddAddresses) {
        this.active = active;
        this.localParts = localParts;
        this.userIds = userIds;
        this.keep = keep;
        this.oddAddresses = oddAddresses;
    }

    /** A redactor that changes nothing. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * A redactor for the given addresses (their local parts are also masked where quoted alone), Salesforce user
     * IDs, and tokens to keep as they are (Message IDs).
     */
    public static Redactor of(Collection<String> addresses, Collection<String> userIds, Collection<String> keep) {
        Set<String> locals = new HashSet<>();
        Set<String> odd = new HashSet<>();
        for (String a : addresses) {
            String address = a.strip();
            if (address.indexOf('@') > 0 && !ADDRESS.matcher(address).matches()) {
                odd.add(address);
            }
            int at = a.lastIndexOf('@');
            String local = (at < 0 ? a : a.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            if (local.length() >= 4 && !COMMON_WORDS.contains(local)) {
                locals.add(local);
            }
        }
        Set<String> ids = new HashSet<>();
        userIds.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        Set<String> kept = new HashSet<>();
        keep.stream().map(Redactor::bare).filter(s -> !s.isEmpty()).forEach(kept::add);
        Map<String, List<String>> oddByDomain = odd.stream()
                .map(address -> address.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.groupingBy(address -> address.substring(address.lastIndexOf('@')),
                        LinkedHashMap::new, Collectors.mapping(address -> address.substring(0,
                                address.lastIndexOf('@')), Collectors.toList())));
        return new Redactor(true, locals, ids, kept, oddByDomain);
    }

    public boolean active() {
        return active;
    }

    /** One address field: {@code john.doe@contoso.example} → {@code j***@contoso.example}. */
    public String address(String address) {
        if (!active || address.isBlank()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return mask(address.strip());
        }
        return mask(address.substring(0, at).strip()) + address.substring(at);
    }

    /** A user ID field: removed entirely when redacting. */
    public String userId(String userId) {
        return active ? "" : userId;
    }

    /** Any free text (status lines, findings, file names, raw cells): masks every address and known name in it. */
    public String text(String text) {
        if (!active || text.isEmpty()) {
            return text;
        }
        text = maskOddAddresses(text);
        if (text.indexOf('%') >= 0) {
            text = URL_ENCODED_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask(m.group(1))
                    + m.group().substring(m.end(1) - m.start())));
        }
        if (text.indexOf('"') >= 0) {
            text = QUOTED_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask(m.group()) + "@" + m.group(1)));
        }
        if (text.contains("@[")) {
            text = LITERAL_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(keep.contains(m.group())
                    ? m.group() : mask(m.group(1)) + "@" + m.group(2)));
        }
        Matcher tokens = TOKEN.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (tokens.find()) {
            String token = tokens.group();
            String replaced = token(token);
            if (!replaced.equals(token)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, tokens.start()).append(replaced);
                last = tokens.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Masks the local part of each odd address of the log found in {@code text} (any letter case). Looked for only
     * at the text's '@' signs, and only among the addresses of the domain that follows it.
     */
    private String maskOddAddresses(String text) {
        if (oddAddresses.isEmpty() || text.indexOf('@') < 0) {
            return text;
        }
        StringBuilder sb = null;
        int last = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            for (Map.Entry<String, List<String>> domain : oddAddresses.entrySet()) {
                String part = domain.getKey();
                if (!text.regionMatches(true, at, part, 0, part.length())) {
                    continue;
                }
                for (String local : domain.getValue()) {
                    int start = at - local.length();
                    if (start >= last && text.regionMatches(true, start, local, 0, local.length())) {
                        if (sb == null) {
                            sb = new StringBuilder(text.length());
                        }
                        sb.append(text, last, start).append(mask(local.strip()));
                        last = at;
                        break;
                    }
                }
            }
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    /** Redacts each element of a list with {@link #text}. */
    public List<String> texts(List<String> texts) {
        return active ? texts.stream().map(this::text).toList() : texts;
    }

    private String token(String token) {
        String bare = bare(token);
        if (keep.contains(bare)) {
            return token;
        }
        if (userIds.contains(bare)) {
            return USER_ID_REMOVED;
        }
        if (token.indexOf('@') >= 0) {
            Matcher m = ADDRESS.matcher(token);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(mask(m.group(1)) + "@" + m.group(2)));
            }
            return m.appendTail(sb).toString();
        }
        String word = bare.toLowerCase(Locale.ROOT);
        if (localParts.contains(word)) {
            return token.replace(bare, mask(bare));
        }
        return token;
    }

    private static String mask(String local) {
        if (local.isEmpty()) {
            return "***";
        }
        if (local.endsWith("***") && local.codePointCount(0, local.length()) <= 4) {
            // already masked (an earlier pass found the address): masking again must not change it
            return local;
        }
        int first = local.codePointAt(0) == '"' && local.length() > 1 ? local.codePointAt(1) : local.codePointAt(0);
        return new String(Character.toChars(first)) + "***";
    }

    /** A token without the punctuation that surrounds it in running text. */
    private static String bare(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && "<'`\"".indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && ".>'`\"!?".indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return token.substring(from, to).strip();
    }
}
