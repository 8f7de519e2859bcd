package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;

/**
 * The app's preview of a large log is seconds of work that a changed choice, Cancel or a new log makes useless: a
 * cancelled build stops at its next message (or raw row) and gives no report, not part of one. So does the command
 * line's, on Ctrl-C or SIGTERM (CancelledCommandsTest); a build nobody cancels is unchanged (the golden and report
 * tests).
 */
class ReportBuildCancelTest {

    private static final int MESSAGES = 12;

    /** Bounced messages to one domain, each with a row of the log to quote. */
    private static ReportFixture bounces() {
        ReportFixture log = new ReportFixture("big.csv");
        for (int i = 0; i < MESSAGES; i++) {
            log.message("<m" + i + "@acme.example>", "user" + i + "@contoso.example")
                    .received().permanentFailure("mx.contoso.example", "192.0.2.25", "550 5.1.1 no such user")
                    .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "no such user", "fix the address");
        }
        return log;
    }

    @Test
    void aCancelStopsTheBuildAtTheNextMessageAndGivesNoReport() {
        ReportFixture log = bounces();
        Cancellation cancellation = new Cancellation();
        AtomicInteger worded = new AtomicInteger();
        LogAnalysis analysis = WordingHook.wordingEach(log.analysis(), () -> {
            worded.incrementAndGet();
            cancellation.cancel();
        });
        ReportBuilder builder = new ReportBuilder(analysis, ReportOptions.defaults()).rawRows(log.rawRows());

        assertThrows(CancelledException.class, () -> builder.build(cancellation));
        assertEquals(1, worded.get(), "the message being worded as Cancel was pressed, and no other");
    }

    @Test
    void aBuildCancelledBeforeItStartsReadsNoRowOfTheLog() {
        ReportFixture log = bounces();
        AtomicInteger asked = new AtomicInteger();
        RawRowSource counted = new RawRowSource() {
            @Override
            public List<String> header() {
                asked.incrementAndGet();
                return ReportFixture.HEADER;
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation given) {
                asked.incrementAndGet();
                return Map.of();
            }
        };
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        ReportBuilder builder = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(counted);

        assertThrows(CancelledException.class, () -> builder.build(cancelled));
        assertEquals(0, asked.get());
    }

    /** Cancelled as the log is read again for the appendix: no report with a part of the rows. */
    @Test
    void aCancelWhileTheRowsAreReadGivesNoReportWithSomeOfThem() {
        ReportFixture log = bounces();
        Cancellation cancellation = new Cancellation();
        RawRowSource real = log.rawRows();
        RawRowSource cancelledAsRead = new RawRowSource() {
            @Override
            public List<String> header() throws IOException {
                return real.header();
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation given) throws IOException {
                Map<Long, List<String>> rows = real.rows(lines, Cancellation.none());
                cancellation.cancel();
                return rows;
            }
        };
        ReportBuilder builder = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(cancelledAsRead);

        assertThrows(CancelledException.class, () -> builder.build(cancellation));
    }

    /**
     * The app's cancel also interrupts the worker, whose read of the log then fails: that is the cancel, not a log
     * that could not be read again (the report said so in its appendix).
     */
    @Test
    void aReadFailingAsTheCancelInterruptsItIsTheCancelNotAnUnreadableLog() {
        ReportFixture log = bounces();
        Cancellation cancellation = new Cancellation();
        RawRowSource interrupted = new RawRowSource() {
            @Override
            public List<String> header() {
                return ReportFixture.HEADER;
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation given) throws IOException {
                cancellation.cancel();
                throw new ClosedByInterruptException();
            }
        };
        ReportBuilder builder = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(interrupted);

        assertThrows(CancelledException.class, () -> builder.build(cancellation));
    }

    /** The log read again stops once cancelled: it gives no rows, not the rows read so far. */
    @Test
    void aLogReadAgainWhenCancelledGivesNoRows() throws Exception {
        Path sample = LogFixtures.sample("sample-email-log.csv");
        LogFileRawRows rows = new LogFileRawRows(sample);
        assertEquals(2, rows.rows(Set.of(2L, 3L), Cancellation.none()).size(), "the rows when not cancelled");
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        assertThrows(CancelledException.class, () -> rows.rows(Set.of(2L, 3L), cancelled));
    }

    /** A build whose signal nobody uses quotes every listed message's rows (ReportBuildProgressTest compares it). */
    @Test
    void aBuildNobodyCancelsQuotesEveryRow() {
        ReportFixture log = bounces();
        ReportModel built = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(log.rawRows())
                .build(new Cancellation());
        assertEquals(2 * MESSAGES, built.appendix().rows().size(), "each message's two rows");
    }
}
