package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.writeLog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;

/**
 * Several overlapping Email Logs as a reviewer gave them: one re-saved by a spreadsheet without the seconds, one
 * newest first, one shuffled. A row to the minute equal but for the seconds to a row of another file is its copy
 * (the row with seconds kept); the file given first keeps its rows whatever their order; and a file not in time
 * order has a second's events in a message's life order, not its line order.
 */
class OverlappingLogsTest {

    private static final String A = "a@acme.example";
    private static final String GREYLISTED = "451 4.7.1 Greylisted, try again later";
    private static final String OK = "250 2.0.0 Ok";

    @TempDir
    Path dir;

    /** The message's rows with seconds: R, two T's in one minute (the same but for the time), D. */
    private static List<String> withSeconds() {
        return List.of(row("11/16/2026 8:41:07", "R", A, "m1", "", ""),
                row("11/16/2026 8:41:07", "T", A, "m1", GREYLISTED, ""),
                row("11/16/2026 8:41:37", "T", A, "m1", GREYLISTED, ""),
                row("11/16/2026 8:56:07", "D", A, "m1", OK, TLS));
    }

    /** {@link #withSeconds} as a spreadsheet re-saves it: the times to the minute. */
    private static List<String> toTheMinute() {
        return withSeconds().stream().map(r -> r.replaceAll("(\\d+:\\d\\d):\\d\\d", "$1")).toList();
    }

    @Test
    void aRowToTheMinuteIsTheCopyOfTheRowWithSecondsWhicheverFileIsFirst() throws Exception {
        for (boolean minuteFirst : List.of(false, true)) {
            Path seconds = writeLog(dir, "seconds.csv", withSeconds());
            Path minutes = writeLog(dir, "minutes.csv", toTheMinute());
            LogAnalysis a = analyze(minuteFirst ? List.of(minutes, seconds) : List.of(seconds, minutes));

            MessageChain c = a.chains().getFirst();
            assertEquals(1, a.chains().size());
            assertEquals("RTTD", c.eventLetters(), "minute file first: " + minuteFirst);
            assertEquals(2, c.retries());
            assertEquals(Instant.parse("2026-11-16T08:41:07Z"), c.events().getFirst().time());
            int secondsFile = minuteFirst ? 1 : 0;
            assertTrue(c.events().stream().allMatch(e -> e.file() == secondsFile), "the rows with seconds are kept");
            FileProblem w = a.problems().stream().filter(p -> p.message().contains("copies")).findFirst()
                    .orElseThrow();
            // "of a row", not "of an earlier row": with the minute file first the kept row is in a later file
            assertEquals("4 rows are copies of a row that differ only in the seconds, which a spreadsheet"
                    + " dropped when it re-saved this file (lines 2, 3, 4, 5; line 2 repeats line 2 of seconds.csv):"
                    + " the logs were requested for time windows that overlap. The copies were left out and the rows"
                    + " with seconds kept, so no event or retry counts twice.", w.message());
            assertEquals("4 rader är kopior av en rad som skiljer sig bara i sekunderna, som ett"
                    + " kalkylprogram tog bort när det sparade om den här filen (rad 2, 3, 4, 5; rad 2 upprepar rad 2"
                    + " i seconds.csv): loggarna begärdes för tidsfönster som överlappar. Kopiorna lämnades utanför"
                    + " och raderna med sekunder behölls, så ingen händelse och inget nytt försök räknas två gånger.",
                    w.message(Locale.of("sv")));
        }
    }

    @Test
    void twoRowsToTheMinuteLikeOneAnotherEachTakeTheirOwnRowWithSeconds() throws Exception {
        // the two T's of the minute file are alike (one file's exact copies, as ever): the first takes the first T
        // with seconds, its copy the other
        LogAnalysis a = analyze(List.of(writeLog(dir, "seconds.csv", withSeconds()),
                writeLog(dir, "minutes.csv", toTheMinute())));
        assertEquals(4, a.chains().getFirst().events().size());
        assertEquals(List.of(0L, 4L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
    }

    @Test
    void theFileGivenFirstKeepsItsRowsEvenWhenItIsNewestFirst() throws Exception {
        List<String> rows = List.of(row("11/16/2026 10:11:07", "R", A, "m1", "", ""),
                row("11/16/2026 10:11:07", "D", A, "m1", OK, TLS),
                row("11/16/2026 10:12:07", "R", "b@acme.example", "m2", "", ""),
                row("11/16/2026 10:12:07", "P", "b@acme.example", "m2", "550 5.1.1 unknown", ""));
        Path reversed = writeLog(dir, "reversed.csv", rows.reversed());
        Path forward = writeLog(dir, "forward.csv", rows);
        for (LogAnalysis a : List.of(analyze(List.of(reversed, forward)), analyzeInHalves(List.of(reversed, forward)))) {
            assertEquals(List.of(0L, 4L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
            for (MessageChain c : a.chains()) {
                assertTrue(c.events().stream().allMatch(e -> e.file() == 0), "the first file keeps its rows");
            }
            assertEquals(List.of("RD", "RP"), a.chains().stream().map(MessageChain::eventLetters).sorted().toList());
            assertTrue(a.problems().getFirst().message().contains("repeats line 5 of reversed.csv"),
                    a.problems().getFirst().message());
        }
    }

    @Test
    void aFileNotInTimeOrderHasASecondsEventsInLifeOrder() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(row("11/16/2026 9:55:07", "P", A, "m1", "554 5.4.7 exceeded max time", ""));
        rows.add(row("11/16/2026 9:55:07", "T", A, "m1", GREYLISTED, ""));
        rows.add(row("11/16/2026 9:55:07", "R", A, "m1", "", ""));
        rows.add(row("11/16/2026 9:56:07", "D", "b@acme.example", "m2", OK, TLS));
        rows.add(row("11/16/2026 9:56:07", "R", "b@acme.example", "m2", "", ""));
        rows.add(row("11/16/2026 9:00:00", "R", "c@acme.example", "m3", "", ""));
        Path newestFirst = writeLog(dir, "newest-first.csv", rows);
        for (LogAnalysis a : List.of(analyze(List.of(newestFirst)), analyzeInHalves(List.of(newestFirst)))) {
            assertEquals(List.of("R", "RD", "RTP"),
                    a.chains().stream().map(MessageChain::eventLetters).sorted().toList());
        }
    }

    @Test
    void aFileInTimeOrderKeepsItsLineOrderWithinASecond() throws Exception {
        // the contract for a file in time order: a second's events by line, whatever they are
        Path inOrder = writeLog(dir, "in-order.csv", row("11/16/2026 9:55:07", "T", A, "m1", GREYLISTED, ""),
                row("11/16/2026 9:55:07", "R", A, "m1", "", ""));
        assertEquals("TR", analyze(List.of(inOrder)).chains().getFirst().eventLetters());
    }
}
