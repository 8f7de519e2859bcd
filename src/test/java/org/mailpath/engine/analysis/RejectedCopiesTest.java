package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.writeLog;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;

/**
 * A bad row in two logs whose request windows overlap is one bad row: one problem, at the first file's line, that
 * names the copy, as a copy of a good row counts once. The rows' counts stay each file's own.
 */
class RejectedCopiesTest {

    private static final String GOOD = row("3/06/2026 13:37", "R", "a@acme.example", "m1", "", "");
    private static final String BAD = row("3/06/2026 13:38", "R", "", "m2", "", "");
    /** Rejected for the same reason, but another row: another Message ID Header. */
    private static final String OTHER_BAD = row("3/06/2026 13:38", "R", "", "m3", "", "");
    private static final String LATER = row("3/06/2026 13:39", "D", "a@acme.example", "m1", "250 ok", TLS);

    @TempDir
    Path dir;

    private static List<FileProblem> rejected(LogAnalysis a) {
        return a.problems().stream().filter(FileProblem::rejected).toList();
    }

    @Test
    void aBadRowInTwoOverlappingLogsIsOneProblemThatNamesTheCopy() throws Exception {
        Path week1 = writeLog(dir, "week1.csv", GOOD, BAD);
        Path week2 = writeLog(dir, "week2.csv", BAD, OTHER_BAD, LATER);
        LogAnalysis a = analyze(week1, week2);
        List<FileProblem> rejected = rejected(a);
        assertEquals(2, rejected.size(), rejected.toString());
        FileProblem first = rejected.getFirst();
        assertEquals("week1.csv", first.file());
        assertEquals(3, first.line());
        assertEquals("The Recipient column is empty. The same row is also line 2 of week2.csv, which was left out too"
                + " and is not listed again.", first.message());
        assertEquals("Kolumnen Recipient är tom. Samma rad är också rad 2 i week2.csv, som också utelämnades och inte"
                + " listas igen.", first.message(Locale.forLanguageTag("sv")));
        // a row rejected for the same reason with another Message ID Header is another row
        assertEquals("week2.csv", rejected.get(1).file());
        assertEquals(3, rejected.get(1).line());
        // the counts are each file's: week2 holds two rejected rows, and three rows in all
        assertEquals(List.of(1L, 2L), a.files().stream().map(AnalysedFile::rejectedRows).toList());
        assertEquals(3, a.rejectedRows());
        assertEquals(5, a.rows());
    }

    @Test
    void aCopyInALogWithoutTheTlsColumnsIsTheSameRowAndSeveralCopiesAreCounted() throws Exception {
        Path week1 = writeLog(dir, "week1.csv", GOOD, BAD);
        Path week2 = writeLog(dir, "week2.csv", BAD, LATER);
        // an older export without TLS_Cipher and TLS_Verified: compared on the columns both have
        Path old = LogFixtures.writeWithout(dir, "old.csv", LogFixtures.TLS_COLUMNS, BAD, GOOD);
        LogAnalysis a = analyze(week1, week2, old);
        List<FileProblem> rejected = rejected(a);
        assertEquals(1, rejected.size(), rejected.toString());
        assertEquals("The Recipient column is empty. The same row is in the other logs 2 more times (first line 2 of"
                + " week2.csv), each left out too and not listed again.", rejected.getFirst().message());
        assertEquals(List.of(1L, 1L, 1L), a.files().stream().map(AnalysedFile::rejectedRows).toList());
        assertEquals("week1.csv", rejected.getFirst().file());
    }

    @Test
    void oneLogKeepsEachRejectedRow() throws Exception {
        // within one file nothing changes: each rejected row is its own problem, as before
        LogAnalysis a = analyze(writeLog(dir, "one.csv", GOOD, BAD, BAD));
        assertEquals(2, rejected(a).size());
    }
}
