package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that is no date is rejected naming every form of date the reader takes (LogDates.FORMS, one list), whichever
 * order its file's slashed dates were read in: month first as Salesforce writes them, or day first.
 */
class RejectedDateFormsTest {

    private static final Locale SWEDISH = Locale.of("sv");
    private static final Instant NOV_16 = Instant.parse("2026-11-16T08:00:00Z");

    @TempDir
    Path dir;

    /** Each form the list names, with a date written in it: the reader that it names reads each as the same time. */
    @Test
    void everyFormNamedIsOneTheReaderTakes() {
        String named = LogDates.FORMS.toString();
        for (String form : List.of("M/d/yyyy H:mm", "M/d/yy H:mm", "d/M/yyyy H:mm", "d/M/yy H:mm", "d.M.yyyy H:mm",
                "d-M-yyyy H:mm", "yyyy/M/d H:mm", "ISO-8601", "GMT, UTC, Z")) {
            assertTrue(named.contains(form), form + " in " + named);
            assertTrue(LogDates.FORMS.in(SWEDISH).contains(form), form + " in " + LogDates.FORMS.in(SWEDISH));
        }
        LogDates monthFirst = new LogDates();
        LogDates dayFirst = new LogDates(true);
        assertEquals(Optional.of(NOV_16), monthFirst.parse("11/16/2026 8:00").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), dayFirst.parse("16/11/2026 8:00").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), monthFirst.parse("16-11-2026 8:00").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), monthFirst.parse("2026/11/16 8:00").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), monthFirst.parse("11/16/2026 8:00 UTC").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), dayFirst.parse("2026-11-16 9:00 +01:00").map(ParsedDate::time));
        // a two-digit year, as Excel saves a date, in either order
        assertEquals(Optional.of(NOV_16), monthFirst.parse("11/16/26 8:00").map(ParsedDate::time));
        assertEquals(Optional.of(NOV_16), dayFirst.parse("16/11/26 8:00").map(ParsedDate::time));
        for (LogDates dates : List.of(monthFirst, dayFirst)) {
            assertEquals(Optional.of(NOV_16), dates.parse("16.11.2026 8:00").map(ParsedDate::time));
            assertEquals(Optional.of(NOV_16), dates.parse("2026-11-16T08:00:00Z").map(ParsedDate::time));
        }
    }

    @Test
    void aFileReadMonthFirstNamesThemAll() throws Exception {
        LogFixtures.Result r = read(write(dir, "monthfirst.csv", lines(HEADER,
                row("11/16/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("yesterday", "R", "b@acme.example", "m2", "", ""))));
        FileProblem rejected = onlyRejected(r);
        assertEquals("'yesterday' is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day"
                + " first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time).", rejected.message());
        assertEquals("”yesterday” är inget datum (väntat: M/d/yyyy H:mm eller M/d/yy H:mm, "
                + "d/M/yyyy H:mm eller d/M/yy H:mm i en fil som sparats om med"
                + " dagen först, d.M.yyyy H:mm eller d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, vilken som helst av dessa med 12-timmarstid och AM eller PM,"
                + " eller ISO-8601, alla med eller utan sekunder och med eller utan GMT, UTC, Z eller en förskjutning som +01:00 efter tiden).", rejected.message(SWEDISH));
    }

    /** Read day first (its first rows tell so), the file's rejection names the same list, and that it read so. */
    @Test
    void aFileReadDayFirstNamesTheSameListAndHowItWasRead() throws Exception {
        LogFixtures.Result r = read(write(dir, "dayfirst.csv", lines(HEADER,
                row("16/11/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("17/11/2026 8:01", "R", "c@acme.example", "m3", "", ""),
                row("yesterday", "R", "b@acme.example", "m2", "", ""))));
        assertTrue(r.hasProblem("The dates were read day first"), r.summary().problems().toString());
        FileProblem rejected = onlyRejected(r);
        assertEquals("'yesterday' is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day"
                + " first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time; this file's dates were read day first).", rejected.message());
        assertEquals("”yesterday” är inget datum (väntat: M/d/yyyy H:mm eller M/d/yy H:mm, "
                + "d/M/yyyy H:mm eller d/M/yy H:mm i en fil som sparats om med"
                + " dagen först, d.M.yyyy H:mm eller d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, vilken som helst av dessa med 12-timmarstid och AM eller PM,"
                + " eller ISO-8601, alla med eller utan sekunder och med eller utan GMT, UTC, Z eller en förskjutning som +01:00 efter tiden; den här filens datum lästes med dagen först).",
                rejected.message(SWEDISH));
    }

    private static FileProblem onlyRejected(LogFixtures.Result r) {
        List<FileProblem> rejected = r.summary().problems().stream().filter(FileProblem::rejected).toList();
        assertEquals(1, rejected.size(), r.summary().problems().toString());
        return rejected.getFirst();
    }
}
