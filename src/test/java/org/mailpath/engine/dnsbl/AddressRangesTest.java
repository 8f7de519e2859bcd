package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.TabbedResource;

/** Every special-purpose kind of the table (SpecialAddresses), which the blocklist check names, has its words. */
class AddressRangesTest {

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
