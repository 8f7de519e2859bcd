package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;

/**
 * The rows held while the order of the dates is decided ({@link DateOrderSniff}) are reported as read: a first read
 * said "0 rows" of a file whose first rows were parsed and held.
 */
class HeldRowsProgressTest {

    @TempDir
    Path dir;

    @Test
    void rowsHeldForTheDateOrderCountInTheProgress() throws Exception {
        // dates that read either way (11/11, 12/11) and, near the end, day first only: nothing decides before the
        // end, so every row is held till then, over more than one batch
        int n = 3 * CsvBatchProducer.BATCH - 100;
        assertTrue(n < DateOrderSniff.MAX_ROWS);
        Path log = LogFixtures.write(dir, "held.csv", LogFixtures.slashedLog(n, true, true));
        List<Progress> reports = new ArrayList<>();
        ReadSummary summary = new EmailLogReader(LogLimits.DEFAULT).read(log, row -> { }, reports::add,
                Cancellation.none());

        assertTrue(reports.size() > 1, "reports before the end: " + reports.size());
        assertEquals(n, summary.rows());
        Progress beforeEnd = reports.getFirst();
        // the first batch: the header and the rows after it
        assertEquals(CsvBatchProducer.BATCH - 1, beforeEnd.items(), "rows held are read");
        long last = 0;
        for (Progress p : reports) {
            assertTrue(p.items() >= last && p.items() <= n, "never back, never past the rows: " + p.items());
            last = p.items();
        }
        assertEquals(n, reports.getLast().items());
    }
}
