package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code check} and {@code probe} accept as a domain, host or address, and how a refusal shows the value. */
class DomainArgumentsTest {

    @ParameterizedTest
    @CsvSource({
            "Example.TEST.,            example.test",
            "  example.test ,          example.test",
            "B\u00fccher.example,      xn--bcher-kva.example",
            "_dmarc.example.test,      _dmarc.example.test",
            "xn--bcher-kva.example,    xn--bcher-kva.example",
            // IDNA2008, as registries write it: not IDNA2003's fass.test, someone else's domain
            "Faß.test,            xn--fa-hia.test",
    })
    void domainsAreNormalised(String typed, String expected) {
        assertEquals(expected, DomainArguments.domain(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "a..b", "-a.test", "https://example.test/", "user@example.test", "@",
            "999.1.1.1", "192.0.2.1", "example.123", "a b.test", "exa\"mple.test"})
    void nonDomainsAreRefusedNamingTheValue(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainArguments.domain(typed));
        assertEquals("not a domain name: \"" + typed + "\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "EXAMPLE.test.,               example.test",
            "jane.doe@B\u00fccher.example, xn--bcher-kva.example",
            "[MX.example.test.],          [mx.example.test]",
            "[192.0.2.1],                 [192.0.2.1]",
            "[IPv6:2001:db8::1],          [2001:db8::1]",
            "2001:db8::1,                 2001:db8::1",
            "192.0.2.1,                   192.0.2.1",
    })
    void probeTargetsAreNormalised(String typed, String expected) {
        assertEquals(expected, DomainArguments.probeTarget(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "@", "@example.test", "user@", "https://example.test/", "999.1.1.1",
            "a..b", "[IPv6:192.0.2.1]", "[a..b]", "example.test:25", "mx.example.test/25", "[::1"})
    void unusableProbeTargetsAreRefused(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DomainArguments.probeTarget(typed));
        assertEquals("not a domain, [host] or IP address: \"" + typed + "\"", e.getMessage());
    }

    @Test
    void controlCharactersInARefusedValueAreEscaped() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> DomainArguments.probeTarget("x\u001b[31m\u202e.test")).getMessage();
        assertEquals("not a domain, [host] or IP address: \"x\\x1b[31m\\u202e.test\"", message);
        assertFalse(message.chars().anyMatch(c -> c == 0x1b || c == 0x202e));
        assertTrue(DomainArguments.shown("\ud83d\ude00").contains("\ud83d\ude00"), "emoji stay");
    }

    @ParameterizedTest
    @CsvSource({
            "Probe.Example.TEST,       probe.example.test",
            "pr\u00fcfer.example,      xn--prfer-lva.example",
            "[192.0.2.1],              [192.0.2.1]",
            "[IPv6:2001:db8::1],       [IPv6:2001:db8::1]",
            "localhost,                localhost",
    })
    void heloNamesAreAsciiDomainsOrAddressLiterals(String typed, String expected) {
        assertEquals(expected, DomainArguments.heloName(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad name", "192.0.2.1", "[2001:db8::1]", "[IPv6:192.0.2.1]", "[x]", "a<b"})
    void otherHeloNamesAreRefused(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DomainArguments.heloName(typed));
        assertTrue(e.getMessage().startsWith("--helo is not a domain name or an address literal"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\"" + typed + "\""), e.getMessage());
    }

    @Test
    void rcptDomainsAreSentInAsciiAndNonAsciiLocalPartsAreRefused() {
        assertEquals("jane@xn--bcher-kva.example", DomainArguments.mailbox("jane@B\u00fccher.example"));
        assertEquals("\"a b\"@example.test".replace(" ", ""), DomainArguments.mailbox("\"ab\"@example.test"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DomainArguments.mailbox("j\u00f6e@example.test"))
                .getMessage().contains("SMTPUTF8"));
        for (String bad : new String[] {"nobody", "@example.test", "a@", "a@b..c", "a@b>\r\nDATA"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> DomainArguments.mailbox(bad))
                    .getMessage().startsWith("--rcpt is not an address"), bad);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "postmaster@Example.TEST.,  example.test",
            "example.test,              example.test",
            "a@b@B\u00fccher.example,   xn--bcher-kva.example",
    })
    void checkTakesTheDomainOfAWholeAddress(String typed, String expected) {
        assertEquals(expected, DomainArguments.checkTarget(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.test", "user@", "user@a..b", "@"})
    void checkRefusesAddressesWithoutAUsableDomain(String typed) {
        assertEquals("not a domain name: \"" + typed + "\"",
                assertThrows(IllegalArgumentException.class, () -> DomainArguments.checkTarget(typed)).getMessage());
    }
}
