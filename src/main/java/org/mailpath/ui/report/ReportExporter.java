package org.mailpath.ui.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.LogFileRawRows;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportRenderers;
import org.mailpath.report.io.CancellableStream;
import org.mailpath.report.io.PlacedAtPointOfNoReturn;
import org.mailpath.report.io.PointOfNoReturn;
import org.mailpath.report.io.ReportStorage;
import org.mailpath.report.io.ReportWriter;
import org.mailpath.report.io.WriteResult;

/** What the Report step needs of the report layer; every method runs on a worker thread. */
public interface ReportExporter {

    /**
     * {@code files} are the logs the analysis came from, in its order (one, or several analysed together), read again
     * for the appendix's raw rows; none when unknown. At most {@code listLimit} messages are listed with their events
     * and rows (0: every one), chosen as the command line's {@code --report-limit} chooses them
     * ({@link ReportBuilder#listLimit}); the report says how many it lists and how they were chosen.
     * {@code cancellation} is the task's: a cancel stops the build (of a large log, seconds of work) where it is.
     * @throws CancelledException when cancelled before the report was built: no report, not part of one
     */
    ReportModel build(LogAnalysis analysis, CheckReport checks, ReportOptions options, int listLimit,
                      List<Path> files, Cancellation cancellation);

    /**
     * As {@link #build(LogAnalysis, CheckReport, ReportOptions, int, List, Cancellation)}, {@code progress} told how
     * far the build got ({@link ReportBuilder#build(ProgressListener, Cancellation)}); an exporter that cannot tell
     * (a test's) tells nothing, and the step shows only that the build is under way.
     * @throws CancelledException when cancelled before the report was built: no report, not part of one
     */
    default ReportModel build(LogAnalysis analysis, CheckReport checks, ReportOptions options, int listLimit,
                              List<Path> files, ProgressListener progress, Cancellation cancellation) {
        return build(analysis, checks, options, listLimit, files, cancellation);
    }

    /**
     * The report as plain text, for the preview: as the exported text but with each paragraph of prose on one line,
     * for the preview's own wrapping at the window's width. A cancel stops the rendering at its next write.
     * @throws CancelledException when cancelled before the text was made
     */
    String preview(ReportModel model, Cancellation cancellation) throws IOException;

    /**
     * Writes atomically; an earlier file is replaced only when the whole new one is written, and only when
     * {@code replace} (the user was asked about that very file); otherwise it is left alone and the write refused. A
     * read-only file is never replaced, and a symbolic link is written through: the command line's rules
     * ({@link org.mailpath.report.io.ReportDestination}).
     * {@code cancellation} is the export task's: a cancel stops the rendering and puts nothing in place. The report
     * is put in place only once {@code end} is passed (the task's point of no return, which a cancel no longer
     * undoes): a cancel just before the rename, or while it is done, is then either in time or too late, never both.
     * A PDF is laid out on {@code paper}; the other formats have no paper size.
     * @throws CancelledException when cancelled before the report was put in place: no report, no temporary file,
     *         and an earlier file unchanged
     */
    WriteResult write(Path target, ReportFormat format, Paper paper, ReportModel model, boolean replace,
                      Cancellation cancellation, PointOfNoReturn end);

    /** The report engineer's builder, renderers (its own) and atomic writer, on the real file system. */
    static ReportExporter standard() {
        return standard(ReportStorage.local());
    }

    /**
     * As {@link #standard()}, the report written through {@code storage} (tests: one that cancels as it is placed).
     * The exporter owns its renderers, so its PDFs' fonts are parsed once for all its exports.
     */
    static ReportExporter standard(ReportStorage storage) {
        ReportRenderers renderers = new ReportRenderers();
        return new ReportExporter() {
            @Override
            public ReportModel build(LogAnalysis analysis, CheckReport checks, ReportOptions options, int listLimit,
                                     List<Path> files, Cancellation cancellation) {
                return build(analysis, checks, options, listLimit, files, ProgressListener.NONE, cancellation);
            }

            @Override
            public ReportModel build(LogAnalysis analysis, CheckReport checks, ReportOptions options, int listLimit,
                                     List<Path> files, ProgressListener progress, Cancellation cancellation) {
                return new ReportBuilder(analysis, options).checks(checks).rawRows(LogFileRawRows.of(files))
                        .listLimit(listLimit).build(progress, cancellation);
            }

            @Override
            public String preview(ReportModel model, Cancellation cancellation) throws IOException {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                // as the export's writer does: the renderer does not look at the cancel, its stream does
                renderers.textPreview().render(model, new CancellableStream(text, cancellation));
                return text.toString(StandardCharsets.UTF_8);
            }

            @Override
            public WriteResult write(Path target, ReportFormat format, Paper paper, ReportModel model,
                                     boolean replace, Cancellation cancellation, PointOfNoReturn end) {
                return new ReportWriter(new PlacedAtPointOfNoReturn(storage, end)).write(target, model,
                        renderers.forFormat(format, paper), replace, cancellation);
            }
        };
    }
}
