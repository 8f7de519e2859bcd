package org.mailpath.engine.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.LocalText;

/**
 * Streams a Salesforce Email Log (.csv, .csv.gz, .zip) row by row: the CSV is parsed on a second thread while the
 * calling thread interprets the rows and hands every accepted {@link LogRow} to the sink (a large plain file read in
 * two halves: each half parsed and interpreted on its own thread; a small CSV of a zip of several parsed on the
 * calling thread too), so memory does not grow with the number of rows
 * (only a file's first rows wait, a bounded number, until they tell whether its dates are day first:
 * {@link DateOrderSniff}; each file decides its own order, both halves of one file read in the first half's).
 * Rejected rows and warnings end up in the {@link ReadSummary}; a file with nothing usable in it is an
 * {@link UnusableLogException} whose message names the file.
 */
public final class EmailLogReader {

    private static final System.Logger LOG = System.getLogger(EmailLogReader.class.getName());
    private static final int QUEUE_BATCHES = 4;
    /**
     * The largest zip member (its declared inflated size) parsed on the calling thread instead of a parse thread of
     * its own. Starting, handing over to and joining a thread cost a member a few hundred microseconds of CPU, more
     * than parsing and interpreting a small CSV together (a zip of 20,000 two-row CSVs: about a third of its CPU
     * time), while overlapping the two gains a member of this size little: a zip of a month's exports still has its
     * large members parsed beside their interpreting.
     */
    static final long INLINE_MEMBER_MAX_BYTES = 256 * 1024;

    private final LogLimits limits;
    private final long splitMinBytes;
    private final long inlineMemberMaxBytes;
    /** Starts the parse threads (tests: counts them). */
    private final ThreadFactory parsers;

    public EmailLogReader() {
        this(LogLimits.DEFAULT);
    }

    public EmailLogReader(LogLimits limits) {
        this(limits, LogSplit.MIN_BYTES);
    }

    /** {@code splitMinBytes}: {@link #readInParts} reads files at least this large in two halves (tests: small). */
    public EmailLogReader(LogLimits limits, long splitMinBytes) {
        this(limits, splitMinBytes, INLINE_MEMBER_MAX_BYTES,
                Thread.ofPlatform().name("mailpath-csv-parser").daemon().factory());
    }

    /**
     * {@code inlineMemberMaxBytes}: zip members up to this large are parsed on the calling thread; {@code parsers}
     * starts the parse threads of the others and of whole files (tests: counted).
     */
    EmailLogReader(LogLimits limits, long splitMinBytes, long inlineMemberMaxBytes, ThreadFactory parsers) {
        this.limits = limits;
        this.splitMinBytes = splitMinBytes;
        this.inlineMemberMaxBytes = inlineMemberMaxBytes;
        this.parsers = parsers;
    }

    public ReadSummary read(Path file, Consumer<LogRow> sink, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        String name = FileNames.nameOf(file);
        return withInput(new LogSource.WholeFile(file), name, cancellation,
                input -> read(name, input, false, limits.maxStoredProblems(), DateOrder.FROM_FIRST_ROWS, sink,
                        progress, cancellation));
    }

    /**
     * Reads the log like {@link #read}, but a large plain UTF-8 file in two halves parsed in parallel (each half's
     * rows go to its own sink, on its own thread); the summary, problems and line numbers are the same as one pass
     * would give. Other files, and any half-way surprise (a quoted field across the cut, an error), are read in one
     * pass into a single sink.
     */
    public <P extends Consumer<LogRow>> PartedRead<P> readInParts(Path file, PartSinks<P> sinks,
                                                                  ProgressListener progress,
                                                                  Cancellation cancellation)
            throws UnusableLogException {
        return readInParts(file, FileNames.nameOf(file), limits.maxStoredProblems(), sinks, progress, cancellation);
    }

    /** The limits files are read with. */
    public LogLimits limits() {
        return limits;
    }

    /**
     * {@link #readInParts(Path, PartSinks, ProgressListener, Cancellation)}, the file named {@code name} in its
     * problems, messages and summary (one of several files of the same name: a label that tells it from them),
     * keeping {@code keep} of its problems with details (at most the limits' {@link LogLimits#maxStoredProblems}:
     * files analysed together share that cap); all are counted.
     */
    public <P extends Consumer<LogRow>> PartedRead<P> readInParts(Path file, String name, int keep,
                                                                  PartSinks<P> sinks,
                                                                  ProgressListener progress,
                                                                  Cancellation cancellation)
            throws UnusableLogException {
        return readInParts(new LogSource.WholeFile(file), name, keep, DateOrder.FROM_FIRST_ROWS, sinks, progress,
                cancellation);
    }

    /**
     * {@link #readInParts(Path, String, int, PartSinks, ProgressListener, Cancellation)} of {@code source} (a whole
     * file, or one CSV of a zip of several, read as if it were a file of its own) with its slashed dates read in
     * {@code order}: a file read again because a first read showed its dates, or those of the files
     * analysed with it, day first ({@link ReadSummary#dates}).
     */
    public <P extends Consumer<LogRow>> PartedRead<P> readInParts(LogSource source, String name, int keep,
                                                                  DateOrder order, PartSinks<P> sinks,
                                                                  ProgressListener progress,
                                                                  Cancellation cancellation)
            throws UnusableLogException {
        return withInput(source, name, cancellation, input -> {
            if (input.splittable() && input.totalBytes() >= splitMinBytes) {
                Optional<PartedRead<P>> halves = new TwoPartRead(name, input, limits, keep, order, progress,
                        cancellation).read(sinks);
                if (halves.isPresent()) {
                    return halves.get();
                }
            }
            List<P> whole = sinks.create(1);
            // a small member of a zip: on this thread, as a parse thread would cost it more than it saves
            boolean here = source instanceof LogSource.ZipMember && input.totalBytes() <= inlineMemberMaxBytes;
            return new PartedRead<>(read(name, input, here, keep, order, whole.get(0), progress, cancellation),
                    whole);
        });
    }

    /** Work on an opened log, which may end in an unusable-file message. */
    @FunctionalInterface
    private interface InputWork<T> {
        T run(LogInput input) throws UnusableLogException;
    }

    /**
     * Opens {@code source} (named {@code name} in messages), runs {@code work} on it and closes it; a failure to close
     * is said in words.
     */
    private <T> T withInput(LogSource source, String name, Cancellation cancellation, InputWork<T> work)
            throws UnusableLogException {
        if (!(source instanceof LogSource.ZipMember member)) {
            return withOpened(source, name, cancellation, work);
        }
        // what else the zip holds is said by the first member read, or by the refusal of the last
        T done;
        try {
            done = withOpened(source, name, cancellation, work);
        } catch (UnusableLogException e) {
            throw ZipEntryOpener.memberDone(member, name, Optional.of(e)).orElse(e);
        }
        ZipEntryOpener.memberDone(member, name, Optional.empty());
        return done;
    }

    /** {@link #withInput} of a file as it is, or of one member of a zip of several CSVs. */
    private <T> T withOpened(LogSource source, String name, Cancellation cancellation, InputWork<T> work)
            throws UnusableLogException {
        cancellation.throwIfCancelled();
        try (LogInput input = LogInput.open(source, name, limits)) {
            try {
                return work.run(input);
            } catch (UnusableLogException e) {
                throw ContainerNotes.withNote(e, input.warnings());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + source.file(), e);
            throw new UnusableLogException(LogTexts.text("unusable.notClosed", name, FileErrorReason.describe(e)), e);
        }
    }

    /** Reads {@code input} whole, parsed on a parse thread, or on this one when {@code here}. */
    private ReadSummary read(String name, LogInput input, boolean here, int keep, DateOrder order,
                             Consumer<LogRow> sink, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        RowInterpreter interpreter = new RowInterpreter(name, new ProblemLog(keep, limits.maxStoredProblems()),
                limits.maxRecordChars(), here ? input.totalBytes() : 0);
        input.warnings().forEach(interpreter.problems()::warnAlways);
        interpreter.readIn(order);
        Runnable afterBatch = () -> progress.onProgress(new Progress(input.bytesRead(), input.totalBytes(), name,
                interpreter.rowsRead()));
        PartEnd end = here ? consumeInline(input, 0, interpreter, sink, afterBatch, cancellation)
                : consume(input, interpreter, sink, afterBatch, cancellation);
        input.lateEncodingWarning(name).ifPresent(interpreter.problems()::warnAlways);
        input.strayBytesWarning(name).ifPresent(interpreter.problems()::warnAlways);
        boolean complete = true;
        if (end.error() != null) {
            complete = false;
            if (interpreter.rows() == 0) {
                // nothing to analyse: say why reading stopped, not that the file has no data rows
                throw new UnusableLogException(end.error() instanceof LogLimitException limit
                        ? LogTexts.text("unusable.noUsableRow.limit", name, limit.text())
                        : LogTexts.text("unusable.noUsableRow", name, stoppedMessage(name, end.error(),
                                end.lastLine())));
            }
            interpreter.problems().warnAlways(end.lastLine() + 1, LogTexts.text("file.stoppedPartly",
                    stoppedMessage(name, end.error(), end.lastLine())));
        }
        long unclosed = input.unclosedQuoteLine();
        if (unclosed > 0 && complete) {
            interpreter.problems().warnAlways(unclosed, LogTexts.text("file.unclosedQuote", unclosed));
        }
        if (input.changedSinceOpened()) {
            complete = false;
            interpreter.problems().warnAlways(0, LogTexts.text("file.changed", name));
        }
        return interpreter.finish(input, complete);
    }

    /** How reading one input ended: the line of its last record, the error that stopped it, line breaks read. */
    record PartEnd(long lastLine, Throwable error, long linesRead) {
    }

    /**
     * Reads {@code input} to its end: Commons CSV on a parse thread hands batches of records to this thread, which
     * interprets them into {@code sink} and runs {@code afterBatch} after each batch. Records parsed before an error
     * are still interpreted; the error is returned.
     */
    private PartEnd consume(LogInput input, RowInterpreter interpreter, Consumer<LogRow> sink,
                            Runnable afterBatch, Cancellation cancellation) throws UnusableLogException {
        BlockingQueue<RecordBatch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        CsvBatchProducer producer = new CsvBatchProducer(input, queue);
        Thread parser = parsers.newThread(producer);
        parser.start();
        long lastLine = 0;
        try {
            while (true) {
                RecordBatch batch = take(queue, cancellation);
                for (int i = 0; i < batch.size(); i++) {
                    lastLine = batch.lines()[i];
                    interpreter.accept(batch.lines()[i], batch.values()[i], sink);
                }
                if (batch.end()) {
                    if (batch.error() instanceof Error fatal) {
                        throw fatal;
                    }
                    // the rows held while the order of the dates was decided: decided with what was read
                    interpreter.endOfRecords(sink);
                    afterBatch.run();
                    return new PartEnd(lastLine, batch.error(), batch.linesRead());
                }
                afterBatch.run();
            }
        } finally {
            producer.stop();
            queue.clear();
            try {
                parser.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Reads {@code input} to its end on the calling thread, each record interpreted as soon as Commons CSV has parsed
     * it: for a part read beside another part, when both cores are busy anyway. A record's strings are then still in
     * the core's cache when they are interpreted, and none wait in a queue when the young generation is collected.
     * Records parsed before an error are interpreted; the error is returned.
     */
    static PartEnd consumeInline(LogInput input, long lineBase, RowInterpreter interpreter, Consumer<LogRow> sink,
                                 Runnable afterBatch, Cancellation cancellation) throws UnusableLogException {
        long[] lastLine = {0};
        int[] count = {0};
        CsvRecords.End end = CsvRecords.read(input, lineBase, (line, values) -> {
            lastLine[0] = line;
            interpreter.accept(line, values, sink);
            if (++count[0] == CsvBatchProducer.BATCH) {
                count[0] = 0;
                afterBatch.run();
                cancellation.throwIfCancelled();
            }
            return true;
        });
        // the rows held while the order of the dates was decided: decided with what was read (before afterBatch,
        // which hands a part's layout on)
        interpreter.endOfRecords(sink);
        afterBatch.run();
        return new PartEnd(lastLine[0], end.error(), end.linesRead());
    }

    private static RecordBatch take(BlockingQueue<RecordBatch> queue, Cancellation cancellation) {
        try {
            while (true) {
                cancellation.throwIfCancelled();
                RecordBatch b = queue.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Why reading stopped early, without what became of the rows before (the caller says that). */
    private static LocalText stoppedMessage(String name, Throwable error, long lastLine) {
        LocalText where = lastLine > 0 ? LogTexts.text("phrase.afterLine", lastLine) : LogTexts.text("phrase.atStart");
        if (error instanceof LogLimitException limit) {
            return LogTexts.text("stopped.reading", name, where, limit.text());
        }
        if (error instanceof EOFException || error instanceof ZipException) {
            return LogTexts.text("stopped.cutOff", name, where);
        }
        LOG.log(System.Logger.Level.DEBUG, "reading " + name, error);
        return LogTexts.text("stopped.reading", name, where, FileErrorReason.describe(error));
    }
}
