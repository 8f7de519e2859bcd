package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.NetworkInterface;
import java.util.Optional;
import org.mailpath.engine.smtp.ProbeInputTest;
import org.junit.jupiter.api.Test;

/** Addresses with a zone id: refused by {@link IpAddresses#parse}, scoped to this computer's interface by parseZoned. */
class IpAddressesTest {

    @Test
    void aZoneIdNamesAnInterfaceByNameOrIndex() throws Exception {
        NetworkInterface lo = ProbeInputTest.loopback();
        for (String zone : new String[] {lo.getName(), String.valueOf(lo.getIndex())}) {
            IpAddresses.Zoned zoned = IpAddresses.parseZoned(" fe80::1%" + zone + " ").orElseThrow();
            assertEquals(zone, zoned.zone());
            assertEquals(lo.getIndex(), zoned.address().orElseThrow().getScopeId(), zone);
            assertEquals("fe80::1", IpAddresses.text(zoned.address().orElseThrow()).replaceAll("%.*", ""));
            // no address on the internet has one: every other use of an address refuses it
            assertEquals(Optional.empty(), IpAddresses.parse("fe80::1%" + zone));
        }
    }

    @Test
    void aZoneIdNamingNoInterfaceHasNoAddress() {
        IpAddresses.Zoned zoned = IpAddresses.parseZoned("fe80::1%zz9").orElseThrow();
        assertEquals("zz9", zoned.zone());
        assertTrue(zoned.address().isEmpty());
        assertTrue(IpAddresses.parseZoned("fe80::1%999999").orElseThrow().address().isEmpty());
    }

    @Test
    void onlyAnIpv6AddressWithAZoneIdIsZoned() {
        for (String text : new String[] {"fe80::1", "192.0.2.1%lo", "fe80::1%", "example.test%lo", "fe80::1%l o",
                "::ffff:192.0.2.1%lo", "fe80::1%lo%lo"}) {
            assertEquals(Optional.empty(), IpAddresses.parseZoned(text), text);
        }
    }
}
