package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * A chain record made from the compact form unpacks its events when asked for, and then reads exactly like a chain
 * made with a plain list of the same events.
 */
class ChainEventListTest {

    private static final String ID = "<1.JavaMail.sfdc@na1.example>";

    private static LogRow row(long line, String time, MailEvent event, String status, String cipher) {
        return new LogRow(line, Instant.parse(time), event, "16/A4-1", "Someone@Example.org", "sender@acme.example",
                "10.0.0.1", 1200, "0055g00000ABCDE", ID, event == MailEvent.RECEIVED ? 0 : 1, 60, "during RCPT TO",
                "192.0.2.10", "mx.example.org", status, cipher, cipher.isEmpty() ? "" : "Verified");
    }

    /** R, T, D rows given out of time order, judged: the events read back sorted. */
    private static MessageChain judgedChain() {
        ChainPart part = new ChainPart(new ChainTextCache(new ChainTexts()), 0, RelayHosts.none());
        part.accept(row(4, "2026-11-10T10:05:00Z", MailEvent.DELIVERED, "250 2.0.0 OK queued", "TLSv1.3"));
        part.accept(row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, "", ""));
        part.accept(row(3, "2026-11-10T10:01:00Z", MailEvent.TRANSIENT_FAILURE,
                "451 4.7.1 <Someone@Example.org>: Greylisted", ""));
        ChainBuilder[] chains = part.finish();
        new EmailLogAnalyzer(StatusKnowledgeBase.standard(), LogLimits.DEFAULT).judgeAll(chains, Optional.empty(),
                Cancellation.none());
        return chains[0].toMessageChain();
    }

    @Test
    void eventsReadLikeAPlainListOfTheSameEvents() {
        MessageChain lazy = judgedChain();
        assertEquals(3, lazy.events().size());
        assertEquals("RTD", lazy.eventLetters(), "letters come straight from the compact form");

        List<ChainEvent> copied = new ArrayList<>(lazy.events());
        assertEquals(List.of(2L, 3L, 4L), copied.stream().map(ChainEvent::line).toList());
        assertEquals("451 4.7.1 <Someone@Example.org>: Greylisted", copied.get(1).status());
        assertEquals(Instant.parse("2026-11-10T10:05:00Z"), copied.get(2).time());
        assertEquals("mx.example.org", copied.get(2).relayHost());
        assertEquals("TLSv1.3", copied.get(2).tlsCipher());

        MessageChain plain = TestChains.chain(lazy.messageIdHeader(), lazy.internalMessageId(), lazy.recipient(),
                lazy.sender(), lazy.userId(), copied, lazy.verdict(), lazy.retries(), lazy.status(),
                lazy.diagnosis(), lazy.addressProblem());
        assertEquals(plain, lazy);
        assertEquals(plain.hashCode(), lazy.hashCode());
        assertEquals(plain.eventLetters(), lazy.eventLetters());
        assertEquals(ID, lazy.messageIdHeader());
        assertEquals("Someone@Example.org", lazy.recipient());
        assertEquals(Verdict.DELIVERED, lazy.verdict());
        assertEquals("250 2.0.0 OK queued", lazy.status());
    }

    @Test
    void anEventIsMadeOnceAndTheListCannotBeChanged() {
        MessageChain chain = judgedChain();
        assertSame(chain.events().get(1), chain.events().get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> chain.events().get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> chain.events().get(-1));
        assertThrows(UnsupportedOperationException.class, () -> chain.events().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> chain.events().add(chain.events().getFirst()));
    }

    @Test
    void threadsReadingOneChainSeeTheSameEvents() throws InterruptedException {
        MessageChain chain = judgedChain();
        List<ChainEvent> expected = List.copyOf(judgedChain().events());
        ConcurrentLinkedQueue<List<ChainEvent>> seen = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> seen.add(List.copyOf(chain.events()))));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4, seen.size());
        seen.forEach(events -> assertEquals(expected, events));
    }
}
