package org.mailpath.engine.log;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.PackedStrings;
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

    /**
     * The header and the records starting at {@code lines} of {@code source}, a whole file or one CSV of a zip of
     * several (lines that start no record, or a record too long to read, are left out). Records and their line numbers
     * come from {@link CsvRecords}, as in the analysis, so an event's line finds its row. Stops at the next record
     * once {@code cancellation} is cancelled.
     * @throws org.mailpath.engine.common.CancelledException when it was
     */
    public static EmailLogRawRows read(LogSource source, Set<Long> lines, Cancellation cancellation)
            throws UnusableLogException {
        TreeSet<Long> wanted = new TreeSet<>(lines);
        SortedMap<Long, List<String>> found = new TreeMap<>();
        String[][] firstRecord = new String[1][];
        Throwable error;
        try (LogInput input = LogInput.open(source, source.name(), LogLimits.DEFAULT)) {
            error = CsvRecords.read(input, 0, (start, values) -> {
                if (firstRecord[0] == null && !Arrays.stream(values).allMatch(String::isBlank)) {
                    firstRecord[0] = values;
                }
                if (wanted.contains(start) && values != CsvRecords.OVERSIZED) {
                    // packed as they are read: a report of a large log asks for hundreds of thousands of rows at once
                    found.put(start, PackedStrings.of(values));
                }
                return !wanted.isEmpty() && start < wanted.last() && !cancellation.isCancelled();
            }).error();
        } catch (IOException e) {
            error = e;
        }
        // stopped, or failed as the app's cancel interrupted the read: cancelled, not an unusable log
        cancellation.throwIfCancelled();
        if (error != null) {
            throw new UnusableLogException(LogTexts.text("unusable.rawRowsAgain", source.name(),
                    FileErrorReason.describe(error)), error);
        }
        boolean fromFile = firstRecord[0] != null && ColumnMapping.fromHeader(firstRecord[0]).recognised() >= 3;
        return new EmailLogRawRows(fromFile ? Arrays.asList(firstRecord[0]) : documentedLabels(), fromFile, found);
    }

    private static List<String> documentedLabels() {
        return Arrays.stream(LogColumn.values()).map(LogColumn::label).toList();
    }
}
