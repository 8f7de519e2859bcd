package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;

class SharedWorkTest {

    private final ConcurrentHashMap<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    /** A thread per task: the common pool may have one thread, which the held run would take. */
    private final Executor threads = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void aKeyAskedWhileItsWorkRunsWaitsForThatRunInsteadOfRunningItAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> SharedWork.once(results, "zone",
                () -> {
                    runs.incrementAndGet();
                    started.countDown();
                    await(release);
                    return "keys";
                }, Cancellation.none()), threads);
        started.await();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> SharedWork.once(results, "zone",
                () -> "run again: " + runs.incrementAndGet(), Cancellation.none()), threads);
        release.countDown();
        assertEquals("keys", first.get());
        assertEquals("keys", second.get());
        assertEquals(1, runs.get());
    }

    @Test
    void aRunThatFailedIsNotKeptTheNextAskerRunsTheWorkItself() {
        assertThrows(IllegalStateException.class, () -> SharedWork.once(results, "zone", () -> {
            throw new IllegalStateException("broken");
        }, Cancellation.none()));
        assertEquals("keys", SharedWork.once(results, "zone", () -> "keys", Cancellation.none()));
    }

    @Test
    void aWaitingThreadThatIsCancelledStopsWaitingWhileTheRunGoesOn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> SharedWork.once(results, "zone",
                () -> {
                    started.countDown();
                    await(release);
                    return "keys";
                }, Cancellation.none()), threads);
        started.await();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> SharedWork.once(results, "zone",
                () -> "other", cancellation), threads);
        cancellation.cancel();
        // the run is held until after this: a waiter that did not poll its cancellation would never return
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiter.get(60, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, e.getCause());
        release.countDown();
        assertEquals("keys", first.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
