package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.finding.LocalText;

/** What one file's header lines told and what is said of them: asked once per file or header line, never per row. */
final class HeaderLines {

    /**
     * Non-blank lines looked at for the header below a first line that is neither a header nor a data row (a title a
     * person or a tool put above the export, "Salesforce Email Log - requested 11/17/2026"): a few, so that a file
     * that has no header is not held long.
     */
    static final int HEADER_SEARCH_LINES = 10;

    /** What a record met while no columns are decided is to the search for the header ({@link #search}). */
    enum Search {
        /** The file's first line: it decides the columns ({@link #first}). */
        FIRST_LINE,
        /** Held, while the header is looked for below the first line. */
        HELD,
        /** The header, below the lines held: it decides the columns, those lines skipped. */
        HEADER_BELOW,
        /** The search ends without a header: the lines held are read as before ({@link #endSearch}). */
        NO_HEADER_BELOW
    }

    /** How many of the log's columns a row cannot do without ({@link LogColumn#required}). */
    private static final int REQUIRED_COLUMNS =
            (int) Arrays.stream(LogColumn.values()).filter(LogColumn::required).count();

    private final String fileName;
    private final ProblemLog problems;
    /**
     * The records, counted, held while the header is looked for below a first line that is neither a header nor a
     * data row ({@link #HEADER_SEARCH_LINES}); empty when no header is looked for.
     */
    private List<DateOrderSniff.Held> aboveHeader = new ArrayList<>(0);
    /**
     * The first line's cells when it was skipped as a header MailPath does not know, empty when it was not (a
     * skipped line has at least one cell): said if no row is usable either.
     */
    private List<String> unknownHeader = List.of();
    /**
     * Whether the first line is one cell holding commas: a comma-separated log opened by a spreadsheet that splits on
     * semicolons put each line in its first column, and saved it so, each line quoted as one field.
     */
    private boolean wholeLineInOneCell;
    /**
     * The separator of a first line that is one cell naming the log's columns between another separator than MailPath
     * reads ('|'), said if no row is usable; 0 if none.
     */
    private char otherSeparator;
    /**
     * Where the file's header changed mid-way ({@link #changedTo}): the first header's columns less those any later
     * header lacked, the columns the file has for all its rows; null while the first header holds.
     */
    private ColumnMapping headers;
    /** Whether a header with other columns than the first was met ({@link #changed}). */
    private boolean changed;
    /** Whether the file was said to lack the TLS columns ({@link #warnIfNoTlsColumn}): said once. */
    private boolean tlsColumnWarned;

    HeaderLines(String fileName, ProblemLog problems) {
        this.fileName = fileName;
        this.problems = problems;
    }

    /** Whether {@code values} is a header MailPath knows: three of its columns, or two of the required ones. */
    static boolean readsAsHeader(String[] values) {
        return readsAsHeader(ColumnMapping.fromHeader(values));
    }

    /** {@link #readsAsHeader(String[])} of a line already mapped by name ({@code byName}). */
    static boolean readsAsHeader(ColumnMapping byName) {
        int requiredFound = REQUIRED_COLUMNS - byName.missingRequired().size();
        return byName.recognised() >= 3 || requiredFound >= 2;
    }

    /**
     * Whether {@code values}, read in the documented order, is a data row, even with a bad date: its date reads (by
     * {@code dates}), or its Mail Event and Recipient columns read as such.
     */
    static boolean readsAsData(String[] values, LogDates dates) {
        ColumnMapping documented = ColumnMapping.documentedOrder();
        return dates.parse(RowInterpreter.cell(values, documented, LogColumn.DATE)).isPresent()
                || (MailEvent.ofLetter(RowInterpreter.cell(values, documented, LogColumn.MAIL_EVENT).strip()
                        .toUpperCase(Locale.ROOT)).isPresent()
                        && RowInterpreter.cell(values, documented, LogColumn.RECIPIENT).indexOf('@') > 0);
    }

    /**
     * The columns the file's first line, on {@code line}, decides on: a header MailPath knows (refused if it lacks a
     * column no row can do without), else the documented order, the line being a data row (its dates read by
     * {@code dates}) or a header MailPath does not know ({@link #unknownFirstLine}, skipped). Says what the line
     * tells of the file: its missing columns, names overruled or repeated, or that it has no header.
     */
    ColumnMapping first(long line, String[] first, LogDates dates) throws UnusableLogException {
        ColumnMapping byName = ColumnMapping.fromHeader(first);
        if (readsAsHeader(byName)) {
            List<LogColumn> missing = byName.missingRequired();
            if (!missing.isEmpty()) {
                throw new UnusableLogException(LogTexts.text("unusable.missingColumns", fileName,
                        String.join(", ", missing.stream().map(LogColumn::label).toList()), headerShown(byName)));
            }
            if (byName.lacksIdColumns()) {
                // said once for the file, not as every row's rejection: no row of it can be tied to a message
                throw new UnusableLogException(LogTexts.text("unusable.noIdColumns", fileName,
                        LogColumn.MESSAGE_ID_HEADER.label(), LogColumn.INTERNAL_MESSAGE_ID.label(),
                        headerShown(byName)));
            }
            warnIfNoTlsColumn(byName.has(LogColumn.TLS_CIPHER));
            if (!byName.has(LogColumn.DELIVERY_STATUS)) {
                // every bounce and deferral would count as Unknown without a word why
                problems.warnAlways(0, LogTexts.text("header.noStatusColumn", fileName,
                        LogColumn.DELIVERY_STATUS.label()));
            }
            for (ColumnMapping.Overruled o : byName.overruled()) {
                problems.warn(line, "", "header.overruled", o.name(), byName.name(o.column()));
            }
            if (!byName.duplicates().isEmpty()) {
                problems.warn(line, "", "header.duplicates", String.join(", ", byName.duplicates()));
            }
            return byName;
        }
        if (first.length == 1) {
            // a whole line in one cell, its commas inside: said if no row is usable (RowInterpreter.finish)
            wholeLineInOneCell = first[0].indexOf(',') >= 0;
            otherSeparator = separatorNotRead(first[0]);
        }
        // a data row, even with a bad date, if its Mail Event and Recipient columns read as such: it is then
        // rejected with its reason instead of being skipped as an unknown header
        boolean firstIsData = readsAsData(first, dates);
        warnIfNoTlsColumn(first.length > LogColumn.TLS_CIPHER.ordinal());
        if (!firstIsData) {
            // as many cells as a sentence can hold, each as long as a column name could sensibly be
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.min(first.length, 20); i++) {
                cells.add(i == 19 && first.length > 20 ? "\u2026" : ProblemLog.shorten(first[i].strip()));
            }
            unknownHeader = List.copyOf(cells);
        }
        problems.warn(line, "", firstIsData ? "header.none" : "header.unknown", line);
        return ColumnMapping.documentedOrder();
    }

    /**
     * While no columns are decided: looks for the header below a first line that is neither a header nor a data row,
     * holding the records (counted) until one is a header, which then decides the columns with the lines above it
     * skipped ({@link Search#HEADER_BELOW}, said here), or until a data row (its date read by {@code dates}),
     * {@link #HEADER_SEARCH_LINES} lines or the end of the records tell there is none
     * ({@link Search#NO_HEADER_BELOW}: read as before, the first line skipped as an unknown header).
     */
    Search search(long line, String[] values, LogDates dates) {
        if (aboveHeader.isEmpty()) {
            if (readsAsHeader(values) || readsAsData(values, dates)) {
                return Search.FIRST_LINE;
            }
            aboveHeader.add(new DateOrderSniff.Held(line, values, true));
            return Search.HELD;
        }
        if (readsAsHeader(values)) {
            List<DateOrderSniff.Held> skipped = aboveHeader;
            aboveHeader = new ArrayList<>(0);
            foundBelow(skipped.getFirst().line(), line);
            return Search.HEADER_BELOW;
        }
        aboveHeader.add(new DateOrderSniff.Held(line, values, true));
        return aboveHeader.size() >= HEADER_SEARCH_LINES || readsAsData(values, dates) ? Search.NO_HEADER_BELOW
                : Search.HELD;
    }

    /** Whether records are held while the header is looked for ({@link #search}). */
    boolean searching() {
        return !aboveHeader.isEmpty();
    }

    /**
     * Ends the search without a header: the records held, in file order, the first of them the line that decides the
     * columns as the first line always did.
     */
    List<DateOrderSniff.Held> endSearch() {
        List<DateOrderSniff.Held> held = aboveHeader;
        aboveHeader = new ArrayList<>(0);
        return held;
    }

    /**
     * Says that the header was found on {@code headerLine}, below the lines from {@code first} on that were skipped
     * (a title above the export): said before the header's own warnings, it explains why the header is not on line 1.
     */
    private void foundBelow(long first, long headerLine) {
        // every line up to the header's is skipped, blank ones between the title lines too
        long last = headerLine - 1;
        problems.warn(first, "", last == first ? "header.linesAbove.one" : "header.linesAbove.many",
                first, last, headerLine, last - first + 1);
    }

    /**
     * Takes {@code byName}, a header met again on {@code line} with other columns than {@code mapping}, the one in
     * use, and says so: returns whether the rows below it can be read by it; not if it lacks a column no row can do
     * without (reading them by the header above would take one column's cells for another's).
     */
    boolean changedTo(long line, ColumnMapping byName, ColumnMapping mapping) {
        changed = true;
        List<LogColumn> missing = byName.missingRequired();
        if (!missing.isEmpty() || byName.lacksIdColumns()) {
            problems.warnAlways(line, LogTexts.text("header.changedUnreadable", line, headerShown(byName)));
            return false;
        }
        headers = (headers == null ? mapping : headers).withoutColumnsLackedBy(byName);
        problems.warnAlways(line, LogTexts.text("header.changed", line, headerShown(byName)));
        if (!byName.has(LogColumn.TLS_CIPHER) && !tlsColumnWarned) {
            // the rows above have the column: only those below this header lack it
            tlsColumnWarned = true;
            problems.warnAlways(0, MissingTlsColumn.below(line));
        }
        return true;
    }

    /** Whether a header with other columns than the first was met ({@link #changedTo}). */
    boolean changed() {
        return changed;
    }

    /**
     * The columns the file has for all its rows, {@code mapping} being the first header's: less those a header met
     * again lacked.
     */
    ColumnMapping allRowsHave(ColumnMapping mapping) {
        return headers != null ? headers : mapping;
    }

    /** Whether the first line was skipped as a header MailPath does not know. */
    boolean unknownFirstLine() {
        return !unknownHeader.isEmpty();
    }

    /**
     * The refusal of a file none of whose rows could be used whose first line is one cell naming the log's columns
     * between another separator than MailPath reads: the rows' commas (in their status texts) made more than one
     * column, so the header tells the cause, and alone (the first row's "is not a date" and its ninety words of date
     * formats buried it).
     */
    Optional<LocalText> otherSeparatorRefusal() {
        return otherSeparator == 0 ? Optional.empty()
                : Optional.of(LogTexts.text("unusable.otherSeparator", fileName, String.valueOf(otherSeparator)));
    }

    /** The refusal of a file of one column, none of whose rows could be used ({@code noUsableRow}). */
    LocalText singleColumn(LocalText noUsableRow) {
        return LogTexts.text(wholeLineInOneCell ? "unusable.singleColumn.commasInside" : "unusable.singleColumn",
                noUsableRow);
    }

    /**
     * {@code why} no row could be used, with the first line's cells where it was skipped as a header MailPath does not
     * know: another CSV (contacts, a report export), whose own header explains the rejections better than a date.
     */
    LocalText refusal(LocalText why) {
        return unknownHeader.isEmpty() ? why
                : LogTexts.text("unusable.notAnEmailLog", why, String.join(", ", unknownHeader));
    }

    /**
     * The separator MailPath does not read that splits {@code cell} into a header it knows ({@link #readsAsHeader}),
     * or 0: a log saved with '|' between its fields is one cell per line, but for the commas of its status texts.
     */
    private static char separatorNotRead(String cell) {
        for (char c : new char[] {'|', '^', '~'}) {
            if (cell.indexOf(c) >= 0 && readsAsHeader(cell.split(Pattern.quote(String.valueOf(c))))) {
                return c;
            }
        }
        return 0;
    }

    /** The header's first 20 names, as the refusal of a file whose header lacks a column shows them. */
    private static String headerShown(ColumnMapping byName) {
        return String.join(", ", byName.header().stream().limit(20).toList());
    }

    /**
     * A column the file does not have is about the whole file, not a line or field of it: line 0 and no field, as the
     * warnings about its encoding or separator, and kept beyond the cap as they are (a later file of several
     * analysed together may find the shared cap used up, and the analysis needs the warning: MissingTlsColumn).
     */
    private void warnIfNoTlsColumn(boolean present) {
        if (!present) {
            tlsColumnWarned = true;
            problems.warnAlways(0, LogTexts.text(MissingTlsColumn.KEY));
        }
    }
}
