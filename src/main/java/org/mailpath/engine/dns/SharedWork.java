package org.mailpath.engine.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;

/**
 * Work done once per key, by whichever thread asks first ({@link #once}) or on a thread of its own started by the
 * first to ask ({@link #started}), while the threads asking for the same key meanwhile wait for its result (a DNS question, a resolver's health, a zone's keys; outside this package, the DANE probe's
 * judgement of a recipient domain's MX records). Waiting threads keep polling their own cancellation, and no lock
 * is held while the work runs, so a slow key never holds up another one.
 */
public final class SharedWork {

    private SharedWork() {
    }

    /**
     * The result of {@code work} for {@code key}, run here if no other thread has run or is running it; kept in
     * {@code results}. A run that throws (cancelled, broken) is not kept: a thread that was waiting for it runs the
     * work itself unless it is cancelled too.
     */
    public static <K, T> T once(ConcurrentMap<K, CompletableFuture<T>> results, K key, Supplier<T> work,
                         Cancellation cancellation) {
        return once(results, key, early -> work.get(), cancellation);
    }

    /**
     * As {@link #once(ConcurrentMap, Object, Supplier, Cancellation)}, {@code work} given a way to hand the waiting
     * threads their result before it ends ({@link SilentServers}: a reply heard frees the zones waiting on a probe);
     * what it then returns is kept only if nothing was handed on, and a throw after that leaves the result handed on.
     */
    static <K, T> T once(ConcurrentMap<K, CompletableFuture<T>> results, K key, Function<Consumer<T>, T> work,
                         Cancellation cancellation) {
        cancellation.throwIfCancelled();
        while (true) {
            CompletableFuture<T> mine = new CompletableFuture<>();
            CompletableFuture<T> existing = results.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    T result = work.apply(mine::complete);
                    mine.complete(result);
                    return result;
                } catch (RuntimeException | Error e) {
                    // an Error too: a future left open would keep every thread waiting for the key until cancelled
                    if (!mine.isDone()) {
                        results.remove(key, mine);
                        mine.completeExceptionally(e);
                    }
                    throw e;
                }
            }
            try {
                return awaitShared(existing, cancellation);
            } catch (ExecutionException e) {
                cancellation.throwIfCancelled();
            }
        }
    }

    /**
     * Starts {@code work} for {@code key} on a thread of its own unless it has been started; returns its result to
     * come, so that the caller can do other work meanwhile. A run that throws is not kept ({@link #await} starts it
     * again).
     */
    static <K, T> CompletableFuture<T> started(ConcurrentMap<K, CompletableFuture<T>> results, K key,
                                               Supplier<T> work) {
        CompletableFuture<T> existing = results.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<T> mine = new CompletableFuture<>();
        existing = results.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        Thread.ofVirtual().name("mailpath-shared-work").start(() -> {
            try {
                mine.complete(work.get());
            } catch (RuntimeException | Error e) {
                results.remove(key, mine);
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    /**
     * The result of {@code work} for {@code key}, {@link #started} if it has not been, waited for while polling
     * {@code cancellation}. A run that was cancelled (the starter's cancellation) is started again for this caller
     * unless it is cancelled too; any other failure is thrown.
     */
    static <K, T> T await(ConcurrentMap<K, CompletableFuture<T>> results, K key, Supplier<T> work,
                          Cancellation cancellation) {
        while (true) {
            cancellation.throwIfCancelled();
            try {
                return awaitShared(started(results, key, work), cancellation);
            } catch (ExecutionException e) {
                cancellation.throwIfCancelled();
                if (!(e.getCause() instanceof CancelledException)) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
    }

    /** Waits for another thread's result, polling the cancellation. */
    private static <T> T awaitShared(CompletableFuture<T> future, Cancellation cancellation)
            throws ExecutionException {
        while (true) {
            cancellation.throwIfCancelled();
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // poll the cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }
}
