package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one rule for what a probe input names, which the target resolver and {@code mailpath probe}'s MTA-STS check
 * both go by: before it, the resolver read {@code fe80::1%lo} as a name (and asked DNS) while the command took it for
 * an address.
 */
public class ProbeInputTest {

    /** This computer's loopback interface, which every test machine has (lo, lo0, …). */
    public static NetworkInterface loopback() throws Exception {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    /** A zone id no interface of this computer has. */
    public static String noSuchZone() throws Exception {
        String zone = "zz9";
        assertEquals(null, NetworkInterface.getByName(zone), "a test machine with an interface named " + zone);
        return zone;
    }

    @Test
    void everyFormOfAnIpLiteralIsALiteral() throws Exception {
        String lo = loopback().getName();
        List<String[]> cases = List.of(
                new String[] {"192.0.2.1", "192.0.2.1"},
                new String[] {" [192.0.2.1] ", "192.0.2.1"},
                new String[] {"2001:db8::1", "2001:db8::1"},
                new String[] {"[2001:db8::1]", "2001:db8::1"},
                new String[] {"[IPv6:2001:db8::1]", "2001:db8::1"},
                new String[] {"[ipv6:2001:DB8::1]", "2001:DB8::1"},
                new String[] {"fe80::1%" + lo, "fe80::1%" + lo},
                new String[] {"[fe80::1%" + lo + "]", "fe80::1%" + lo},
                new String[] {"[IPv6:fe80::1%" + loopback().getIndex() + "]", "fe80::1%" + loopback().getIndex()},
                new String[] {"someone@[192.0.2.1]", "192.0.2.1"},
                new String[] {"someone@[IPv6:2001:db8::1]", "2001:db8::1"});
        for (String[] c : cases) {
            ProbeInput.Literal literal = assertInstanceOf(ProbeInput.Literal.class, ProbeInput.of(c[0]), c[0]);
            assertEquals(c[1], literal.text(), c[0]);
            assertFalse(ProbeInput.isDomain(c[0]), c[0]);
        }
    }

    @Test
    void aZoneIdIsScopedToTheInterfaceItNames() throws Exception {
        NetworkInterface lo = loopback();
        for (String zone : List.of(lo.getName(), String.valueOf(lo.getIndex()))) {
            Inet6Address address = assertInstanceOf(Inet6Address.class,
                    assertInstanceOf(ProbeInput.Literal.class, ProbeInput.of("fe80::1%" + zone)).address());
            assertEquals(lo.getIndex(), address.getScopeId(), zone);
        }
    }

    @Test
    void aZoneIdNamingNoInterfaceIsNotAName() throws Exception {
        String zone = noSuchZone();
        for (String input : List.of("fe80::1%" + zone, "[fe80::1%" + zone + "]", "[IPv6:fe80::1%" + zone + "]",
                "fe80::1%999999")) {
            ProbeInput.NoSuchInterface none = assertInstanceOf(ProbeInput.NoSuchInterface.class,
                    ProbeInput.of(input), input);
            assertTrue(none.text().startsWith("fe80::1%"), none.toString());
            assertFalse(ProbeInput.isDomain(input), input);
        }
    }

    @Test
    void domainsAndHostsAreNames() {
        assertEquals(new ProbeInput.Domain("example.test"), ProbeInput.of(" example.test "));
        assertEquals(new ProbeInput.Domain("example.test"), ProbeInput.of("someone@example.test"));
        assertEquals(new ProbeInput.Host("mx.example.test"), ProbeInput.of("[ mx.example.test ]"));
        assertTrue(ProbeInput.isDomain("example.test"));
        assertFalse(ProbeInput.isDomain("[mx.example.test]"));
        // not an IPv6 address after the tag, nor an address at all: names (mailpath probe refuses them as such)
        assertEquals(new ProbeInput.Host("IPv6:192.0.2.1"), ProbeInput.of("[IPv6:192.0.2.1]"));
        assertEquals(new ProbeInput.Domain("192.0.2.1%lo"), ProbeInput.of("192.0.2.1%lo"));
        assertEquals(new ProbeInput.Domain("fe80::1%"), ProbeInput.of("fe80::1%"));
        assertEquals(new ProbeInput.Host("[192.0.2.1]"), ProbeInput.of("[[192.0.2.1]]"));
    }
}
