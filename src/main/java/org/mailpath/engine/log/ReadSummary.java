package org.mailpath.engine.log;

import java.util.List;

/**
 * What reading a log gave besides its rows: {@code rows} counts data rows (rejected ones included);
 * {@code problems} holds rejected rows and warnings (capped, see {@link LogLimits}); {@code rejectedRows} is the true
 * count. {@code complete} is false when reading stopped early (a limit, a truncated or changing file). Every
 * problem names {@code file} ({@link FileProblem#inFile}). {@code separatorOnlyRows} counts the rows that hold only
 * separators (such as {@code ,,,,,,,}, rows Excel leaves behind when their contents are deleted): not data rows, so
 * not in {@code rows}, skipped, and said in one of the warnings. {@code rejectedRowsKept}: the cells of the rejected
 * rows whose problems are in {@code problems}, in line order, to tell a bad row that another log analysed with this one
 * holds too ({@link RejectedRow#sameRowAs}). {@code dates}: what its slashed dates told of the order of day and month,
 * over all its rows (files analysed together are then read again in the order they tell: {@link DateOrder}).
 */
public record ReadSummary(String file, long rows, long rejectedRows, List<FileProblem> problems,
                          ColumnMapping mapping, String charset, char delimiter, boolean complete,
                          long separatorOnlyRows, List<RejectedRow> rejectedRowsKept, DatesTold dates) {

    public ReadSummary {
        problems = problems.stream().map(p -> p.inFile(file)).toList();
        rejectedRowsKept = List.copyOf(rejectedRowsKept);
    }
}
