package org.mailpath.engine.log;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What is said of a row's date: its form when not the usual one, why it was rejected, the fault beside it. */
final class DateProblems {

    private DateProblems() {
    }

    /**
     * Says the form of {@code date}, taken, if it is not the usual one (a two-digit year, dotted, AM/PM, dashed day
     * first, an offset from GMT); {@code dayFirst} if the file is read day first.
     */
    static void sayForm(ProblemLog problems, long line, String column, ParsedDate date, boolean dayFirst) {
        if (date.twoDigitYear() && date.dotted()) {
            problems.repeated(ProblemLog.Repeated.TWO_DIGIT_YEAR_DOTTED, line, column);
        } else if (date.twoDigitYear()) {
            // worded by the order it was read in: d/M/yy in a file read day first
            problems.repeated(dayFirst ? ProblemLog.Repeated.TWO_DIGIT_YEAR_DAY_FIRST
                    : ProblemLog.Repeated.TWO_DIGIT_YEAR, line, column);
        } else if (date.dotted()) {
            // one warning for the file, with its count: the whole file was most likely re-saved so
            problems.repeated(ProblemLog.Repeated.DOTTED_DATE, line, column);
        }
        if (date.twelveHour()) {
            problems.repeated(ProblemLog.Repeated.TWELVE_HOUR, line, column);
        }
        if (date.dashed()) {
            problems.repeated(ProblemLog.Repeated.DASHED_DATE, line, column);
        }
        if (date.withOffset()) {
            // Salesforce writes GMT: an offset means the times were re-written, and are read as the GMT they stand for
            problems.repeated(ProblemLog.Repeated.TIME_ZONE_OFFSET, line, column);
        }
    }

    /**
     * Rejects the row for {@code dateText}, which reads only in the other order than the file's ({@code dayFirst}
     * if the file is read day first).
     */
    static void rejectOtherOrderOnly(ProblemLog problems, long line, String column, String dateText,
                                     boolean dayFirst) {
        problems.rejectValue(line, column, dayFirst ? "row.notADate.monthFirst" : "row.notADate.dayFirst", dateText);
    }

    /**
     * Rejects the row for {@code dateText}, which reads in neither order ({@code dayFirst} if the file is read day
     * first): as a form a spreadsheet writes where it is one, which says what happened better than the forms the
     * reader takes; else with those forms.
     */
    static void rejectUnread(ProblemLog problems, long line, String column, String dateText, boolean dayFirst) {
        Optional<String> form = LogDates.spreadsheetForm(dateText);
        if (form.isPresent()) {
            problems.rejectValue(line, column, form.get(), dateText);
        } else {
            problems.rejectValue(line, column, dayFirst ? "row.notADate.readDayFirst" : "row.notADate", dateText,
                    LogDates.FORMS);
        }
    }

    /**
     * Read again in the other order than the first rows decided, a row rejected for a date that reads only in theirs
     * ({@code firstRowsTime}, the date read so) was read with it the first time, and rejected then for another cell:
     * none of the file's rows could be used. That fault is said too, at the row's line and in its column (by
     * {@code mapping}), worded as the first read worded it ({@code columnsOff} if the row's count of fields is not
     * the header's {@code expectedColumns}): said for the date alone, the row would look lost to the order, while a
     * date mended would not make it usable. Nothing more where the date, read so, is one no row may have: that was
     * the first read's reason, and it is the Date's. The checks are {@link RowInterpreter}'s, in its order; the
     * warnings it gives on the way (a lower-case Mail Event) are not repeated for a row left out. A rejection path
     * only.
     */
    static void sayFaultBesideDate(ProblemLog problems, ColumnMapping mapping, int expectedColumns, long line,
                                   String[] v, boolean columnsOff, Instant firstRowsTime) {
        if (!LogRow.keeps(firstRowsTime)) {
            return;
        }
        String event = mapping.name(LogColumn.MAIL_EVENT);
        String letter = RowInterpreter.cell(v, mapping, LogColumn.MAIL_EVENT).strip();
        if (MailEvent.ofLetter(letter.toUpperCase(Locale.ROOT)).isEmpty()) {
            if (letter.isEmpty()) {
                problems.alsoFault(line, event, "row.cellEmpty", event);
            } else if (columnsOff) {
                problems.alsoFault(line, event, "row.shiftedColumns", ProblemLog.shorten(letter), v.length,
                        expectedColumns, event);
            } else {
                problems.alsoFault(line, event, "row.unknownEvent", ProblemLog.shorten(letter));
            }
            return;
        }
        String recipient = mapping.name(LogColumn.RECIPIENT);
        if (withoutNul(RowInterpreter.cell(v, mapping, LogColumn.RECIPIENT)).isEmpty()) {
            problems.alsoFault(line, recipient, "row.cellEmpty", recipient);
            return;
        }
        if (withoutNul(RowInterpreter.cell(v, mapping, LogColumn.MESSAGE_ID_HEADER)).isEmpty()
                && withoutNul(RowInterpreter.cell(v, mapping, LogColumn.INTERNAL_MESSAGE_ID)).isEmpty()) {
            problems.alsoFault(line, mapping.name(LogColumn.MESSAGE_ID_HEADER), "row.noMessageId",
                    mapping.name(LogColumn.MESSAGE_ID_HEADER), mapping.name(LogColumn.INTERNAL_MESSAGE_ID));
        }
    }

    /** {@code value} stripped, without the NUL characters the reader removes: whether a cell is empty as read. */
    private static String withoutNul(String value) {
        return value.replace("\0", "").strip();
    }
}
