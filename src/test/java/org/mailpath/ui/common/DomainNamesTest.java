package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainNamesTest {

    @Test
    void aTypedDomainOrAddressGivesTheDomainToCheck() {
        assertEquals(Optional.of("example.com"), DomainNames.normalize(" Example.COM. "));
        assertEquals(Optional.of("example.com"), DomainNames.normalize("bob@Example.com"));
        assertEquals(Optional.of("xn--fa-hia.de"), DomainNames.normalize("faß.de"));
    }

    @Test
    void aSingleWordAnIpAddressOrTwoFinalDotsAreRefused() {
        assertEquals(Optional.empty(), DomainNames.normalize("example"));
        assertEquals(Optional.empty(), DomainNames.normalize("192.0.2.1"));
        assertEquals(Optional.empty(), DomainNames.normalize("example.com.."));
        assertEquals(Optional.empty(), DomainNames.normalize(null));
    }

    @Test
    void resolversAreAddressesOrHostNamesWithAnOptionalPort() {
        assertEquals(Optional.of(List.of("1.1.1.1", "localhost:5353", "dns.example:53")),
                DomainNames.resolvers("1.1.1.1, localhost:5353; dns.example:53"));
        assertEquals(Optional.of(List.of()), DomainNames.resolvers(" "));
        assertEquals(Optional.empty(), DomainNames.resolvers("1.1.1.300"));
        assertEquals(Optional.empty(), DomainNames.resolvers("1.1.1.1:70000"));
    }
}
