package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Look-alike labels (UTS #39 "highly restrictive") are shown with their ASCII form. */
class MixedScriptsTest {

    @Test
    void aLatinLabelWithCyrillicLettersMixesScripts() {
        assertEquals(Optional.of("раypal"), MixedScripts.label("раypal.com"));
        assertEquals(Optional.of("раypal"), MixedScripts.label("xn--ypal-43d9g.com"));
        assertEquals("раypal.com (xn--ypal-43d9g.com)", MixedScripts.shown("раypal.com"));
        assertEquals("раypal.com (xn--ypal-43d9g.com)", MixedScripts.shown("xn--ypal-43d9g.com"));
        assertEquals("user@раypal.com (xn--ypal-43d9g.com)", MixedScripts.shownAddress("user@раypal.com"));
        assertEquals("user@раypal.com (xn--ypal-43d9g.com)", MixedScripts.shownAddress("user@xn--ypal-43d9g.com"),
                "an A-label written in ASCII is the same look-alike");
        assertEquals("user@xn--bcher-kva.de", MixedScripts.shownAddress("user@xn--bcher-kva.de"));
        assertEquals("xn--ypal-43d9g@paypal.com", MixedScripts.shownAddress("xn--ypal-43d9g@paypal.com"));
    }

    @Test
    void anInternationalisedDomainIsDecodedOnceAndItsAnswerKept() {
        Optional<String> first = MixedScripts.label("xn--ypal-43d9g.org");
        assertEquals(Optional.of("раypal"), first);
        assertSame(first, MixedScripts.label("xn--ypal-43d9g.org"), "asked for every chain: kept, not decoded again");
    }

    @Test
    void everyAddressOfTheMessageTableIsShownAsItsDomainIs() {
        // moved from the message table's own cache (ShownAddressesTest): the table now asks shownAddress itself
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("anna@example.com", "anna@example.com");
        shown.put("d@раypal.com", "d@раypal.com (xn--ypal-43d9g.com)");
        shown.put("f@xn--ypal-43d9g.com", "f@раypal.com (xn--ypal-43d9g.com)");
        shown.put("g@XN--ypal-43d9g.com", "g@XN--ypal-43d9g.com (xn--ypal-43d9g.com)");
        shown.put("h@bücher.de", "h@bücher.de");
        shown.put("i@xn--bcher-kva.de", "i@xn--bcher-kva.de");
        shown.put("no-at-sign", "no-at-sign");
        shown.put("j@sub.xn--ypal-43d9g.com", "j@sub.раypal.com (sub.xn--ypal-43d9g.com)");
        shown.put("k@axn--b.com", "k@axn--b.com");
        shown.put("l@例え.jp", "l@例え.jp");
        shown.put("m@раypal.com.", "m@раypal.com. (xn--ypal-43d9g.com)");
        for (int pass = 0; pass < 2; pass++) { // the second pass reads what the first kept
            shown.forEach((address, expected) -> assertEquals(expected, MixedScripts.shownAddress(address), address));
        }
    }

    @Test
    void aPlainAddressIsReturnedAsItIs() {
        String plain = "anna@example.com";
        assertSame(plain, MixedScripts.shownAddress(plain));
    }

    @Test
    void aLookAlikeIsWorkedOutOnceAndItsShownFormKept() {
        String first = MixedScripts.shown("раypal.net");
        assertEquals("раypal.net (xn--ypal-43d9g.net)", first);
        assertSame(first, MixedScripts.shown("раypal.net"), "asked for every chain's recipient: kept, not made again");
        assertSame(first, MixedScripts.shown("раypal.net"));
    }

    @Test
    void theAsciiFormBesideALookAlikeIsItsLookupName() {
        assertEquals(Optional.of("xn--ypal-43d9g.com"), MixedScripts.asciiBeside("раypal.com"));
        assertEquals(Optional.of("xn--ypal-43d9g.com"), MixedScripts.asciiBeside("XN--ypal-43d9g.com."));
        assertEquals(Optional.empty(), MixedScripts.asciiBeside("bücher.de"));
        assertEquals(Optional.empty(), MixedScripts.asciiBeside("paypal.com"));
    }

    @Test
    void singleScriptsAndTheAllowedCjkMixturesDoNot() {
        for (String d : new String[] {"paypal.com", "bücher.de", "例え.jp", "ひらがなカタカナ漢字abc.jp", "пример.рф",
                "مثال.إختبار", "דוגמה.טעסט", "한국어漢字.kr", "xn--zz.example", "1-2.example"}) {
            assertEquals(Optional.empty(), MixedScripts.label(d), d);
            assertEquals(d, MixedScripts.shown(d), d);
        }
        assertTrue(MixedScripts.mixes("pαypal"), "Latin with Greek");
        assertFalse(MixedScripts.mixes("ab1-2"));
    }
}
