package org.mailpath.engine.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mailpath.engine.common.TagList;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.LocalText;

/**
 * Parses a DMARC record (RFC 7489 §6.3, with RFC 9989's {@code np}, {@code t} and {@code psd}; other tags are
 * ignored: "Unknown tags MUST be ignored", RFC 7489 §6.3, RFC 9989 §4.8). Problems do not stop the parse: each is
 * collected, the record is built with defaults in place of bad values, as receivers do, and with p=none where an
 * unreadable p or sp makes receivers read it so (§6.6.3 step 6).
 */
public final class DmarcParser {

    /**
     * dmarc-version first (RFC 7489 §6.4): "DMARC1" is case-sensitive (%x44 %x4d …), the tag name "v" is not
     * (an ABNF quoted string), white space around "=" is allowed.
     */
    private static final Pattern VERSION = Pattern.compile("(?s)[vV][ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?");
    /** The version in any case as first tag, and after other tags: meant as DMARC, but receivers discard it. */
    private static final Pattern VERSION_ANY_CASE = Pattern.compile("(?is)v[ \\t]*=[ \\t]*dmarc1[ \\t]*(;.*)?");
    private static final Pattern VERSION_LATER = Pattern.compile("(?is).*;[ \\t]*v[ \\t]*=[ \\t]*dmarc1[ \\t]*(;.*)?");
    /** The version followed by more tags without the ";" between ("v=DMARC1 p=reject", "v=DMARC1, p=reject"). */
    private static final Pattern VERSION_UNSEPARATED =
            Pattern.compile("(?is)v[ \\t]*=[ \\t]*dmarc1(?:[ \\t]+|[ \\t]*,[ \\t]*)([^;\\s][^;]*?)[ \\t]*(;.*)?");
    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");
    /** RFC 9989 §4.8: dmarc-yorn (t) and dmarc-psd (psd), ABNF quoted strings, so any case. */
    private static final Set<String> TEST_MODES = Set.of("y", "n");
    private static final Set<String> PSD_VALUES = Set.of("y", "n", "u");
    private static final Pattern MAILTO = Pattern.compile("(?i)mailto:([^!@\\s]+)@([^!\\s]+?)(![0-9]+[kmgt]?)?");
    /** RFC 3986 scheme ":" and a body without white space, "," or "!", then RFC 7489's optional "!size". */
    private static final Pattern URI = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:[^\\s,!]+(![0-9]+[kmgt]?)?");
    /**
     * RFC 7489 §6.4: dmarc-fo = "fo" *WSP "=" *WSP ( "0" / "1" / "d" / "s" ) *(*WSP ":" *WSP ( "0" / "1" / "d" / "s"
     * )): white space around ":" is allowed, and ABNF quoted strings are case-insensitive (RFC 5234 §2.3).
     */
    private static final Pattern FO = Pattern.compile("(?i)[01ds](?:[ \\t]*:[ \\t]*[01ds])*");

    private DmarcParser() {
    }

    /**
     * How receivers read the policy tags (RFC 7489 §6.6.3 step 6): as written; as if the record said
     * {@code p=none}, because {@code p} is missing or invalid or {@code sp} is invalid while {@code rua} holds a
     * syntactically valid URI; or not at all (no DMARC processing), the same without such a URI.
     */
    public enum PolicyReading { AS_WRITTEN, AS_NONE, IGNORED }

    /**
     * The parse result.
     *
     * @param problemTexts    the syntax problems found (empty = valid), in words of any language; report addresses
     *                        receivers cannot use are apart, in {@code reportUriTexts}
     * @param reportUriTexts  {@code rua}/{@code ruf} entries receivers send no report to, each with why: they lose
     *                        reports, not the policy
     * @param reading         how receivers read the policy tags
     * @param policyFaults    the problems of {@code p} and {@code sp} behind a reading other than AS_WRITTEN
     * @param defaultedTexts  the problems (among {@code problemTexts}) of the tags receivers replace by their
     *                        default ({@code adkim}, {@code aspf}, {@code pct}, {@code fo}, {@code ri}, and RFC
     *                        9989's {@code t}, {@code psd}): the rest of the record applies
     */
    public record Parsed(DmarcRecord record, List<LocalText> problemTexts, List<LocalText> reportUriTexts,
                         PolicyReading reading, List<LocalText> policyFaults, List<LocalText> defaultedTexts) {
        public Parsed {
            problemTexts = List.copyOf(problemTexts);
            reportUriTexts = List.copyOf(reportUriTexts);
            policyFaults = List.copyOf(policyFaults);
            defaultedTexts = List.copyOf(defaultedTexts);
        }

        /** The problems in English. */
        public List<String> problems() {
            return problemTexts.stream().map(LocalText::toString).toList();
        }

        /** Whether the record has no {@code p} tag. */
        public boolean policyMissing() {
            return !record.tags().containsKey("p");
        }

        /**
         * Every syntax problem is of a tag receivers replace by its default (RFC 7489 §6.3: "Syntax
         * errors in the remainder of the record SHOULD be discarded in favor of default values (if any) or ignored
         * outright"; RFC 9989 §4.8 says the same with MUST): the policy applies as written.
         */
        public boolean onlyDefaulted() {
            return problemTexts.size() == defaultedTexts.size();
        }

        /**
         * Receivers of both generations read the record alike despite its problems: each is a tag replaced by its
         * default, or the missing {@code p} of a record whose {@code rua} has a valid URI, which RFC 7489 receivers
         * read as p=none (§6.6.3 step 6) and RFC 9989 receivers too ("If this tag is not present in an otherwise
         * syntactically valid DMARC Policy Record, then the record is treated as if it included "p=none"", §4.7;
         * §4.10.1). A missing p without such a URI, an invalid p or sp stay errors: no policy, or not the one
         * written.
         */
        public boolean readAlikeDespiteProblems() {
            boolean onlyPMissing = policyMissing() && reading == PolicyReading.AS_NONE && policyFaults.size() == 1;
            return problemTexts.size() == defaultedTexts.size() + (onlyPMissing ? 1 : 0);
        }
    }

    /** True for TXT text that is a DMARC record candidate ("v=DMARC1" first, §6.6.3). */
    public static boolean isDmarcRecord(String txt) {
        return VERSION.matcher(txt.strip()).matches();
    }

    /**
     * Why TXT text that is meant as a DMARC record is not one (§6.6.3 discards it): the version in the wrong case, not
     * the first tag, or not followed by ";" (the version's value is then "DMARC1 p=reject", not "DMARC1"). Empty for
     * a DMARC record and for unrelated text.
     */
    public static Optional<String> whyNotDmarc(String txt) {
        return whyNotDmarcText(txt).map(LocalText::toString);
    }

    /** {@link #whyNotDmarc} in words of any language. */
    static Optional<LocalText> whyNotDmarcText(String txt) {
        String t = txt.strip();
        if (isDmarcRecord(t)) {
            return Optional.empty();
        }
        if (VERSION_ANY_CASE.matcher(t).matches()) {
            return Optional.of(DmarcTexts.text("whyNot.versionCase"));
        }
        if (VERSION_LATER.matcher(t).matches()) {
            return Optional.of(DmarcTexts.text("whyNot.versionNotFirst"));
        }
        var unseparated = VERSION_UNSEPARATED.matcher(t);
        if (unseparated.matches()) {
            return Optional.of(DmarcTexts.text("whyNot.unseparated", DnsText.clipText(unseparated.group(1), 40)));
        }
        return Optional.empty();
    }

    public static Parsed parse(String text) {
        TagList list = TagList.parse(text);
        Map<String, String> tags = list.values();
        List<LocalText> problems = new ArrayList<>(list.problems().stream()
                .map(problem -> TagList.repeatedTag(problem)
                        .map(tag -> repeated(tag, tags.get(tag), list.lastValues().get(tag))).orElse(problem))
                .toList());
        if (list.firstName().isPresent()
                && !(list.firstName().get().equals("v") && tags.get("v").equals("DMARC1"))) {
            problems.add(DmarcTexts.text("problem.versionFirst"));
        }
        List<LocalText> policyFaults = new ArrayList<>();
        boolean policyMissing = !tags.containsKey("p");
        if (policyMissing) {
            // RFC 7489 §6.3 requires p; RFC 9989 §4.7 makes it RECOMMENDED: the syntax problem says both
            policyFaults.add(DmarcTexts.text("problem.policyMissing"));
            problems.add(DmarcTexts.text("problem.policyMissing.rfc9989"));
        }
        Optional<String> p = policy(tags, "p", policyFaults);
        Optional<String> sp = policy(tags, "sp", policyFaults);
        problems.addAll(policyFaults.subList(policyMissing ? 1 : 0, policyFaults.size()));
        // np is RFC 9989's: to RFC 7489 receivers an unknown tag, ignored; to RFC 9989 receivers a bad one voids
        // the policy like a bad sp
        Optional<String> np = policy(tags, "np", problems, v -> DmarcTexts.text("problem.nonExistentPolicy", v));
        // RFC 7489 §6.3: "Syntax errors in the remainder of the record SHOULD be discarded in favor of default
        // values (if any) or ignored outright": a bad adkim, aspf, pct, fo, ri, t or psd gives way to its default, the
        // record stands; their problems follow all the others
        List<LocalText> defaulted = new ArrayList<>();
        int pct = (int) number(tags, "pct", 100, 100, DmarcParser::pctProblem, defaulted);
        String adkim = alignment(tags, "adkim", defaulted);
        String aspf = alignment(tags, "aspf", defaulted);
        List<LocalText> unusable = new ArrayList<>();
        Uris rua = uris(tags, "rua", unusable);
        Uris ruf = uris(tags, "ruf", unusable);
        String fo = tags.getOrDefault("fo", "0");
        if (!FO.matcher(fo).matches()) {
            defaulted.add(foProblem(fo));
            fo = "0";
        }
        // RFC 7489 §6.3: a 32-bit unsigned integer
        long ri = number(tags, "ri", 0xFFFF_FFFFL, 86400, DmarcParser::riProblem, defaulted);
        // RFC 9989's flags (§4.7; dmarc-yorn, dmarc-psd in §4.8): a bad one gives way to its default too, t=n and
        // psd=u (§4.8), so t=yes is no test mode; RFC 7489 receivers ignore both as unknown tags
        flag(tags, "t", TEST_MODES, "problem.testMode", defaulted);
        flag(tags, "psd", PSD_VALUES, "problem.psd", defaulted);
        problems.addAll(defaulted);
        PolicyReading reading = policyFaults.isEmpty() ? PolicyReading.AS_WRITTEN
                : rua.anyValid() ? PolicyReading.AS_NONE : PolicyReading.IGNORED;
        // §6.6.3 step 6: the record counts as "v=DMARC1; p=none" (sp and np then default to none too)
        String policy = reading == PolicyReading.AS_WRITTEN ? p.orElseThrow() : "none";
        String subdomainPolicy = reading == PolicyReading.AS_WRITTEN ? sp.orElse(policy) : "none";
        Optional<String> nonExistentPolicy = reading == PolicyReading.AS_WRITTEN ? np : Optional.empty();
        DmarcRecord record = new DmarcRecord(text, tags, policy, subdomainPolicy, nonExistentPolicy, pct, adkim, aspf,
                rua.usable(), ruf.usable(), fo, ri);
        return new Parsed(record, problems, unusable, reading, policyFaults, defaulted);
    }

    /** The tag's policy; empty when absent or invalid, and then an invalid one is added to {@code problems}. */
    private static Optional<String> policy(Map<String, String> tags, String tag, List<LocalText> problems) {
        return policy(tags, tag, problems, v -> DmarcTexts.text("problem.policy", tag, v));
    }

    /** As {@link #policy(Map, String, List)}, with {@code fault}'s text for the invalid value as written. */
    private static Optional<String> policy(Map<String, String> tags, String tag, List<LocalText> problems,
                                           Function<String, LocalText> fault) {
        String written = tags.get(tag);
        if (written == null) {
            return Optional.empty();
        }
        String policy = written.toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(policy)) {
            problems.add(fault.apply(written));
            return Optional.empty();
        }
        return Optional.of(policy);
    }

    /**
     * The tag's number from 0 to {@code max}, written in digits only and no more of them than {@code max} has;
     * {@code absent} (the default) when the tag is absent or invalid, and then an invalid one is added to
     * {@code defaulted} in {@code problem}'s words for the value as written.
     */
    private static long number(Map<String, String> tags, String tag, long max, long absent,
                               Function<String, LocalText> problem, List<LocalText> defaulted) {
        if (!tags.containsKey(tag)) {
            return absent;
        }
        String v = tags.get(tag);
        if (v.matches("[0-9]{1," + Long.toString(max).length() + "}") && Long.parseLong(v) <= max) {
            return Long.parseLong(v);
        }
        defaulted.add(problem.apply(v));
        return absent;
    }

    /** Adds {@code key}'s problem to {@code defaulted} when the tag is written with a value not in {@code valid}. */
    private static void flag(Map<String, String> tags, String tag, Set<String> valid, String key,
                             List<LocalText> defaulted) {
        String written = tags.get(tag);
        if (written != null && !valid.contains(written.toLowerCase(Locale.ROOT))) {
            defaulted.add(DmarcTexts.text(key, written));
        }
    }

    /** The problem of a bad pct (receivers read 100), with what OpenDMARC reads when that is another. */
    private static LocalText pctProblem(String pct) {
        OptionalLong read = OpenDmarcReadings.pct(pct);
        return read.isEmpty() ? DmarcTexts.text("problem.pct.openDmarcVoid", pct)
                : read.getAsLong() == 100 ? DmarcTexts.text("problem.pct", pct)
                : DmarcTexts.text("problem.pct.openDmarcReads", pct, read.getAsLong());
    }

    /** The problem of a bad ri (receivers read 86400), and whether OpenDMARC rejects the record for it. */
    private static LocalText riProblem(String ri) {
        return DmarcTexts.text(OpenDmarcReadings.voidsRi(ri) ? "problem.ri.openDmarcVoid" : "problem.ri", ri);
    }

    /**
     * The problem of an fo value that is not a colon-separated list of 0, 1, d, s (receivers read fo=0), with what
     * OpenDMARC reads when that is another.
     */
    private static LocalText foProblem(String fo) {
        return OpenDmarcReadings.fo(fo)
                .map(read -> read.equals("0") ? DmarcTexts.text("problem.fo", fo)
                        : DmarcTexts.text("problem.fo.openDmarcReads", fo, read))
                .orElseGet(() -> DmarcTexts.text("problem.fo.openDmarcVoid", fo));
    }

    /**
     * A repeated tag (RFC 6376 §3.2, whose tag-value syntax RFC 7489 §6.3 and RFC 9989 adopt: "Tags with duplicate
     * names MUST NOT occur within a single tag-list; if a tag name does occur more than once, the entire tag-list is
     * invalid"): receivers may discard the whole record. Its words say what OpenDMARC does instead: reject the
     * record, or read the last value where that is another than the first, which this check reads.
     */
    private static LocalText repeated(String tag, String first, String last) {
        if (OpenDmarcReadings.voidsRepeated(tag)) {
            return DmarcTexts.text("problem.repeated.openDmarcVoid", tag);
        }
        return OpenDmarcReadings.keepsLast(tag) && !last.equalsIgnoreCase(first)
                ? DmarcTexts.text("problem.repeated.openDmarcLast", tag, first, last)
                : DmarcTexts.text("problem.repeated", tag, first);
    }

    /**
     * The alignment mode of {@code adkim} or {@code aspf}: r or s (any case), else the default r (RFC 7489 §6.3),
     * and then the problem is added to {@code defaulted}, with what OpenDMARC reads when that is another.
     */
    private static String alignment(Map<String, String> tags, String tag, List<LocalText> defaulted) {
        String v = tags.getOrDefault(tag, "r").toLowerCase(Locale.ROOT);
        if (v.equals("r") || v.equals("s")) {
            return v;
        }
        String written = tags.get(tag);
        Optional<String> read = OpenDmarcReadings.alignment(written);
        String key = read.isEmpty() ? "problem.alignment.openDmarcVoid"
                : read.get().equals("s") ? "problem.alignment.openDmarcStrict" : "problem.alignment";
        defaulted.add(DmarcTexts.text(key, tag, written));
        return "r";
    }

    /**
     * The entries of a report URI list.
     *
     * @param usable   the {@code mailto:} addresses receivers send reports to
     * @param anyValid whether any entry is a syntactically valid URI, usable or not (what §6.6.3 step 6 asks of rua)
     */
    private record Uris(List<DmarcRecord.ReportUri> usable, boolean anyValid) {
    }

    /**
     * RFC 7489 §6.2: a DMARC URI is any URI (commas and "!" encoded), with an optional "!size" suffix; receivers
     * must support {@code mailto:} and need support nothing else. Entries receivers cannot send to are added to
     * {@code unusable}, each with why.
     */
    private static Uris uris(Map<String, String> tags, String tag, List<LocalText> unusable) {
        List<DmarcRecord.ReportUri> out = new ArrayList<>();
        boolean anyValid = false;
        if (!tags.containsKey(tag)) {
            return new Uris(out, false);
        }
        for (String raw : tags.get(tag).split(",")) {
            String uri = raw.strip();
            if (uri.isEmpty()) {
                continue;
            }
            var m = MAILTO.matcher(uri);
            boolean valid = m.matches() || URI.matcher(uri).matches();
            anyValid |= valid;
            if (m.matches()) {
                out.add(new DmarcRecord.ReportUri(uri, m.group(2).toLowerCase(Locale.ROOT)));
            } else if (!valid) {
                unusable.add(DmarcTexts.text("reportUri.notUri", tag, uri));
            } else if (uri.regionMatches(true, 0, "mailto:", 0, 7)) {
                unusable.add(DmarcTexts.text("reportUri.notAddress", tag, uri));
            } else {
                unusable.add(DmarcTexts.text("reportUri.notMailto", tag, uri));
            }
        }
        return new Uris(out, anyValid);
    }
}
