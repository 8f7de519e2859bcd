package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin@acme.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
        "\"john doe\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "jörg@bücher.example",
        "x@xn--bcher-kva.example", "a@b-c.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com"})
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
