package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The addresses of the log, found in a text by the '@' they stand around, in any letter case: a look-up by domain
 * and then by local part, so a text costs the same however many addresses a domain has (a scan of every local part
 * of the domain for each '@' made redaction grow with the square of the log's addresses).
 *
 * <p>At an '@' the longest domain is looked at first, and at a domain the longest local part: the first that
 * matches the text, as {@link String#regionMatches(boolean, int, String, int, int)} ignoring case finds it, and
 * starts where the caller accepts, is the address. The look-up key folds the letter case of each code point
 * ({@link #fold}); two well-formed texts that match ignoring case always fold alike, so the key finds every
 * candidate, and the candidates are then checked as before. A text with a lone surrogate is compared with every
 * local part of its length instead: there {@code regionMatches} may pair a surrogate with the one before it and
 * match texts that fold apart.
 */
final class KnownAddresses {

    private static final KnownAddresses NONE = new KnownAddresses(Map.of(), new int[0]);

    /** The local parts at each domain, by the part from the '@' on (lower-cased). */
    private final Map<String, LocalParts> byDomain;
    /** The lengths of the keys of {@link #byDomain}, longest first: what to look up after an '@'. */
    private final int[] domainLengths;

    private KnownAddresses(Map<String, LocalParts> byDomain, int[] domainLengths) {
        this.byDomain = byDomain;
        this.domainLengths = domainLengths;
    }

    /** No addresses. */
    static KnownAddresses none() {
        return NONE;
    }

    /** The given addresses (each holding an '@' with text on both sides), found in any letter case. */
    static KnownAddresses of(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return NONE;
        }
        Map<String, Map<Integer, List<String>>> grouped = new HashMap<>();
        addresses.stream().map(address -> address.toLowerCase(Locale.ROOT)).distinct().forEach(address -> {
            int at = address.lastIndexOf('@');
            grouped.computeIfAbsent(address.substring(at), d -> new HashMap<>())
                    .computeIfAbsent(at, l -> new ArrayList<>()).add(address.substring(0, at));
        });
        Map<String, LocalParts> byDomain = new HashMap<>();
        grouped.forEach((domain, byLength) -> byDomain.put(domain, LocalParts.of(byLength)));
        return new KnownAddresses(Map.copyOf(byDomain), descending(byDomain.keySet().stream()
                .mapToInt(String::length).distinct().toArray()));
    }

    boolean isEmpty() {
        return byDomain.isEmpty();
    }

    /**
     * The known address whose '@' is at {@code at} in {@code text}: its local part starting at {@code from} or later
     * at a place {@code startAccepted} accepts. The longest domain is looked at first, and at a domain the longest
     * local part.
     */
    Optional<Span> at(String text, int at, int from, IntPredicate startAccepted) {
        for (int length : domainLengths) {
            if (at + length > text.length()) {
                continue;
            }
            LocalParts locals = byDomain.get(text.substring(at, at + length).toLowerCase(Locale.ROOT));
            if (locals == null) {
                continue;
            }
            for (int i = 0; i < locals.lengths.length; i++) {
                int start = at - locals.lengths[i];
                if (start < from) {
                    continue;
                }
                if (locals.endsAt(text, start, at, i) && startAccepted.test(start)) {
                    return Optional.of(new Span(start, at + length));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The letter case of each code point of {@code s} from {@code start} to {@code end} folded: upper-cased, then
     * lower-cased, which is what {@link String#regionMatches(boolean, int, String, int, int)} compares when two
     * characters differ. A surrogate pair is one code point only when both halves lie in the range.
     */
    static String fold(String s, int start, int end) {
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c >= 0x80 || c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == end) {
            return s.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start).append(s, start, i);
        while (i < end) {
            int cp = s.charAt(i);
            if (Character.isHighSurrogate((char) cp) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint((char) cp, s.charAt(i + 1));
            }
            sb.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** No lone surrogate stands between {@code start} and {@code end}: each high one has its low one in the range. */
    static boolean wellFormed(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static int[] descending(int[] values) {
        return Arrays.stream(values).boxed().sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue)
                .toArray();
    }

    /** Where a known address stands in a text: from the start of its local part to the end of its domain. */
    record Span(int start, int end) {
    }

    /**
     * The local parts at one domain: their lengths, longest first; for each length the well-formed ones by their
     * folded form, and those with a lone surrogate, which have no reliable key.
     */
    private record LocalParts(int[] lengths, List<Map<String, List<String>>> byFold, List<List<String>> malformed) {

        static LocalParts of(Map<Integer, List<String>> byLength) {
            int[] lengths = descending(byLength.keySet().stream().mapToInt(Integer::intValue).toArray());
            List<Map<String, List<String>>> byFold = new ArrayList<>(lengths.length);
            List<List<String>> malformed = new ArrayList<>(lengths.length);
            for (int length : lengths) {
                Map<String, List<String>> folded = new HashMap<>();
                List<String> lone = new ArrayList<>(0);
                for (String local : byLength.get(length)) {
                    if (wellFormed(local, 0, local.length())) {
                        folded.computeIfAbsent(fold(local, 0, local.length()), k -> new ArrayList<>(1)).add(local);
                    } else {
                        lone.add(local);
                    }
                }
                byFold.add(folded);
                malformed.add(lone);
            }
            return new LocalParts(lengths, byFold, malformed);
        }

        /** A local part of the {@code i}th length matches the text from {@code start} to {@code at}, ignoring case. */
        boolean endsAt(String text, int start, int at, int i) {
            if (wellFormed(text, start, at)) {
                List<String> candidates = byFold.get(i).get(fold(text, start, at));
                if (candidates != null && anyMatches(candidates, text, start)) {
                    return true;
                }
            } else if (byFold.get(i).values().stream().anyMatch(locals -> anyMatches(locals, text, start))) {
                return true;
            }
            return anyMatches(malformed.get(i), text, start);
        }

        private static boolean anyMatches(List<String> locals, String text, int start) {
            for (String local : locals) {
                if (text.regionMatches(true, start, local, 0, local.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
