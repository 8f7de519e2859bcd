package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two questions a failed attempt's row answers of the recipient's servers: tried, and replied. */
class TheirServerContactTest {

    @Test
    void aNamedServerWithSalesforcesOwnStatusWasTriedButDidNotReply() {
        String tls = "451 4.7.5 [internal] TLS negotiation failed";
        assertTrue(TheirServerContact.attempted("mx.litware.example", "", tls));
        assertTrue(TheirServerContact.attempted("", "192.0.2.150", tls));
        assertFalse(TheirServerContact.replied(tls));
        assertTrue(TheirServerContact.salesforcesOwn(tls));
    }

    @Test
    void noServerNamedAndSalesforcesOwnStatusIsNeitherTriedNorReplied() {
        String lookup = "554 5.4.4 [internal] Domain Lookup Failed";
        assertFalse(TheirServerContact.attempted("", " ", lookup));
        assertFalse(TheirServerContact.replied(lookup));
    }

    @Test
    void aServersOwnReplyIsTriedAndRepliedWhetherOrNotTheLogNamesTheServer() {
        String unknown = "550 5.1.1 User unknown";
        assertTrue(TheirServerContact.replied(unknown));
        assertTrue(TheirServerContact.attempted("", "", unknown));
        assertTrue(TheirServerContact.attempted("mx.contoso.example", "192.0.2.10", unknown));
        assertFalse(TheirServerContact.salesforcesOwn(unknown));
    }

    @Test
    void anEmptyStatusIsNoReply() {
        assertFalse(TheirServerContact.replied(""));
        assertFalse(TheirServerContact.attempted("", "", "  "));
        assertTrue(TheirServerContact.attempted("mx.contoso.example", "", ""));
    }
}
