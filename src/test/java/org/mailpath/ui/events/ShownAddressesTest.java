package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.address.MixedScripts;

/** The message table's addresses, each domain worked out once per build, read as MixedScripts shows them. */
class ShownAddressesTest {

    @Test
    void everyAddressIsShownAsMixedScriptsShowsIt() {
        List<String> addresses = List.of("anna@example.com", "d@раypal.com", "e@раypal.com", "f@xn--ypal-43d9g.com",
                "g@XN--ypal-43d9g.com", "h@bücher.de", "i@xn--bcher-kva.de", "no-at-sign", "j@sub.xn--ypal-43d9g.com",
                "k@axn--b.com", "l@例え.jp", "m@раypal.com.", "anna@example.com", "d@раypal.com");
        ShownAddresses shown = new ShownAddresses();
        for (String a : addresses) {
            assertEquals(MixedScripts.shownAddress(a), shown.of(a), a);
        }
    }

    @Test
    void aPlainAddressIsReturnedAsItIs() {
        String plain = "anna@example.com";
        assertSame(plain, new ShownAddresses().of(plain));
    }
}
