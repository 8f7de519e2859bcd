package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancelOrFinishTest {

    @Test
    void aCancelFirstRefusesThePassForGood() {
        CancelOrFinish race = new CancelOrFinish();
        assertTrue(race.cancel(), "the first cancel decides");
        assertTrue(race.cancelled());
        assertThrows(CancelledException.class, race::pass);
        assertThrows(CancelledException.class, race::pass, "asked again: still refused");
        assertFalse(race.tryPass());
        assertFalse(race.cancel(), "a second cancel decides nothing: the first one did what a cancel does");
        assertTrue(race.cancelled());
    }

    @Test
    void aPassFirstFinishesAndALaterCancelNoLongerCounts() {
        CancelOrFinish race = new CancelOrFinish();
        race.pass();
        race.pass(); // called again, it does nothing
        assertTrue(race.tryPass(), "passed before");
        assertFalse(race.cancel());
        assertFalse(race.cancelled());
        race.pass();
    }

    @Test
    void tryPassPassesAsPassDoes() {
        CancelOrFinish race = new CancelOrFinish();
        assertTrue(race.tryPass());
        assertFalse(race.cancel());
        race.pass();
        assertFalse(race.cancelled());
    }

    @Test
    void nothingIsCancelledBeforeEitherComes() {
        assertFalse(new CancelOrFinish().cancelled());
    }

    /** The worker held just before its point, the cancel from another thread: the worker's pass is refused. */
    @Test
    void aCancelWhileTheWorkerIsOnItsWayToThePointWins() throws Exception {
        CancelOrFinish race = new CancelOrFinish();
        CountDownLatch atThePoint = new CountDownLatch(1);
        CountDownLatch mayPass = new CountDownLatch(1);
        AtomicReference<String> worker = new AtomicReference<>("not ended");
        Thread work = Thread.ofPlatform().start(() -> {
            atThePoint.countDown();
            try {
                mayPass.await();
                race.pass();
                worker.set("finished");
            } catch (CancelledException e) {
                worker.set("cancelled");
            } catch (InterruptedException e) {
                worker.set("interrupted");
            }
        });
        assertTrue(atThePoint.await(30, TimeUnit.SECONDS));
        assertTrue(race.cancel());
        mayPass.countDown();
        work.join();
        assertEquals("cancelled", worker.get());
    }

    /** The worker past its point, then the cancel from another thread: it is too late, the work finishes. */
    @Test
    void aCancelAfterTheWorkerPassedIsTooLate() throws Exception {
        CancelOrFinish race = new CancelOrFinish();
        CountDownLatch passed = new CountDownLatch(1);
        CountDownLatch cancelTried = new CountDownLatch(1);
        AtomicReference<String> worker = new AtomicReference<>("not ended");
        Thread work = Thread.ofPlatform().start(() -> {
            race.pass();
            passed.countDown();
            try {
                cancelTried.await();
                race.pass(); // its output goes on: asked again, the point lets it
                worker.set("finished");
            } catch (CancelledException e) {
                worker.set("cancelled");
            } catch (InterruptedException e) {
                worker.set("interrupted");
            }
        });
        assertTrue(passed.await(30, TimeUnit.SECONDS));
        assertFalse(race.cancel());
        cancelTried.countDown();
        work.join();
        assertEquals("finished", worker.get());
        assertFalse(race.cancelled());
    }

    /**
     * Cancels and passes let go at once from a start latch, many times over: whichever wins, exactly one side does.
     * A cancel that won is the only one that did and refused every pass; a pass that won let every pass through and
     * no cancel counted. (Which side wins is the scheduler's business: not asserted.)
     */
    @Test
    void cancelsAndPassesAtTheSameMomentHaveExactlyOneWinner() throws Exception {
        int sides = 3;
        for (int round = 0; round < 200; round++) {
            CancelOrFinish race = new CancelOrFinish();
            CountDownLatch ready = new CountDownLatch(2 * sides);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger cancelsThatWon = new AtomicInteger();
            AtomicInteger passed = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < sides; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    if (awaitGo(ready, go) && race.cancel()) {
                        cancelsThatWon.incrementAndGet();
                    }
                }));
                threads.add(Thread.ofPlatform().start(() -> {
                    if (!awaitGo(ready, go)) {
                        return;
                    }
                    try {
                        race.pass();
                        passed.incrementAndGet();
                    } catch (CancelledException e) {
                        refused.incrementAndGet();
                    }
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            String where = "round " + round;
            if (race.cancelled()) {
                assertEquals(1, cancelsThatWon.get(), where);
                assertEquals(List.of(0, sides), List.of(passed.get(), refused.get()), where);
            } else {
                assertEquals(0, cancelsThatWon.get(), where);
                assertEquals(List.of(sides, 0), List.of(passed.get(), refused.get()), where);
            }
        }
    }

    private static boolean awaitGo(CountDownLatch ready, CountDownLatch go) {
        ready.countDown();
        try {
            return go.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
