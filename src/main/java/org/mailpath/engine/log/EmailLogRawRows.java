package org.mailpath.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Reads chosen rows of an Email Log again, exactly as they are in the file (for a report appendix: the raw rows of
 * the messages it shows). Chains keep only line numbers; this re-reads the file instead of holding every row.
 *
 * @param header the header row as written in the file, or the documented column labels if the file has none
 * @param headerFromFile whether {@code header} comes from the file
 * @param rows the original field values by the physical line where each record starts
 */
public record EmailLogRawRows(List<String> header, boolean headerFromFile, SortedMap<Long, List<String>> rows) {

    public EmailLogRawRows {
        header = List.copyOf(header);
        rows = Collections.unmodifiableSortedMap(new TreeMap<>(rows));
    }

    /** The header and the records starting at {@code lines} (lines that start no record are left out). */
    public static EmailLogRawRows read(Path file, Set<Long> lines) throws UnusableLogException {
        TreeSet<Long> wanted = new TreeSet<>(lines);
        SortedMap<Long, List<String>> found = new TreeMap<>();
        List<String> header = null;
        boolean fromFile = false;
        try (LogInput input = LogInput.open(file, LogLimits.DEFAULT);
             CSVParser parser = CSVParser.builder().setReader(input.reader())
                     .setFormat(CsvRecords.format(input.delimiter())).get()) {
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                long start = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                String[] values = record.values();
                boolean blank = Arrays.stream(values).allMatch(String::isBlank);
                if (header == null && !blank) {
                    ColumnMapping m = ColumnMapping.fromHeader(values);
                    fromFile = m.recognised() >= 3;
                    header = fromFile ? Arrays.asList(values) : documentedLabels();
                }
                if (wanted.contains(start)) {
                    found.put(start, Arrays.asList(values));
                }
                if (wanted.isEmpty() || start >= wanted.last()) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            String name = FileNames.nameOf(file);
            throw new UnusableLogException(name + " could not be read again for its raw rows: " + e.getMessage() + ".", e);
        }
        return new EmailLogRawRows(header == null ? documentedLabels() : header, fromFile, found);
    }

    private static List<String> documentedLabels() {
        return Arrays.stream(LogColumn.values()).map(LogColumn::label).toList();
    }
}
