package org.mailpath.engine.address;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Domain labels that mix writing systems, as look-alike domains do ({@code раypal.com} with a Cyrillic р and а):
 * browsers show such a name in its ASCII form (xn--…) so that it cannot pass for another. The rule is UTS #39's
 * "highly restrictive" level (§5.2): a label's letters are of one script, or Latin with Han and Japanese kana, Han
 * with Bopomofo, or Han with Hangul; digits, hyphens and combining marks (scripts Common and Inherited) count for none.
 */
public final class MixedScripts {

    private static final Set<UnicodeScript> JAPANESE =
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);
    private static final Set<UnicodeScript> CHINESE =
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO);
    private static final Set<UnicodeScript> KOREAN =
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL);

    /** Bounded as IdnaNames' caches are. */
    private static final Map<String, Optional<String>> LABELS = new ConcurrentHashMap<>();
    /**
     * {@link #shown} of each internationalised domain, bounded as IdnaNames' caches are: the message table shows the
     * recipient of every chain (416,000 in a large log), and such a log repeats the same few domains. Concurrent: the
     * app builds its table and a report's renderer its pages on their own workers.
     */
    private static final Map<String, String> SHOWN = new ConcurrentHashMap<>();

    private MixedScripts() {
    }

    /** The first label of {@code domain} (A-labels decoded) whose letters mix scripts; empty when none does. */
    public static Optional<String> label(String domain) {
        if (AsciiNames.noIdn(domain, 0)) {
            return Optional.empty(); // plain ASCII is Latin alone
        }
        // asked for every chain's recipient and every report heading: each internationalised domain is decoded once
        return IdnaNames.cached(LABELS, domain, MixedScripts::firstMixedLabel);
    }

    private static Optional<String> firstMixedLabel(String domain) {
        for (String label : IdnaNames.toUnicode(domain).split("[.\u3002\uFF0E\uFF61]", -1)) {
            if (mixes(label)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code domain} as it is to be shown: with its ASCII form beside it when a label mixes scripts
     * ({@code раypal.com (xn--ypal-43d9g.com)}), so that it is not read as the name it imitates; else as given.
     */
    public static String shown(String domain) {
        if (AsciiNames.noIdn(domain, 0)) {
            return domain; // plain ASCII is Latin alone: nothing to remember
        }
        return IdnaNames.cached(SHOWN, domain, MixedScripts::shownOnce);
    }

    private static String shownOnce(String domain) {
        return asciiBeside(domain).map(ascii -> ascii.equals(domain) ? IdnaNames.toUnicode(domain) + " (" + ascii + ")"
                : domain + " (" + ascii + ")").orElse(domain);
    }

    /**
     * The ASCII form {@link #shown} puts beside {@code domain} (its {@link IdnaNames#lookupName}), for a report that
     * lays it out otherwise; empty when no label mixes scripts and the domain is shown as it is.
     */
    public static Optional<String> asciiBeside(String domain) {
        return label(domain).map(label -> IdnaNames.lookupName(domain));
    }

    /**
     * {@code address} with {@link #shown} for its domain (after the last '@'), also when it is written in ASCII; a
     * plain ASCII address (nearly every one) is returned as it is, after one look at its characters.
     */
    public static String shownAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || AsciiNames.noIdn(address, at + 1)) {
            return address; // an A-label (xn--…) may decode to a look-alike, as shown finds for the bare domain
        }
        String domain = address.substring(at + 1);
        String shown = shown(domain);
        return shown.equals(domain) ? address : address.substring(0, at + 1) + shown;
    }

    static boolean mixes(String label) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        label.codePoints().mapToObj(UnicodeScript::of)
                .filter(s -> s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED && s != UnicodeScript.UNKNOWN)
                .forEach(scripts::add);
        return scripts.size() > 1 && !JAPANESE.containsAll(scripts) && !CHINESE.containsAll(scripts)
                && !KOREAN.containsAll(scripts);
    }
}
