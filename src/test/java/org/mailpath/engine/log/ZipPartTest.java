package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The zip's part of a member's name or label ({@link LogSource#zipPart}), as the engine and the JSON take it. */
class ZipPartTest {

    @Test
    void isWhatStandsBeforeTheSeparatorAndTheEntry() {
        assertEquals(Optional.of("logs.zip"), LogSource.zipPart("logs.zip!week1.csv", "week1.csv"));
        assertEquals(Optional.of("a/logs.zip"), LogSource.zipPart("a/logs.zip!w/week1.csv", "w/week1.csv"));
        // an entry's name may hold the separator itself: the entry's whole name is taken off
        assertEquals(Optional.of("x!y.zip"), LogSource.zipPart("x!y.zip!a!b.csv", "a!b.csv"));
    }

    @Test
    void isEmptyForANameOfAnotherEntry() {
        assertEquals(Optional.empty(), LogSource.zipPart("logs.zip!week2.csv", "week1.csv"));
        assertEquals(Optional.empty(), LogSource.zipPart("week1.csv", "week1.csv"));
    }
}
