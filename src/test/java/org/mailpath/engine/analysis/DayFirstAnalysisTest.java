package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * An Email Log re-saved day first (d/M/yyyy) is analysed as the same log written month first: the same messages,
 * verdicts and times; analysed with other logs, each file's dates are read in its own order.
 */
class DayFirstAnalysisTest {

    @TempDir
    Path dir;

    private static void assertSameAnalysis(LogAnalysis expected, LogAnalysis actual) {
        assertEquals(expected.chains(), actual.chains());
        assertEquals(expected.verdicts(), actual.verdicts());
        assertEquals(expected.bounceCategories(), actual.bounceCategories());
        assertEquals(expected.firstEvent(), actual.firstEvent());
        assertEquals(expected.lastEvent(), actual.lastEvent());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.rejectedRows(), actual.rejectedRows());
    }

    @Test
    void aDayFirstLogIsAnalysedAsTheSameLogWrittenMonthFirst() throws Exception {
        LogAnalysis monthFirst = analyze(LogFixtures.write(dir, "m.csv", LogFixtures.slashedLog(6000, false, true)));
        LogAnalysis dayFirst = analyze(LogFixtures.write(dir, "d.csv", LogFixtures.slashedLog(6000, true, true)));
        assertTrue(monthFirst.count(Verdict.DELIVERED) > 0 && monthFirst.count(Verdict.BOUNCED) > 0,
                monthFirst.verdicts().toString());
        assertSameAnalysis(monthFirst, dayFirst);
        assertTrue(dayFirst.problems().stream().anyMatch(p -> p.message().startsWith("The dates were read day first")));
    }

    @Test
    void logsAnalysedTogetherEachReadInTheirOwnOrder() throws Exception {
        String first = LogFixtures.slashedLog(3000, false, true);
        // the second log's messages are its own: other IDs
        String second = LogFixtures.slashedLog(3000, false, true).replace("\"m", "\"n");
        String secondDayFirst = LogFixtures.slashedLog(3000, true, true).replace("\"m", "\"n");
        LogAnalysis monthFirst = analyze(LogFixtures.write(dir, "a.csv", first),
                LogFixtures.write(dir, "b.csv", second));
        LogAnalysis mixed = analyze(LogFixtures.write(dir, "a2.csv", first),
                LogFixtures.write(dir, "b2.csv", secondDayFirst));
        assertSameAnalysis(monthFirst, mixed);
    }
}
