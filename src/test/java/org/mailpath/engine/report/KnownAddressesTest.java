package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnownAddressesTest {

    private static final IntPredicate ANYWHERE = start -> true;

    /** What {@link Redactor} accepts: a local part that does not start inside a longer name. */
    private static IntPredicate wholeName(String text) {
        return start -> start == 0 || !Character.isLetterOrDigit(text.codePointBefore(start))
                && text.charAt(start - 1) != '.';
    }

    private static Optional<KnownAddresses.Span> find(KnownAddresses known, String text, int from,
                                                      IntPredicate accepted) {
        return known.at(text, text.indexOf('@', from), from, accepted);
    }

    private static Optional<KnownAddresses.Span> find(KnownAddresses known, String text) {
        return find(known, text, 0, wholeName(text));
    }

    private static Optional<KnownAddresses.Span> span(int start, int end) {
        return Optional.of(new KnownAddresses.Span(start, end));
    }

    @Test
    void theLongestLocalPartThatEndsAtTheAtSignWins() {
        KnownAddresses known = KnownAddresses.of(List.of("doe@contoso.example", "john.doe@contoso.example",
                "jo@contoso.example"));
        assertEquals(span(8, 32), find(known, "mail to john.doe@contoso.example"));
        assertEquals(span(8, 27), find(known, "mail to doe@contoso.example"));
        // "jo" is a prefix of "john.doe", not an address of its own here
        assertEquals(span(0, 18), find(known, "jo@contoso.example"));
    }

    @Test
    void aLocalPartInsideALongerNameIsNotTheKnownAddress() {
        KnownAddresses known = KnownAddresses.of(List.of("ann.lee@x.example", "lee@x.example"));
        // "joann.lee" is another mailbox: neither "ann.lee" (after "o") nor "lee" (after ".") starts a name there
        assertEquals(Optional.empty(), find(known, "joann.lee@x.example"));
        // where the start is refused, a shorter local part is tried
        assertEquals(span(6, 19), find(known, "joann.lee@x.example", 0, start -> start != 2));
    }

    @Test
    void aLocalPartStartsAtFromOrLater() {
        KnownAddresses known = KnownAddresses.of(List.of("a.b@x.example", "b@x.example"));
        assertEquals(span(0, 13), find(known, "a.b@x.example", 0, ANYWHERE));
        assertEquals(span(2, 13), find(known, "a.b@x.example", 1, ANYWHERE));
        assertEquals(Optional.empty(), find(known, "a.b@x.example", 3, ANYWHERE));
    }

    @Test
    void theLongestDomainWins() {
        KnownAddresses known = KnownAddresses.of(List.of("bo@contoso.example", "bo@contoso.example.org"));
        assertEquals(span(0, 22), find(known, "bo@contoso.example.org"));
        assertEquals(span(1, 19), find(known, "<bo@contoso.example>."));
        // a longer domain known only for another mailbox: the shorter one is this mailbox's
        KnownAddresses other = KnownAddresses.of(List.of("bo@contoso.example", "li@contoso.example.org"));
        assertEquals(span(0, 18), find(other, "bo@contoso.example.org"));
    }

    @Test
    void foundInAnyLetterCase() {
        KnownAddresses known = KnownAddresses.of(List.of("John.Doe@Contoso.Example"));
        assertEquals(span(1, 25), find(known, "<JOHN.DOE@CONTOSO.EXAMPLE>"));
        assertEquals(span(1, 25), find(known, "<john.doe@contoso.example>"));
        // as String.regionMatches ignoring case: dotless ı and dotted İ match I and i
        KnownAddresses turkish = KnownAddresses.of(List.of("jıll@x.example", "ayşe@x.example"));
        assertEquals(span(0, 14), find(turkish, "JILL@x.example"));
        assertEquals(span(0, 14), find(turkish, "AYŞE@X.EXAMPLE"));
        assertEquals(span(0, 14), find(KnownAddresses.of(List.of("jill@x.example")), "JİLL@x.example"));
    }

    @Test
    void internationalAddressesIncludingLettersOutsideTheBasicPlane() {
        KnownAddresses known = KnownAddresses.of(List.of("müller@bücher.example", "张伟@例子.example",
                "\uD801\uDC28\uD801\uDC2F@deseret.example"));
        assertEquals(span(5, 26), find(known, "user=MÜLLER@BÜCHER.EXAMPLE"));
        assertEquals(span(1, 14), find(known, "<张伟@例子.example>"));
        // Deseret capital letters (U+10400, U+10407) for the small ones of the log
        assertEquals(span(0, 20), find(known, "\uD801\uDC00\uD801\uDC07@DESERET.EXAMPLE"));
        // the domain's A-label is another text: the form masks it, not this look-up
        assertEquals(Optional.empty(), find(known, "müller@xn--bcher-kva.example"));
    }

    @Test
    void aQuotedLocalPartIsFoundWithItsQuotes() {
        KnownAddresses known = KnownAddresses.of(List.of("\"john doe\"@contoso.example"));
        assertEquals(span(5, 31), find(known, "to: <\"John Doe\"@contoso.example>"));
        assertEquals(Optional.empty(), find(known, "to: <John Doe@contoso.example>"));
    }

    @Test
    void addressesNextToPunctuation() {
        KnownAddresses known = KnownAddresses.of(List.of("john@x.example"));
        for (String text : List.of("<john@x.example>,", "(john@x.example)", "'john@x.example'", "john@x.example.",
                "\"john@x.example\";", "[john@x.example]")) {
            int start = text.indexOf("john");
            assertEquals(span(start, start + 14), find(known, text), text);
        }
        assertEquals(Optional.empty(), find(KnownAddresses.none(), "john@x.example"));
        assertEquals(Optional.empty(), find(known, "john@x.exampl"));
    }

    /**
     * The look-up finds what a scan of every local part of the domain, longest first, with
     * {@code regionMatches(true, …)} finds (how the redactor found addresses before the look-up), on texts made of
     * letters whose case mappings are unusual.
     */
    @Test
    void findsWhatAScanOfEveryLocalPartFinds() {
        String[] pieces = {"a", "A", "b", ".", "ı", "I", "i", "İ", "ß", "Σ", "σ", "ς", "µ", "μ", "Μ", "é", "É",
            "\uD801\uDC28", "\uD801\uDC00", "\uD801", "\uDC28", "ǅ", "ǆ", "Ǆ", "K", "\u212A", "k", "\""};
        String[] domains = {"@x.example", "@X.Example", "@x.example.org", "@y", "@ß.example"};
        String[] between = {" ", "<", ">", ".", "", "=", "a"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                addresses.add(word(random, pieces, 1 + random.nextInt(4)) + domains[random.nextInt(domains.length)]);
            }
            KnownAddresses known = KnownAddresses.of(addresses);
            for (int t = 0; t < 20; t++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 3; i++) {
                    text.append(between[random.nextInt(between.length)]);
                    text.append(random.nextBoolean() ? addresses.get(random.nextInt(addresses.size()))
                            : word(random, pieces, 1 + random.nextInt(4)) + domains[random.nextInt(domains.length)]);
                }
                String s = random.nextBoolean() ? text.toString() : text.toString().toUpperCase(Locale.ROOT);
                int refused = random.nextInt(4);
                IntPredicate accepted = start -> start % 4 != refused;
                for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
                    int from = random.nextInt(at + 1);
                    assertEquals(scan(addresses, s, at, from, accepted), known.at(s, at, from, accepted),
                            () -> addresses + " in " + s);
                }
            }
        }
    }

    private static String word(Random random, String[] pieces, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(pieces[random.nextInt(pieces.length)]);
        }
        return word.toString();
    }

    /** Every local part of each domain, longest first, compared with the text where it would end at the '@'. */
    private static Optional<KnownAddresses.Span> scan(List<String> addresses, String text, int at, int from,
                                                      IntPredicate accepted) {
        Map<String, List<String>> byDomain = addresses.stream()
                .map(address -> address.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.groupingBy(address -> address.substring(address.lastIndexOf('@')),
                        LinkedHashMap::new, Collectors.mapping(address -> address.substring(0,
                                address.lastIndexOf('@')), Collectors.toList())));
        int[] lengths = byDomain.keySet().stream().mapToInt(String::length).distinct().boxed()
                .sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
        for (int length : lengths) {
            if (at + length > text.length()) {
                continue;
            }
            List<String> locals = byDomain.get(text.substring(at, at + length).toLowerCase(Locale.ROOT));
            if (locals == null) {
                continue;
            }
            for (String local : locals) {
                int start = at - local.length();
                if (start >= from && text.regionMatches(true, start, local, 0, local.length())
                        && accepted.test(start)) {
                    return span(start, at + length);
                }
            }
        }
        return Optional.empty();
    }
}
