package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Problems of one file: rejected rows and warnings keep their details up to a cap (a broken million-row file must not
 * fill memory with messages), while every one is counted. Repeated warnings of one kind are summarised in one line.
 */
final class ProblemLog {

    /** Warnings that would repeat on many rows; reported once with their count and first line. */
    enum Repeated {
        LOWER_CASE_EVENT("1 row has a lower-case Mail Event letter (line %2$d); read as upper-case.",
                "%d rows have a lower-case Mail Event letter (first on line %d); read as upper-case."),
        BAD_NUMBER("1 cell that should hold a number does not (line %2$d, %3$s); read as 0.",
                "%d cells that should hold a number do not (first on line %d, %s); read as 0."),
        COLUMN_COUNT("1 row has a different number of columns than the header (line %2$d); extra columns were"
                + " ignored, missing ones read as empty.",
                "%d rows have a different number of columns than the header (first on line %d); extra columns"
                + " were ignored, missing ones read as empty."),
        DATE_RANGE("1 row has an implausible date, before 2000 or in the future (line %2$d); analysed as written.",
                "%d rows have an implausible date, before 2000 or in the future (first on line %d); analysed as"
                + " written."),
        TWO_DIGIT_YEAR("1 row has a date with a two-digit year (line %2$d, M/d/yy as Excel saves it); read as"
                + " 20yy.",
                "%d rows have a date with a two-digit year (first on line %d, M/d/yy as Excel saves it); read as"
                + " 20yy."),
        REPLACEMENT_CHARACTER("1 row contains bytes that are not valid in the file's encoding (line %2$d, %3$s) — the"
                + " file mixes encodings; those characters are shown as \uFFFD.",
                "%d rows contain bytes that are not valid in the file's encoding (first on line %d, %s)"
                + " — the file mixes encodings; those characters are shown as \uFFFD."),
        NUL_CHARACTER("1 row contains NUL characters (line %2$d, %3$s); they were removed.",
                "%d rows contain NUL characters (first on line %d, %s); they were removed."),
        HEADER_REPEATED("The header row is repeated once inside the file (on line %2$d: files joined together?);"
                + " that line was skipped.",
                "The header row is repeated %d times inside the file (first on line %d: files joined"
                + " together?); those lines were skipped.");

        private final String one;
        private final String many;

        Repeated(String one, String many) {
            this.one = one;
            this.many = many;
        }

        String text(long count, long firstLine, String field) {
            return String.format(count == 1 ? one : many, count, firstLine, field);
        }
    }

    private record Occurrence(long count, long firstLine, String field) {
    }

    private final int cap;
    private final List<FileProblem> stored = new ArrayList<>();
    private final Map<Repeated, Occurrence> repeated = new EnumMap<>(Repeated.class);
    private long total;
    private long rejected;

    ProblemLog(int cap) {
        this.cap = cap;
    }

    void reject(long line, LogColumn field, String message) {
        rejected++;
        add(new FileProblem(line, field.label(), message, true));
    }

    /** A rejected row whose fault is not in one field. */
    void rejectRecord(long line, String message) {
        rejected++;
        add(new FileProblem(line, "", message, true));
    }

    void warn(long line, String field, String message) {
        add(new FileProblem(line, field, message, false));
    }

    void warn(FileProblem p) {
        add(p);
    }

    /** A warning about the whole file (encoding, reading stopped, file changed): kept even beyond the cap. */
    void warnAlways(long line, String message) {
        total++;
        stored.add(new FileProblem(line, "", message, false));
    }

    void repeated(Repeated kind, long line, String field) {
        repeated.merge(kind, new Occurrence(1, line, field),
                (a, b) -> new Occurrence(a.count() + 1, a.firstLine(), a.field()));
    }

    private void add(FileProblem p) {
        total++;
        if (stored.size() < cap) {
            stored.add(p);
        }
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
        later.repeated.forEach((kind, o) -> repeated.merge(kind, o,
                (a, b) -> new Occurrence(a.count() + b.count(), a.firstLine(), a.field())));
    }

    /** The first rejection stored, for the message of a file with no usable row. */
    FileProblem firstRejection() {
        return stored.stream().filter(FileProblem::rejected).findFirst().orElse(null);
    }

    /** All stored problems (summaries of repeated warnings first), and a last line if some were left out. */
    List<FileProblem> problems() {
        List<FileProblem> out = new ArrayList<>();
        repeated.forEach((kind, o) -> out.add(new FileProblem(o.firstLine(), o.field(),
                kind.text(o.count(), o.firstLine(), o.field()), false)));
        out.addAll(stored);
        if (total > stored.size()) {
            out.add(new FileProblem(0, "", (total - stored.size()) + " more problems were counted but not listed"
                    + " (only the first " + cap + " are kept).", false));
        }
        return out;
    }
}
