package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mailpath.engine.log.LogFixtures.deliveredLog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.LogFileRawRows;
import org.mailpath.engine.report.RawRowSource;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * A report quoting rows of many CSVs of one zip reads them again with the zip opened once for the report, not once
 * for each CSV's header and once more for its rows: opening a zip reads its whole central directory, so a report of
 * a zip of 20,000 CSVs opened it 40,000 times.
 */
class ZipOpenedOncePerReportTest {

    @TempDir
    Path dir;

    @Test
    void theRowsOfAllItsCsvsAreReadWithTheZipOpenedOnce() throws Exception {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add("w" + i + ".csv");
            entries.add(deliveredLog("m" + i));
        }
        Path zip = LogFixtures.write(dir, "month.zip", LogFixtures.zip(entries.toArray(String[]::new)));
        LogAnalysis a = new EmailLogAnalyzer(StatusKnowledgeBase.standard(), LogLimits.DEFAULT)
                .analyze(List.of(zip), ProgressListener.NONE, Cancellation.none());
        List<RawRowSource> rawRows = LogFileRawRows.of(List.of(zip));
        SharedZip shared = ((LogSource.ZipMember) ((LogFileRawRows) rawRows.getFirst()).source()).contents().zip();
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults()).rawRows(rawRows).build();
        assertEquals(24, m.appendix().rows().size(), "every CSV's two rows quoted");
        assertEquals(12, m.appendix().files().size());
        assertEquals(1, shared.timesOpened());
        assertFalse(shared.isOpen(), "closed once the rows are read");
        // a second report opens it once more, and closes it again
        new ReportBuilder(a, ReportOptions.defaults()).rawRows(rawRows).build();
        assertEquals(2, shared.timesOpened());
        assertFalse(shared.isOpen());
    }
}
