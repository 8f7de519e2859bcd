package org.mailpath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpath analyze FILE [--format text|json]}: analyses a Salesforce Email Log. Exit 0 when analysed, 2 when
 * the file is unusable or the arguments are wrong (one line on stderr), 1 on an internal error. Analysis and output
 * live in separate classes so further options (DNS checks, report, probe) only add steps here.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyses a Salesforce Email Log (.csv, .csv.gz, .zip): verdict of every message, decoded"
                + " causes and what to do.")
public final class AnalyzeCommand implements Callable<Integer> {

    /** Output formats of {@code analyze}. */
    public enum Format { TEXT, JSON }

    @Parameters(index = "0", paramLabel = "FILE", description = "The Email Log file.")
    Path file;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format: text (a summary to act on) or json (every message). Default: ${DEFAULT-VALUE}.")
    Format format = Format.TEXT;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final LogAnalyzer analyzer;

    public AnalyzeCommand() {
        this(new EmailLogAnalyzer());
    }

    AnalyzeCommand(LogAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LogAnalysis analysis;
        try {
            analysis = analyzer.analyze(file, ProgressListener.NONE, Cancellation.none());
        } catch (UnusableLogException e) {
            spec.commandLine().getErr().println("mailpath analyze: " + e.getMessage());
            return MailPathCommand.EXIT_USAGE;
        }
        switch (format) {
            case JSON -> {
                AnalysisJson.write(analysis, out);
                out.println();
            }
            case TEXT -> AnalysisTextFormat.write(analysis, out);
        }
        out.flush();
        return 0;
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format '" + value + "' (use text or json)");
            }
        }
    }
}
