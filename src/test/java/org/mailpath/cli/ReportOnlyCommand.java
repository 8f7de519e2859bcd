package org.mailpath.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.report.CsvRawRows;
import org.mailpath.engine.report.RawRowSource;
import picocli.CommandLine;

/**
 * A command with only analyze's report options, as analyze runs them: the log analysed, then the report exported with
 * no checks, its raw rows read from {@code rawRows} (the log itself unless a test says otherwise).
 */
@CommandLine.Command(name = "analyze")
final class ReportOnlyCommand implements Callable<Integer> {
    @CommandLine.Parameters(index = "0")
    Path file;

    @CommandLine.Mixin
    ReportExportOptions report = new ReportExportOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<Path, RawRowSource> rawRows;

    ReportOnlyCommand() {
        this(CsvRawRows::new);
    }

    ReportOnlyCommand(Function<Path, RawRowSource> rawRows) {
        this.rawRows = rawRows;
    }

    @Override
    public Integer call() throws Exception {
        report.validate(List.of());
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(file, ProgressListener.NONE, Cancellation.none());
        // as analyze does: a --domain or --message-id the log does not have is refused before anything is written
        if (report.refusedFilters(analysis, spec.commandLine().getErr())) {
            return MailPathCommand.EXIT_USAGE;
        }
        return report.export(analysis, CheckReport.empty(), List.of(), rawRows.apply(file),
                spec.commandLine().getErr());
    }
}
