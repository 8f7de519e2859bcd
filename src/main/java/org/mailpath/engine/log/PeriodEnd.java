package org.mailpath.engine.log;

import java.time.Duration;
import java.time.Instant;

/**
 * The warning of a log whose last row lies more than a day after every other row: that one row sets the end of the
 * log's period, against which messages deferred or only received are judged no longer retried. Said when its date is
 * implausible (it was not used), or when it alone makes some such message count as no longer retried. Worded with the
 * reader's texts; the analysis finds the row and counts those messages, since only it sees the rows of all parts and
 * files.
 */
public final class PeriodEnd {

    private PeriodEnd() {
    }

    /**
     * The warning of {@code file}, whose row on {@code line}, dated {@code last} (plausibly, {@link PlausibleDates}),
     * lies more than a day after every other row (the latest of them {@code before}) and alone makes {@code stale}
     * messages deferred or only received count as no longer retried: against {@code before} they would not. Not said
     * when it makes none so: a quiet org's last mail a day or two after the one before it is common.
     */
    public static FileProblem apart(String file, long line, Instant last, Instant before, long stale) {
        return new FileProblem(line, "", LogTexts.text("period.endApart", line, last.toString(), hours(before, last),
                before.toString(), stale), false).inFile(file);
    }

    /**
     * The warning of {@code file}, whose row on {@code line}, dated {@code last}, lies more than a day after every
     * other row (the latest of them {@code before}) and is implausible ({@link PlausibleDates}): it was not used for
     * those checks.
     */
    public static FileProblem implausible(String file, long line, Instant last, Instant before) {
        return new FileProblem(line, "", LogTexts.text("period.endImplausible", line, last.toString(),
                hours(before, last), before.toString()), false).inFile(file);
    }

    private static long hours(Instant before, Instant last) {
        return Duration.between(before, last).toHours();
    }
}
