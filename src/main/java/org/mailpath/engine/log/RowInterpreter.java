package org.mailpath.engine.log;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.StringPool;
import org.mailpath.engine.finding.LocalText;

/**
 * Turns raw CSV records into {@link LogRow}s: recognises the header (or falls back to the documented column order),
 * decides from the first rows whether the slashed dates are read day first ({@link DateOrderSniff}: those rows wait
 * until it is decided), validates the required fields, rejects rows with a line, field and reason, and pools repeated
 * strings. It keeps the per-row path and its state; what runs once per file or only for a bad row is said elsewhere:
 * the header lines by {@link HeaderLines}, a record of the wrong shape by {@link RecordShape}, a row's date by
 * {@link DateProblems}, a count cell that is no plain number by {@link CellNumbers}, the order of the dates by
 * {@link DateOrderWording} and a file with nothing usable by {@link RefusalWording}.
 */
final class RowInterpreter {

    private static final int DOCUMENTED_COLUMNS = 15;

    private final String fileName;
    private final ProblemLog problems;
    private final int maxRecordChars;
    private LogDates dates = new LogDates();
    /** Holds the first rows until the order of day and month is decided; empty once it is. */
    private Optional<DateOrderSniff> sniff = Optional.of(new DateOrderSniff());
    /** Whether the slashed dates are read day first (decided by the sniff, or by the first part of the file). */
    private boolean dayFirst;
    /**
     * Whether the dates are read in the other order than the first rows decided on a first read, in which no row could
     * be used ({@link DateOrder.OtherOrderThanFirstRows}): a contradiction is then not worded as their decision.
     */
    private boolean againstFirstRows;
    /**
     * What the sniff had seen if it decided only because the records ended, on fewer rows than it holds: a later part
     * of the file goes on counting from it ({@link #orderHolds}).
     */
    private Optional<DateOrderSniff.Tally> decidedAtEnd = Optional.empty();
    /** In a later part of the file, while checking the order its first part decided at its end: that sniff. */
    private Optional<DateOrderSniff> check = Optional.empty();
    /** Whether the order checked ({@link #check}) is the one one pass over the whole file decides on. */
    private boolean orderHolds = true;
    private static final int POOL_SLOTS = 1 << 14;
    private final StringPool pool;
    private final Instant plausibleEnd;
    private ColumnMapping mapping;
    /** Each column's name as the file spells it ({@link ColumnMapping#name}), by ordinal: set with the mapping. */
    private String[] names;
    private int expectedColumns;
    /**
     * {@link #columnsMaybeShifted}, made the first time a row has more fields than the header: it depends only on the
     * mapping and {@link #expectedColumns}, which are set once. Null until then.
     */
    private String columnsMaybeShifted;
    private long rows;
    private long records;
    private int maxColumns;
    /**
     * What the M/d/yyyy dates tell of their order, in a file read month first (read day first, both stay 0): rows
     * whose date only reads month first (accepted, or rejected for another cell after their date read), accepted rows
     * whose date reads either way.
     */
    private long monthFirstDates;
    private long eitherWayDates;
    /**
     * Rows (accepted, or rejected for another cell) whose date has the same day and month (11/11/2026): they tell
     * nothing of the order, and no order misreads them, but they are dates of the file ({@link DatesTold#dates}): a
     * file re-saved day first whose days run past the 11th of November has a day of them.
     */
    private long sameEitherWayDates;
    /**
     * Rows whose date reads either way but that were rejected for another cell (an empty Mail Event, say), counted
     * on the rejection only ({@link #rejectedWithDate}), so that what the file's dates told ({@link #datesTold})
     * covers every date of it while the accepted rows' path does nothing more; apart from {@link #eitherWayDates},
     * whose count of analysed rows the day-first warning gives.
     */
    private long rejectedEitherWayDates;
    /**
     * Rows rejected for a date that reads only in the order the file was not read in, and the first of their lines:
     * read month first, dates only day first (a file re-saved as d/M/yyyy); read day first, dates only month first.
     * One count serves both: the order is decided before any row is interpreted, and a later part of the file is read
     * in its first part's ({@link #absorb}), so a file's rows are counted in one order only.
     */
    private long otherOrderOnlyRejected;
    private long firstOtherOrderOnlyLine;
    /**
     * What the file's header lines told: the header looked for below a title, the first one's columns, a header met
     * again, for the refusal.
     */
    private final HeaderLines header;
    /**
     * A short record below the header, held until the next record tells whether it is a title above a repeated header
     * (two titled exports joined with {@code cat}): then both are skipped, the title said as one, not as a row that is
     * "not a date" with too few columns; else it is read as a row, in its place.
     */
    private Optional<DateOrderSniff.Held> maybeTitle = Optional.empty();
    /** The line of a header met again that lacks a column no row can do without, 0 if none: its rows are rejected. */
    private long unreadableBelow;
    /** Whether a record was held as a possible title when the records ended ({@link #titleHeldAtEnd}). */
    private boolean titleHeldAtEnd;

    /**
     * How the columns and dates were read, decided on the first records of a file; reused for the later parts of it.
     */
    record Layout(ColumnMapping mapping, int expectedColumns, Instant plausibleEnd, boolean dayFirst,
                  boolean againstFirstRows, Optional<DateOrderSniff.Tally> decidedAtEnd) {
    }

    /** {@code maxRecordChars}: the limit beyond which the record guard cuts a record, for its message. */
    RowInterpreter(String fileName, ProblemLog problems, int maxRecordChars) {
        this(fileName, problems, maxRecordChars, 0);
    }

    /**
     * {@code textBytes}: the size of the text to read, 0 unknown. Its pool of values holds no more than such a text
     * can: a zip of 20,000 two-row CSVs allocated 1.25 GB in pools of 16,384 slots, one per CSV.
     */
    RowInterpreter(String fileName, ProblemLog problems, int maxRecordChars, long textBytes) {
        this.fileName = fileName;
        this.problems = problems;
        this.maxRecordChars = maxRecordChars;
        this.plausibleEnd = PlausibleDates.end(Instant.now());
        this.pool = new StringPool(poolSlots(textBytes));
        this.header = new HeaderLines(fileName, problems);
    }

    /** Slots enough for the values of a text of {@code textBytes} (each a few bytes with its separator); 0: unknown. */
    static int poolSlots(long textBytes) {
        if (textBytes <= 0 || textBytes >= POOL_SLOTS * 4L) {
            return POOL_SLOTS;
        }
        return Math.max(64, Integer.highestOneBit((int) textBytes / 4) * 2);
    }

    /** For a later part of a file whose first part decided {@code layout}. */
    RowInterpreter(String fileName, ProblemLog problems, int maxRecordChars, Layout layout) {
        this.fileName = fileName;
        this.problems = problems;
        this.maxRecordChars = maxRecordChars;
        this.plausibleEnd = layout.plausibleEnd();
        this.pool = new StringPool(POOL_SLOTS);
        this.header = new HeaderLines(fileName, problems);
        useMapping(layout.mapping());
        this.expectedColumns = layout.expectedColumns();
        this.sniff = Optional.empty();
        this.dayFirst = layout.dayFirst();
        this.dates = new LogDates(dayFirst);
        this.againstFirstRows = layout.againstFirstRows();
        this.check = layout.decidedAtEnd().map(DateOrderSniff::continuing);
    }

    /**
     * Reads the dates in {@code order}, given before the first record: day first without a sniff, with a warning
     * saying why, when a first read showed so ({@link DateOrder}); from the first rows otherwise, as by default.
     */
    void readIn(DateOrder order) {
        Optional<LocalText> why = DateOrderWording.given(order);
        if (why.isPresent()) {
            sniff = Optional.empty();
            dayFirst = !(order instanceof DateOrder.OtherOrderThanFirstRows o) || o.dayFirst();
            dates = new LogDates(dayFirst);
            againstFirstRows = order instanceof DateOrder.OtherOrderThanFirstRows;
            problems.warnAlways(0, why.get());
        }
    }

    /**
     * What the dates of the rows read so far told of their order ({@link DatesTold}), {@code noRowUsable} for the
     * refusal of a file none of whose rows could be used.
     */
    private DatesTold datesTold(boolean noRowUsable) {
        return new DatesTold(dayFirst, dayFirst ? otherOrderOnlyRejected : monthFirstDates,
                eitherWayDates + rejectedEitherWayDates, dayFirst ? 0 : otherOrderOnlyRejected, sameEitherWayDates,
                noRowUsable, dayFirst ? 0 : dates.readSpan(), dayFirst ? 0 : dates.swappedSpan());
    }

    /** The layout once the first non-blank record has been seen and the order of the dates decided. */
    Optional<Layout> layout() {
        return mapping == null || sniff.isPresent() ? Optional.empty()
                : Optional.of(new Layout(mapping, expectedColumns, plausibleEnd, dayFirst, againstFirstRows,
                        decidedAtEnd));
    }

    /**
     * In a later part of a file whose first part decided the order of the dates only at its end: whether the rows
     * of this part, counted on, decide the same (else one pass over the file would read them otherwise); true
     * everywhere else.
     */
    boolean orderHolds() {
        return orderHolds;
    }

    /** Adds the counts and problems of {@code later}, which read the next part of the same file with this layout. */
    void absorb(RowInterpreter later) {
        problems.absorb(later.problems);
        dates.absorbSpans(later.dates);
        rows += later.rows;
        // no header to merge: a header changed is the first part's or the later's, and a read whose halves met one
        // is not absorbed
        records += later.records;
        maxColumns = Math.max(maxColumns, later.maxColumns);
        // the first lines are this part's, if it has any: it comes first in the file
        if (otherOrderOnlyRejected == 0) {
            firstOtherOrderOnlyLine = later.firstOtherOrderOnlyLine;
        }
        monthFirstDates += later.monthFirstDates;
        eitherWayDates += later.eitherWayDates;
        sameEitherWayDates += later.sameEitherWayDates;
        rejectedEitherWayDates += later.rejectedEitherWayDates;
        otherOrderOnlyRejected += later.otherOrderOnlyRejected;
    }

    ProblemLog problems() {
        return problems;
    }

    long rows() {
        return rows;
    }

    /**
     * For progress: the rows counted and the records held, parsed, while the order of the dates is decided (up to
     * {@link DateOrderSniff#MAX_ROWS}). Without them a first read said "0 rows" while it held a file's first rows.
     * A repeated header among those held is counted here until they are interpreted.
     */
    long rowsRead() {
        return rows + sniff.map(DateOrderSniff::uncountedRows).orElse(0);
    }

    ColumnMapping mapping() {
        return mapping == null ? ColumnMapping.documentedOrder() : mapping;
    }

    /**
     * Interprets the record starting on {@code line}, handing its row to {@code sink} if it is accepted: at once, or,
     * while the order of the dates is being decided, once it is ({@link #endOfRecords} decides with what is held).
     */
    void accept(long line, String[] values, Consumer<LogRow> sink) throws UnusableLogException {
        if (mapping != null && sniff.isPresent()) {
            hold(line, values, false, sink);
        } else {
            if (check.isPresent()) {
                checkOrder(values);
            }
            acceptNow(line, values, sink);
        }
    }

    /** Called after the last record of an input: decides the order with the rows held, and interprets them. */
    void endOfRecords(Consumer<LogRow> sink) throws UnusableLogException {
        if (header.searching()) {
            noHeaderBelow(sink);
        }
        if (sniff.isPresent() && mapping != null) {
            decidedAtEnd = Optional.of(sniff.get().tally());
            release(sink);
        }
        if (maybeTitle.isPresent()) {
            titleHeldAtEnd = true;
            DateOrderSniff.Held last = maybeTitle.get();
            maybeTitle = Optional.empty();
            acceptRecord(last.line(), last.values(), sink);
        }
        check.ifPresent(c -> orderHolds = c.dayFirst() == dayFirst);
        check = Optional.empty();
    }

    /** Counts the date of a later part's record on from its first part's sniff, until that decides. */
    private void checkOrder(String[] values) {
        DateOrderSniff c = check.orElseThrow();
        c.hold(0, values, false, values == CsvRecords.OVERSIZED ? "" : field(values, LogColumn.DATE));
        if (c.decided()) {
            orderHolds = c.dayFirst() == dayFirst;
            check = Optional.empty();
        }
    }

    private void hold(long line, String[] values, boolean counted, Consumer<LogRow> sink)
            throws UnusableLogException {
        DateOrderSniff s = sniff.orElseThrow();
        s.hold(line, values, counted, values == CsvRecords.OVERSIZED ? "" : field(values, LogColumn.DATE));
        if (s.decided()) {
            release(sink);
        }
    }

    /** Decides the order of the dates from the rows held, and interprets those rows in file order. */
    private void release(Consumer<LogRow> sink) throws UnusableLogException {
        DateOrderSniff s = sniff.orElseThrow();
        sniff = Optional.empty();
        dayFirst = s.dayFirst();
        if (dayFirst) {
            dates = new LogDates(true);
            // before the problems of the rows held: it explains their dates
            problems.warnAlways(0, LogTexts.text("file.readDayFirst", s.dates(), s.dayFirstOnly()));
        }
        for (DateOrderSniff.Held h : s.held()) {
            if (h.counted()) {
                interpretRow(h.line(), h.values(), sink);
            } else {
                acceptNow(h.line(), h.values(), sink);
            }
        }
    }

    private void acceptNow(long line, String[] values, Consumer<LogRow> sink) throws UnusableLogException {
        if (maybeTitle.isPresent()) {
            DateOrderSniff.Held title = maybeTitle.get();
            maybeTitle = Optional.empty();
            if (values != CsvRecords.OVERSIZED && mapping.mayBeHeaderAgain(values)
                    && HeaderLines.readsAsHeader(values)) {
                records++;
                problems.repeated(ProblemLog.Repeated.TITLE_REPEATED, title.line(), "");
            } else {
                acceptRecord(title.line(), title.values(), sink);
            }
        }
        if (values != CsvRecords.OVERSIZED && mightBeTitle(values)) {
            maybeTitle = Optional.of(new DateOrderSniff.Held(line, values, false));
            return;
        }
        acceptRecord(line, values, sink);
    }

    /**
     * Whether {@code values}, below a header, may be a title line above a header repeated after it: a non-blank record
     * of at most three cells where the header has more.
     */
    private boolean mightBeTitle(String[] values) {
        return mapping != null && !mapping.positional() && values.length <= 3 && values.length < expectedColumns
                && !isBlank(values);
    }

    /**
     * Whether the records of this part ended on a record held as a possible title ({@link #maybeTitle}), read as a
     * row then: were the next part's first record a repeated header, one pass would have skipped it.
     */
    boolean titleHeldAtEnd() {
        return titleHeldAtEnd;
    }

    private void acceptRecord(long line, String[] values, Consumer<LogRow> sink) throws UnusableLogException {
        if (values == CsvRecords.OVERSIZED) {
            // only part of it was read; the header, if it was one, is decided by the next record
            records++;
            rows++;
            problems.rejectRecord(line, "row.tooLong", maxRecordChars);
            return;
        }
        if (CsvRecords.quoteLeftOpen(values)) {
            records++;
            rows++;
            RecordShape.rejectQuoteLeftOpen(problems, Optional.ofNullable(mapping), line, values);
            return;
        }
        if (isBlank(values)) {
            // a line with separators is a row emptied in a spreadsheet: said; an empty line holds not even that
            if (values.length > 1) {
                problems.separatorOnly(line);
            }
            return;
        }
        records++;
        maxColumns = Math.max(maxColumns, values.length);
        if (mapping == null && searchHeader(line, values, sink)) {
            return;
        }
        if (mapping == null) {
            decideMapping(line, values);
            if (!mapping.positional() || header.unknownFirstLine()) {
                return;
            }
            if (sniff.isPresent()) {
                // a file without a header: its first row waits with the rows after it
                hold(line, values, true, sink);
                return;
            }
        } else if (mapping.mayBeHeaderAgain(values) && headerAgain(line, values)) {
            return;
        }
        interpretRow(line, values, sink);
    }

    /**
     * Whether {@code values}, below the header, is a header again (two exports joined): skipped when it maps the
     * columns as the header in use does; else the rows below it are read by its columns, said once with its line,
     * or, if it lacks a column no row can do without, rejected as below it ({@link #unreadableBelow}): reading them
     * by the header above would take one column's cells for another's.
     */
    private boolean headerAgain(long line, String[] values) {
        ColumnMapping byName = ColumnMapping.fromHeader(values);
        if (mapping.sameColumns(byName)) {
            problems.repeated(ProblemLog.Repeated.HEADER_REPEATED, line, "");
            unreadableBelow = 0;
            return true;
        }
        if (!HeaderLines.readsAsHeader(byName)) {
            return false;
        }
        if (!header.changedTo(line, byName, mapping)) {
            unreadableBelow = line;
            return true;
        }
        unreadableBelow = 0;
        useMapping(byName);
        expectedColumns = values.length;
        columnsMaybeShifted = null;
        return true;
    }

    /**
     * Whether a header other than the first one was met ({@link #headerAgain}): a later part of the file read with
     * the first one's layout would read the rows below it by the wrong columns.
     */
    boolean headerChanged() {
        return header.changed();
    }

    /** Interprets a data row (its record counted) and hands it to {@code sink}, or keeps its cells if rejected. */
    private void interpretRow(long line, String[] values, Consumer<LogRow> sink) {
        rows++;
        if (unreadableBelow > 0) {
            problems.rejectRecord(line, "row.belowUnreadableHeader", unreadableBelow);
            return;
        }
        LogRow row = interpret(line, values);
        if (row != null) {
            sink.accept(row);
        } else if (problems.keptRejection(line)) {
            problems.rejectedCells(line, RejectedRow.cells(mapping, values));
        }
    }

    /**
     * While no mapping is decided: takes {@code values} to the search for the header below a title
     * ({@link HeaderLines#search}), deciding the mapping by the header found, or by the lines held when there is none
     * ({@link #noHeaderBelow}). Returns whether {@code values} was taken here (else it decides the mapping as the first
     * line).
     */
    private boolean searchHeader(long line, String[] values, Consumer<LogRow> sink) throws UnusableLogException {
        HeaderLines.Search taken = header.search(line, values, dates);
        if (taken == HeaderLines.Search.FIRST_LINE) {
            return false;
        }
        if (taken == HeaderLines.Search.HEADER_BELOW) {
            decideMapping(line, values);
        } else if (taken == HeaderLines.Search.NO_HEADER_BELOW) {
            noHeaderBelow(sink);
        }
        return true;
    }

    /**
     * No header below the first line: it is decided on as the first line always was (skipped as an unknown header),
     * and the records held after it are data rows, in file order.
     */
    private void noHeaderBelow(Consumer<LogRow> sink) throws UnusableLogException {
        List<DateOrderSniff.Held> held = header.endSearch();
        decideMapping(held.getFirst().line(), held.getFirst().values());
        for (DateOrderSniff.Held h : held.subList(1, held.size())) {
            if (sniff.isPresent()) {
                hold(h.line(), h.values(), true, sink);
            } else {
                interpretRow(h.line(), h.values(), sink);
            }
        }
    }

    /** The cell of {@code column} in {@code v} as {@code m} places it; empty when the row has none there. */
    static String cell(String[] v, ColumnMapping m, LogColumn column) {
        int i = m.indexOf(column);
        return i >= 0 && i < v.length && v[i] != null ? v[i] : "";
    }

    /** Decides the columns by the file's first line ({@link HeaderLines#first}). */
    private void decideMapping(long line, String[] first) throws UnusableLogException {
        useMapping(header.first(line, first, dates));
        // read by position, a row has at least the documented columns
        expectedColumns = mapping.positional() && first.length < DOCUMENTED_COLUMNS ? DOCUMENTED_COLUMNS
                : first.length;
    }

    private void useMapping(ColumnMapping m) {
        mapping = m;
        names = new String[LogColumn.values().length];
        for (LogColumn c : LogColumn.values()) {
            names[c.ordinal()] = m.name(c);
        }
    }

    /** The column's name in problems: as the file's header spells it, the documented label without a header. */
    private String name(LogColumn column) {
        return names[column.ordinal()];
    }

    private LogRow interpret(long line, String[] v) {
        if (v.length != expectedColumns) {
            long swallowed = RecordShape.swallowedLines(problems, mapping, line, v);
            if (swallowed > 0) {
                rows += swallowed;
                return null;
            }
        }
        boolean columnsOff = v.length != expectedColumns && !(mapping.positional() && v.length >= DOCUMENTED_COLUMNS);
        if (!columnsOff) {
            return interpretCells(line, v, false);
        }
        if (RecordShape.rejectedAsMerged(problems, mapping, expectedColumns, line, v)) {
            return null;
        }
        LogRow row = interpretCells(line, v, true);
        // only a file with a header gets here with more fields than expected: one read by position expects at least
        // the documented columns, and a row of at least those is not columnsOff
        if (row != null && v.length > expectedColumns && RecordShape.anyFilledBeyond(mapping, expectedColumns, v)) {
            // analysed with more fields than the header: most likely a field's quotes lost around a comma
            problems.extraFields(line, columnsMaybeShifted());
        } else if (row != null) {
            // a row rejected says why on its own: one message for it
            problems.repeated(ProblemLog.Repeated.COLUMN_COUNT, line, "");
        }
        return row;
    }

    /** {@link RecordShape#columnsMaybeShifted}, made once: it depends on the header alone. */
    private String columnsMaybeShifted() {
        if (columnsMaybeShifted == null) {
            columnsMaybeShifted = RecordShape.columnsMaybeShifted(mapping, expectedColumns);
        }
        return columnsMaybeShifted;
    }

    /** Reads the cells of a data row; {@code columnsOff} if its count of fields is not the header's. */
    private LogRow interpretCells(long line, String[] v, boolean columnsOff) {
        String dateText = field(v, LogColumn.DATE);
        if (dateText.isBlank()) {
            problems.reject(line, name(LogColumn.DATE), "row.cellEmpty");
            return null;
        }
        Optional<ParsedDate> parsed = dates.parse(dateText);
        if (parsed.isEmpty()) {
            rejectDate(line, v, columnsOff, dateText);
            return null;
        }
        ParsedDate date = parsed.get();
        Instant time = date.time();
        if (!LogRow.keeps(time)) {
            // the analysis could not keep it as written (LogRow): left out, not moved to another date
            problems.rejectValue(line, name(LogColumn.DATE), "row.dateOutOfRange", dateText, LogRow.EARLIEST_YEAR,
                    LogRow.LATEST_YEAR);
            return rejectedWithDate(date);
        }
        if (!date.plain()) {
            DateProblems.sayForm(problems, line, name(LogColumn.DATE), date, dayFirst);
        }
        if (!PlausibleDates.within(time, plausibleEnd)) {
            problems.repeated(ProblemLog.Repeated.DATE_RANGE, line, name(LogColumn.DATE));
        }
        String letter = field(v, LogColumn.MAIL_EVENT).strip();
        Optional<MailEvent> event = MailEvent.ofLetter(letter);
        if (event.isEmpty()) {
            event = MailEvent.ofLetter(letter.toUpperCase(Locale.ROOT));
            if (event.isPresent()) {
                problems.repeated(ProblemLog.Repeated.LOWER_CASE_EVENT, line, name(LogColumn.MAIL_EVENT));
            } else {
                if (letter.isEmpty()) {
                    problems.reject(line, name(LogColumn.MAIL_EVENT), "row.cellEmpty");
                } else if (columnsOff) {
                    // e.g. a recipient where the letter belongs: the cause is the row's shape, not its event
                    problems.rejectValue(line, name(LogColumn.MAIL_EVENT), "row.shiftedColumns", letter, v.length,
                            expectedColumns, name(LogColumn.MAIL_EVENT));
                } else {
                    problems.rejectValue(line, name(LogColumn.MAIL_EVENT), "row.unknownEvent", letter);
                }
                return rejectedWithDate(date);
            }
        }
        String recipient = clean(line, LogColumn.RECIPIENT, field(v, LogColumn.RECIPIENT)).strip();
        if (recipient.isEmpty()) {
            problems.reject(line, name(LogColumn.RECIPIENT), "row.cellEmpty");
            return rejectedWithDate(date);
        }
        String messageId = clean(line, LogColumn.MESSAGE_ID_HEADER, field(v, LogColumn.MESSAGE_ID_HEADER)).strip();
        String internalId = clean(line, LogColumn.INTERNAL_MESSAGE_ID, field(v, LogColumn.INTERNAL_MESSAGE_ID)).strip();
        if (messageId.isEmpty() && internalId.isEmpty()) {
            problems.reject(line, name(LogColumn.MESSAGE_ID_HEADER), "row.noMessageId",
                    name(LogColumn.INTERNAL_MESSAGE_ID));
            return rejectedWithDate(date);
        }
        countDateOrder(date, true);
        return new LogRow(line, time, event.get(), internalId, recipient,
                pooled(line, LogColumn.SENDER, v), pooled(line, LogColumn.REMOTE_HOST, v),
                number(line, v, LogColumn.BYTES_TRANSFERRED), pooled(line, LogColumn.USER_ID, v), messageId,
                (int) Math.min(Integer.MAX_VALUE, number(line, v, LogColumn.RETRY_COUNT)),
                number(line, v, LogColumn.SECONDS_IN_QUEUE), pooled(line, LogColumn.DELIVERY_STAGE, v),
                pooled(line, LogColumn.RELAY_ADDRESS, v), pooled(line, LogColumn.RELAY_HOST, v),
                pooled(line, LogColumn.DELIVERY_STATUS, v), pooled(line, LogColumn.TLS_CIPHER, v),
                pooled(line, LogColumn.TLS_VERIFIED, v));
    }

    /**
     * Rejects a data row whose {@code dateText} does not read in the file's order ({@link DateProblems}), counting
     * those that read in the other order alone ({@link #otherOrderOnlyRejected}). A rejection path only.
     */
    private void rejectDate(long line, String[] v, boolean columnsOff, String dateText) {
        Optional<Instant> otherOrder = dayFirst ? dates.readMonthFirst(dateText) : dates.readDayFirst(dateText);
        if (otherOrder.isEmpty()) {
            DateProblems.rejectUnread(problems, line, name(LogColumn.DATE), dateText, dayFirst);
            return;
        }
        if (otherOrderOnlyRejected++ == 0) {
            firstOtherOrderOnlyLine = line;
        }
        DateProblems.rejectOtherOrderOnly(problems, line, name(LogColumn.DATE), dateText, dayFirst);
        if (againstFirstRows) {
            // read in the other order than the first rows decided: the other cell's fault of their read is said too
            DateProblems.sayFaultBesideDate(problems, mapping, expectedColumns, line, v, columnsOff,
                    otherOrder.get());
        }
    }

    /**
     * Counts what the {@code date} of a row rejected after its date read tells of the order ({@link #datesTold});
     * returns null, the rejection.
     */
    private LogRow rejectedWithDate(ParsedDate date) {
        countDateOrder(date, false);
        return null;
    }

    /**
     * Counts what the {@code date} of a row, {@code accepted} or rejected for another cell, tells of the order
     * ({@link #datesTold}) (read day first it tells nothing: the order was decided).
     * One tally per order for both, but the either-way dates of rejected rows apart, which the day-first warning must
     * not count ({@link #rejectedEitherWayDates}). Small, so that C2 inlines it into {@link #interpret}'s hot call
     * (so -XX:+PrintInlining showed), where {@code accepted} is a constant: an accepted row does the same work as when
     * this was written out there.
     */
    private void countDateOrder(ParsedDate date, boolean accepted) {
        byte order = date.order();
        if (order == LogDates.ORDER_MONTH_FIRST) {
            monthFirstDates++;
        } else if (order == LogDates.ORDER_EITHER) {
            if (accepted) {
                eitherWayDates++;
            } else {
                rejectedEitherWayDates++;
            }
        } else if (order == LogDates.ORDER_SAME) {
            sameEitherWayDates++;
        }
    }

    private String field(String[] v, LogColumn column) {
        return cell(v, mapping, column);
    }

    private String pooled(long line, LogColumn column, String[] v) {
        return pool.intern(clean(line, column, field(v, column)).strip());
    }

    /** Reports and removes NUL characters; reports replacement characters left by undecodable bytes. */
    private String clean(long line, LogColumn column, String value) {
        if (value.indexOf('\0') >= 0) {
            problems.repeated(ProblemLog.Repeated.NUL_CHARACTER, line, name(column));
            value = value.replace("\0", "");
        }
        if (value.indexOf('\uFFFD') >= 0) {
            problems.repeated(ProblemLog.Repeated.REPLACEMENT_CHARACTER, line, name(column));
        }
        return value;
    }

    private long number(long line, String[] v, LogColumn column) {
        String s = field(v, column);
        int len = s.length();
        if (len == 0) {
            return 0;
        }
        int start = 0;
        int end = len;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end || end - start > 18) {
            if (start != end) {
                problems.repeated(ProblemLog.Repeated.BAD_NUMBER, line, name(column));
            }
            return 0;
        }
        long plain = CellNumbers.digits(s, start, end);
        if (plain >= 0) {
            return plain;
        }
        return CellNumbers.notPlain(s, start, end, problems, line, name(column));
    }

    /**
     * Called after the last record of {@code input} (a whole file, or its first part once the later parts are
     * absorbed): turns "nothing usable" into one clear sentence, and otherwise sums the read up.
     */
    ReadSummary finish(LogInput input, boolean complete) throws UnusableLogException {
        if (records == 0) {
            throw new UnusableLogException(RefusalWording.noRecords(fileName, problems.separatorOnlyRows()));
        }
        if (rows == 0) {
            throw new UnusableLogException(RefusalWording.noDataRows(fileName, header.unknownFirstLine(),
                    problems.separatorOnlyRows()));
        }
        Optional<LocalText> contradiction = DateOrderWording.contradiction(dayFirst, againstFirstRows,
                otherOrderOnlyRejected, firstOtherOrderOnlyLine, monthFirstDates);
        if (rows == problems.rejected()) {
            Optional<LocalText> otherSeparator = header.otherSeparatorRefusal();
            if (otherSeparator.isPresent()) {
                throw new UnusableLogException(otherSeparator.get());
            }
            LocalText noUsableRow = RefusalWording.allRejected(fileName, rows, problems.firstRejection());
            if (maxColumns <= 1) {
                throw new UnusableLogException(header.singleColumn(noUsableRow), Optional.empty(), rows);
            }
            // what the dates told goes with the refusal: among files analysed together, one whose dates said day
            // first is read again so (DateOrder), as a file of which some rows were read would be
            throw new UnusableLogException(header.refusal(RefusalWording.withContradiction(noUsableRow,
                    contradiction)), Optional.of(datesTold(true)), rows);
        }
        Optional<LocalText> warning = contradiction.or(() -> DateOrderWording.mayBeMisdated(dayFirst,
                otherOrderOnlyRejected, monthFirstDates, eitherWayDates));
        if (warning.isPresent()) {
            problems.warnAlways(0, warning.get());
        }
        // without a header, the widest row tells which columns the file has (an older export has no TLS ones)
        ColumnMapping columns = mapping != null && mapping.positional() ? ColumnMapping.documentedOrder(maxColumns)
                : header.allRowsHave(mapping());
        return new ReadSummary(fileName, rows, problems.rejected(), problems.problems(), columns,
                input.charset().name(), input.delimiter(), complete, problems.separatorOnlyRows(),
                problems.rejectedRows(), datesTold(false));
    }

    /** Whether every cell of a record is empty or blank (a blank line, or one of separators only). */
    static boolean isBlank(String[] values) {
        for (String s : values) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
