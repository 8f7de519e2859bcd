package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void mapKeepsTheItemsOrder() {
        assertEquals(List.of(2, 4, 6), Parallel.map(List.of(1, 2, 3), i -> i * 2));
    }

    @Test
    void forkedWorkRunsWhileTheCallerGoesOnAndGivesItsResultWhenAsked() throws Exception {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        // the forked work waits for the caller: it can only finish if it runs beside it, not when asked
        Supplier<String> forked = Parallel.fork(() -> {
            try {
                callerWentOn.await();
            } catch (InterruptedException e) {
                throw new CancelledException();
            }
            return "done";
        });
        callerWentOn.countDown();
        assertEquals("done", forked.get());
        assertEquals("done", forked.get(), "asked again: the same result");
    }

    @Test
    void aForkedFailureIsRethrownToTheCallerAsItWas() {
        IllegalArgumentException failure = new IllegalArgumentException("bad zone");
        Supplier<Object> forked = Parallel.fork(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, forked::get));
    }

    /** A thread dump says what runs: the work's threads are named, not the virtual threads' empty name. */
    @Test
    void theWorkRunsOnNamedThreads() {
        List<String> mapped = Parallel.map(List.of(1, 2), i -> Thread.currentThread().getName());
        assertTrue(mapped.stream().allMatch(n -> n.matches("mailpath-parallel-\\d+")), mapped.toString());
        String forked = Parallel.fork(() -> Thread.currentThread().getName()).get();
        assertTrue(forked.matches("mailpath-fork-\\d+"), forked);
    }
}
