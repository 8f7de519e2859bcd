package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packed raw-row cells of a report: the same strings back, in order, whatever they hold, and a list like any
 * other immutable one to the renderers and to equality.
 */
class PackedStringsTest {

    @Test
    void givesBackEveryStringAsItWasEmptyOnesAndUnicodeIncluded() {
        List<String> cells = List.of("11/10/2026 0:00:01", "", "R", "anna.björk@bücher.example", "",
                "250 2.0.0 OK \uD83D\uDCE7 \"quoted\", comma", "日本語", "");
        PackedStrings packed = PackedStrings.of(cells);
        assertEquals(cells.size(), packed.size());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(cells.get(i), packed.get(i), "cell " + i);
        }
        assertEquals(cells, packed);
        assertEquals(packed, cells);
        assertEquals(cells.hashCode(), packed.hashCode());
        assertEquals(cells, new ArrayList<>(packed));
    }

    @Test
    void cellsThatJoinAlikeAreStillTheirOwn() {
        // "ab" + "c" and "a" + "bc" are one text packed: the ends tell them apart
        assertNotEquals(PackedStrings.of("ab", "c"), PackedStrings.of("a", "bc"));
        assertEquals(List.of("a", "bc"), PackedStrings.of("a", "bc"));
        assertEquals(List.of(), PackedStrings.of());
        assertEquals(List.of(""), PackedStrings.of(""));
    }

    @Test
    void isImmutableAndRefusesNullsAsListCopyOfDoes() {
        PackedStrings packed = PackedStrings.of("a", "b");
        assertThrows(UnsupportedOperationException.class, () -> packed.set(0, "x"));
        assertThrows(UnsupportedOperationException.class, () -> packed.add("x"));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(2));
        assertThrows(NullPointerException.class, () -> PackedStrings.of(Arrays.asList("a", null)));
    }

    @Test
    void theArrayGivenIsNotKeptAndAPackedListIsNotPackedAgain() {
        String[] values = {"a", "b"};
        PackedStrings packed = PackedStrings.of(values);
        values[0] = "changed";
        assertEquals(List.of("a", "b"), packed);
        assertSame(packed, PackedStrings.of(packed));
    }
}
