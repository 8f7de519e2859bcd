package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    private static String masked(DisplayNames names, String text) {
        return names.replaceAll(text, name -> "[" + name + "]");
    }

    @Test
    void aNameOfTwoOrMoreWordsIsFoundWhereverItStandsAsAWhole() {
        DisplayNames names = DisplayNames.of(Set.of("Mary Jones", "Mary Jones-Smith", "Ann Lee"));
        assertEquals("from [Mary Jones] <m@x.example>", masked(names, "from Mary Jones <m@x.example>"));
        assertEquals("([MARY   JONES]), [mary jones-smith].", masked(names, "(MARY   JONES), mary jones-smith."));
        // a piece of a longer name or word is not the name
        assertEquals("Rosemary Jones, Ann Leeds, x.Ann Lee", masked(names, "Rosemary Jones, Ann Leeds, x.Ann Lee"));
    }

    @Test
    void aNameOfOneWordOnlyBeforeAnAngleBracket() {
        DisplayNames names = DisplayNames.of(Set.of("Support", "Bo"));
        assertEquals("[Support] <s@x.example> wrote to Support", masked(names,
                "Support <s@x.example> wrote to Support"));
        assertEquals("[bo]<b@x.example>, [BO] <b@x.example>", masked(names, "bo<b@x.example>, BO <b@x.example>"));
        assertEquals("<Support>", masked(names, "<Support>"));
    }

    @Test
    void namesThatBeginAlikeAndNamesOutsideTheBasicPlane() {
        DisplayNames names = DisplayNames.of(Set.of("Åsa Öberg", "Åsa Öberg Lind", "İlker Şahin",
                "\uD801\uDC00\uD801\uDC01 Ng"));
        assertEquals("[åsa öberg lind] and [ÅSA ÖBERG]", masked(names, "åsa öberg lind and ÅSA ÖBERG"));
        assertEquals("[ilker şahin]", masked(names, "ilker şahin"));
        assertEquals("[\uD801\uDC28\uD801\uDC29 NG]", masked(names, "\uD801\uDC28\uD801\uDC29 NG"));
        // a letter outside the basic plane right before a name is a letter, as in the pattern of every name
        assertEquals("\uD801\uDC00Ng <n@x.example>", masked(DisplayNames.of(Set.of("Ng", "\uD801\uDC00 Ng")),
                "\uD801\uDC00Ng <n@x.example>"));
        assertEquals("no names here", masked(DisplayNames.none(), "no names here"));
        assertEquals("no names here", masked(names, "no names here"));
    }

    /** What one pattern of every name finds (how the redactor found display names before), on random texts. */
    @Test
    void findsWhatOnePatternOfEveryNameFinds() {
        String[] pieces = {"a", "A", "b", "ı", "I", "i", "İ", "ß", "Σ", "σ", "ς", "é", "É", "\uD801\uDC28",
            "\uD801\uDC00", "\uD801", "\uDC28", "ǅ", "ǆ", "\u212A", "k", "-", ".", "'", "*", "\\E", "("};
        String[] gaps = {" ", "  ", "\t", "\r\n", "\u000B", "<", " <", ">", "(", ")", ".", "-", "\u00A0", ""};
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int words = 1 + random.nextInt(3);
                List<String> name = new ArrayList<>();
                for (int w = 0; w < words; w++) {
                    name.add(word(random, pieces));
                }
                names.add(String.join(" ", name));
            }
            DisplayNames index = DisplayNames.of(Set.copyOf(names));
            Pattern all = everyName(Set.copyOf(names));
            for (int t = 0; t < 20; t++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    text.append(gaps[random.nextInt(gaps.length)]).append(random.nextInt(3) == 0
                            ? names.get(random.nextInt(names.size())) : word(random, pieces));
                }
                String s = random.nextBoolean() ? text.toString() : text.toString().toUpperCase(Locale.ROOT);
                String expected = all.matcher(s).replaceAll(m -> Matcher.quoteReplacement("[" + m.group() + "]"));
                assertEquals(expected, masked(index, s), () -> names + " in " + s);
            }
        }
    }

    private static String word(Random random, String[] pieces) {
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            word.append(pieces[random.nextInt(pieces.length)]);
        }
        return word.toString();
    }

    /** The pattern the redactor made of every display name of the log. */
    private static Pattern everyName(Set<String> names) {
        String alternatives = names.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(name -> {
                    String[] words = name.strip().split("\\s+");
                    String phrase = Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("\\s+"));
                    return words.length > 1 ? phrase : phrase + "(?=\\s*<)";
                })
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}_.-])(?:" + alternatives + ")(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
