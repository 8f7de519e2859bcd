package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin@acme.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
        "\"john doe\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "jörg@bücher.example",
        "x@xn--bcher-kva.example", "a@b-c.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com",
        "user@bücher.example", "user@XN--BCHER-KVA.example", "user@BÜCHER.example", "user@xn--4ca0bs.example",
        "user@xn--strae-oqa.example", "user@stra\u00dfe.example",
        "user@例え.テスト", "user@пример.рф"})
    void validMailboxes(String address) {
        assertEquals(Optional.empty(), MailboxSyntax.problem(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plainaddress", "@example.com", "user@", "jane doe@example.com", "a..b@example.com",
        ".a@example.com", "a.@example.com", "a@example..com", "a@-example.com", "a@example-.com", "a@localhost",
        "a@exa_mple.com", "a@123.456", "a@[300.1.1.1]", "a@[1.2.3", " a@example.com", "a(b)@example.com",
        "a@example.c om"})
    void invalidMailboxes(String address) {
        assertTrue(MailboxSyntax.problem(address).isPresent(), address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user@contoso.example. | ends with a dot",
        "user@bücher.example. | ends with a dot",
        "user@xn--zz.example | label 'xn--zz', which is not a valid internationalised name",
        "user@xn--a.example | (U+0080), which internationalised domain names do not allow",
        "user@☃.example | contains '☃' (U+2603), which internationalised domain names do not allow",
        "user@xn--n3h.example | contains '☃' (U+2603)",
        "user@💩.example | contains '💩' (U+1F4A9)",
        "user@\u0301x.example | starts with a combining mark",
    })
    void invalidDomainsSayWhy(String address, String why) {
        String problem = MailboxSyntax.problem(address).orElseThrow(() -> new AssertionError(address + " accepted"));
        assertTrue(problem.contains(why), address + ": " + problem);
    }

    @org.junit.jupiter.api.Test
    void lengthLimits() {
        String local64 = "a".repeat(64);
        assertEquals(Optional.empty(), MailboxSyntax.problem(local64 + "@example.com"));
        assertTrue(MailboxSyntax.problem("a" + local64 + "@example.com").orElseThrow().contains("at most 64"));
        String label = "b".repeat(63);
        String longDomain = label + "." + label + "." + label + ".com"; // 195 chars
        String local58 = "a".repeat(58);
        assertEquals(Optional.empty(), MailboxSyntax.problem(local58 + "@" + longDomain)); // 254
        assertTrue(MailboxSyntax.problem(local58 + "a@" + longDomain).orElseThrow().contains("at most 254")); // 255
        assertTrue(MailboxSyntax.problem("a@" + "c".repeat(64) + ".com").orElseThrow().contains("63"));
    }
}
