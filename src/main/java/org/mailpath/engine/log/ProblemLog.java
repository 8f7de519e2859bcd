package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.LocalText;

/**
 * Problems of one file: rejected rows and warnings keep their details up to a cap (a broken million-row file must not
 * fill memory with messages), while every one is counted. Repeated warnings of one kind are summarised in one line.
 * A problem's text (English, and the key and arguments for other languages) is made only when the problem is kept:
 * rows rejected beyond the cap cost a count.
 */
final class ProblemLog {

    /**
     * Warnings that would repeat on many rows; reported once with their count and first line, worded by
     * {@code repeated.<KIND>.one} and {@code .many}.
     */
    enum Repeated {
        LOWER_CASE_EVENT, BAD_NUMBER, COLUMN_COUNT, DATE_RANGE, TWO_DIGIT_YEAR, REPLACEMENT_CHARACTER, NUL_CHARACTER,
        HEADER_REPEATED, DOTTED_DATE, TITLE_REPEATED, TWO_DIGIT_YEAR_DAY_FIRST, TWO_DIGIT_YEAR_DOTTED, TWELVE_HOUR,
        THOUSANDS_SEPARATOR, DASHED_DATE, TIME_ZONE_OFFSET, ZERO_FRACTION
    }

    private record Occurrence(long count, long firstLine, String field) {
    }

    /** A rejection stored last: the row's line and the key of its text. */
    private record StoredRejection(long line, String key) {
    }

    /** Problems kept with details: {@link #cap}, or what several files analysed together left of it. */
    private final int keep;
    private final int cap;
    private final List<FileProblem> stored = new ArrayList<>();
    private final Map<Repeated, Occurrence> repeated = new EnumMap<>(Repeated.class);
    private final SeparatorOnlyRows separatorOnly = new SeparatorOnlyRows();
    /** Rows analysed with more fields than the header, and the columns their lost quotes may have cut or shifted. */
    private final SeparatorOnlyRows extraFields = new SeparatorOnlyRows("extraFields");
    private String extraFieldsColumns = "";
    private long total;
    private long rejected;
    /** The cells of the rejected rows whose problems are stored, in line order ({@link #rejectedCells}). */
    private final List<RejectedRow> rejectedRows = new ArrayList<>();
    /** The rejection stored last, while nothing was stored after it ({@link #keptRejection}). */
    private Optional<StoredRejection> lastStored = Optional.empty();

    /**
     * Keeps {@code keep} problems with details: a file of several analysed together keeps what the files before it
     * left of the one {@code cap} they share, so that memory stays bounded by one cap, not one per file.
     */
    ProblemLog(int keep, int cap) {
        this.keep = Math.min(keep, cap);
        this.cap = cap;
    }

    /**
     * A row left out for its {@code column} (its name as the file spells it, {@link ColumnMapping#name}); the text of
     * {@code key} gets that name as argument 0, and {@code more} as its further arguments.
     */
    void reject(long line, String column, String key, Object... more) {
        rejectWith(line, column, key, column, more);
    }

    /**
     * A row left out for the {@code value} of its {@code column} (named as the file spells it), quoted (shortened) as
     * argument 0 of {@code key}; {@code more} are its further arguments.
     */
    void rejectValue(long line, String column, String key, String value, Object... more) {
        rejectWith(line, column, key, shorten(value), more);
    }

    /** A row left out for its {@code column}: {@code first} and then {@code more} are the arguments of {@code key}. */
    private void rejectWith(long line, String column, String key, Object first, Object... more) {
        rejected++;
        total++;
        if (keeps()) {
            Object[] args = new Object[more.length + 1];
            args[0] = first;
            System.arraycopy(more, 0, args, 1, more.length);
            storeRejection(line, column, key, args);
        }
    }

    /**
     * Another fault, in its {@code column}, of the row on {@code line}, whose rejection was just said: listed as a
     * rejection is (worded by {@code key} with {@code args}), but the row is counted once among the rejected. Its
     * rejection stays the one its cells are kept with ({@link #keptRejection}).
     */
    void alsoFault(long line, String column, String key, Object... args) {
        total++;
        if (keeps()) {
            stored.add(problem(line, column, true, key, args));
        }
    }

    /** A rejected row whose fault is not in one field; {@code number} is argument 0 of {@code key}. */
    void rejectRecord(long line, String key, long number) {
        rejected++;
        total++;
        if (keeps()) {
            storeRejection(line, "", key, number);
        }
    }

    /**
     * Whether the problem just stored is the rejection of the row on {@code line}: then its cells are worth keeping
     * ({@link #rejectedCells}); a row rejected beyond the cap costs a count only.
     */
    boolean keptRejection(long line) {
        return lastStored.filter(r -> r.line() == line).isPresent();
    }

    /** Keeps the {@code cells} of the row on {@code line}, whose rejection was just stored ({@link #keptRejection}). */
    void rejectedCells(long line, Map<LogColumn, String> cells) {
        rejectedRows.add(new RejectedRow(line, lastStored.orElseThrow().key(), cells));
    }

    /** The rejected rows kept with their problems ({@link #problems}), in line order. */
    List<RejectedRow> rejectedRows() {
        Set<Long> kept = new HashSet<>();
        stored.stream().filter(FileProblem::rejected).forEach(p -> kept.add(p.line()));
        return rejectedRows.stream().filter(r -> kept.contains(r.line())).toList();
    }

    /**
     * The row on {@code line} and the {@code more} lines after it, left out together for one fault in its
     * {@code column}: each counts as a rejected row, and one problem says why.
     */
    void rejectLines(long line, String column, long more, String key, Object... args) {
        rejected += 1 + more;
        total++;
        if (keeps()) {
            storeRejection(line, column, key, args);
        }
    }

    /** A warning about {@code line} (rare: about the header), worded by {@code key}. */
    void warn(long line, String field, String key, Object... args) {
        add(new FileProblem(line, field, LogTexts.text(key, args), false));
    }

    void warn(FileProblem p) {
        add(p);
    }

    /** A warning about the whole file (encoding, reading stopped, file changed): kept even beyond the cap. */
    void warnAlways(FileProblem p) {
        total++;
        stored.add(p);
        lastStored = Optional.empty();
    }

    void warnAlways(long line, LocalText message) {
        warnAlways(new FileProblem(line, "", message, false));
    }

    void repeated(Repeated kind, long line, String field) {
        repeated.merge(kind, new Occurrence(1, line, field),
                (a, b) -> new Occurrence(a.count() + 1, a.firstLine(), a.field()));
    }

    /** A row on {@code line} that holds only separators: skipped, and summed up in one warning. */
    void separatorOnly(long line) {
        separatorOnly.add(line);
    }

    /**
     * A row on {@code line} analysed with more fields than the header (a field's quotes lost around a comma):
     * summed up in one warning with its lines, naming the {@code columns} that may be cut or shifted.
     */
    void extraFields(long line, String columns) {
        extraFields.add(line);
        extraFieldsColumns = columns;
    }

    long separatorOnlyRows() {
        return separatorOnly.rows();
    }

    private boolean keeps() {
        return stored.size() < keep;
    }

    /** A kept row problem (worded only when kept: at most {@code keep} of them). */
    private static FileProblem problem(long line, String field, boolean rejectedRow, String key, Object... args) {
        return new FileProblem(line, field, LogTexts.text(key, args), rejectedRow);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
    }

    private void add(FileProblem p) {
        total++;
        if (keeps()) {
            stored.add(p);
            lastStored = Optional.empty();
        }
    }

    /** Stores the rejection of the row on {@code line}, worded by {@code key}, as the one stored last. */
    private void storeRejection(long line, String column, String key, Object... args) {
        stored.add(problem(line, column, true, key, args));
        lastStored = Optional.of(new StoredRejection(line, key));
    }

    long rejected() {
        return rejected;
    }

    /**
     * Adds the problems of {@code later}, found in a later part of the same file (it holds no whole-file warnings):
     * the result is what one log would hold had it seen both parts in order. {@code later} kept its first problems,
     * so those it stored are the ones that still fit under the cap here.
     */
    void absorb(ProblemLog later) {
        later.stored.forEach(this::add);
        total += later.total - later.stored.size();
        rejected += later.rejected;
        // those whose problems did not fit here are dropped by rejectedRows()
        rejectedRows.addAll(later.rejectedRows);
        later.repeated.forEach((kind, o) -> repeated.merge(kind, o,
                (a, b) -> new Occurrence(a.count() + b.count(), a.firstLine(), a.field())));
        separatorOnly.absorb(later.separatorOnly);
        extraFields.absorb(later.extraFields);
        if (extraFieldsColumns.isEmpty()) {
            extraFieldsColumns = later.extraFieldsColumns;
        }
    }

    /** The first rejection stored, for the message of a file with no usable row; empty if none was. */
    Optional<FileProblem> firstRejection() {
        return stored.stream().filter(FileProblem::rejected).findFirst();
    }

    /**
     * All stored problems (summaries of repeated warnings and of the separator-only rows first), and a last line if
     * some were left out.
     */
    List<FileProblem> problems() {
        List<FileProblem> out = new ArrayList<>();
        repeated.forEach((kind, o) -> out.add(new FileProblem(o.firstLine(), o.field(),
                LogTexts.text("repeated." + kind.name() + (o.count() == 1 ? ".one" : ".many"), o.count(),
                        o.firstLine(), o.field()), false)));
        separatorOnly.warning().ifPresent(out::add);
        extraFields.warning(extraFieldsColumns).ifPresent(out::add);
        out.addAll(stored);
        if (total > stored.size()) {
            String key = keep < cap ? FileProblem.NOT_LISTED_SHARED_KEY : FileProblem.NOT_LISTED_KEY;
            out.add(new FileProblem(0, "", LogTexts.text(key, total - stored.size(), cap), false));
        }
        return out;
    }
}
