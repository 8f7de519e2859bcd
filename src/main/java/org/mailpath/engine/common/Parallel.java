package org.mailpath.engine.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs independent blocking work (DNS questions, SMTP conversations) on virtual threads: it takes the longest one, not the sum. */
public final class Parallel {

    /** Named, so that a thread dump says what runs; one counter for the process (the factory is thread-safe). */
    private static final ThreadFactory MAPPED = Thread.ofVirtual().name("mailpath-parallel-", 0).factory();
    private static final ThreadFactory FORKED = Thread.ofVirtual().name("mailpath-fork-", 0).factory();

    private Parallel() {
    }

    /**
     * A pool that starts a virtual thread per task, named {@code <prefix>N}: a thread dump then says which of our
     * checks runs.
     */
    public static ExecutorService pool(String prefix) {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory());
    }

    /** Applies {@code fn} to every item concurrently; results in item order. Rethrows the first failure. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> fn) {
        if (items.size() <= 1) {
            return items.stream().map(fn).toList();
        }
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(MAPPED)) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> fn.apply(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                out.add(result(f));
            }
            return out;
        }
    }

    /**
     * Starts {@code work} on a virtual thread and returns its result when asked (waiting for it then): work that can
     * begin before the caller knows whether it will need it. Its failure is rethrown to the caller as by
     * {@link #map}.
     */
    public static <R> Supplier<R> fork(Supplier<R> work) {
        FutureTask<R> task = new FutureTask<>(work::get);
        FORKED.newThread(task).start();
        return () -> result(task);
    }

    /** The result of {@code future}, waiting for it; its failure rethrown as it was, an interrupt as cancellation. */
    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /**
     * Waits until {@code thread} has ended, even if interrupted meanwhile (the interrupt is kept for the caller): for
     * a helper thread whose results are read right after.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
