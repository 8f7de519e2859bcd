package org.mailpath.engine.log;

import java.util.List;

/**
 * The warning of a file none of whose dates tells the order of day and month ({@link DatesTold#tellsNothing}), analysed
 * with files whose dates disagree: some read day first, others only month first. It cannot follow both, so it is
 * read month first, as Salesforce writes it, and the mail admin is told why it did not follow the day-first ones.
 * Worded with the reader's texts; the analysis finds it, since only it sees the files together.
 */
public final class DateOrderDisagreement {

    private DateOrderDisagreement() {
    }

    /** The warning of {@code file}, analysed with {@code dayFirst} files read day first and {@code monthFirst} not. */
    public static FileProblem warning(String file, List<String> dayFirst, List<String> monthFirst) {
        return new FileProblem(0, "", LogTexts.text("file.dateOrdersDisagree", String.join(", ", dayFirst),
                String.join(", ", monthFirst)), false).inFile(file);
    }
}
