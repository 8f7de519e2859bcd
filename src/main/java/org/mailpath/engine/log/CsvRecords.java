package org.mailpath.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Commons CSV over a log's text, in the one format every reader of a log uses, each record handed over with the
 * physical line it starts on. The line numbers of a file read in parts must match those of one pass exactly, so they
 * are counted here only.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /** Receives the records in file order; {@code false} stops the reading. */
    @FunctionalInterface
    interface Sink<X extends Exception> {
        boolean record(long line, String[] values) throws X;
    }

    /**
     * How reading ended: the parse or I/O error that stopped it (null if none), the line breaks consumed up to the
     * end of the last record (where a next part must start), and whether the sink stopped it.
     */
    record End(Throwable error, long linesRead, boolean stopped) {
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setLenientEof(true).setTrailingData(true).setAllowMissingColumnNames(true).get();
    }

    /**
     * Parses {@code input} to its end, or until {@code sink} says stop; lines are counted from {@code lineBase} (the
     * physical lines before the input's start, 0 for a whole file). A parse or I/O error ends the reading and is
     * returned, after the records parsed before it; what the sink throws is thrown.
     */
    static <X extends Exception> End read(LogInput input, long lineBase, Sink<X> sink) throws X {
        long previousEnd = 0;
        Throwable error = null;
        boolean stopped = false;
        try (CSVParser parser = CSVParser.builder().setReader(input.reader()).setFormat(format(input.delimiter()))
                .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                String[] values;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    values = records.next().values();
                } catch (UncheckedIOException e) {
                    error = e.getCause();
                    break;
                } catch (RuntimeException e) {
                    error = e;
                    break;
                }
                long line = lineBase + previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (!sink.record(line, values)) {
                    stopped = true;
                    break;
                }
            }
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        return new End(error, previousEnd, stopped);
    }
}
