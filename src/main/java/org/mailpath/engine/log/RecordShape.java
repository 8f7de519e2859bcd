package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The diagnosis and rejection of a record of the wrong shape: asked only of such a record, never of a good row. */
final class RecordShape {

    private RecordShape() {
    }

    /**
     * A quote left open in a field (its closing quote lost, or one quote too many) makes Commons CSV, rightly by RFC
     * 4180, read the next lines into that field until some later quote closes it; the fields after that quote become
     * extra columns of this record. A record whose column count is off and which holds a line break followed by more
     * text is taken to be such a one (a field that really spans lines keeps the count): it is rejected, with the
     * lines it swallowed counted as rows not analysed, so that the file's counts add up. Their text cannot be read
     * back safely (quotes inside it were taken as the field's own), so they are not recovered. Returns the lines
     * {@code v} swallowed, 0 if it was no such record. Only called for a record whose count is off: the million good
     * rows are not searched for line breaks.
     */
    static long swallowedLines(ProblemLog problems, ColumnMapping mapping, long line, String[] v) {
        int opened = -1;
        long breaks = 0;
        for (int i = 0; i < v.length; i++) {
            String s = v[i];
            if (s == null || (s.indexOf('\n') < 0 && s.indexOf('\r') < 0)) {
                continue;
            }
            // a break that ends the record's last field is the end of the file reached inside the quote: no line
            // follows it (EmailLogReader says the quote is never closed)
            int end = i == v.length - 1 ? withoutTrailingBreak(s) : s.length();
            long here = lineBreaks(s, end);
            if (here > 0 && opened < 0) {
                opened = i;
            }
            breaks += here;
        }
        if (opened < 0) {
            return 0;
        }
        Object column = columnName(mapping, opened);
        // the field of a problem is plain text (English, as the JSON gives it); the message says it in its language
        problems.rejectLines(line, column.toString(), breaks, breaks == 1 ? "row.unclosedQuote.one"
                : "row.unclosedQuote.many", column, line + 1, line + breaks, breaks);
        return breaks;
    }

    /**
     * Rejects a record closed at the end of its line, its quote left open ({@link CsvRecords#QUOTE_LEFT_OPEN}),
     * naming the field whose quote is open, by its place while no {@code mapping} is decided; the lines after it are
     * read as rows of their own.
     */
    static void rejectQuoteLeftOpen(ProblemLog problems, Optional<ColumnMapping> mapping, long line,
                                    String[] values) {
        int opened = values.length - 2;
        Object column = mapping.isEmpty() ? LogTexts.text("phrase.column", opened + 1)
                : columnName(mapping.get(), opened);
        // the field of a problem is plain text (English, as the JSON gives it); the message says it in its language
        problems.rejectLines(line, column.toString(), 0, "row.quoteLeftOpen", column, line + 1);
    }

    /**
     * Rejects {@code v}, short of the {@code expectedColumns} fields, if a quote merged two of its fields
     * ({@link #mergedByQuote}); returns whether it did. Read on, its cells would be analysed in the wrong columns (a
     * Message ID of "0", a status as relay host).
     */
    static boolean rejectedAsMerged(ProblemLog problems, ColumnMapping mapping, int expectedColumns, long line,
                                    String[] v) {
        int merged = v.length < expectedColumns ? mergedByQuote(v) : -1;
        if (merged < 0) {
            return false;
        }
        Object column = columnName(mapping, merged);
        problems.rejectValue(line, column.toString(), "row.mergedByQuote", v[merged], column, v.length,
                expectedColumns);
        return true;
    }

    /**
     * The first field of a row short of fields that holds a separator and a quote, or -1: a quote left open took the
     * separator after it into its field, and the quote that opens the next field closed it (Commons CSV keeps what
     * follows as the field's text), so two fields became one and the rest moved left. A row short of fields for
     * an honest reason (trailing empty cells left out) holds no such field.
     */
    private static int mergedByQuote(String[] v) {
        for (int i = 0; i < v.length; i++) {
            String s = v[i];
            if (s.indexOf('"') >= 0 && (s.indexOf(',') >= 0 || s.indexOf(';') >= 0 || s.indexOf('\t') >= 0)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the fields beyond the header's {@code expectedColumns} look split off a field whose quotes were lost:
     * one of them holds text, or a field from the Delivery Status on starts with the space that follows a comma in a
     * reply's prose. Empty ones with no such space (a trailing comma on every row, as a spreadsheet writes for an
     * empty column it kept) split nothing; a lost quote before an empty last column (TLS_Verified often is) still
     * shows by its space.
     */
    static boolean anyFilledBeyond(ColumnMapping mapping, int expectedColumns, String[] v) {
        for (int i = expectedColumns; i < v.length; i++) {
            if (!v[i].isBlank()) {
                return true;
            }
        }
        for (int i = Math.max(0, mapping.indexOf(LogColumn.DELIVERY_STATUS) + 1); i < v.length; i++) {
            if (v[i].startsWith(" ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The columns of a row with more fields than the header that a comma without its quotes may have cut short or
     * filled with another field's text: the Delivery Status (the reply text, the field that holds commas) and the
     * columns after it, up to the header's {@code expectedColumns}; every column of the header where it has none. It
     * depends on the header alone: the reader makes it once.
     */
    static String columnsMaybeShifted(ColumnMapping mapping, int expectedColumns) {
        int from = Math.max(0, mapping.indexOf(LogColumn.DELIVERY_STATUS));
        List<String> names = new ArrayList<>();
        for (int i = from; i < expectedColumns; i++) {
            names.add(columnName(mapping, i).toString());
        }
        return String.join(", ", names);
    }

    /**
     * The name of the record's column {@code index}: as the file spells it (a String), or its place where it has no
     * name (a text, "column 18").
     */
    private static Object columnName(ColumnMapping mapping, int index) {
        for (LogColumn c : LogColumn.values()) {
            if (mapping.indexOf(c) == index) {
                return mapping.name(c);
            }
        }
        if (!mapping.positional() && index < mapping.header().size() && mapping.header().get(index) != null
                && !mapping.header().get(index).isBlank()) {
            return mapping.header().get(index).replace("\uFEFF", "").strip();
        }
        return LogTexts.text("phrase.column", index + 1);
    }

    /** The end of {@code s} without the one line break it may end with. */
    private static int withoutTrailingBreak(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** Line breaks in {@code s} before {@code end}, counted as Commons CSV counts lines (CR LF, LF or CR alone). */
    private static long lineBreaks(String s, int end) {
        long n = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
