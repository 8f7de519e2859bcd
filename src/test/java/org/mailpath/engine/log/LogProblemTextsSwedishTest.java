package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

/** The reader's problems and unusable-file messages read in Swedish, while their English stays as it was. */
class LogProblemTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");
    private static final String R1 = row("3/06/2009 13:37", "R", "admin@acme.example", "m1", "", "");
    private static final String D1 = row("3/06/2009 13:42", "D", "admin@acme.example", "m1", "250 2.0.0 OK", TLS);

    @TempDir
    Path dir;

    @Test
    void aRejectedRowAndAFileWarningReadInSwedish() throws Exception {
        String semicolons = lines(HEADER, R1, row("yesterday", "R", "b@acme.example", "m2", "", ""), D1)
                .replace(',', ';');
        LogFixtures.Result r = read(write(dir, "semi.csv", semicolons));

        FileProblem rejected = only(r.summary().problems().stream().filter(FileProblem::rejected).toList());
        assertEquals("'yesterday' is not a date (expected M/d/yyyy H:mm or M/d/yy H:mm, "
                + "d/M/yyyy H:mm or d/M/yy H:mm in a file re-saved day first,"
                + " d.M.yyyy H:mm or d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, any of these with a 12-hour time and AM or PM,"
                + " or ISO-8601, each with or without seconds and with or without GMT, UTC, Z or an offset such as +01:00 after the time).", rejected.message());
        assertEquals("”yesterday” är inget datum (väntat: M/d/yyyy H:mm eller M/d/yy H:mm, "
                + "d/M/yyyy H:mm eller d/M/yy H:mm i en fil som sparats om med"
                + " dagen först, d.M.yyyy H:mm eller d.M.yy H:mm, d-M-yyyy H:mm, yyyy/M/d H:mm, vilken som helst av dessa med 12-timmarstid och AM eller PM,"
                + " eller ISO-8601, alla med eller utan sekunder och med eller utan GMT, UTC, Z eller en förskjutning som +01:00 efter tiden).",
                rejected.message(SWEDISH));
        assertEquals(rejected.message(), rejected.message(Locale.ROOT));

        FileProblem delimiter = only(r.summary().problems().stream()
                .filter(p -> p.message().startsWith("Fields are separated")).toList());
        assertEquals("Fields are separated by ';' instead of ',' (re-saved by a spreadsheet); read accordingly.",
                delimiter.message());
        assertEquals("Fälten skiljs åt med ”;” i stället för ”,” (sparad på nytt i ett kalkylprogram); filen lästes"
                + " därefter.", delimiter.message(SWEDISH));
    }

    @Test
    void aRepeatedWarningAndTheCutListCountInSwedishNumbers() throws Exception {
        StringBuilder log = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 1500; i++) {
            log.append(row("3/06/2009 13:37", "r", "a@acme.example", "m" + i, "", "")).append("\r\n");
            log.append(row("3/06/2009 13:37", "R", "", "n" + i, "", "")).append("\r\n");
        }
        LogFixtures.Result r = read(write(dir, "many.csv", log.toString()),
                new LogLimits(1L << 30, 200, 1L << 20, 1 << 20, 10));
        List<FileProblem> problems = r.summary().problems();
        FileProblem lowerCase = problems.getFirst();
        assertEquals("1,500 rows have a lower-case Mail Event letter (first on line 2); read as upper-case.",
                lowerCase.message());
        assertEquals("1\u00a0500 rader har en gemen Mail Event-bokstav (först på rad 2); de lästes som"
                + " versaler.",
                lowerCase.message(SWEDISH));
        FileProblem emptyRecipient = problems.get(1);
        assertEquals("The Recipient column is empty.", emptyRecipient.message());
        assertEquals("Kolumnen Recipient är tom.", emptyRecipient.message(SWEDISH));
        FileProblem cut = problems.getLast();
        assertEquals("1,490 more problems were counted but not listed (only the first 10 are kept).", cut.message());
        assertEquals("Ytterligare 1\u00a0490 problem räknades men listas inte (bara de första 10 sparas).",
                cut.message(SWEDISH));
        assertEquals(12, problems.size(), "only the kept rejections are worded: 10 and two summaries");
        for (FileProblem p : problems) {
            assertEquals(p.message(), p.messageText().orElseThrow().toString(), "the English of " + p.line());
        }
    }

    @Test
    void anUnusableFileIsWordedInSwedishAndEnglishOnTheCommandLine() {
        UnusableLogException empty = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "tom.csv", new byte[0])));
        assertEquals("tom.csv is empty (0 bytes).", empty.getMessage());
        assertEquals("tom.csv är tom (0 byte).", empty.message(SWEDISH));

        UnusableLogException allBad = assertThrows(UnusableLogException.class,
                () -> read(write(dir, "xm.csv", lines(HEADER, R1.replace("\"R\"", "\"X\""),
                        D1.replace("\"D\"", "\"X\"")))));
        assertEquals("xm.csv has no usable row: all 2 rows were rejected. The first is line 2, Mail Event: 'X' is"
                + " not a known Mail Event (R, D, T or P).", allBad.getMessage());
        assertEquals("xm.csv har ingen användbar rad: alla 2 rader utelämnades. Den första är rad 2, Mail Event: ”X”"
                + " är ingen känd Mail Event (R, D, T eller P).", allBad.message(SWEDISH));
        assertTrue(allBad.messageText().isPresent());
    }

    private static FileProblem only(List<FileProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.getFirst();
    }
}
