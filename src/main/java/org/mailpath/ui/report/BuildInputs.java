package org.mailpath.ui.report;

import java.nio.file.Path;
import java.util.List;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/** What a report is built from, kept with the model so that an export can build it again, listed whole. */
record BuildInputs(LogAnalysis analysis, CheckReport checks, ReportOptions options, int listLimit, List<Path> files) {

    /**
     * Progress of the work after a build (the preview's text, the file written), whose length is not known: a
     * fraction of -1, shown as under way, not as done.
     */
    static final Progress UNDER_WAY = new Progress(0, 0, "");

    /**
     * The report as these inputs list it ({@link #listLimit}), unless cancelled first; {@code progress} told how
     * far the build got.
     */
    ReportModel build(ReportExporter exporter, ProgressListener progress, Cancellation cancellation) {
        return exporter.build(analysis, checks, options, listLimit, files, progress, cancellation);
    }

    /** The same inputs with every message listed. */
    BuildInputs whole() {
        return new BuildInputs(analysis, checks, options, 0, files);
    }
}
