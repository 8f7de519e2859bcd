package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.common.TabbedResource;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.SpecialAddresses;
import org.mailpath.engine.domain.IpAddresses;

/** The blocklist check's special-purpose addresses are the table the MX and name-server checks ask, with its words. */
class AddressRangesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "198.18.0.1", "240.0.0.1", "192.0.0.8", "192.0.0.9", "100::1", "2001:2::1",
        "64:ff9b:1::1", "fec0::1", "fd00::25", "::ffff:10.0.0.1", "192.0.2.25", "2001:db8::25", "13.110.6.221"})
    void theBlocklistCheckAndTheMxCheckAgreeOnEveryAddress(String text) {
        var address = IpAddresses.parse(text).orElseThrow();
        assertEquals(SpecialAddresses.kind(address), AddressRanges.specialPurpose(address), text);
        assertEquals(Addresses.notPublic(address), AddressRanges.specialPurpose(address).isPresent(), text);
    }

    @Test
    void theNewRangesHaveTheirKind() {
        assertEquals(Optional.of("phrase.special.reserved"),
                AddressRanges.specialPurpose(IpAddresses.parse("198.18.0.1").orElseThrow()));
        assertEquals(Optional.of("phrase.special.reserved"),
                AddressRanges.specialPurpose(IpAddresses.parse("fec0::1").orElseThrow()));
        assertEquals(Optional.empty(), AddressRanges.specialPurpose(IpAddresses.parse("192.0.0.10").orElseThrow()));
    }

    @Test
    void everyKindOfTheTableIsWordedInEnglishAndSwedish() throws IOException {
        Set<String> kinds = new TreeSet<>();
        TabbedResource.rows("/org/mailpath/engine/dns/special-addresses.txt", 2).stream().map(r -> r[1].strip())
                .filter(k -> !k.equals("-")).forEach(kinds::add);
        assertTrue(kinds.contains("phrase.special.reserved"), kinds.toString());
        for (String bundle : new String[] {"findings.properties", "findings_sv.properties"}) {
            Properties p = new Properties();
            try (InputStream in = AddressRangesTest.class.getResourceAsStream(bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String kind : kinds) {
                assertFalse(p.getProperty(kind, "").isBlank(), bundle + " " + kind);
            }
        }
    }
}
