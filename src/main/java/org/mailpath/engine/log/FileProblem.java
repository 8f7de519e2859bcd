package org.mailpath.engine.log;

/**
 * A problem found in an input file: {@code line} is the 1-based physical line (0 for the whole file),
 * {@code field} the column it concerns (empty when none), {@code message} a sentence for a mail admin.
 * {@code rejected} tells whether the row was left out of the analysis (false for warnings).
 */
public record FileProblem(long line, String field, String message, boolean rejected) {

    public FileProblem {
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }
}
