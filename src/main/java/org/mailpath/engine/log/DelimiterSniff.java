package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The separator of a log's fields ({@code ,}, {@code ;} or tab), as the first lines of its sample tell it. */
final class DelimiterSniff {

    /** The lines looked at for a header that tells the separator ({@link #of}). */
    private static final int DELIMITER_LINES = 20;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private DelimiterSniff() {
    }

    /**
     * The separator of the header, where one of the first lines names at least two known columns ({@link LogColumn})
     * when split by one of , ; and tab: a title line above it may hold another ("Salesforce Email Log, requested
     * 16.11.2026" above a ';' header), and would decide for it. Without such a header, the most frequent of them outside
     * quotes on the first non-empty line that holds any: a title line above the header that holds none
     * ("Salesforce Email Log - requested 11/17/2026") would make a ';' file comma.
     */
    static char of(String text) {
        // line by line: the header is nearly always the first, and the other lines need not be cut out then
        Lines lines = new Lines(text);
        Optional<String> firstWithAny = Optional.empty();
        for (int n = 0; n < DELIMITER_LINES; n++) {
            Optional<String> next = lines.next();
            if (next.isEmpty()) {
                break;
            }
            String line = next.get();
            char best = 0;
            int bestNames = 1;
            for (char d : DELIMITERS) {
                int names = knownColumns(line, d);
                if (names > bestNames) {
                    best = d;
                    bestNames = names;
                }
            }
            if (best != 0) {
                return best;
            }
            if (firstWithAny.isEmpty() && count(line, ',') + count(line, ';') + count(line, '\t') > 0) {
                firstWithAny = next;
            }
        }
        return firstWithAny.map(DelimiterSniff::mostFrequent).orElse(',');
    }

    private static char mostFrequent(String line) {
        int comma = count(line, ',');
        int semicolon = count(line, ';');
        int tab = count(line, '\t');
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return ',';
    }

    /** The non-empty lines of a text one by one, a line break inside quotes kept in its line. */
    private static final class Lines {

        private final String text;
        private int at;

        Lines(String text) {
            this.text = text;
        }

        /** The next non-empty line; empty at the text's end. */
        Optional<String> next() {
            StringBuilder line = new StringBuilder();
            boolean quoted = false;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    quoted = !quoted;
                }
                if (!quoted && (c == '\n' || c == '\r')) {
                    if (!line.isEmpty()) {
                        return Optional.of(line.toString());
                    }
                } else {
                    line.append(c);
                }
            }
            return line.isEmpty() ? Optional.empty() : Optional.of(line.toString());
        }
    }

    /** How often {@code d} stands outside quotes in {@code line}. */
    private static int count(String line, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == d) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many of {@code line}'s fields, split by {@code d} outside quotes, name a known column: as a header's cells
     * would be mapped ({@link ColumnMapping#fromHeader}), a column named twice counted twice.
     */
    private static int knownColumns(String line, char d) {
        return ColumnMapping.fromHeader(fields(line, d)).namingCells();
    }

    /** The fields of {@code line} split by {@code d} outside quotes, as written (quotes kept: names ignore them). */
    private static String[] fields(String line, char d) {
        List<String> fields = new ArrayList<>();
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : d;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == d || i == line.length()) {
                fields.add(line.substring(from, i));
                from = i + 1;
            }
        }
        return fields.toArray(String[]::new);
    }
}
