package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.IDN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdnaNamesTest {

    @ParameterizedTest
    @CsvSource({
        // the deviation characters: IDNA2008's form, not IDNA2003's fass.de / straße → strasse
        "faß.de, xn--fa-hia.de",
        "Straße.example, xn--strae-oqa.example",
        "ΣΑΣ.ς.example, xn--mxa9ab.xn--3xa.example",
        // every other label as the JDK converts it
        "bücher.example, xn--bcher-kva.example",
        "example.com, example.com",
        "münchen。faß.de, xn--mnchen-3ya.xn--fa-hia.de",
    })
    void namesAreWrittenAsIdna2008RegistriesWriteThem(String name, String ascii) {
        assertEquals(ascii, IdnaNames.toAscii(name));
    }

    @Test
    void aCharacterThatIdna2003TurnsIntoADotIsNoNameForLookupsOrTypedDomainsEither() {
        // IDNA2003 maps ⒈ (U+2488) to "1.": b⒈com.example would be asked as b1.com.example, another name
        assertThrows(IllegalArgumentException.class, () -> IdnaNames.toAscii("b\u2488com.example"));
        assertEquals("b\u2488com.example", IdnaNames.lookupName("B\u2488com.example"), "left as it is: unusable");
        assertEquals(java.util.Optional.empty(), DomainNameSyntax.normalize("b\u2488com.example"));
        // the other full stops IDNA2003 knows separate labels as written, so they are no extra label
        assertEquals("xn--bcher-kva.example", IdnaNames.toAscii("b\u00fccher\u3002example"));
    }

    @Test
    void namesWithoutDeviationCharactersAreExactlyTheJdksConversion() {
        for (String name : new String[] {"bücher.example", "EXAMPLE.com", "例え.テスト", "☃.example", "a.b.c"}) {
            assertEquals(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED), IdnaNames.toAscii(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> IdnaNames.toAscii("ß" + "x".repeat(70) + ".de"));
    }

    @Test
    void aDeviationLabelMayBeSixtyThreeCharactersInAscii() {
        // Punycode by another implementation (Python's codec): "ß" + 55 × "x" is 63 characters with "xn--"
        assertEquals("xn--" + "x".repeat(55) + "-9le.de", IdnaNames.toAscii("ß" + "x".repeat(55) + ".de"));
        assertThrows(IllegalArgumentException.class, () -> IdnaNames.toAscii("ß" + "x".repeat(56) + ".de"));
    }

    @Test
    void lookupNamesAreTrimmedLowerCaseWithoutTrailingDotsInAscii() {
        assertEquals("xn--fa-hia.de", IdnaNames.lookupName("  FAß.DE.. "));
        assertEquals("xn--bcher-kva.example", IdnaNames.lookupName("Bücher.Example."));
        assertEquals("a..b.example", IdnaNames.lookupName("A..B.example"), "not convertible: as it is, lower case");
    }

    @Test
    void aPlainLowerCaseAsciiNameIsItsOwnLookupNameEvenWhereIdnaRefusesIt() {
        String longLabel = "x".repeat(64) + ".example";
        for (String d : new String[] {"example.com", "a..b.example", longLabel, "under_score.example", ""}) {
            assertEquals(d, IdnaNames.lookupName(d), d);
        }
        // a group name in Unicode, asked once per message, gives the same ASCII name every time
        assertEquals("xn--bcher-kva.de", IdnaNames.lookupName(IdnaNames.groupName("XN--BCHER-KVA.DE")));
        assertEquals("xn--bcher-kva.de", IdnaNames.lookupName("bücher.de"));
    }

    @Test
    void aLabelsAreDecodedBack() {
        assertEquals("faß.de", IdnaNames.toUnicode("xn--fa-hia.de"));
        assertEquals("bücher.example", IdnaNames.toUnicode("xn--bcher-kva.example"));
        assertEquals("xn--zz.example", IdnaNames.toUnicode("xn--zz.example"), "not Punycode: as it is");
    }

    @Test
    void groupNameIsOneUnicodeSpellingPerDomain() {
        for (String d : new String[] {"bücher.de", "xn--bcher-kva.de", "XN--BCHER-KVA.DE", "BÜCHER.DE", "bücher\uFF0Ede",
                "bücher\u3002de", "bücher.de."}) {
            assertEquals("bücher.de", IdnaNames.groupName(d), d);
        }
        assertEquals("faß.de", IdnaNames.groupName("xn--fa-hia.de"));
        assertEquals("fass.de", IdnaNames.groupName("fass.de"));
        assertEquals("xn--zz.example", IdnaNames.groupName("xn--zz.example"), "no IDN: as written");
        assertEquals("example.com", IdnaNames.groupName("example.com"));
        assertEquals("example.com", IdnaNames.groupName("Example.COM"));
        assertEquals("", IdnaNames.groupName(""));
    }

    @Test
    void withUnicodeShowsTheNameAsCheckDoes() {
        assertEquals("xn--r8jz45g.jp (例え.jp)", IdnaNames.withUnicode("xn--r8jz45g.jp"));
        assertEquals("example.com", IdnaNames.withUnicode("example.com"));
        assertEquals("xn--zz.example", IdnaNames.withUnicode("xn--zz.example"));
    }
}
