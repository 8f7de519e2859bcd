package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.log.ColumnMapping;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The packed chain form gives back exactly what went in: keys, texts, numbers and replies, sorted by time; a chain
 * judged before a later part added events to it is judged again.
 */
class ChainBuilderTest {

    private static LogRow row(long line, String time, MailEvent event, String messageId, String internalId,
                              String recipient, long bytes, int retry, long queue, String status, String cipher) {
        return new LogRow(line, Instant.parse(time), event, internalId, recipient, "sender@acme.example",
                "10.0.0.1", bytes, "0055g00000ABCDE", messageId, retry, queue, "during RCPT TO", "192.0.2.10",
                "mx.example.com", status, cipher, cipher.isEmpty() ? "" : "Verified");
    }

    /**
     * A part of the file with index {@code file}, with a text cache of its own in front of {@code texts}, as each
     * part read at once has ({@link ChainTextCaches}).
     */
    private static ChainPart part(ChainTexts texts, int file) {
        return new ChainPart(new ChainTextCache(texts), file, RelayHosts.none());
    }

    private static ChainBuilder chain(ChainTexts texts, List<LogRow> rows) {
        ChainBuilder c = null;
        ChainTextCache cache = new ChainTextCache(texts);
        RelaySightings sightings = new RelaySightings(RelayHosts.none());
        for (LogRow r : rows) {
            byte[] key = ChainKeyBytes.encode(r, cache);
            if (c == null) {
                c = new ChainBuilder(key, r, texts);
            } else {
                assertEquals(true, c.hasKey(key), "same chain key for every row of a message");
            }
            String reply = ReplyMarkers.toStore(r, c);
            c.add(r, 0, cache.eventTextId(r, sightings), reply, cache.sharedReplyId(reply), cache.scratch());
        }
        return c;
    }

    @Test
    void roundTripsKeyTextsNumbersAndRepliesInTimeOrder() {
        ChainTexts texts = new ChainTexts();
        String id = "<1.2.JavaMail.sfdc@na1-app1.ops.sfdc.net>";
        String reply = "451 4.7.1 <Ünïcode.User@Example.ORG>: Greylisted";
        ChainBuilder c = chain(texts, List.of(
                row(7, "2026-11-10T10:05:00Z", MailEvent.DELIVERED, id, "16/A4-1", "Ünïcode.User@Example.ORG",
                        3_000_000_000L, 2, 400, "250 2.0.0 OK", "TLSv1.3"),
                row(3, "2026-11-10T10:00:00Z", MailEvent.TRANSIENT_FAILURE, id, "16/A4-1",
                        "Ünïcode.User@Example.ORG", 0, 1, 0, reply, ""),
                row(5, "2026-11-10T10:00:00Z", MailEvent.TRANSIENT_FAILURE, id, "16/A4-1",
                        "Ünïcode.User@Example.ORG", 0, 1, 0, reply, "")));
        assertEquals(id + "\nünïcode.user@example.org", c.key());
        assertEquals("Ünïcode.User@Example.ORG", c.recipient());
        assertEquals("16/A4-1", c.internalMessageId());
        assertEquals(id, c.messageIdHeader());
        assertEquals("example.org", c.recipientDomain());
        ChainEvents ev = c.sortedEvents();
        assertEquals(List.of(3L, 5L, 7L), List.of(ev.line(0), ev.line(1), ev.line(2)));
        assertEquals(reply, ev.status(0));
        assertEquals(reply, ev.status(1));
        assertEquals("250 2.0.0 OK", ev.status(2));
        assertEquals(Integer.MAX_VALUE, ev.bytes(2), "bytes beyond an int are capped, as before");
        assertEquals(2, ev.retryCount(2));
        assertEquals(400, ev.secondsInQueue(2));
        assertEquals(MailEvent.DELIVERED, ev.event(2));
        assertEquals("TLSv1.3", ev.text(2).tlsCipher());
        assertEquals(Instant.parse("2026-11-10T10:05:00Z").getEpochSecond() - 946_684_800L, ev.time(2));
        assertEquals(ev.text(0), ev.text(1));
        assertSame(ev.text(1), ev.text(1), "event texts seen again are shared (kept once)");
    }

    @Test
    void theTimesOfTheEdgeRowsAreKeptAsWrittenAndNoRowLiesBeyondThem() {
        // the int of seconds since 2000 holds every time a row may have: none is moved to fit
        ChainBuilder c = chain(new ChainTexts(), List.of(
                row(2, "1932-01-01T00:00:00Z", MailEvent.RECEIVED, "m1@x", "1/A", "a@x.example", 1, 0, 0, "", ""),
                row(3, "2067-12-31T23:59:59Z", MailEvent.DELIVERED, "m1@x", "1/A", "a@x.example", 1, 0, 0, "250",
                        "")));
        ChainEvents ev = c.sortedEvents();
        assertEquals(LogRow.EARLIEST.getEpochSecond() - 946_684_800L, ev.time(0));
        assertEquals(LogRow.LATEST.getEpochSecond() - 946_684_800L, ev.time(1));
        for (String far : List.of("2099-11-16T08:00:00Z", "0001-01-01T00:00:00Z", "1600-06-01T12:00:00Z")) {
            assertThrows(IllegalArgumentException.class,
                    () -> row(2, far, MailEvent.RECEIVED, "m1@x", "1/A", "a@x.example", 1, 0, 0, "", ""), far);
        }
    }

    private static LogRow uniqueRow(int i, String message) {
        return row(i + 1, "2026-11-10T10:00:00Z", i % 2 == 0 ? MailEvent.RECEIVED : MailEvent.DELIVERED, message,
                "16/A4-" + i, "user" + i + "@domain" + i + ".example", i, 0, i, "250 unique reply " + i,
                "TLSv1." + i);
    }

    @Test
    void sharedTextsStayWithinTheirBoundAndFullTablesKeepTextsInTheChains() {
        // {max texts, max chars, most texts expected}: 4 texts; or 60 chars (one text may be the empty reply)
        for (int[] bound : new int[][] {{4, 1_000, 4}, {1_000, 60, 61}}) {
            ChainTexts texts = new ChainTexts(bound[0], bound[1]);
            ChainPart part = part(texts, 0);
            for (int i = 0; i < 2_000; i++) {
                // every row has its own recipient domain, relay texts and reply; each message has two rows
                LogRow r = uniqueRow(i, "<" + (i / 2) + "@host" + (i / 2) + ".example>");
                part.accept(new LogRow(r.line(), r.time(), r.event(), r.internalMessageId(),
                        "user" + (i / 2) + "@domain" + (i / 2) + ".example", r.sender(), "10.0.0." + i, r.bytes(),
                        r.userId(), r.messageIdHeader(), r.retryCount(), r.secondsInQueue(), r.deliveryStage(),
                        "192.0.2." + i, "mx" + i + ".example", r.deliveryStatus(), r.tlsCipher(), r.tlsVerified()));
            }
            ChainBuilder[] chains = part.finish();
            assertTrue(texts.size() <= bound[2], "bounded: " + texts.size());
            assertEquals(1_000, chains.length, "rows of one message still find their chain");
            for (int m = 0; m < chains.length; m++) {
                MessageChain c = chains[m].toMessageChain();
                assertEquals("<" + m + "@host" + m + ".example>", c.messageIdHeader());
                assertEquals("user" + m + "@domain" + m + ".example", c.recipient());
                assertEquals("domain" + m + ".example", chains[m].recipientDomain());
                assertEquals(2, c.events().size());
                assertEquals("mx" + (2 * m + 1) + ".example", c.events().get(1).relayHost());
                assertEquals("250 unique reply " + (2 * m + 1), c.events().get(1).status());
            }
        }
    }

    @Test
    void defaultBoundHoldsWhenEveryRowHasItsOwnRelayHost() {
        ChainTexts texts = new ChainTexts();
        ChainPart part = part(texts, 0);
        for (int i = 0; i < 150_000; i++) {
            LogRow r = uniqueRow(i, "<m" + i + "@sfdc.example>");
            // each relay host seen twice in a row, so that it would be shared if there were room
            for (int k = 0; k < 2; k++) {
                part.accept(new LogRow(r.line() + k, r.time(), r.event(), r.internalMessageId(), r.recipient(),
                        r.sender(), r.remoteHost(), r.bytes(), r.userId(), r.messageIdHeader(), r.retryCount(),
                        r.secondsInQueue(), r.deliveryStage(), r.relayAddress(), "relay" + i + ".example",
                        r.deliveryStatus(), r.tlsCipher(), r.tlsVerified()));
            }
        }
        assertTrue(texts.size() <= ChainTexts.MAX_TEXTS, "at most " + ChainTexts.MAX_TEXTS + ": " + texts.size());
        ChainBuilder[] chains = part.finish();
        assertEquals("relay149999.example", chains[149_999].toMessageChain().events().get(1).relayHost());
    }

    @Test
    void keysWithoutMessageIdOrAtSign() {
        ChainTexts texts = new ChainTexts();
        ChainBuilder c = chain(texts, List.of(row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, "", "16/A4-x",
                "no-at-sign", 0, 0, 0, "", "")));
        assertEquals("#16/A4-x\nno-at-sign", c.key());
        assertEquals("", c.messageIdHeader());
        assertEquals("", c.recipientDomain());
        assertEquals(Optional.empty(), c.diagnosis());
        MessageChain m = c.toMessageChain();
        assertEquals("", m.messageIdHeader());
        assertEquals("16/A4-x", m.internalMessageId());
        assertEquals("no-at-sign", m.recipient());
        assertEquals("", m.recipientDomain());
        assertEquals("R", m.eventLetters());
        assertEquals("", m.events().get(0).status());
    }

    @Test
    void chainJudgedAheadIsJudgedAgainWhenALaterPartAddsEvents() {
        ChainTexts texts = new ChainTexts();
        ChainPart first = part(texts, 0);
        ChainPart second = part(texts, 0);
        String id = "<x@sfdc.example>";
        first.accept(row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, id, "1/A", "a@b.example", 0, 0, 0, "", ""));
        first.accept(row(3, "2026-11-10T10:01:00Z", MailEvent.TRANSIENT_FAILURE, id, "1/A", "a@b.example", 0, 1, 60,
                "451 4.7.1 Greylisted, try again later", ""));
        first.accept(row(4, "2026-11-10T10:02:00Z", MailEvent.RECEIVED, "<y@sfdc.example>", "2/B", "c@d.example", 0,
                0, 0, "", ""));
        second.accept(row(9, "2026-11-10T10:30:00Z", MailEvent.DELIVERED, id, "1/A", "a@b.example", 10, 2, 1800,
                "250 2.0.0 OK", "TLSv1.3"));
        second.accept(row(10, "2026-11-10T10:31:00Z", MailEvent.RECEIVED, "<z@sfdc.example>", "3/C", "e@f.example", 0,
                0, 0, "", ""));
        StatusKnowledgeBase knowledge = StatusKnowledgeBase.standard();

        first.judgeAhead(new ChainJudge(knowledge), () -> false);
        second.judgeAhead(new ChainJudge(knowledge), () -> true);
        first.join(second, false);
        ChainBuilder[] chains = first.finish();

        assertEquals(Verdict.DEFERRED, chains[0].verdict(), "judged ahead on the first part's events alone");
        assertFalse(chains[0].judged(), "the second part added an event");
        assertTrue(chains[1].judged());
        assertFalse(chains[2].judged(), "a stop that is already true judges nothing");
        ChainTally tally = new EmailLogAnalyzer().judgeAll(chains, Optional.empty(), Cancellation.none());
        assertEquals(Verdict.DELIVERED, chains[0].verdict());
        assertEquals(1, chains[0].toMessageChain().retries());
        assertEquals("RTD", chains[0].toMessageChain().eventLetters());
        assertEquals(Verdict.RECEIVED_ONLY, chains[2].verdict());
        assertEquals(1L, tally.verdicts().get(Verdict.DELIVERED));
        assertEquals(2L, tally.verdicts().get(Verdict.RECEIVED_ONLY));
        assertEquals(1L, tally.deliveredAfterRetry());
    }

    @Test
    void copiesAreToldAcrossPartsWhoseFirstRowsDiffer() {
        // the columns a chain keeps once are its first row's; a part read later has a first row of its own
        ChainTexts texts = new ChainTexts();
        ChainPart first = part(texts, 0);
        ChainPart second = part(texts, 0);
        String id = "<x@sfdc.example>";
        first.accept(row(2, "2026-11-10T10:00:00Z", MailEvent.TRANSIENT_FAILURE, id, "1/A", "a@b.example", 0, 1, 60,
                "451 4.7.1 Greylisted", ""));
        // another hop's row, equal but for its Internal Message ID: kept
        second.accept(row(9, "2026-11-10T10:00:00Z", MailEvent.TRANSIENT_FAILURE, id, "1/B", "a@b.example", 0, 1,
                60, "451 4.7.1 Greylisted", ""));
        // a copy of line 2, read in the second part: left out
        second.accept(row(10, "2026-11-10T10:00:00Z", MailEvent.TRANSIENT_FAILURE, id, "1/A", "a@b.example", 0, 1,
                60, "451 4.7.1 Greylisted", ""));
        first.join(second, false);
        ChainBuilder[] chains = first.finish();

        ChainTally tally = new EmailLogAnalyzer().judgeAll(chains, Optional.empty(), Cancellation.none());
        assertEquals(List.of(2L, 9L), chains[0].toMessageChain().events().stream().map(ChainEvent::line).toList());
        assertEquals(1, tally.copies().count(0));
        assertEquals(List.of(new RowCopies.Copy(0, 10, 0, 2)), tally.copies().first(0));
    }

    /** The columns of a log with the documented header but without {@code left}. */
    private static ColumnMapping columnsWithout(String left) {
        return ColumnMapping.fromHeader(Arrays.stream(LogFixtures.HEADER.split(","))
                .map(h -> h.substring(1, h.length() - 1)).filter(h -> !h.equals(left)).toArray(String[]::new));
    }

    /** An internal hand-off's D row; {@code stage} and {@code cipher} empty where the row's file lacks the column. */
    private static LogRow handoff(long line, String stage, String cipher) {
        return handoff(line, 0, stage, cipher);
    }

    /** {@link #handoff(long, String, String)} {@code second} seconds later. */
    private static LogRow handoff(long line, int second, String stage, String cipher) {
        return new LogRow(line, Instant.parse("2026-11-10T10:00:00Z").plusSeconds(second), MailEvent.DELIVERED, "1/A",
                "a@b.example", "sender@acme.example", "10.0.0.1", 100, "0055g00000ABCDE", "<x@sfdc.example>", 0, 0,
                stage, "192.0.2.10", "mx.example.com", "250 2.0.0 OK", cipher, "");
    }

    /**
     * A row and its copy in two files that each lack another text column make one row with the values of both, kept
     * with the chain itself: the same whether the shared texts have room or are full (a full table must not make the
     * row lose the copy's TLS_Cipher "None", which tells an internal hand-off from the delivery), and nothing is added
     * to the shared texts while chains are judged (from several threads, where an id would depend on timing).
     */
    @Test
    void aRowAndItsCopyLackingDifferentTextColumnsKeepTheTextsOfBothEvenWhenTheSharedTextsAreFull() {
        for (ChainTexts texts : List.of(new ChainTexts(1, 1_000), new ChainTexts())) {
            ChainPart noCipher = part(texts, 0);
            ChainPart noStage = part(texts, 1);
            noCipher.accept(handoff(2, "DATA", ""));
            texts.noteColumns(0, columnsWithout("TLS_Cipher"));
            noStage.accept(handoff(7, "", "None"));
            texts.noteColumns(1, columnsWithout("Delivery Stage"));
            noCipher.join(noStage, false);
            ChainBuilder[] chains = noCipher.finish();
            int shared = texts.size();

            ChainTally tally = new EmailLogAnalyzer().judgeAll(chains, Optional.empty(), Cancellation.none());
            List<ChainEvent> events = chains[0].toMessageChain().events();
            assertEquals(1, events.size());
            ChainEvent kept = events.getFirst();
            assertEquals(List.of(0, 2L, "DATA", "None"), List.of(kept.file(), kept.line(), kept.deliveryStage(),
                    kept.tlsCipher()));
            assertTrue(kept.internalHandoff());
            assertEquals(List.of(new RowCopies.Copy(1, 7, 0, 2)), tally.copies().first(1));
            assertEquals(shared, texts.size(), "judging adds no shared text");
            // the merged texts are the chain's own: judged again, they read back the same
            new ChainJudge(StatusKnowledgeBase.standard()).judge(chains[0]);
            assertEquals(kept, chains[0].toMessageChain().events().getFirst());
        }
    }

    /**
     * One message deferred row after row (a chain of thousands of events in one part): its array grows by half its
     * size once past {@link ChainBuilder#EXACT_UP_TO} bytes, so it is replaced a few dozen times, not once per row
     * (which made reading such a chain cost time in the square of its rows); up to that size, as a chain of a few
     * events, it grows by each row exactly, as before. Every event reads back as added, and judging gives the room
     * back.
     */
    @Test
    void aChainOfManyRowsIsReplacedAFewTimesNotOncePerRowAndReadsBackExactly() {
        ChainTexts texts = new ChainTexts();
        ChainTextCache cache = new ChainTextCache(texts);
        RelaySightings sightings = new RelaySightings(RelayHosts.none());
        String id = "<deferred@sfdc.example>";
        int rows = 5_000;
        Instant start = Instant.parse("2026-11-10T10:00:00Z");
        ChainBuilder chain = chain(texts, List.of(
                row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, id, "1/A", "a@b.example", 10, 0, 0, "", "")));
        int replaced = 0;
        int grownExactly = 0;
        int capacity = chain.capacity();
        for (int i = 1; i < rows; i++) {
            LogRow r = row(2 + i, start.plusSeconds(37L * i).toString(), MailEvent.TRANSIENT_FAILURE, id, "1/A",
                    "a@b.example", 10, i, 37L * i, "451 4.7.1 Try again later (" + (i % 7) + ")", "TLSv1.3");
            String reply = ReplyMarkers.toStore(r, chain);
            int before = chain.storedBytes();
            chain.add(r, 0, cache.eventTextId(r, sightings), reply, cache.sharedReplyId(reply), cache.scratch());
            if (chain.capacity() != capacity) {
                replaced++;
                capacity = chain.capacity();
                if (capacity == chain.storedBytes()) {
                    grownExactly++;
                    assertTrue(before < ChainBuilder.EXACT_UP_TO || capacity <= before + (before >> 1),
                            "exactly only while small, row " + i);
                }
            }
            assertTrue(chain.storedBytes() <= chain.capacity());
        }
        assertTrue(grownExactly > 0 && grownExactly < 30, "rows grown by exactly their bytes: " + grownExactly);
        // past 256 bytes, 1.5 times each time: under 40 more replacements up to a gigabyte
        assertTrue(replaced - grownExactly < 40, "replaced past the exact size: " + (replaced - grownExactly));

        new ChainJudge(StatusKnowledgeBase.standard()).judge(chain);
        assertEquals(chain.storedBytes(), chain.capacity(), "a judged chain keeps no room");
        MessageChain m = chain.toMessageChain();
        assertEquals(rows, m.events().size());
        assertEquals("R" + "T".repeat(rows - 1), m.eventLetters());
        for (int i = 1; i < rows; i++) {
            ChainEvent e = m.events().get(i);
            assertEquals(List.of(2L + i, start.plusSeconds(37L * i), i, "451 4.7.1 Try again later (" + (i % 7) + ")"),
                    List.of(e.line(), e.time(), e.retryCount(), e.status()), "row " + i);
        }
    }

    /**
     * A chain with many rows whose copies are merged ({@link ChainEvents#fillFrom} between two files that each lack
     * another text column) keeps the merged texts in one buffer that grows by doubling: its bytes are copied a few
     * times, not once per merge (which costs time in the square of the merges). Within one file nothing is merged
     * and the bytes are not copied at all.
     */
    @Test
    void mergingTheTextsOfManyCopiesCopiesTheChainsBytesAFewTimesNotOncePerMerge() {
        ChainTexts texts = new ChainTexts();
        ChainPart noCipher = part(texts, 0);
        ChainPart noStage = part(texts, 1);
        int rows = 2_000;
        for (int i = 0; i < rows; i++) {
            noCipher.accept(handoff(2 + i, i, "DATA", ""));
            noStage.accept(handoff(2 + i, i, "", "None"));
        }
        texts.noteColumns(0, columnsWithout("TLS_Cipher"));
        texts.noteColumns(1, columnsWithout("Delivery Stage"));
        noCipher.join(noStage, false);
        ChainBuilder chain = noCipher.finish()[0];
        ChainEvents ev = chain.sortedEvents();
        byte[] unmerged = ev.bytes();
        ev.fillFrom(2, 0);
        assertSame(unmerged, ev.bytes(), "two rows of one file merge nothing");

        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < rows; i++) {
            // sorted by time, then file: each second's row of file 0, then its copy in file 1
            assertEquals(List.of(0, 1), List.of(ev.file(2 * i), ev.file(2 * i + 1)));
            ev.fillFrom(2 * i + 1, 2 * i);
            arrays.add(ev.bytes());
        }
        assertTrue(arrays.size() <= 1 + 32 - Integer.numberOfLeadingZeros(rows), "arrays: " + arrays.size());
        for (int i = 0; i < rows; i++) {
            EventText kept = ev.text(2 * i);
            assertEquals(List.of("DATA", "None"), List.of(kept.deliveryStage(), kept.tlsCipher()), "row " + i);
        }
    }

    @Test
    void aReceivedOnlyMessageIsStaleOnlyAgainstALogEndMoreThan24HoursAfterItsLastRow() {
        ChainTexts texts = new ChainTexts();
        ChainBuilder c = chain(texts, List.of(
                row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, "<r@x>", "1/B", "a@b.example", 0, 0, 0, "", "")));
        new ChainJudge(StatusKnowledgeBase.standard()).judge(c);
        assertEquals(Verdict.RECEIVED_ONLY, c.verdict());
        endsAt(c, "2026-11-11T10:00:00Z");
        assertFalse(c.staleReceived());
        endsAt(c, "2026-11-12T10:00:00Z");
        assertTrue(c.staleReceived(), "48 hours with nothing after the R");
        assertTrue(c.toMessageChain().staleReceived());
        assertFalse(c.stale(), "stale stays the deferrals' flag");
        assertFalse(c.toMessageChain().stale());
        assertEquals(Verdict.RECEIVED_ONLY, c.verdict());
    }

    @Test
    void aDeferralIsStaleOnlyAgainstALogEndMoreThan24HoursAfterItsLastTransientFailure() {
        ChainBuilder c = greylistedAt1005();
        assertEquals(Verdict.DEFERRED, c.verdict());
        endsAt(c, "2026-11-11T10:05:00Z");
        assertFalse(c.stale());
        endsAt(c, "2026-11-11T10:05:01Z");
        assertTrue(c.stale());
        assertTrue(c.toMessageChain().stale());
        assertEquals(Verdict.DEFERRED, c.verdict());
    }

    /** Received at 10:00 on 2026-11-10, greylisted at 10:05 and judged: DEFERRED, its last T at 10:05. */
    private static ChainBuilder greylistedAt1005() {
        ChainBuilder c = chain(new ChainTexts(), List.of(
                row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, "<s@x>", "1/A", "a@b.example", 0, 0, 0, "", ""),
                row(3, "2026-11-10T10:05:00Z", MailEvent.TRANSIENT_FAILURE, "<s@x>", "1/A", "a@b.example", 0, 1,
                        300, "451 4.7.1 <a@b.example>: Greylisted", "")));
        new ChainJudge(StatusKnowledgeBase.standard()).judge(c);
        return c;
    }

    /** Notes a log ending at {@code end} whose other rows end there too, as EmailLogAnalyzer does for such a log. */
    private static void endsAt(ChainBuilder c, String end) {
        Instant at = Instant.parse(end);
        assertFalse(c.noteLogEnd(at, at), "no other end: the last row alone never makes a chain stale");
    }

    @Test
    void aDeferralIsToldStaleOnlyByTheLastRowWhenTheLatestOtherRowWouldNotMakeItStale() {
        ChainBuilder c = greylistedAt1005();
        Instant end = Instant.parse("2026-11-13T10:00:00Z");
        assertTrue(c.noteLogEnd(end, Instant.parse("2026-11-11T10:05:00Z")), "24 hours exactly: not stale then");
        assertTrue(c.stale(), "judged against the log's end all the same");
        assertFalse(c.noteLogEnd(end, Instant.parse("2026-11-11T10:05:01Z")), "stale against the other row too");
        assertTrue(c.stale());
        assertFalse(c.noteLogEnd(Instant.parse("2026-11-10T12:00:00Z"), Instant.parse("2026-11-10T11:00:00Z")),
                "not stale at all");
        assertFalse(c.stale());
        assertFalse(c.noteLogEnd(end, end), "no other end");
    }

    @Test
    void repliesQuotingTheRecipientOrMessageIdAreStoredOnceAndReadBackExactly() {
        ChainTexts texts = new ChainTexts();
        ChainPart part = part(texts, 0);
        List<String> recipients = List.of("a@x.example", "b@x.example", "c@x.example", "Mixed.Case@X.example");
        for (int m = 0; m < recipients.size(); m++) {
            String r = recipients.get(m);
            String id = "<" + m + ".JavaMail.sfdc@na1.example>";
            part.accept(row(10 * m + 1, "2026-11-10T10:00:00Z", MailEvent.PERMANENT_FAILURE, id, m + "/A", r, 0, 0,
                    0, "550 5.1.1 <" + r + ">: Recipient address rejected: User unknown", ""));
            part.accept(row(10 * m + 2, "2026-11-10T10:00:01Z", MailEvent.DELIVERED, id, m + "/A", r, 0, 0, 0,
                    "250 2.6.0 " + id + " [InternalId=" + m + "] Queued mail for delivery " + r, "TLSv1.3"));
        }
        // the same message in other casings: those rows' recipients do not read back as written, so stay as they are
        String id = "<0.JavaMail.sfdc@na1.example>";
        part.accept(row(50, "2026-11-10T10:01:00Z", MailEvent.TRANSIENT_FAILURE, id, "0/A", "A@X.example", 0, 0, 0,
                "451 4.7.1 <A@X.example> and <a@x.example>: Greylisted", ""));
        part.accept(row(51, "2026-11-10T10:02:00Z", MailEvent.TRANSIENT_FAILURE, "#0/A", "0/B", "d@x.example", 0, 0,
                0, "451 <d@x.example> #0/A in a reply with a \u0001 of its own", ""));
        ChainBuilder[] chains = part.finish();
        for (int m = 0; m < recipients.size(); m++) {
            String r = recipients.get(m);
            List<String> statuses = chains[m].toMessageChain().events().stream().map(ChainEvent::status).toList();
            String expectedId = "<" + m + ".JavaMail.sfdc@na1.example>";
            assertEquals("550 5.1.1 <" + r + ">: Recipient address rejected: User unknown", statuses.get(0));
            assertEquals("250 2.6.0 " + expectedId + " [InternalId=" + m + "] Queued mail for delivery " + r,
                    statuses.get(1));
        }
        assertEquals("451 4.7.1 <A@X.example> and <a@x.example>: Greylisted",
                chains[0].toMessageChain().events().get(2).status());
        assertEquals("451 <d@x.example> #0/A in a reply with a \u0001 of its own",
                chains[recipients.size()].toMessageChain().events().get(0).status());
        assertEquals(1, IntStream.range(0, texts.size())
                        .filter(i -> texts.get(i) instanceof String s && s.contains("User unknown")).count(),
                "the four 550 replies, each quoting its own recipient, are one shared text");
    }

    /**
     * One log read in two parts whose rows of a message begin with the recipient written otherwise: a reply of the
     * second part quoting its recipient as written reads back so once the parts are joined. Before, it was stored with
     * the recipient's marker, which read back as the first part's spelling.
     */
    @Test
    void aReplyQuotingTheRecipientReadsBackAsWrittenAfterAPartThatWritesItOtherwise() {
        ChainTexts texts = new ChainTexts();
        String id = "<0.JavaMail.sfdc@na1.example>";
        ChainPart first = part(texts, 0);
        first.accept(row(2, "2026-11-10T10:00:00Z", MailEvent.RECEIVED, id, "0/A", "a@x.example", 0, 0, 0, "", ""));
        ChainPart second = part(texts, 0);
        second.accept(row(3, "2026-11-10T10:01:00Z", MailEvent.PERMANENT_FAILURE, id, "0/A", "A@X.example", 0, 0, 0,
                "550 5.1.1 <A@X.example>: User unknown", ""));
        first.join(second, false);
        ChainBuilder[] chains = first.finish();
        assertEquals(1, chains.length);
        assertEquals(List.of("", "550 5.1.1 <A@X.example>: User unknown"),
                chains[0].toMessageChain().events().stream().map(ChainEvent::status).toList());
    }
}
