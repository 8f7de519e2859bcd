package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The typing slips {@link LikelyTypos} reads a failing domain as: one letter left out, added, changed, or two swapped. */
class LikelyTyposTest {

    @Test
    void oneSlipIsALetterLeftOutAddedChangedOrTwoSwapped() {
        assertTrue(LikelyTypos.oneSlipApart("contso.example", "contoso.example"), "left out");
        assertTrue(LikelyTypos.oneSlipApart("contooso.example", "contoso.example"), "added");
        assertTrue(LikelyTypos.oneSlipApart("contoso.exanple", "contoso.example"), "changed");
        assertTrue(LikelyTypos.oneSlipApart("cnotoso.example", "contoso.example"), "swapped");
        assertFalse(LikelyTypos.oneSlipApart("cntso.example", "contoso.example"), "two left out");
        assertFalse(LikelyTypos.oneSlipApart("cotnoso.exmaple", "contoso.example"), "two swaps");
        assertFalse(LikelyTypos.oneSlipApart("contoso.example", "contoso.example"), "the same");
        assertFalse(LikelyTypos.oneSlipApart("a.ex", "b.ex"), "too short to tell");
    }
}
