package org.mailpath.engine.log;

import java.util.Set;

/**
 * The reader's warnings that say the log was read other than as Salesforce writes it, by an assumption the mail admin
 * should check before relying on the results: dates read day first, text read as Windows-1252 or UTF-16 of a guessed
 * byte order, columns taken in the documented order, cells read as 0 or empty, characters replaced, hand-offs told
 * by address without the TLS_Cipher column, or a file read only in part. The others only say how a file was opened
 * (a delimiter, a zip's one entry, a file given twice, lower-case event letters, exact copies left out by design),
 * which changes no result. Rows rejected as invalid are no warnings ({@link FileProblem#rejected}).
 */
public final class ReadAssumptions {

    /** Dates read day first, by their own dates or like another file's (not of a file read month first). */
    private static final Set<String> READ_DAY_FIRST = Set.of("file.readDayFirst", "file.readDayFirst.allDates",
            "file.readDayFirst.like", "file.readDayFirst.refused", "file.readDayFirst.span");

    private static final Set<String> OTHERS = Set.of(
            // files analysed together disagreeing on the order of day and month
            "file.dateOrdersDisagree",
            // dates that look day first read month first, beside the rows rejected for it: some may be misdated
            "file.dayFirst",
            "file.notUtf8", "file.notUtf8Later", "file.utf16NoBom", "file.strayBytes.line", "file.strayBytes.lines",
            "file.strayBytes.offset",
            "header.none", "header.unknown", "header.duplicates",
            MissingTlsColumn.KEY, MissingTlsColumn.BELOW_KEY, MissingTlsColumn.KEY + ".partly",
            "repeated.BAD_NUMBER.one", "repeated.BAD_NUMBER.many",
            "repeated.COLUMN_COUNT.one", "repeated.COLUMN_COUNT.many",
            "repeated.TWO_DIGIT_YEAR.one", "repeated.TWO_DIGIT_YEAR.many",
            "repeated.TWO_DIGIT_YEAR_DAY_FIRST.one", "repeated.TWO_DIGIT_YEAR_DAY_FIRST.many",
            "repeated.TWO_DIGIT_YEAR_DOTTED.one", "repeated.TWO_DIGIT_YEAR_DOTTED.many",
            // a field's quotes lost in a re-save (its text split over the next columns), or no reply text at all
            "extraFields.one", "extraFields.many", "header.noStatusColumn",
            // rows saved in both orders: those of the other order rejected, the others' day and month maybe swapped
            "file.datesContradict.readDayFirst", "file.datesContradict.readMonthFirst",
            "file.datesContradict.readDayFirstAgain",
            // read month first against its first rows, which read day first, when no row was usable so
            "file.readMonthFirst.refused",
            "repeated.REPLACEMENT_CHARACTER.one", "repeated.REPLACEMENT_CHARACTER.many",
            "file.unclosedQuote", "file.changed", "file.stoppedPartly");

    private ReadAssumptions() {
    }

    /** The warning says the log was read by an assumption that may change its results. */
    public static boolean isOne(FileProblem problem) {
        return !problem.rejected() && key(problem).filter(k -> READ_DAY_FIRST.contains(k) || OTHERS.contains(k))
                .isPresent();
    }

    /**
     * The warning says its file's dates were read day first (d/M/yyyy); not the warning of a file read month first
     * while the files analysed with it disagree on the order.
     */
    public static boolean isReadDayFirst(FileProblem problem) {
        return !problem.rejected() && key(problem).filter(READ_DAY_FIRST::contains).isPresent();
    }

    /** Every key of the reader's texts these warnings are worded with. */
    static Set<String> keys() {
        Set<String> all = new java.util.HashSet<>(READ_DAY_FIRST);
        all.addAll(OTHERS);
        return Set.copyOf(all);
    }

    private static java.util.Optional<String> key(FileProblem problem) {
        return problem.messageText().filter(t -> t.bundle().equals(LogTexts.BUNDLE)).map(t -> t.key());
    }
}
