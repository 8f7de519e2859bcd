package org.mailpath.engine.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.common.TagList;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.LocalText;

/**
 * Parses a DMARC record (RFC 7489 §6.3, with RFC 9989's {@code np}). Problems do not stop the parse: each is
 * collected, the record is built with defaults in place of bad values, as receivers do.
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
    private static final Pattern MAILTO = Pattern.compile("(?i)mailto:([^!@\\s]+)@([^!\\s]+?)(![0-9]+[kmgt]?)?");
    /** RFC 3986 scheme ":" and a body without white space, "," or "!", then RFC 7489's optional "!size". */
    private static final Pattern URI = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:[^\\s,!]+(![0-9]+[kmgt]?)?");
    private static final Pattern FO = Pattern.compile("[01ds](:[01ds])*");

    private DmarcParser() {
    }

    /**
     * The parse result.
     *
     * @param problemTexts    the syntax problems found (empty = valid), in words of any language; report addresses
     *                        receivers cannot use are apart, in {@code reportUriTexts}
     * @param reportUriTexts  {@code rua}/{@code ruf} entries receivers send no report to, each with why: they lose
     *                        reports, not the policy
     */
    public record Parsed(DmarcRecord record, List<LocalText> problemTexts, List<LocalText> reportUriTexts) {
        public Parsed {
            problemTexts = List.copyOf(problemTexts);
            reportUriTexts = List.copyOf(reportUriTexts);
        }

        /** The problems in English. */
        public List<String> problems() {
            return problemTexts.stream().map(LocalText::toString).toList();
        }

        /** The unusable report addresses in English. */
        public List<String> reportUriProblems() {
            return reportUriTexts.stream().map(LocalText::toString).toList();
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
            return Optional.of(DmarcTexts.text("whyNot.unseparated", DnsText.clip(unseparated.group(1), 40)));
        }
        return Optional.empty();
    }

    public static Parsed parse(String text) {
        TagList list = TagList.parse(text);
        List<LocalText> problems = new ArrayList<>(list.problems());
        Map<String, String> tags = list.values();
        if (list.firstName().isPresent()
                && !(list.firstName().get().equals("v") && tags.get("v").equals("DMARC1"))) {
            problems.add(DmarcTexts.text("problem.versionFirst"));
        }
        if (!tags.containsKey("p")) {
            problems.add(DmarcTexts.text("problem.policyMissing"));
        }
        String p = policy(tags, "p", problems).orElse("none");
        String sp = policy(tags, "sp", problems).orElse(p);
        Optional<String> np = policy(tags, "np", problems);
        int pct = 100;
        if (tags.containsKey("pct")) {
            String v = tags.get("pct");
            if (v.matches("[0-9]{1,3}") && Integer.parseInt(v) <= 100) {
                pct = Integer.parseInt(v);
            } else {
                problems.add(DmarcTexts.text("problem.pct", v));
            }
        }
        String adkim = alignment(tags, "adkim", problems);
        String aspf = alignment(tags, "aspf", problems);
        List<LocalText> unusable = new ArrayList<>();
        List<DmarcRecord.ReportUri> rua = uris(tags, "rua", unusable);
        List<DmarcRecord.ReportUri> ruf = uris(tags, "ruf", unusable);
        String fo = tags.getOrDefault("fo", "0");
        if (!FO.matcher(fo).matches()) {
            problems.add(DmarcTexts.text("problem.fo", fo));
            fo = "0";
        }
        long ri = 86400;
        if (tags.containsKey("ri")) {
            if (tags.get("ri").matches("[0-9]{1,10}")) {
                ri = Long.parseLong(tags.get("ri"));
            } else {
                problems.add(DmarcTexts.text("problem.ri", tags.get("ri")));
            }
        }
        return new Parsed(new DmarcRecord(text, tags, p, sp, np, pct, adkim, aspf, rua, ruf, fo, ri), problems,
                unusable);
    }

    private static Optional<String> policy(Map<String, String> tags, String tag, List<LocalText> problems) {
        if (!tags.containsKey(tag)) {
            return Optional.empty();
        }
        String v = tags.get(tag).toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(v)) {
            problems.add(DmarcTexts.text("problem.policy", tag, tags.get(tag)));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String alignment(Map<String, String> tags, String tag, List<LocalText> problems) {
        String v = tags.getOrDefault(tag, "r").toLowerCase(Locale.ROOT);
        if (!v.equals("r") && !v.equals("s")) {
            problems.add(DmarcTexts.text("problem.alignment", tag, tags.get(tag)));
            return "r";
        }
        return v;
    }

    /**
     * RFC 7489 §6.2: a DMARC URI is any URI (commas and "!" encoded), with an optional "!size" suffix; receivers
     * must support {@code mailto:} and need support nothing else. Entries receivers cannot send to are added to
     * {@code unusable}, each with why.
     */
    private static List<DmarcRecord.ReportUri> uris(Map<String, String> tags, String tag, List<LocalText> unusable) {
        List<DmarcRecord.ReportUri> out = new ArrayList<>();
        if (!tags.containsKey(tag)) {
            return out;
        }
        for (String raw : tags.get(tag).split(",")) {
            String uri = raw.strip();
            if (uri.isEmpty()) {
                continue;
            }
            var m = MAILTO.matcher(uri);
            if (m.matches()) {
                out.add(new DmarcRecord.ReportUri(uri, m.group(2).toLowerCase(Locale.ROOT)));
            } else if (!URI.matcher(uri).matches()) {
                unusable.add(DmarcTexts.text("reportUri.notUri", tag, uri));
            } else if (uri.regionMatches(true, 0, "mailto:", 0, 7)) {
                unusable.add(DmarcTexts.text("reportUri.notAddress", tag, uri));
            } else {
                unusable.add(DmarcTexts.text("reportUri.notMailto", tag, uri));
            }
        }
        return out;
    }
}
