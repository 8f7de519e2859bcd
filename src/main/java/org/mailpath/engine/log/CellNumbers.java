package org.mailpath.engine.log;

/** How a count cell that is no plain number reads: thousands separators or a zero fraction, each said, or no number. */
final class CellNumbers {

    private CellNumbers() {
    }

    /**
     * The number the trimmed cell {@code s[start, end)} of {@code column} (its name as the problems give it) on
     * {@code line} holds, which is not in digits alone ({@link #digits}): its thousands separators or zero fraction
     * said, or 0 with the cell said to be no number.
     */
    static long notPlain(String s, int start, int end, ProblemLog problems, long line, String column) {
        long grouped = withThousandsSeparators(s, start, end);
        if (grouped >= 0) {
            problems.repeated(ProblemLog.Repeated.THOUSANDS_SEPARATOR, line, column);
            return grouped;
        }
        int whole = beforeZeroFraction(s, start, end);
        if (whole > 0) {
            long wholePart = digits(s, start, whole);
            long read = wholePart >= 0 ? wholePart : withThousandsSeparators(s, start, whole);
            // a grouping separator that is the fraction's too (1,263,300,0) reads either way: not read
            if (read >= 0 && (wholePart >= 0 || s.indexOf(s.charAt(whole), start) == whole)) {
                problems.repeated(ProblemLog.Repeated.ZERO_FRACTION, line, column);
                if (wholePart < 0) {
                    problems.repeated(ProblemLog.Repeated.THOUSANDS_SEPARATOR, line, column);
                }
                return read;
            }
        }
        problems.repeated(ProblemLog.Repeated.BAD_NUMBER, line, column);
        return 0;
    }

    /** The number {@code s[start, end)} holds in digits alone, or -1: a plain cell, or a zero fraction's whole part. */
    static long digits(String s, int start, int end) {
        long n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * The number {@code s[start, end)} holds written with one kind of separator between groups of three digits: a
     * comma ({@code 11,856}), a dot ({@code 11.856}, as a spreadsheet set to German writes it), a space, a no-break
     * space or a narrow no-break space ({@code 11 856}, French, Swedish); or -1 if it is not one. These counts are
     * whole numbers, so a separator followed by exactly three digits groups thousands. Asked only of a cell that is no
     * plain number.
     */
    static long withThousandsSeparators(String s, int start, int end) {
        long n = 0;
        int digitsInGroup = 0;
        char separator = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
                digitsInGroup++;
            } else if ((c == ',' || c == '.' || c == ' ' || c == '\u00A0' || c == '\u202F')
                    && (separator == 0 || separator == c)) {
                if (digitsInGroup == 0 || (separator != 0 && digitsInGroup != 3) || digitsInGroup > 3) {
                    return -1;
                }
                separator = c;
                digitsInGroup = 0;
            } else {
                return -1;
            }
        }
        return separator != 0 && digitsInGroup == 3 ? n : -1;
    }

    /**
     * Where the whole number in {@code s[start, end)} ends if a fraction of zeros follows it after a comma or a dot
     * ({@code 11856,0}, {@code 11856.00}: a spreadsheet's decimal places), never three of them (those group
     * thousands); -1 if none does.
     */
    static int beforeZeroFraction(String s, int start, int end) {
        int d = end;
        while (d > start && s.charAt(d - 1) == '0') {
            d--;
        }
        if (d == end || end - d == 3 || d - 1 <= start || (s.charAt(d - 1) != ',' && s.charAt(d - 1) != '.')) {
            return -1;
        }
        char before = s.charAt(d - 2);
        return before >= '0' && before <= '9' ? d - 1 : -1;
    }
}
