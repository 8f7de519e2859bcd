package org.mailpath.engine.dns;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;

/** Takes a permit of a concurrency bound while still noticing cancellation. */
final class Permits {

    private Permits() {
    }

    /** Blocks until a permit is free; throws {@link CancelledException} (holding no permit) when cancelled. */
    static void acquire(Semaphore permits, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        try {
            while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                cancellation.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        if (cancellation.isCancelled()) {
            permits.release();
            throw new CancelledException();
        }
    }
}
