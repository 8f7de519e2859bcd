package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameSyntaxTest {

    @ParameterizedTest
    @CsvSource({
        "' Example.COM. ', example.com",
        "faß.de, xn--fa-hia.de",
        "bücher.example, xn--bcher-kva.example",
        "_dmarc.example.com, _dmarc.example.com",
        "s1._domainkey.example.com, s1._domainkey.example.com",
        "com, com",
        "3com.com, 3com.com",
    })
    void namesInTheFormDnsIsAskedFor(String typed, String expected) {
        assertEquals(Optional.of(expected), DomainNameSyntax.normalize(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "1.2.3.4", "::1", "2001:db8::1", "example.123", "a..b", "-a.com", "a-.com",
        "exa mple.com", "example.com..", "x@example.com", "http://example.com/", "[example.com]"})
    void notDomainNames(String typed) {
        assertEquals(Optional.empty(), DomainNameSyntax.normalize(typed));
    }

    /**
     * IDNA2008 (RFC 5891 §5.4, RFC 5892 Appendix A.2): an xn-- label that is no Punycode and a joiner (U+200D) outside
     * its context (after a virama) are no names; typed, they were taken as they came (the joiner an invisible
     * difference from the name it looks like).
     */
    @ParameterizedTest
    @ValueSource(strings = {"xn--zz.com", "xn--.com", "xn--abc-.example", "exa\u200Dmple.com", "\u200Dexample.com",
        "bu\u200Ccher.example"})
    void invalidIdnaIsNoName(String typed) {
        assertEquals(Optional.empty(), DomainNameSyntax.normalize(unescaped(typed)), typed);
    }

    @org.junit.jupiter.api.Test
    void aJoinerWhereIdnaAllowsItAndValidALabelsStay() {
        // Devanagari KA, VIRAMA, ZWJ, SSA: the joiner's context (RFC 5892 A.2)
        assertEquals(true, DomainNameSyntax.normalize("\u0915\u094D\u200D\u0937.example".translateEscapes())
                .isPresent());
        assertEquals(Optional.of("xn--bcher-kva.example"), DomainNameSyntax.normalize("xn--bcher-kva.example"));
    }

    private static String unescaped(String s) {
        return s.translateEscapes();
    }

    @org.junit.jupiter.api.Test
    void labelAndNameLengths() {
        assertEquals(Optional.empty(), DomainNameSyntax.normalize("a".repeat(64) + ".com"));
        assertEquals(Optional.of("a".repeat(63) + ".com"), DomainNameSyntax.normalize("a".repeat(63) + ".com"));
        String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61); // 3 × 64 + 61 = 253
        assertEquals(Optional.of(longest), DomainNameSyntax.normalize(longest));
        assertEquals(Optional.of(longest), DomainNameSyntax.normalize(longest + "."), "the root dot is not counted");
        assertEquals(Optional.empty(), DomainNameSyntax.normalize(longest + "a")); // 254
    }
}
