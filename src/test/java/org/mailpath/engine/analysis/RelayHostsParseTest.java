package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay as the app's field and its setting write it: several hosts, any of the separators, or none. */
class RelayHostsParseTest {

    @Test
    void takesCommasSemicolonsAndSpacesBetweenHosts() {
        assertEquals(List.of("smtp-relay.acme.example", "198.51.100.25", "relay2.acme.example"),
                RelayHosts.parse(" smtp-relay.acme.example, 198.51.100.25;\trelay2.acme.example ").orElseThrow()
                        .given());
    }

    @Test
    void blankIsNoRelay() {
        assertEquals(Optional.of(RelayHosts.none()), RelayHosts.parse("  "));
        assertEquals(Optional.of(RelayHosts.none()), RelayHosts.parse(null));
    }

    @Test
    void aValueThatIsNeitherHostNorAddressIsEmpty() {
        assertTrue(RelayHosts.parse("relay.acme.example, not a/host").isEmpty());
    }

    /** A host name is compared as {@code IdnaNames.lookupName} gives it: case, a trailing dot and the IDN form aside. */
    @Test
    void aHostNameIsComparedWithoutCaseTrailingDotOrIdnForm() {
        assertEquals("relay.example", RelayHosts.name("Relay.EXAMPLE."));
        assertEquals("relay.example", RelayHosts.name("relay.example"));
        assertEquals("xn--rel-sla.example", RelayHosts.name("RELÄ.example."));
        assertEquals("xn--rel-sla.example", RelayHosts.name("XN--REL-SLA.example"));
    }
}
