package org.mailpath.engine.report;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.PackedStrings;

/**
 * The raw log rows of the included messages, in file order, with the file's header. {@code note} says why rows
 * are missing when the file could not be read again. For several logs analysed together, {@code files} gives each
 * file's header in the order of the files (only those with rows here), the rows are in file order and then line
 * order and name their file, and {@code header} is empty (the files' columns may differ).
 */
public record Appendix(List<String> header, List<RawRow> rows, Optional<String> note, List<FileColumns> files) {

    public Appendix {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        files = List.copyOf(files);
    }

    /** The appendix of a report on a single log. */
    public Appendix(List<String> header, List<RawRow> rows, Optional<String> note) {
        this(header, rows, note, List.of());
    }

    /** The rows of {@code file}, one of several logs analysed together, in line order. */
    public List<RawRow> rowsOf(FileColumns file) {
        return rows.stream().filter(r -> r.file().equals(file.file())).toList();
    }

    /** The header row of {@code file}, one of several logs analysed together. */
    public record FileColumns(String file, List<String> header) {
        public FileColumns {
            header = List.copyOf(header);
        }
    }

    /**
     * One row as it was in the file, by physical line number; {@code file} names it among several, else empty. Its
     * cells are kept packed ({@link PackedStrings}): a report of a large log holds hundreds of thousands of rows, and
     * as separate Strings they took more heap than the rest of the report.
     */
    public record RawRow(long line, List<String> cells, String file) {
        public RawRow {
            cells = PackedStrings.of(cells);
        }

        /** A row of a single log. */
        public RawRow(long line, List<String> cells) {
            this(line, cells, "");
        }
    }
}
