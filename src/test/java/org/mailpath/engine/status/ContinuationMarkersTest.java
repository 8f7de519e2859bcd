package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContinuationMarkersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Gmail: code, hyphen and enhanced code on every line but the last (whose marker has no hyphen and stays)
        "450-4.2.1 The user is receiving mail at a rate that 450-4.2.1 prevents additional messages. For more 450-4.2.1"
                + "  information, go to 450 4.2.1  https://support.google.com/mail/?p=ReceivingRate - gsmtp"
                + " | 450-4.2.1 The user is receiving mail at a rate that prevents additional messages. For more"
                + " information, go to 450 4.2.1  https://support.google.com/mail/?p=ReceivingRate - gsmtp",
        // Exim: code and hyphen only; the reply quoted after Response: keeps its code
        "550-Verification failed for <b@x.bnc.salesforce.com> 550-Called:   192.0.2.1 550-Response: 550 5.1.1 mailbox"
                + " unavailable 550 Sender verify failed"
                + " | 550-Verification failed for <b@x.bnc.salesforce.com> Called:   192.0.2.1 Response: 550 5.1.1"
                + " mailbox unavailable 550 Sender verify failed",
        "smtp; 421-4.7.0 Try again later, closing 421-4.7.0 connection. | smtp; 421-4.7.0 Try again later, closing"
                + " connection."})
    void continuationMarkersAreRemoved(String joined, String read) {
        assertEquals(read, ContinuationMarkers.removed(joined));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a one-line reply has no continuation lines, whatever it quotes
        "450 4.1.1 <a@b.example>: Recipient address rejected: unverified address: host mx[192.0.2.1] said: 450-4.1.1 no",
        // another reply's code quoted in a sentence, or a marker-like text glued to a word, is no marker
        "550-5.7.1 Refused: host mx[192.0.2.1] said: 550-5.1.1 user unknown",
        "550-Verification failed: host said 550-5.1.1 user unknown",
        "550-5.7.1 see https://example.com/x550-5.7.1 and 550-5.7.10 for more",
        "250 2.0.0 OK 250-2.0.0 quoted",
        "not a reply 550- at all"})
    void markerLikeTextInsideASentenceIsKept(String text) {
        assertEquals(text, ContinuationMarkers.removed(text));
    }
}
