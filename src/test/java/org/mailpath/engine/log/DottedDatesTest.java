package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dotted dates ({@code d.M.yyyy H:mm}), as a spreadsheet set to a German, Nordic or Russian locale re-saves a log
 * (often with ';' and a BOM): read day first, the day always coming first in a dotted date, with one warning.
 */
class DottedDatesTest {

    @TempDir
    Path dir;

    @Test
    void dottedDatesReadDayFirst() {
        LogDates dates = new LogDates();
        ParsedDate dotted = dates.parse("16.11.2026 8:00").orElseThrow();
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), dotted.time());
        assertTrue(dotted.dotted());
        assertFalse(dotted.twoDigitYear());
        assertEquals(Optional.of(Instant.parse("2026-03-05T23:59:58Z")),
                dates.parse("05.03.2026 23:59:58").map(ParsedDate::time));
        ParsedDate again = dates.parse("05.03.2026 23:59:58").orElseThrow();
        assertEquals(Instant.parse("2026-03-05T23:59:58Z"), again.time(), "again, from the recent values");
        assertTrue(again.dotted(), "remembered with the recent value");
        // a day-first reader reads dotted dates the same
        assertEquals(Optional.of(Instant.parse("2026-03-05T08:00:00Z")),
                new LogDates(true).parse("5.3.2026 8:00").map(ParsedDate::time));
        ParsedDate slashed = dates.parse("11/16/2026 8:00").orElseThrow();
        assertEquals(Instant.parse("2026-11-16T08:00:00Z"), slashed.time());
        assertFalse(slashed.dotted());
    }

    @Test
    void invalidDottedDatesAreNotDates() {
        LogDates dates = new LogDates();
        for (String s : List.of("32.11.2026 8:00", "16.13.2026 8:00", "29.2.2026 8:00", "16.11.2026",
                "16.11.2026 8:00 PM", "16.11.2026 24:00", "16.11.2026 8:00:", "1.2.3", "16..2026 8:00")) {
            assertEquals(Optional.empty(), dates.parse(s).map(ParsedDate::time), s);
        }
        assertEquals(Optional.of(Instant.parse("2028-02-29T08:00:00Z")),
                dates.parse("29.2.2028 8:00").map(ParsedDate::time));
    }

    @Test
    void aGermanResaveReadsAsTheExport() throws Exception {
        List<String> slashed = new ArrayList<>();
        List<String> dotted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int day = 10 + i / 4;
            String time = " " + (8 + i % 4) + ":0" + (i % 10);
            String r = row("11/" + day + "/2026" + time, i % 2 == 0 ? "R" : "D", "u" + i + "@example.com",
                    "m" + (i / 2), i % 2 == 0 ? "" : "250 2.0.0 OK", i % 2 == 0 ? "" : TLS);
            slashed.add(r);
            dotted.add(r.replace("\"11/" + day + "/2026" + time + "\"", "\"" + day + ".11.2026" + time + "\"")
                    .replace("\",\"", "\";\""));
        }
        Path export = LogFixtures.write(dir, "export.csv", HEADER + "\r\n" + String.join("\r\n", slashed) + "\r\n");
        ByteArrayOutputStream german = new ByteArrayOutputStream();
        german.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        german.write((HEADER.replace("\",\"", "\";\"") + "\r\n" + String.join("\r\n", dotted) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Path resaved = LogFixtures.write(dir, "resaved.csv", german.toByteArray());

        LogFixtures.Result a = LogFixtures.read(export);
        LogFixtures.Result b = LogFixtures.read(resaved);
        assertEquals(40, b.summary().rows());
        assertEquals(0, b.summary().rejectedRows());
        assertEquals(a.rows(), b.rows(), "the same rows, dates included");
        assertTrue(b.hasProblem("40 rows have a dotted date (first on line 2, d.M.yyyy"), b.summary().problems()
                .toString());
        assertEquals(1, b.summary().problems().stream().filter(p -> p.message().contains("dotted date")).count());
        assertFalse(a.hasProblem("dotted date"));
    }

    @Test
    void theRejectionNamesTheDottedFormat() throws Exception {
        Path f = LogFixtures.write(dir, "bad.csv", HEADER + "\r\n" + row("16.11.2026 8:00", "R", "a@example.com", "m1",
                "", "") + "\r\n" + row("32.11.2026 8:00", "R", "a@example.com", "m2", "", "") + "\r\n");
        LogFixtures.Result r = LogFixtures.read(f);
        assertEquals(1, r.rows().size());
        assertTrue(r.hasProblem("'32.11.2026 8:00' is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file"
                + " re-saved day first, d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time)."), r.summary().problems().toString());
    }
}
