package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-family rule of NS_SAME_NETWORK and NS_SINGLE_AS, on networks named by letters. */
class ConcentrationTest {

    @Test
    void eachFamilyIsJudgedOnItsOwn() {
        assertEquals(Concentration.EVERY_FAMILY, Concentration.of(Set.of("a"), Set.of()));
        assertEquals(Concentration.EVERY_FAMILY, Concentration.of(Set.of(), Set.of("a")));
        assertEquals(Concentration.EVERY_FAMILY, Concentration.of(Set.of("a"), Set.of("b")));
        assertEquals(Concentration.IPV4_ONLY, Concentration.of(Set.of("a"), Set.of("b", "c")));
        assertEquals(Concentration.IPV6_ONLY, Concentration.of(Set.of("a", "b"), Set.of("c")));
        assertEquals(Concentration.NONE, Concentration.of(Set.of("a", "b"), Set.of("c", "d")));
        assertEquals(Concentration.NONE, Concentration.of(Set.of("a", "b"), Set.of()));
        assertEquals(Concentration.NONE, Concentration.of(Set.of(), Set.of()));
    }

    @Test
    void whatOneSaidOfTheNetworksNeedNotBeSaidOfTheAses() {
        assertTrue(Concentration.EVERY_FAMILY.covers(Concentration.EVERY_FAMILY));
        assertTrue(Concentration.IPV4_ONLY.covers(Concentration.IPV4_ONLY));
        // IPv4 in one /24 is IPv4 in one AS; that IPv6 shares one AS too is news
        assertFalse(Concentration.IPV4_ONLY.covers(Concentration.EVERY_FAMILY));
        assertFalse(Concentration.IPV6_ONLY.covers(Concentration.IPV4_ONLY));
        assertFalse(Concentration.NONE.covers(Concentration.IPV4_ONLY));
        assertTrue(Concentration.NONE.covers(Concentration.NONE));
    }
}
