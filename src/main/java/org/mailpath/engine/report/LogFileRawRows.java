package org.mailpath.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.log.EmailLogRawRows;

/** The report appendix's rows, read again from the analysed Email Log file by line number. */
public record LogFileRawRows(Path file) implements RawRowSource {

    /** One source per file, in the order given (several logs analysed together). */
    public static List<RawRowSource> of(List<Path> files) {
        return files.stream().<RawRowSource>map(LogFileRawRows::new).toList();
    }

    @Override
    public List<String> header() throws IOException {
        return read(Set.of()).header();
    }

    @Override
    public Map<Long, List<String>> rows(Set<Long> lines) throws IOException {
        return read(lines).rows();
    }

    private EmailLogRawRows read(Set<Long> lines) throws IOException {
        try {
            return EmailLogRawRows.read(file, lines);
        } catch (UnusableLogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
