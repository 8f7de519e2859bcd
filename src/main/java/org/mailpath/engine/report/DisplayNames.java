package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The display names the log gives its addresses ({@code Mary Jones <mary.jones@…>}), found in any letter case: a
 * name of two or more words wherever it stands as a whole, a name of one word (which may be an ordinary word:
 * "Support") only right before an angle bracket, as in the log's own {@code Support <support@…>}.
 *
 * <p>One pattern of every name cost each text a try of every name at each of its characters: quadratic in a log
 * with many display names. A text is matched instead by a pattern of only the names whose first word stands in it
 * (looked up by a case-folded key at each place a first word can end), built as the pattern of every name is and in
 * the same order; a name left out cannot match, so what is found is the same.
 */
final class DisplayNames {

    private static final DisplayNames NONE = new DisplayNames(List.of(), Map.of(), new int[0], false);
    /** Patterns kept for the sets of names texts hold: beyond this many, they are built anew. */
    private static final int CACHED = 4096;
    /** What ends a first word: the white space of {@code \s} (before the next word) or '<' (after a one-word name). */
    private static final String WORD_ENDS = " \t\n\u000B\f\r<";

    /** The names, longest first: the order of the alternatives of a pattern. */
    private final List<String> names;
    /** The indexes into {@link #names} by the key ({@link #key}) of the name's first word. */
    private final Map<String, int[]> byFirstWord;
    /** The lengths of the first words, in characters. */
    private final int[] firstWordLengths;
    /**
     * A name holds a character outside the basic plane (or half of one): then the look-behind of the pattern of every
     * name compares code points rather than chars (Pattern compiles a look-behind so when such a character follows
     * it anywhere in the pattern), and so must each pattern of some of the names.
     */
    private final boolean supplementary;
    private final Map<List<Integer>, Pattern> patterns = new ConcurrentHashMap<>();

    private DisplayNames(List<String> names, Map<String, int[]> byFirstWord, int[] firstWordLengths,
                         boolean supplementary) {
        this.names = names;
        this.byFirstWord = byFirstWord;
        this.firstWordLengths = firstWordLengths;
        this.supplementary = supplementary;
    }

    static DisplayNames none() {
        return NONE;
    }

    static DisplayNames of(Collection<String> names) {
        if (names.isEmpty()) {
            return NONE;
        }
        List<String> sorted = names.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            byKey.computeIfAbsent(key(words(sorted.get(i))[0]), k -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> byFirstWord = new HashMap<>();
        byKey.forEach((k, indexes) -> byFirstWord.put(k, indexes.stream().mapToInt(Integer::intValue).toArray()));
        int[] lengths = byFirstWord.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        boolean supplementary = sorted.stream()
                .anyMatch(name -> name.chars().anyMatch(c -> Character.isSurrogate((char) c)));
        return new DisplayNames(sorted, Map.copyOf(byFirstWord), lengths, supplementary);
    }

    /** The text with each display name in it replaced by what {@code mask} makes of it. */
    String replaceAll(String text, UnaryOperator<String> mask) {
        if (names.isEmpty()) {
            return text;
        }
        List<Integer> candidates = candidates(text);
        if (candidates.isEmpty()) {
            return text;
        }
        Pattern pattern = patterns.get(candidates);
        if (pattern == null) {
            pattern = pattern(candidates.stream().map(names::get).toList(), supplementary);
            if (patterns.size() < CACHED) {
                patterns.put(candidates, pattern);
            }
        }
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask.apply(m.group())));
    }

    /**
     * The indexes (ascending) of the names whose first word stands in the text, ending where a first word of a name
     * that matches must end: before white space or '<'. A match keeps the number of characters (case mappings stay
     * in their plane) and folds as the name does, so its first word has the name's key there.
     */
    private List<Integer> candidates(String text) {
        String key = null;
        BitSet found = null;
        for (int end = 0; end < text.length(); end++) {
            if (WORD_ENDS.indexOf(text.charAt(end)) < 0) {
                continue;
            }
            if (key == null) {
                key = key(text);
            }
            for (int length : firstWordLengths) {
                if (length > end) {
                    break;
                }
                int[] indexes = byFirstWord.get(key.substring(end - length, end));
                if (indexes != null) {
                    if (found == null) {
                        found = new BitSet(names.size());
                    }
                    for (int index : indexes) {
                        found.set(index);
                    }
                }
            }
        }
        return found == null ? List.of() : found.stream().boxed().toList();
    }

    /**
     * The pattern of the given names (in the order of {@link #names}), as the redactor has always built it: the
     * words of a name apart by any white space, a name of one word only before '<'. With {@code supplementary}, a
     * last alternative that never matches ({@code (?!)}, then U+10000) makes its look-behind compare code points,
     * as in the pattern of every name.
     */
    static Pattern pattern(List<String> names, boolean supplementary) {
        String alternatives = names.stream()
                .map(name -> {
                    String[] words = words(name);
                    String phrase = Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("\\s+"));
                    return words.length > 1 ? phrase : phrase + "(?=\\s*<)";
                })
                .collect(Collectors.joining("|")) + (supplementary ? "|(?!)\uD800\uDC00" : "");
        return Pattern.compile("(?<![\\p{L}\\p{N}_.-])(?:" + alternatives + ")(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String[] words(String name) {
        return name.strip().split("\\s+");
    }

    /**
     * Each character folded as the pattern compares it with {@code CASE_INSENSITIVE | UNICODE_CASE} (upper-cased,
     * then lower-cased); a surrogate, which the pattern may compare as half of a code point, stands as U+FFFF.
     * Characters that match fold alike, so a key that differs rules a match out.
     */
    private static String key(String s) {
        char[] folded = new char[s.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = s.charAt(i);
            folded[i] = Character.isSurrogate(c) ? '\uFFFF' : (char) Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(folded);
    }
}
