package org.mailpath.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
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

    /**
     * Stands for the values of a record that was longer than the limit and cut by the {@link RecordGuardReader}
     * (compared by identity): its text is incomplete, so it is reported, not read.
     */
    static final String[] OVERSIZED = new String[0];

    /**
     * Put after the values of a record whose quote was left open (compared by identity): the record guard closed it at
     * the end of its line and the lines after it are read as records of their own ({@link RecordGuardReader}). Its
     * last value is the field whose quote was left open, holding the rest of its line.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String QUOTE_LEFT_OPEN = new String("");

    /** Whether {@code values} is a record whose quote was left open ({@link #QUOTE_LEFT_OPEN}). */
    static boolean quoteLeftOpen(String[] values) {
        return values.length > 1 && values[values.length - 1] == QUOTE_LEFT_OPEN;
    }

    /** Receives the records in file order ({@link #OVERSIZED} for a cut one); {@code false} stops the reading. */
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

    private static String[] marked(String[] values) {
        String[] marked = Arrays.copyOf(values, values.length + 1);
        marked[values.length] = QUOTE_LEFT_OPEN;
        return marked;
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
        RecordGuardReader guard = input.guard();
        long previousEnd = 0;
        long dropped = 0;
        Throwable error = null;
        boolean stopped = false;
        try (CSVParser parser = CSVParser.builder().setReader(input.reader()).setFormat(format(input.delimiter()))
                .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    error = e.getCause();
                    break;
                } catch (RuntimeException e) {
                    error = e;
                    break;
                }
                // the line breaks of a cut record's dropped text were not seen by the parser
                dropped = guard.droppedLinesBefore(record.getCharacterPosition());
                long line = lineBase + previousEnd + dropped + 1;
                previousEnd = parser.getCurrentLineNumber();
                String[] values = guard.wasCut(record.getCharacterPosition()) ? OVERSIZED
                        : guard.quoteLeftOpen(record.getCharacterPosition()) ? marked(record.values())
                        : record.values();
                if (!sink.record(line, values)) {
                    stopped = true;
                    break;
                }
            }
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        // at the end, a last record that was cut counts its dropped line breaks too
        return new End(error, previousEnd + (stopped ? dropped : guard.droppedLinesBefore(Long.MAX_VALUE)), stopped);
    }
}
