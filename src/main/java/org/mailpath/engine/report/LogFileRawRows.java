package org.mailpath.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.EmailLogRawRows;
import org.mailpath.engine.log.FilesGivenOnce;
import org.mailpath.engine.log.LogSource;

/**
 * The report appendix's rows, read again from the analysed Email Log file (or CSV of a zip of several) by line
 * number.
 */
public record LogFileRawRows(LogSource source) implements RawRowSource {

    /** The rows of {@code file}, read as a whole. */
    public LogFileRawRows(Path file) {
        this(new LogSource.WholeFile(file));
    }

    /**
     * One source per log, in the order given (several logs analysed together): a zip of several CSVs is one per CSV,
     * as the analysis read it ({@link LogSource#of}), and a file given twice is one ({@link FilesGivenOnce}), so a
     * chain event's file index finds its file.
     */
    public static List<RawRowSource> of(List<Path> files) {
        return FilesGivenOnce.of(files).files().stream().flatMap(f -> LogSource.of(f).stream())
                .<RawRowSource>map(LogFileRawRows::new).toList();
    }

    @Override
    public List<String> header() throws IOException {
        return read(Set.of(), Cancellation.none()).header();
    }

    /** Reading a large log again to its last row wanted takes seconds: a cancel stops it. */
    @Override
    public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) throws IOException {
        return read(lines, cancellation).rows();
    }

    private EmailLogRawRows read(Set<Long> lines, Cancellation cancellation) throws IOException {
        try {
            return EmailLogRawRows.read(source, lines, cancellation);
        } catch (UnusableLogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
