package org.mailpath.engine.edns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;

/**
 * Asks again, one at a time and a pause apart, the tests of one server that timed out when all its tests were
 * sent together. A server with response-rate limiting (RRL, common on authoritative servers) drops part of such a
 * burst: 12 alike SOA questions from one address within a second. Without this, a healthy server was reported
 * dead to the recipient's mail team (seen with Knot's mod-rrl at 2 answers a second).
 *
 * <p>Re-asking stops early when the server does not answer when asked alone either: at once if the plain
 * {@code dns} question is among the silent ones (the server is down or unreachable), else after two re-asked tests
 * in a row stay silent (a server that really drops EDNS would otherwise cost a timeout per test).
 */
final class AskedAlone {

    /** Starts the evidence line that says a test was asked again. */
    static final String MARK = ";; no answer when sent with the other tests";
    private static final int SILENT_IN_A_ROW_TO_STOP = 2;

    private AskedAlone() {
    }

    /** The outcomes after re-asking, how many tests were asked again, and how many of those were answered. */
    record Result(List<EdnsProbe.Outcome> outcomes, int reasked, int answered) {
    }

    static Result reask(List<EdnsTest> tests, List<EdnsProbe.Outcome> first, Function<EdnsTest, EdnsProbe.Outcome> ask,
                        Duration pause, Cancellation cancellation) {
        List<EdnsProbe.Outcome> outcomes = new ArrayList<>(first);
        int reasked = 0;
        int answered = 0;
        int silentInARow = 0;
        for (int i = 0; i < tests.size() && silentInARow < SILENT_IN_A_ROW_TO_STOP; i++) {
            if (!timedOut(first.get(i))) {
                continue;
            }
            pause(pause, cancellation);
            EdnsProbe.Outcome again = ask.apply(tests.get(i));
            reasked++;
            List<String> evidence = new ArrayList<>(first.get(i).evidence());
            evidence.add(MARK + "; asked again alone "
                    + pause.toMillis() + " ms later:");
            evidence.addAll(again.evidence());
            outcomes.set(i, new EdnsProbe.Outcome(again.label(), evidence, again.signed()));
            if (timedOut(again)) {
                silentInARow = tests.get(i).name().equals("dns") ? SILENT_IN_A_ROW_TO_STOP : silentInARow + 1;
            } else {
                answered++;
                silentInARow = 0;
            }
        }
        return new Result(List.copyOf(outcomes), reasked, answered);
    }

    private static boolean timedOut(EdnsProbe.Outcome outcome) {
        return outcome.label().equals("timeout");
    }

    /** Waits {@code pause}, or less if the work is cancelled meanwhile. */
    private static void pause(Duration pause, Cancellation cancellation) {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (AutoCloseable hook = cancellation.onCancel(cancelled::countDown)) {
            cancelled.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (Exception e) { // AutoCloseable.close() of the hook declares Exception; removing it cannot fail
            throw new IllegalStateException(e);
        }
        cancellation.throwIfCancelled();
    }
}
