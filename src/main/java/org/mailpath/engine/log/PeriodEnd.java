package org.mailpath.engine.log;

import java.time.Duration;
import java.time.Instant;

/**
 * The warning of a log whose last row lies more than a day after every other row: that one row sets the end of the
 * log's period, against which messages deferred or only received are judged no longer retried. Worded with the
 * reader's texts; the analysis finds the row, since only it sees the rows of all parts and files.
 */
public final class PeriodEnd {

    private PeriodEnd() {
    }

    /**
     * The warning of {@code file}, whose row on {@code line}, dated {@code last}, lies after every other row (the
     * latest of them {@code before}); {@code plausible}: whether its date is plausible ({@link PlausibleDates}): an
     * implausible one was not used for those checks.
     */
    public static FileProblem warning(String file, long line, Instant last, Instant before, boolean plausible) {
        long hours = Duration.between(before, last).toHours();
        return new FileProblem(line, "", LogTexts.text(plausible ? "period.endApart" : "period.endImplausible",
                line, last.toString(), hours, before.toString()), false).inFile(file);
    }
}
