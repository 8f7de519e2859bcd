package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void oneIsSingularAndLargeCountsAreGroupedAsTheEngineTextsBesideThem() {
        assertEquals("1 row", Counts.of(1, "row"));
        assertEquals("0 rows", Counts.of(0, "row"));
        assertEquals("4,200 rows", Counts.of(4200, "row"));
        assertEquals("1,000,001 rows", Counts.of(1_000_001, "row"));
    }
}
