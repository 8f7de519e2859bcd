package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.log.MailEvent;

/**
 * {@link LifeOrder#orderPair}, the cheap path for a second of two events of one file not in time order, gives
 * exactly what {@link LifeOrder#mergeSecond} gives, for every event before the second, kind of either row, and
 * whether the rows are copies of each other.
 */
class LifeOrderPairTest {

    private static final String ID = "<1.2.JavaMail.sfdc@na1-app1.ops.sfdc.net>";
    private static final Instant SECOND = Instant.parse("2026-11-10T10:00:07Z");

    /** A kind of row: its event and whether a D is an internal hand-off (TLS_Cipher None). */
    private record Kind(MailEvent event, boolean handoff) {
    }

    private static final List<Kind> KINDS = List.of(new Kind(MailEvent.RECEIVED, false),
            new Kind(MailEvent.TRANSIENT_FAILURE, false), new Kind(MailEvent.DELIVERED, false),
            new Kind(MailEvent.DELIVERED, true), new Kind(MailEvent.PERMANENT_FAILURE, false));

    private static LogRow row(long line, Instant time, Kind k, long bytes) {
        String cipher = k.handoff() ? "None" : k.event() == MailEvent.DELIVERED ? "TLSv1.3" : "";
        String status = k.event() == MailEvent.RECEIVED ? "" : "250 2.0.0 Ok";
        return new LogRow(line, time, k.event(), "16/A4-1", "a@x.example", "sender@acme.example", "10.0.0.1",
                bytes, "0055g00000ABCDE", ID, 0, 0, "during RCPT TO", "192.0.2.10", "mx.example.com", status,
                cipher, cipher.isEmpty() ? "" : "Verified");
    }

    /** The chain's events as added (not sorted), of file 0, which is not in time order. */
    private static ChainEvents events(List<LogRow> rows) {
        ChainTexts texts = new ChainTexts();
        texts.noteNotInTimeOrder(0);
        ChainTextCache cache = new ChainTextCache(texts);
        RelaySightings sightings = new RelaySightings(RelayHosts.none());
        ChainBuilder c = null;
        for (LogRow r : rows) {
            byte[] key = ChainKeyBytes.encode(r, cache);
            c = c == null ? new ChainBuilder(key, r, texts) : c;
            String reply = ReplyMarkers.toStore(r, c);
            c.add(r, 0, cache.eventTextId(r, sightings), reply, cache.sharedReplyId(reply), cache.scratch());
        }
        return c.events();
    }

    @Test
    void thePairIsOrderedAsTheMergeOrdersIt() {
        List<Optional<Kind>> befores = new ArrayList<>();
        befores.add(Optional.empty());
        KINDS.forEach(k -> befores.add(Optional.of(k)));
        int swapped = 0;
        int cases = 0;
        for (Optional<Kind> before : befores) {
            for (Kind first : KINDS) {
                for (Kind second : KINDS) {
                    for (boolean copies : List.of(false, true)) {
                        List<LogRow> rows = new ArrayList<>();
                        before.ifPresent(b -> rows.add(row(1, SECOND.minusSeconds(60), b, 5)));
                        rows.add(row(2, SECOND, first, 100));
                        rows.add(row(3, SECOND, second, copies ? 100 : 200));
                        ChainEvents merged = events(rows);
                        ChainEvents paired = events(rows);
                        ChainEvents applied = events(rows);
                        int from = before.isPresent() ? 1 : 0;
                        String what = before + " " + first + " " + second + " copies " + copies;
                        assertArrayEquals(merged.numbers, paired.numbers, "built alike: " + what);
                        assertEquals(copies && first.equals(second), merged.sameRow(from, from + 1), what);
                        boolean mergeMoved = LifeOrder.mergeSecond(merged, from, from + 2);
                        assertEquals(mergeMoved, LifeOrder.orderPair(paired, from), what);
                        assertArrayEquals(merged.numbers, paired.numbers, what);
                        assertEquals(mergeMoved, LifeOrder.apply(applied), what);
                        assertArrayEquals(merged.numbers, applied.numbers, what);
                        swapped += mergeMoved ? 1 : 0;
                        cases++;
                    }
                }
            }
        }
        assertEquals(6 * 5 * 5 * 2, cases);
        // the table is not all one answer: both orders occur
        assertTrue(swapped > 0 && swapped < cases, "swapped " + swapped);
    }
}
