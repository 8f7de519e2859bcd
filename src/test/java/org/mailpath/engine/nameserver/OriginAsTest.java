package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Team Cymru's IP-to-ASN answers read ({@link OriginAs}): what counts as an origin, and what is no fact at all. */
class OriginAsTest {

    private static final InetAddress V4 = InetAddresses.forString("104.16.132.229");
    private static final InetAddress V6 = InetAddresses.forString("2606:4700::6810:84e5");

    @Test
    void questionNamesAreReversedOctetsAndNibbles() {
        assertEquals("229.132.16.104.origin.asn.cymru.com", OriginAs.question(V4, OriginAs.CYMRU_ZONE));
        assertEquals("5.e.4.8.0.1.8.6.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.7.4.6.0.6.2.origin6.asn.cymru.com",
                OriginAs.question(V6, OriginAs.CYMRU_ZONE));
        assertEquals("229.132.16.104.origin.asn.test", OriginAs.question(V4, "asn.test"));
    }

    @Test
    void oneOrigin() {
        assertEquals(Optional.of(new OriginAs(List.of(13335L), "104.16.0.0/12")),
                OriginAs.read(V4, List.of("13335 | 104.16.0.0/12 | US | arin | 2014-03-28")));
    }

    @Test
    void aPrefixWithSeveralOriginsNamesThemAll() {
        OriginAs origin = OriginAs.read(V4, List.of("209242 13335 | 104.16.0.0/12 | US | arin | 2014-03-28"))
                .orElseThrow();
        assertEquals(List.of(13335L, 209242L), origin.asns());
        assertEquals("AS13335 AS209242", origin.label());
    }

    @Test
    void ipv6() {
        assertEquals(Optional.of(new OriginAs(List.of(13335L), "2606:4700::/32")),
                OriginAs.read(V6, List.of("13335 | 2606:4700::/32 | US | arin | 2014-11-25")));
    }

    @Test
    void theLongestPrefixCounts() {
        // a covering prefix announced by a transit network says less than the specific one
        assertEquals(Optional.of(new OriginAs(List.of(13335L), "104.16.128.0/20")), OriginAs.read(V4, List.of(
                "3356 | 104.0.0.0/10 | US | arin | 2014-03-28",
                "13335 | 104.16.128.0/20 | US | arin | 2014-03-28")));
    }

    @Test
    void malformedTextIsNoOrigin() {
        for (String text : List.of("", "13335", "13335 104.16.0.0/12", "AS13335 | 104.16.0.0/12 | US",
                " | 104.16.0.0/12 | US", "0 | 104.16.0.0/12 | US", "4294967296 | 104.16.0.0/12 | US",
                "13335 | 104.16.0.0 | US", "13335 | 104.16.0.0/33 | US", "13335 | not.an.ip/12 | US",
                "13335 | 104.16.0.0/x | US", "13335,209242 | 104.16.0.0/12 | US")) {
            assertTrue(OriginAs.read(V4, List.of(text)).isEmpty(), text);
        }
    }

    @Test
    void oneMalformedTextSpoilsTheAnswer() {
        // which prefix is the longest cannot be known
        assertTrue(OriginAs.read(V4, List.of("13335 | 104.16.0.0/12 | US | arin | 2014-03-28", "garbage"))
                .isEmpty());
    }

    @Test
    void aPrefixThatDoesNotCoverTheAddressIsNoOrigin() {
        assertTrue(OriginAs.read(V4, List.of("13335 | 192.0.2.0/24 | US | arin | 2014-03-28")).isEmpty());
        assertTrue(OriginAs.read(V6, List.of("13335 | 104.16.0.0/12 | US | arin | 2014-03-28")).isEmpty());
    }

    @Test
    void noTextIsNoOrigin() {
        assertTrue(OriginAs.read(V4, List.of()).isEmpty());
    }

    @Test
    void theLargestFourOctetAsNumberIsOne() {
        assertEquals(List.of(4294967295L), OriginAs.read(V4, List.of("4294967295 | 104.16.0.0/12 | ZZ"))
                .orElseThrow().asns());
    }
}
