package org.mailpath.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs on its own thread: parses the CSV with Commons CSV and passes batches of raw records through a bounded queue,
 * so that parsing (one core) and interpreting/analysing (the other core) overlap. Stops when told to.
 */
final class CsvBatchProducer implements Runnable {

    static final int BATCH = 1024;

    private final LogInput input;
    private final BlockingQueue<RecordBatch> queue;
    /** Physical lines before the input's start (a later part of a file read in parts); 0 for a whole file. */
    private final long lineBase;
    private volatile boolean stopped;
    private long[] lines = new long[BATCH];
    private String[][] values = new String[BATCH][];
    private int n;

    CsvBatchProducer(LogInput input, BlockingQueue<RecordBatch> queue, long lineBase) {
        this.input = input;
        this.queue = queue;
        this.lineBase = lineBase;
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setLenientEof(true).setTrailingData(true).setAllowMissingColumnNames(true).get();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Throwable error = null;
        long previousEnd = 0;
        try (CSVParser parser = CSVParser.builder().setReader(input.reader()).setFormat(format(input.delimiter())).get()) {
            for (CSVRecord record : parser) {
                lines[n] = lineBase + previousEnd + 1;
                values[n] = record.values();
                previousEnd = parser.getCurrentLineNumber();
                if (++n == BATCH && !flush()) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            error = e.getCause();
        } catch (IOException | RuntimeException | Error e) {
            // Errors too: the reading thread must always be told that parsing ended, or it would wait forever.
            error = e;
        }
        // Records parsed before an error are still handed over: they are analysed, the error is reported after them.
        if (flush()) {
            put(RecordBatch.last(error, previousEnd));
        }
    }

    private boolean flush() {
        if (n == 0) {
            return true;
        }
        boolean ok = put(new RecordBatch(lines, values, n, false, null, 0));
        lines = new long[BATCH];
        values = new String[BATCH][];
        n = 0;
        return ok;
    }

    private boolean put(RecordBatch batch) {
        try {
            while (!stopped) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
