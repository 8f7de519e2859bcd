package org.mailpath.engine.log;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs on its own thread: parses a whole log with {@link CsvRecords} and passes batches of raw records through a
 * bounded queue, so that parsing (one core) and interpreting/analysing (the other core) overlap. Stops when told to.
 */
final class CsvBatchProducer implements Runnable {

    static final int BATCH = 1024;

    private final LogInput input;
    private final BlockingQueue<RecordBatch> queue;
    private volatile boolean stopped;
    private long[] lines = new long[BATCH];
    private String[][] values = new String[BATCH][];
    private int n;

    CsvBatchProducer(LogInput input, BlockingQueue<RecordBatch> queue) {
        this.input = input;
        this.queue = queue;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Throwable error;
        long linesRead = 0;
        try {
            CsvRecords.End end = CsvRecords.read(input, 0, (line, record) -> {
                lines[n] = line;
                values[n] = record;
                return ++n < BATCH || flush();
            });
            if (end.stopped()) {
                return;
            }
            error = end.error();
            linesRead = end.linesRead();
        } catch (RuntimeException | Error e) {
            // Errors too: the reading thread must always be told that parsing ended, or it would wait forever.
            error = e;
        }
        // Records parsed before an error are still handed over: they are analysed, the error is reported after them.
        if (flush()) {
            put(RecordBatch.last(error, linesRead));
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
