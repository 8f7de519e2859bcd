package org.mailpath.engine.log;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;

/**
 * Reads a large plain UTF-8 log as two halves in parallel: the calling thread reads the first half, a helper thread
 * counts the line breaks before the cut and then reads the second half (with absolute line numbers, and the column
 * layout the first half decided). The halves' counts and problems are then joined in file order. Gives up (empty)
 * whenever the result could differ from one pass — the cut inside a quoted field, a line count that does not match,
 * an error or limit in either half, an unclosed quote, no record in the first half, an order of the dates decided at
 * the first half's end that the second half's first rows contradict ({@link DateOrderSniff}) — and the caller reads
 * in one pass instead. Bytes that are not UTF-8 are counted by each half and joined ({@link StrayByteLines}).
 */
final class TwoPartRead {

    private static final System.Logger LOG = System.getLogger(TwoPartRead.class.getName());

    private final String name;
    private final LogInput whole;
    private final LogLimits limits;
    private final int keep;
    private final DateOrder order;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    /** Data rows read so far by each half, for progress reports (written by the half's thread). */
    private final AtomicLong firstRows = new AtomicLong();
    private final AtomicLong secondRows = new AtomicLong();

    /**
     * {@code keep}: the problems to keep with details ({@link ProblemLog#ProblemLog(int, int)}); {@code order}: the
     * order of day and month the dates are read in.
     */
    TwoPartRead(String name, LogInput whole, LogLimits limits, int keep, DateOrder order, ProgressListener progress,
                Cancellation cancellation) {
        this.order = order;
        this.name = name;
        this.whole = whole;
        this.limits = limits;
        this.keep = keep;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /** What the second half's thread ended with. */
    private record Second(RowInterpreter interpreter, EmailLogReader.PartEnd end, long lineBase) {
    }

    <P extends Consumer<LogRow>> Optional<PartedRead<P>> read(PartSinks<P> sinks) throws UnusableLogException {
        long size = whole.totalBytes();
        try {
            OptionalLong cut = LogSplit.cutAfter(whole.file(), size / 2, size);
            if (cut.isEmpty()) {
                return Optional.empty();
            }
            List<P> parts = sinks.create(2);
            try (LogInput first = whole.range(0, cut.getAsLong(), limits);
                 LogInput second = whole.range(cut.getAsLong(), size, limits)) {
                return read(first, second, cut.getAsLong(), sinks, parts);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading " + name + " in two parts; reading it in one instead", e);
            return Optional.empty();
        }
    }

    private <P extends Consumer<LogRow>> Optional<PartedRead<P>> read(LogInput first, LogInput second, long cut,
                                                                     PartSinks<P> sinks, List<P> parts)
            throws UnusableLogException {
        RowInterpreter interpreter = new RowInterpreter(name, new ProblemLog(keep, limits.maxStoredProblems()),
                limits.maxRecordChars());
        // the second half reads in the first half's order (its layout): only the first is given it
        interpreter.readIn(order);
        CompletableFuture<Optional<RowInterpreter.Layout>> layout = new CompletableFuture<>();
        Cancellation stopSecond = new Cancellation();
        CompletableFuture<Second> secondDone = new CompletableFuture<>();
        CompletableFuture<Void> firstRead = new CompletableFuture<>();
        Thread helper = Thread.ofPlatform().name("mailpath-second-half").daemon().start(() -> {
            try {
                Second end = readSecond(second, cut, layout, parts.get(1), stopSecond);
                if (end != null && end.end().error() == null) {
                    sinks.whileOthersRead(parts.get(1), () -> firstRead.isDone() || stopSecond.isCancelled());
                }
                secondDone.complete(end);
            } catch (Throwable t) {
                // anything: the first half's thread must learn that this half ended
                secondDone.completeExceptionally(t);
            }
        });
        AutoCloseable unhook = cancellation.onCancel(stopSecond::cancel);
        EmailLogReader.PartEnd firstEnd;
        Second secondEnd;
        boolean bothRead = false;
        try {
            Runnable afterBatch = () -> {
                if (!layout.isDone()) {
                    interpreter.layout().ifPresent(l -> {
                        // before either part can be judged ahead: the second waits for the layout
                        sinks.columnsKnown(l.mapping());
                        layout.complete(Optional.of(l));
                    });
                }
                firstRows.set(interpreter.rowsRead());
                reportProgress(first, second);
            };
            firstEnd = EmailLogReader.consumeInline(first, 0, interpreter, parts.get(0), afterBatch, cancellation);
            layout.complete(Optional.empty());
            // a possible title at the first half's end: the second half's first record may be the header it is above
            // a header met again with other columns: the second half was given the first header's; a field spanning
            // lines (or a quote left open) is judged on the records before it and the text after it
            if (firstEnd.error() != null || !first.atRecordStart() || first.guard().cutAny()
                    || first.guard().judgedOnLittle() || interpreter.titleHeldAtEnd() || interpreter.headerChanged()) {
                return Optional.empty();
            }
            firstRead.complete(null);
            // the halves seldom end together: the one that ends first uses its core while the other is read
            sinks.whileOthersRead(parts.get(0), secondDone::isDone);
            secondEnd = await(secondDone, first, second);
            bothRead = true;
        } finally {
            layout.complete(Optional.empty());
            firstRead.complete(null);
            if (!bothRead) {
                stopSecond.cancel();
            }
            Parallel.joinUninterruptibly(helper);
            close(unhook);
        }
        cancellation.throwIfCancelled();
        if (secondEnd == null || secondEnd.end().error() != null || secondEnd.lineBase() != firstEnd.linesRead()
                || second.unclosedQuoteLine() > 0 || second.guard().cutAny() || second.guard().judgedOnLittle()
                || whole.changedSinceOpened()
                // the order of the dates, decided at the first half's end, is not what one pass decides on more rows
                || !secondEnd.interpreter().orderHolds()
                // its parts were judged ahead on the first header's columns, which no longer hold for all rows
                || secondEnd.interpreter().headerChanged()
                // one pass decides the encoding at the file's first byte outside ASCII, a half at its own
                || first.lateWindows1252From().isPresent() || second.lateWindows1252From().isPresent()
                // bytes that are not UTF-8 in a text whose encoding was decided late: one pass decided it on bytes
                // past the cut, which may have made it Windows-1252
                || whole.decidesEncodingLate() && (first.hasStrayBytes() || second.hasStrayBytes())) {
            return Optional.empty();
        }
        interpreter.absorb(secondEnd.interpreter());
        // where one pass says it: after the rows' problems
        StrayByteLines.joined(first.strayBytes(), second.strayBytes()).map(s -> s.warning(name))
                .ifPresent(interpreter.problems()::warnAlways);
        return Optional.of(new PartedRead<>(interpreter.finish(whole, true), parts));
    }

    /** On the helper thread: counts the lines before the cut, waits for the layout, reads the second half. */
    private Second readSecond(LogInput second, long cut, CompletableFuture<Optional<RowInterpreter.Layout>> layout,
                              Consumer<LogRow> sink, Cancellation stop) throws IOException, UnusableLogException {
        OptionalLong base = LogSplit.linesBefore(whole.file(), cut);
        if (base.isEmpty()) {
            return null;
        }
        // the first half's thread always completes the layout (at the latest when it stops), so this wait ends
        Optional<RowInterpreter.Layout> decided = layout.join();
        stop.throwIfCancelled();
        if (decided.isEmpty()) {
            return null;
        }
        RowInterpreter interpreter = new RowInterpreter(name, new ProblemLog(keep, limits.maxStoredProblems()),
                limits.maxRecordChars(), decided.get());
        EmailLogReader.PartEnd end = EmailLogReader.consumeInline(second, base.getAsLong(), interpreter, sink,
                () -> secondRows.set(interpreter.rowsRead()), stop);
        return new Second(interpreter, end, base.getAsLong());
    }

    /** Waits for the second half, reporting progress; null if it gave up. Its failures are rethrown here. */
    private Second await(CompletableFuture<Second> done, LogInput first, LogInput second) {
        while (true) {
            cancellation.throwIfCancelled();
            try {
                return done.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                reportProgress(first, second);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException r -> throw r;
                    case Error r -> throw r;
                    default -> {
                        LOG.log(System.Logger.Level.DEBUG, "second half of " + name, e.getCause());
                        return null;
                    }
                }
            }
        }
    }

    private void reportProgress(LogInput first, LogInput second) {
        progress.onProgress(new Progress(first.bytesRead() + second.bytesRead(), whole.totalBytes(), name,
                firstRows.get() + secondRows.get()));
    }

    private static void close(AutoCloseable unhook) {
        try {
            unhook.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "removing a cancel hook", e);
        }
    }
}
