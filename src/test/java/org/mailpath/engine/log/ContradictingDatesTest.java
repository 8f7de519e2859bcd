package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * A file whose dates contradict each other (some read only day first, others only month first) is read in one order,
 * as its first rows decide, and rejects the rows whose date reads only in the other: it says so, naming them, in its
 * warnings or, when no row is usable, in its refusal. Dates of rows rejected for another cell count among the file's.
 */
class ContradictingDatesTest {

    private static final Locale SWEDISH = Locale.of("sv");

    @TempDir
    Path dir;

    /**
     * {@code first} rows dated 16 November day first (16/11/2026) whose Mail Event is {@code firstEvent}, then
     * {@code then} delivered rows dated 16 November month first (11/16/2026).
     */
    private static String dayFirstThenMonthFirst(int first, String firstEvent, int then) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < first; i++) {
            sb.append(row("16/11/2026 8:" + String.format(Locale.ROOT, "%02d", i % 60), firstEvent,
                    "a" + i % 37 + "@acme.example", "d" + i, "250 2.0.0 OK", TLS)).append("\r\n");
        }
        for (int i = 0; i < then; i++) {
            sb.append(row("11/16/2026 9:" + String.format(Locale.ROOT, "%02d", i % 60), "D",
                    "b" + i % 37 + "@acme.example", "m" + i, "250 2.0.0 OK", TLS)).append("\r\n");
        }
        return sb.toString();
    }

    /** The reviewer's e3.csv: 4,100 rows day first without a Mail Event, then 100 good rows month first. */
    @Test
    void aRefusalSaysTheRowsRejectedForADateOfTheOtherOrder() {
        Path file = write(dir, "e3.csv", dayFirstThenMonthFirst(4100, "", 100));
        UnusableLogException refused = assertThrows(UnusableLogException.class, () -> read(file));
        assertEquals("e3.csv has no usable row: all 4,200 rows were rejected. The first is line 2, Mail Event: The"
                + " Mail Event column is empty. The file's dates contradict each other: it was read day first (d/M/yyyy), as"
                + " dates among its first rows that read only so showed, but 100 rows have dates that read only month"
                + " first (M/d/yyyy, as Salesforce writes dates; first on line 4102), and they were not analysed. The file holds rows saved"
                + " in both orders, so the day and month of a date whose first two numbers are both 12 or less may be"
                + " swapped. Export the log again from Salesforce.", refused.getMessage());
        assertTrue(refused.message(SWEDISH).contains("Filens datum motsäger varandra: den lästes med dagen först"
                + " (d/M/yyyy), eftersom datum bland de första raderna bara gick att läsa så, men 100 rader har"
                + " datum som bara går att läsa med månaden först (M/d/yyyy, som Salesforce skriver datum; först på rad 4102)"),
                refused.message(SWEDISH));
        // read day first, its 100 rows rejected for a date that reads only month first may be usable month first:
        // an analysis reads it again so (DayFirstRereadTest)
        DatesTold told = refused.datesTold().orElseThrow();
        assertTrue(told.readDayFirst());
        assertEquals(100, told.otherOrderOnly());
        assertTrue(told.usableInTheOtherOrder());
    }

    @Test
    void aFileReadDayFirstWithRowsOfTheOtherOrderSaysTheyContradict() throws Exception {
        LogFixtures.Result r = read(write(dir, "mixed.csv", dayFirstThenMonthFirst(4100, "D", 1)));
        assertEquals(4100, r.rows().size());
        assertTrue(r.hasProblem("'11/16/2026 9:00' is not a date read day first"), r.summary().problems().toString());
        List<FileProblem> said = r.summary().problems().stream()
                .filter(p -> p.message().startsWith("The file's dates contradict each other")).toList();
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertTrue(said.getFirst().message().contains("but 1 row has a date that reads only month first (M/d/yyyy,"
                + " as Salesforce writes dates; line 4102), and it was not analysed."), said.getFirst().message());
        assertTrue(ReadAssumptions.isOne(said.getFirst()));
    }

    /** Both orders among the first rows: read month first, as since the first rows decide so, and said. */
    @Test
    void aFileReadMonthFirstWithRowsOfTheOtherOrderSaysTheyContradict() throws Exception {
        LogFixtures.Result r = read(write(dir, "both.csv", lines(HEADER,
                row("11/16/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("16/11/2026 8:01", "D", "a@acme.example", "m1", "250 ok", TLS),
                row("17/11/2026 8:02", "D", "b@acme.example", "m2", "250 ok", TLS))));
        assertEquals(1, r.rows().size());
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), r.rows().getFirst().time());
        assertTrue(r.hasProblem("The file's dates contradict each other: it was read month first (M/d/yyyy, as"
                + " Salesforce writes dates), and some of its dates read only so, but 2 rows have dates that read only"
                + " day first (d/M/yyyy; first on line 3), and they were not analysed."),
                r.summary().problems().toString());
        // not the warning of a file whose dates all look day first: one reads only month first
        assertFalse(r.hasProblem("The dates look day first"), r.summary().problems().toString());
    }

    @Test
    void aFileWhoseDatesAgreeSaysNothingOfIt() throws Exception {
        LogFixtures.Result r = read(write(dir, "agree.csv", dayFirstThenMonthFirst(10, "D", 0)));
        assertFalse(r.hasProblem("contradict"), r.summary().problems().toString());
    }

    /**
     * A file read month first whose rows with a date that reads only month first are rejected for their Mail Event:
     * those dates still tell month first, so its day-first dates contradict them, and it does not say day first.
     */
    @Test
    void theDatesOfRowsRejectedForAnotherCellCount() throws Exception {
        String text = lines(HEADER,
                row("11/16/2026 8:00", "", "a@acme.example", "m1", "", ""),
                row("11/5/2026 8:01", "D", "a@acme.example", "m2", "250 ok", TLS),
                row("16/11/2026 8:02", "D", "b@acme.example", "m3", "250 ok", TLS));
        LogFixtures.Result r = read(write(dir, "rejected.csv", text));
        DatesTold told = r.summary().dates();
        // spans from 5 November 8:01 to the 16th 8:00 month first; 11 May 8:01 to 16 November day first (the 16th
        // reads only month first: it is not swapped)
        assertEquals(new DatesTold(false, 1, 1, 1, 0, false,
                Duration.between(Instant.parse("2026-11-05T08:01:00Z"), Instant.parse("2026-11-16T08:00:00Z"))
                        .toSeconds(),
                Duration.between(Instant.parse("2026-05-11T08:01:00Z"), Instant.parse("2026-11-16T08:00:00Z"))
                        .toSeconds()), told);
        assertFalse(told.usableInTheOtherOrder());
        assertFalse(told.saysDayFirst());
        assertEquals(3, told.dates());
        assertTrue(r.hasProblem("The file's dates contradict each other"), r.summary().problems().toString());
    }
}
