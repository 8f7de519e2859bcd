package org.mailpath.engine.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.address.NamedAddress;

/**
 * Masks personal data for a report that leaves the company: the local part of every e-mail address becomes its
 * first character and {@code ***} ({@code j***@contoso.example}), known local parts quoted without a domain are
 * masked too, and Salesforce user IDs are removed. When two or more local parts of the log begin with the same
 * character, each of them gets a number after the mask ({@code c@…} and {@code cc1@…} become {@code c***1@…} and
 * {@code c***2@…}), the same everywhere in the report: a reader can tell the mailboxes apart without reading them.
 * Message IDs are kept: they are what the recipient's mail team searches for, even though they contain an {@code @}. A Message ID is known as such when it equals one the log gives
 * (its Message ID Header), or when a reply quotes it where Microsoft's servers put the accepted message's ID
 * ({@code 250 2.6.0 <id> [InternalId=…] Queued mail for delivery}), unless it is an address of the log.
 *
 * <p>The addresses of the log (recipients and senders) are found by their exact text first, in any letter case and
 * whatever stands around them ({@code user=john.doe@…}, {@code <JOHN.DOE@…>;}): so no part of an invalid one (a
 * local part with spaces or angle brackets, logged as written, such as {@code jane doe@contoso.example}) is left
 * readable, and the text before a valid one stays as it was. Then every other address is found by its form.
 *
 * <p>A local part without its domain is masked wherever it stands as a whole name ({@code user=john.doe},
 * {@code john.doe's}, {@code /home/john.doe/}), but not as a piece of a longer dotted or hyphenated name (a host
 * {@code mx.john.example} stays a host). Local parts that may be words — under 4 characters, common words, or
 * letters only — are masked alone only where the text says they name a mailbox ({@code <bo>}, {@code "bo"},
 * {@code user=bo}, {@code rcpt: full}, or after a mailbox word: {@code mailbox jsmith}, {@code No such user (sven)},
 * {@code for anna}): masking every "bo", "mail" or "full" of running text would destroy the replies and the advice
 * the report is for. After a plain mailbox word, a word of replies stays ("mailbox full").
 *
 * <p>People's names: the display names the log gives ({@code Mary Jones <mary.jones@…>}) are masked wherever they
 * stand, and a name a reply quotes right beside a masked mailbox ({@code account a*** (Anna Berg)}) is masked too
 * ({@link PersonNames}). Other names in replies cannot be told from other words.
 *
 * <p>Salesforce's own envelope sender under Bounce Management ({@link BounceEnvelope},
 * {@code john.doe=acme.example__0a1b@x1y2.bnc.salesforce.com}) keeps its form: its local part holds the sender's
 * address and an ID of Salesforce's, so the sender's mailbox is masked as it is everywhere else (the same mask and
 * number as {@code john.doe@acme.example}), the sender's domain is kept as every domain is, and the ID is masked
 * ({@code j***=acme.example__***@x1y2.bnc.salesforce.com}). The recipient's mail team sees whose bounce address it is
 * and can find it in its logs by domain; no mailbox or ID is shown.
 */
public final class Redactor {

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
    /** Keys after which ({@code user=bo}, {@code rcpt: bo}) even a short word names a mailbox. */
    private static final Pattern MAILBOX_KEY = Pattern.compile("(?i)(?:users?|username|login|uid|accounts?"
            + "|mailbox(?:es)?|rcpt|recipients?|to|from|sender|orcpt|email|e-mail|address(?:es)?|local|name)");
    /**
     * Words after which a word names a mailbox ({@code mailbox jsmith does not exist}, {@code No such user (sven)},
     * {@code over quota for anna}).
     */
    private static final Pattern MAILBOX_WORD = Pattern.compile("(?iu)(?:user|users|username|login|uid|account"
            + "|mailbox|mailboxes|rcpt|recipient|recipients|orcpt|address|addressee|email|e-mail|sender|for|to|from)");
    /** {@code key=value} pairs inside one token ({@code ?user=bo&id=7}). */
    private static final Pattern PAIR = Pattern.compile("([\\p{L}\\p{N}_-]+)=([^&=;]+)");
    /**
     * The text right before a Message ID that a Microsoft server quotes when it accepts a message
     * ({@code 250 2.6.0 <id> [InternalId=…] Queued mail for delivery}): the angle-bracketed token there is the
     * message's ID, not a mailbox, even when it differs from the Message ID Header the log gives.
     */
    private static final Pattern QUEUED_ID_BEFORE = Pattern.compile("(?:^|\\s)2\\.6\\.0 <$");
    /** A mailto: URI with its address, up to what ends a URI in a DNS record or a sentence (RFC 7489 §6.4: "!" starts
     * a size limit, "," the next URI). */
    private static final Pattern REPORT_URI = Pattern.compile("(?i)mailto:[^\\s\"'<>;,!@]+@[^\\s\"'<>;,!]+");
    /**
     * A DMARC or TLS-RPT report tag's value as a finding quotes it: {@code rua=…} in a record's description, and
     * {@code rua: "…"} in DMARC_REPORT_URI_UNUSABLE's reasons, where an address written without {@code mailto:} is
     * the very fault named (its commas part the tag's URIs, RFC 7489 §6.4).
     */
    private static final Pattern REPORT_TAG = Pattern.compile("(?i)(?<![\\w-])ru[af](?:=|: \")[^\\s\"'<>;]+");
    /** What a finding's text keeps whole: a report tag's value, or a mailto: URI. */
    private static final Pattern REPORT_ADDRESS = Pattern.compile(REPORT_TAG.pattern() + "|" + REPORT_URI.pattern()
            .substring("(?i)".length()));
    /** A resource record as dnsjava writes it: owner name, TTL, class IN, type (RFC 1035 §5.1). */
    private static final Pattern ZONE_FILE_RECORD = Pattern.compile("\\S+\\.\\s+\\d+\\s+IN\\s+[A-Z][A-Z0-9]*\\s");
    /** A token of running text: ends at characters that never belong to an address or Message ID. */
    private static final Pattern TOKEN = Pattern.compile("[^\\s<>()\\[\\],;:\"]+");

    private static final Redactor NONE = new Redactor(false, Set.of(), Set.of(), Set.of(), Set.of(),
            KnownAddresses.none(), DisplayNames.none(), Map.of(), "");
    /** A mask as {@link #mask} writes it: one character, {@code ***}, and the number it may have. */
    private static final Pattern MASKED = Pattern.compile("(?s).\\*\\*\\*[0-9]*");

    private final boolean active;
    /** Local parts (lower-cased) masked wherever they stand as a whole name. */
    private final Set<String> localParts;
    /**
     * Local parts that may be ordinary words (lower-cased: short, common, or letters only, such as "full" or
     * "support"): masked alone only where the text says they name a mailbox.
     */
    private final Set<String> shortLocalParts;
    private final Set<String> userIds;
    /** What stands where a user ID stood, in the report's language ({@code userIdRemoved}). */
    private final String userIdRemoved;
    private final Set<String> keep;
    /** The addresses of the log, found by their exact text in any letter case. */
    private final KnownAddresses addresses;
    /** The lengths of {@link #localParts}, longest first. */
    private final int[] localLengths;
    /** The display names the log gives its addresses ({@code Mary Jones <mary.jones@…>}), if any. */
    private final DisplayNames displayNames;
    /**
     * The numbers put after the mask of local parts (lower-cased) that share their first character with another local
     * part of the log, so that their masks differ.
     */
    private final Map<String, Integer> numbers;
    /**
     * Told each mailbox this redactor masks (lower-cased): what a redactor that only looks ({@link #mailboxesMasked})
     * gathers; a no-op in a redactor that is used.
     */
    private final Consumer<String> masked;

    private Redactor(boolean active, Set<String> localParts, Set<String> shortLocalParts, Set<String> userIds,
                     Set<String> keep, KnownAddresses addresses, DisplayNames displayNames,
                     Map<String, Integer> numbers, String userIdRemoved) {
        this(active, localParts, shortLocalParts, userIds, keep, addresses, displayNames, numbers, userIdRemoved,
                mailbox -> { });
    }

    private Redactor(boolean active, Set<String> localParts, Set<String> shortLocalParts, Set<String> userIds,
                     Set<String> keep, KnownAddresses addresses, DisplayNames displayNames,
                     Map<String, Integer> numbers, String userIdRemoved, Consumer<String> masked) {
        this.masked = masked;
        this.active = active;
        this.localParts = localParts;
        this.shortLocalParts = shortLocalParts;
        this.userIds = userIds;
        this.userIdRemoved = userIdRemoved;
        this.keep = keep;
        this.addresses = addresses;
        this.localLengths = lengths(localParts);
        this.displayNames = displayNames;
        this.numbers = numbers;
    }

    private static int[] lengths(Set<String> strings) {
        return strings.stream().mapToInt(String::length).distinct().boxed()
                .sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
    }

    /** A redactor that changes nothing. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * A redactor for the given addresses (found by their exact text; their local parts are also masked where they
     * stand alone as a whole name), Salesforce user IDs, and tokens to keep as they are (Message IDs).
     */
    public static Redactor of(Collection<String> addresses, Collection<String> userIds, Collection<String> keep) {
        return of(addresses, userIds, keep, addresses);
    }

    /**
     * As {@link #of(Collection, Collection, Collection)}, numbering only the masks of the local parts of
     * {@code numbered} (the addresses of the messages a report holds) that begin alike: a report on one domain then
     * says nothing of how many mailboxes elsewhere in the log begin with the same letter, and has no gaps in its
     * numbers. Any other address is masked without a number.
     */
    public static Redactor of(Collection<String> addresses, Collection<String> userIds, Collection<String> keep,
                              Collection<String> numbered) {
        return of(addresses, userIds, keep, numbered, List.of());
    }

    /**
     * As {@link #of(Collection, Collection, Collection, Collection)}, numbering also the mailboxes that {@code quoted}
     * (the texts of the report's messages: their status lines) name, masked as the report masks them: a mailbox a
     * reply quotes beside the recipient's ({@code <jane@…>} in a reply about {@code john@…}) is one the report shows,
     * and without its number its mask {@code j***} could be the recipient's {@code j***1} or another's. So each
     * mailbox the report shows has one mask, and two that begin alike have two.
     */
    public static Redactor of(Collection<String> addresses, Collection<String> userIds, Collection<String> keep,
                              Collection<String> numbered, Collection<String> quoted) {
        return of(addresses, userIds, keep, numbered, quoted, ReportTexts.english());
    }

    /**
     * As {@link #of(Collection, Collection, Collection, Collection, Collection)}, for a report written with
     * {@code texts}: a user ID gives way to its words for one removed ({@code userIdRemoved}), so a Swedish report
     * says it in Swedish.
     */
    public static Redactor of(Collection<String> addresses, Collection<String> userIds, Collection<String> keep,
                              Collection<String> numbered, Collection<String> quoted, ReportTexts texts) {
        String userIdRemoved = texts.get("userIdRemoved");
        Redactor base = build(addresses, userIds, keep, numbered, Set.of(), userIdRemoved);
        if (quoted.isEmpty()) {
            return base;
        }
        Set<String> shown = base.mailboxesMasked(quoted);
        return shown.isEmpty() ? base : build(addresses, userIds, keep, numbered, shown, userIdRemoved);
    }

    /** The mailboxes (lower-cased) this redactor masks in {@code texts}, as {@link #text} masks them. */
    private Set<String> mailboxesMasked(Collection<String> texts) {
        Set<String> found = new HashSet<>();
        Redactor looking = new Redactor(active, localParts, shortLocalParts, userIds, keep, addresses, displayNames,
                numbers, userIdRemoved, found::add);
        texts.forEach(looking::text);
        return found;
    }

    private static Redactor build(Collection<String> addresses, Collection<String> userIds, Collection<String> keep,
                                  Collection<String> numbered, Set<String> quotedMailboxes, String userIdRemoved) {
        Set<String> locals = new HashSet<>();
        Set<String> shortLocals = new HashSet<>();
        Set<String> known = new HashSet<>();
        Set<String> names = new HashSet<>();
        // each text's mailbox (mailboxOf): a log names most addresses many times, and numbered holds some of them
        // again
        Map<String, String> localOf = new HashMap<>();
        for (String a : addresses) {
            if (localOf.containsKey(a)) {
                continue;
            }
            Optional<NamedAddress> named = NamedAddress.parse(a);
            named.map(NamedAddress::name).filter(n -> !n.isEmpty() && n.indexOf('@') < 0).ifPresent(names::add);
            String address = named.map(NamedAddress::address).orElse(a).strip();
            if (address.indexOf('@') > 0 && address.lastIndexOf('@') < address.length() - 1) {
                known.add(address);
            }
            String local = localPart(address);
            String mailbox = mailboxOf(address);
            localOf.put(a, mailbox);
            addLocal(local, locals, shortLocals);
            // the sender's mailbox a bounce envelope holds is a mailbox of the log too
            addLocal(mailbox, locals, shortLocals);
        }
        Set<String> ids = new HashSet<>();
        userIds.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        Set<String> kept = new HashSet<>();
        keep.stream().map(Redactor::bare).filter(s -> !s.isEmpty()).forEach(kept::add);
        Set<String> numberedLocals = new HashSet<>();
        for (String a : numbered) {
            // a text not among the addresses is parsed once, however often it is numbered
            String local = localOf.computeIfAbsent(a,
                    t -> mailboxOf(NamedAddress.addressOf(t)));
            if (!local.isEmpty()) {
                numberedLocals.add(local);
            }
        }
        numberedLocals.addAll(quotedMailboxes);
        return new Redactor(true, locals, shortLocals, ids, kept, KnownAddresses.of(known),
                DisplayNames.of(names), numbers(numberedLocals), userIdRemoved);
    }

    /**
     * A local part (lower-cased) among those masked alone wherever they stand as a whole name, or only where the text
     * says they name a mailbox when they may be words.
     */
    private static void addLocal(String local, Set<String> locals, Set<String> shortLocals) {
        if (local.length() >= 4 && !ReplyWords.contains(local) && !lettersOnly(local)) {
            locals.add(local);
        } else if (!local.isEmpty()) {
            shortLocals.add(local);
        }
    }

    /**
     * The lower-cased mailbox an address names, which its mask is numbered by: its local part, or for Salesforce's
     * bounce envelope the sender's mailbox it holds (so that it reads as the sender's own address does, and its
     * changing ID does not make one sender look like several).
     */
    private static String mailboxOf(String address) {
        int at = address.lastIndexOf('@');
        String local = localPart(address);
        return at < 0 ? unquoted(local) : BounceEnvelope.of(local, address.substring(at + 1))
                .map(b -> b.name().toLowerCase(Locale.ROOT)).orElseGet(() -> unquoted(local));
    }

    /**
     * A local part as the mailbox it names, whichever form it is written in: a Quoted-string (RFC 5321 4.1.2,
     * {@code DQUOTE *QcontentSMTP DQUOTE}, a quoted-pair being a backslash and the character it stands for) as its
     * content, so a reply's {@code <"j doe"@zeta.example>} is the mailbox the log's {@code j doe@zeta.example} is and
     * gets its mask and number. Anything else as it is.
     */
    private static String unquoted(String local) {
        String s = local.strip();
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder content = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length() - 1) {
                ch = s.charAt(++i);
            }
            content.append(ch);
        }
        return content.toString();
    }

    /** The lower-cased local part of an address (the whole text when it has no '@'). */
    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A number for each local part that shares its first character (in any letter case) with another: 1, 2, … in
     * the order of the local parts, so the same log gives the same masks in every report made from it.
     */
    private static Map<String, Integer> numbers(Set<String> locals) {
        Map<Integer, List<String>> byFirst = locals.stream().sorted().collect(Collectors.groupingBy(
                local -> Character.toLowerCase(firstCodePoint(local)), LinkedHashMap::new, Collectors.toList()));
        Map<String, Integer> numbers = new HashMap<>();
        for (List<String> alike : byFirst.values()) {
            if (alike.size() > 1) {
                for (int i = 0; i < alike.size(); i++) {
                    numbers.put(alike.get(i), i + 1);
                }
            }
        }
        return Map.copyOf(numbers);
    }

    /** The first character of a local part, inside its quotes if it is quoted. */
    private static int firstCodePoint(String local) {
        return local.codePointAt(0) == '"' && local.length() > 1 ? local.codePointAt(1) : local.codePointAt(0);
    }

    public boolean active() {
        return active;
    }

    /**
     * One address field: {@code john.doe@contoso.example} → {@code j***@contoso.example}, and one with a display
     * name {@code Mary Jones <mary.jones@acme.example>} → {@code M*** <m***@acme.example>}.
     */
    public String address(String address) {
        if (!active || address.isBlank()) {
            return address;
        }
        Optional<NamedAddress> named = NamedAddress.parse(address);
        if (named.isPresent()) {
            String name = named.get().name();
            return (name.isEmpty() ? "" : maskName(name) + " ") + "<" + bareAddress(named.get().address()) + ">";
        }
        return bareAddress(address);
    }

    /** An address without a display name, masked: what {@link #address} does once the name is taken off. */
    private String bareAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return mask(address.strip());
        }
        return maskLocal(address.substring(0, at).strip(), address.substring(at + 1)) + address.substring(at);
    }

    /** A user ID field: removed entirely when redacting. */
    public String userId(String userId) {
        return active ? "" : userId;
    }

    /**
     * Any free text (status lines, findings, file names, raw cells): masks every address and known name in it, and
     * a person's name standing right beside a masked mailbox ({@link PersonNames}).
     */
    public String text(String text) {
        if (!active || text.isEmpty()) {
            return text;
        }
        String named = displayNames.replaceAll(text, this::maskName);
        return PersonNames.maskBesideMailboxes(masked(named));
    }

    /**
     * A finding's text (message, evidence, fix): as {@link #text}, except that an address in a {@code mailto:} URI
     * or in a report tag's value ({@code rua=}, {@code ruf=}, with or without {@code mailto:}) is kept. Findings hold such URIs only as DNS record contents and advice about records: the report addresses
     * of DMARC ({@code rua=}/{@code ruf=}, RFC 7489 §6.4) and TLS-RPT ({@code rua=}, RFC 8460 §3) are published in
     * DNS for anyone to read, and a record the mail team is told to publish must reach them exactly as written.
     */
    public String findingText(String text) {
        if (!active || text.indexOf('@') < 0) {
            return text(text);
        }
        Matcher uri = REPORT_ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (uri.find()) {
            out.append(text(text.substring(last, uri.start()))).append(uri.group());
            last = uri.end();
        }
        return out.append(text(text.substring(last))).toString();
    }

    /**
     * A finding's evidence: a DNS record in zone-file form ({@code _dmarc.acme.example. 3600 IN TXT "v=DMARC1; …"})
     * is public data and stays as it is, addresses and all; every other line (an SMTP transcript's
     * {@code RCPT TO:<…>}, a reply) as {@link #findingText}.
     */
    public List<String> findingTexts(List<String> texts) {
        return active ? texts.stream().map(t -> ZONE_FILE_RECORD.matcher(t).lookingAt() ? t : findingText(t)).toList()
                : texts;
    }

    /**
     * A text MailPath wrote itself (the knowledge base's explanations and fixes): only what has the form of an
     * address is masked. Its words are ours, not a person's: {@link #text} would mask the "who" of "recipients who
     * asked" when a mailbox of the log is called who, or any word that is also someone's display name.
     */
    public String ourText(String text) {
        if (!active || text.indexOf('@') < 0) {
            return text;
        }
        return ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(maskLocal(m.group(1), m.group(2)) + "@"
                + m.group(2)));
    }

    /** The text with every address and known local part masked. */
    private String masked(String text) {
        if (addresses.isEmpty() || text.indexOf('@') < 0) {
            return byForm(text);
        }
        // The addresses of the log first, by their exact text; the rest between them is redacted by form. The masked
        // addresses are not looked at again: the form would take "user=j***" for a local part and mask it anew.
        StringBuilder sb = null;
        int last = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            Optional<KnownAddresses.Span> found = addresses.at(text, at, last,
                    start -> (start == 0 || !joinsName(text.codePointBefore(start))) && !inKeptToken(text, start));
            if (found.isEmpty()) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            int start = found.get().start();
            int end = found.get().end();
            String local = text.substring(start, at);
            sb.append(byForm(text.substring(last, start)))
                    .append(maskLocal(local.strip(), text.substring(at + 1, end))).append(text, at, end);
            last = end;
            at = last - 1;
        }
        return sb == null ? byForm(text) : sb.append(byForm(text.substring(last))).toString();
    }

    /** True when the white-space-delimited token around {@code index} is one to keep (a Message ID). */
    private boolean inKeptToken(String text, int index) {
        if (keep.isEmpty()) {
            return false;
        }
        int from = index;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '<') {
            from--;
        }
        int to = index;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != '>') {
            to++;
        }
        return keep.contains(bare(text.substring(from, to)));
    }

    /** Masks addresses by their form, and known local parts, in text that holds no address of the log. */
    private String byForm(String text) {
        if (text.isEmpty()) {
            return text;
        }
        if (text.indexOf('%') >= 0) {
            text = URL_ENCODED_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask(m.group(1))
                    + m.group().substring(m.end(1) - m.start())));
        }
        if (text.indexOf('"') >= 0) {
            // the quoted local part alone is the mailbox (its number is looked up by it, not by the whole address)
            text = QUOTED_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    mask(m.group().substring(0, m.start(1) - m.start() - 1)) + "@" + m.group(1)));
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
            String replaced = token(text, tokens.start(), tokens.end());
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

    /** Redacts each element of a list with {@link #text}. */
    public List<String> texts(List<String> texts) {
        return active ? texts.stream().map(this::text).toList() : texts;
    }

    /** The token of {@code text} from {@code start} to {@code end}, redacted. */
    private String token(String text, int start, int end) {
        String token = text.substring(start, end);
        String bare = bare(token);
        if (keep.contains(bare) || queuedMessageId(text, start, end)) {
            return token;
        }
        if (userIds.contains(bare)) {
            return userIdRemoved;
        }
        String out = token;
        if (token.indexOf('@') >= 0) {
            Matcher m = ADDRESS.matcher(token);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(maskLocal(m.group(1), m.group(2)) + "@"
                        + m.group(2)));
            }
            out = m.appendTail(sb).toString();
        }
        out = maskNames(out);
        if (shortLocalParts.isEmpty() || !out.equals(token)) {
            return out;
        }
        String lower = bare.toLowerCase(Locale.ROOT);
        if (shortLocalParts.contains(lower) && namesMailbox(text, start, end, lower)) {
            return token.replace(bare, mask(bare));
        }
        return token.indexOf('=') >= 0 ? maskShortValues(token) : token;
    }

    /**
     * The token from {@code start} to {@code end} is the Message ID a Microsoft server quotes on accepting a message:
     * in angle brackets right after the enhanced status code 2.6.0. Addresses of the log never get here (they are
     * masked before the text is cut into tokens), so a recipient quoted there would still be masked.
     */
    private static boolean queuedMessageId(String text, int start, int end) {
        return start >= 7 && end < text.length() && text.charAt(end) == '>' && text.indexOf('@', start) < end
                && QUEUED_ID_BEFORE.matcher(text.substring(Math.max(0, start - 8), start)).find();
    }

    /** Each known local part standing in {@code token} as a whole name, masked. */
    private String maskNames(String token) {
        if (localLengths.length == 0) {
            return token;
        }
        StringBuilder sb = null;
        int last = 0;
        for (int i = 0; i < token.length(); i++) {
            if (i > 0 && (joinsName(token.codePointBefore(i)) || token.charAt(i - 1) == '@')) {
                continue;
            }
            for (int length : localLengths) {
                int end = i + length;
                if (end <= token.length() && endsName(token, end)
                        && localParts.contains(token.substring(i, end).toLowerCase(Locale.ROOT))) {
                    if (sb == null) {
                        sb = new StringBuilder(token.length());
                    }
                    sb.append(token, last, i).append(mask(token.substring(i, end)));
                    last = end;
                    i = end - 1;
                    break;
                }
            }
        }
        return sb == null ? token : sb.append(token, last, token.length()).toString();
    }

    /** A name ends at {@code end}: nothing that continues a name follows, or only dots that end a sentence. */
    private static boolean endsName(String s, int end) {
        int i = end;
        while (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i == s.length() || !joinsName(s.codePointAt(i)) && s.charAt(i) != '@';
    }

    /**
     * Characters that make a name longer rather than end it: letters, marks, digits, invisible format characters,
     * '_', and the '.' and '-' that join the labels of dotted and hyphenated names (so {@code john} in
     * {@code mx.john.example} is a label of a host, not a name of its own).
     */
    private static boolean joinsName(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }

    /**
     * A short word ({@code local}, lower-cased) standing between {@code start} and {@code end} names a mailbox: it
     * stands alone in angle brackets or quotes ({@code <bo>}, {@code "bo"}), after a mailbox key and ':'
     * ({@code rcpt: bo}), or after a mailbox word ({@code mailbox jsmith}, {@code user (sven)}).
     */
    private static boolean namesMailbox(String text, int start, int end, String local) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        String token = text.substring(start, end);
        if (before == '<' && after == '>' || before == '"' && after == '"'
                || token.length() > 2 && token.startsWith("'") && token.endsWith("'")) {
            return true;
        }
        return afterKeyAndColon(text, start) || afterMailboxWord(text, start, end, local);
    }

    /** {@code rcpt: bo}: the word at {@code start} follows a mailbox key and ':'. */
    private static boolean afterKeyAndColon(String text, int start) {
        int colon = start;
        while (colon > 0 && text.charAt(colon - 1) == ' ') {
            colon--;
        }
        if (colon == 0 || text.charAt(colon - 1) != ':') {
            return false;
        }
        int keyEnd = colon - 1;
        int keyStart = keyEnd;
        while (keyStart > 0 && (Character.isLetterOrDigit(text.charAt(keyStart - 1))
                || text.charAt(keyStart - 1) == '-' || text.charAt(keyStart - 1) == '_')) {
            keyStart--;
        }
        return keyStart < keyEnd && MAILBOX_KEY.matcher(text.substring(keyStart, keyEnd)).matches();
    }

    /**
     * {@code mailbox jsmith}, {@code No such user (sven)}: the word at {@code start} follows a mailbox word, alone or
     * in parentheses. Alone, a word of replies stays ("mailbox full", "user unknown" when full@ and unknown@ are
     * recipients): there it is far more often the reply going on than the name.
     */
    private static boolean afterMailboxWord(String text, int start, int end, String local) {
        boolean parenthesised = start > 0 && text.charAt(start - 1) == '(' && end < text.length()
                && text.charAt(end) == ')';
        if (!parenthesised && ReplyWords.contains(local)) {
            return false;
        }
        int wordEnd = parenthesised ? start - 1 : start;
        while (wordEnd > 0 && Character.isWhitespace(text.charAt(wordEnd - 1))) {
            wordEnd--;
        }
        if (!parenthesised && wordEnd == start) {
            return false;
        }
        int wordStart = wordEnd;
        while (wordStart > 0 && (Character.isLetterOrDigit(text.charAt(wordStart - 1))
                || text.charAt(wordStart - 1) == '-' || text.charAt(wordStart - 1) == '_')) {
            wordStart--;
        }
        return wordStart < wordEnd && MAILBOX_WORD.matcher(text.substring(wordStart, wordEnd)).matches();
    }

    /** Short local parts given as the value of a mailbox key in the token ({@code user=bo}, {@code ?rcpt=li&}). */
    private String maskShortValues(String token) {
        Matcher m = PAIR.matcher(token);
        StringBuilder sb = new StringBuilder(token.length());
        boolean changed = false;
        while (m.find()) {
            String value = bare(m.group(2));
            String replacement = m.group();
            if (MAILBOX_KEY.matcher(m.group(1)).matches() && shortLocalParts.contains(value.toLowerCase(Locale.ROOT))) {
                replacement = m.group(1) + "=" + m.group(2).replace(value, mask(value));
                changed = true;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        return changed ? m.appendTail(sb).toString() : token;
    }

    /**
     * A local part of letters only can be a word of any sentence ("Read the full text" when one recipient is
     * full@…): alone, it is masked only where it names a mailbox. One with a dot, digit, '_' or '-' is a name.
     */
    private static boolean lettersOnly(String local) {
        return local.codePoints().allMatch(Character::isLetter);
    }

    /**
     * The masked local part of an address at {@code domain}: Salesforce's bounce envelope keeps its form, the
     * sender's domain shown and its mailbox and ID masked ({@code j***=acme.example__***}); any other local part is
     * masked whole.
     */
    private String maskLocal(String local, String domain) {
        return BounceEnvelope.of(local, domain)
                .map(b -> mask(b.name()) + "=" + b.senderDomain() + (b.tagged() ? "__***" : ""))
                .orElseGet(() -> mask(local));
    }

    /** A display name masked as a mailbox is: not one, so a redactor that looks does not count it among them. */
    private String maskName(String name) {
        return maskAs(name, false);
    }

    private String mask(String local) {
        return maskAs(local, true);
    }

    private String maskAs(String local, boolean mailbox) {
        if (local.isEmpty()) {
            return "***";
        }
        if (MASKED.matcher(local).matches() && local.codePointCount(0, local.indexOf('*')) == 1) {
            // already masked (an earlier pass found the address): masking again must not change it
            return local;
        }
        String key = unquoted(local.toLowerCase(Locale.ROOT));
        if (mailbox) {
            masked.accept(key);
        }
        Integer number = numbers.get(key);
        return new String(Character.toChars(firstCodePoint(local))) + "***" + (number == null ? "" : number);
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
