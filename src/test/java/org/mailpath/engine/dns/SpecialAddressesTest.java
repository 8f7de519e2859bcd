package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.domain.IpAddresses;

/**
 * The one table of addresses the internet does not reach: each range from its first to its last address, the
 * addresses just outside it, the reachable holes cut out of 192.0.0.0/24, and the forms an IPv4 address takes in IPv6.
 */
class SpecialAddressesTest {

    private static Optional<String> kind(String address) {
        return SpecialAddresses.kind(InetAddress.ofLiteral(address));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ' ', value = {
        "0.0.0.0 thisNetwork", "0.255.255.255 thisNetwork",
        "10.0.0.0 private", "10.255.255.255 private",
        "100.64.0.0 shared", "100.127.255.255 shared",
        "127.0.0.0 loopback", "127.255.255.255 loopback",
        "169.254.0.0 linkLocal", "169.254.255.255 linkLocal",
        "172.16.0.0 private", "172.31.255.255 private",
        "192.0.0.0 reserved", "192.0.0.8 reserved", "192.0.0.11 reserved", "192.0.0.255 reserved",
        "192.168.0.0 private", "192.168.255.255 private",
        "198.18.0.0 reserved", "198.19.255.255 reserved",
        "224.0.0.0 multicast", "239.255.255.255 multicast",
        "240.0.0.0 reserved", "255.255.255.255 reserved",
        ":: thisNetwork", "::1 loopback",
        "64:ff9b:1:: reserved", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff reserved",
        "100:: reserved", "100::ffff:ffff:ffff:ffff reserved",
        "2001:2:: reserved", "2001:2:0:ffff:ffff:ffff:ffff:ffff reserved",
        "fc00:: private", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff private",
        "fe80:: linkLocal", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff linkLocal",
        "fec0:: reserved", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff reserved",
        "ff00:: multicast", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff multicast"})
    void everyRangeHoldsItsFirstAndLastAddress(String address, String kind) {
        assertEquals(Optional.of("phrase.special." + kind), kind(address), address);
        assertTrue(SpecialAddresses.notPublic(InetAddress.ofLiteral(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0.0", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
        "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
        "191.255.255.255", "192.0.1.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
        "223.255.255.255", "::2", "64:ff9b:0:ffff:ffff:ffff:ffff:ffff", "64:ff9b:2::",
        "ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "100:0:0:1::", "2001:1:ffff:ffff:ffff:ffff:ffff:ffff", "2001:2:1::",
        "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe00::", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        // PCP and TURN anycast (RFC 7723, RFC 8155): IANA marks them globally reachable inside 192.0.0.0/24
        "192.0.0.9", "192.0.0.10",
        // documentation prefixes, which examples use for public addresses
        "192.0.2.1", "198.51.100.1", "203.0.113.1", "2001:db8::1", "3fff::1",
        "8.8.8.8", "2a00:1450:4010:c05::1a"})
    void theAddressesJustOutsideAreReachable(String address) {
        assertEquals(Optional.empty(), kind(address), address);
        assertFalse(SpecialAddresses.notPublic(InetAddress.ofLiteral(address)), address);
    }

    @Test
    void anIpv4MappedAddressIsJudgedAsTheIpv4AddressItMaps() {
        // Java (InetAddress.ofLiteral and getByAddress, so dnsjava's AAAARecord) and Guava hand it over as IPv4
        for (String[] mapped : new String[][] {{"::ffff:10.0.0.1", "private"}, {"::ffff:198.18.0.1", "reserved"},
                {"::ffff:240.0.0.1", "reserved"}, {"::ffff:127.0.0.1", "loopback"}}) {
            InetAddress a = InetAddress.ofLiteral(mapped[0]);
            assertInstanceOf(Inet4Address.class, a);
            assertEquals(Optional.of("phrase.special." + mapped[1]), SpecialAddresses.kind(a), mapped[0]);
            assertEquals(SpecialAddresses.kind(a), SpecialAddresses.kind(IpAddresses.parse(mapped[0]).orElseThrow()));
        }
        assertEquals(Optional.empty(), kind("::ffff:192.0.2.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::10.0.0.1", "::192.168.0.1", "64:ff9b::a00:1", "64:ff9b::c0a8:1", "2002:a00:1::1",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe"})
    void anIpv4AddressEmbeddedInAnIpv6OneStaysPublicAsBefore(String address) {
        // IPv4-compatible, the well-known NAT64 prefix (globally reachable per IANA), 6to4 and TEREDO: what the
        // internet routes is the IPv6 address, whatever IPv4 address it carries
        assertFalse(SpecialAddresses.notPublic(InetAddress.ofLiteral(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "198.18.0.1", "240.0.0.1", "192.0.0.8", "192.0.0.9", "100::1", "2001:2::1",
        "64:ff9b:1::1", "fec0::1", "fd00::25", "::ffff:10.0.0.1", "192.0.2.25", "2001:db8::25", "13.110.6.221"})
    void anAddressIsNotPublicExactlyWhenItHasASpecialKind(String text) {
        // moved from AddressRangesTest: the blocklist check asks kind, the MX and name-server checks notPublic
        var address = IpAddresses.parse(text).orElseThrow();
        assertEquals(SpecialAddresses.notPublic(address), SpecialAddresses.kind(address).isPresent(), text);
    }

    @Test
    void theNewRangesHaveTheirKind() {
        assertEquals(Optional.of("phrase.special.reserved"),
                SpecialAddresses.kind(IpAddresses.parse("198.18.0.1").orElseThrow()));
        assertEquals(Optional.of("phrase.special.reserved"),
                SpecialAddresses.kind(IpAddresses.parse("fec0::1").orElseThrow()));
        assertEquals(Optional.empty(), SpecialAddresses.kind(IpAddresses.parse("192.0.0.10").orElseThrow()));
    }
}
