package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;

/**
 * {@link SilentServers} with made-up probes (no network): who waits for whom, and what a later zone is given. The
 * latches' long limits only end a test that would otherwise hang; no result depends on them.
 */
class SilentServersTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.53", 53);
    private static final SilentServers.Silence SILENT = new SilentServers.Silence("a.test",
            Map.of("udp", "timeout", "tcp", "timeout"));

    private static String probe(SilentServers servers, Function<Runnable, String> full) {
        return servers.probe("ns", SERVER, full, r -> r.startsWith("silent") ? Optional.of(SILENT) : Optional.empty(),
                earlier -> Optional.of("shortcut after " + earlier.zone()), Cancellation.none());
    }

    @Test
    void aZoneWaitsForTheFirstProbeOnlyUntilItHearsAReply() throws Exception {
        // a server that answers UDP at once and leaves TCP to time out: the other zones must not wait for the timeout
        SilentServers servers = new SilentServers();
        CountDownLatch heard = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> probe(servers, signal -> {
            signal.run();
            heard.countDown();
            return await(secondDone) ? "first, after the second" : "first, the second still waiting";
        }));
        heard.await(60, TimeUnit.SECONDS);
        assertEquals("second", probe(servers, signal -> "second"));
        secondDone.countDown();
        assertEquals("first, after the second", first.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aLaterZoneOfASilentServerGetsTheShortcut() {
        SilentServers servers = new SilentServers();
        assertEquals("silent", probe(servers, signal -> "silent"));
        assertEquals("shortcut after a.test", probe(servers, signal -> "full again"));
        // another probe kind of the same address asks for itself
        assertEquals("other", servers.probe("edns", SERVER, signal -> "other", r -> Optional.empty(),
                earlier -> Optional.of("shortcut"), Cancellation.none()));
    }

    @Test
    void aServerThatAnsweredIsProbedInFullByEveryZone() {
        SilentServers servers = new SilentServers();
        AtomicInteger full = new AtomicInteger();
        List<String> results = List.of(1, 2, 3).stream().map(i -> probe(servers, signal -> {
            full.incrementAndGet();
            signal.run();
            return "answered " + i;
        })).toList();
        assertEquals(List.of("answered 1", "answered 2", "answered 3"), results);
        assertEquals(3, full.get());
    }

    @Test
    void aFirstProbeThatFailsBeforeAnyReplyLeavesTheNextZoneToProbeInFull() {
        SilentServers servers = new SilentServers();
        assertThrows(IllegalStateException.class, () -> probe(servers, signal -> {
            throw new IllegalStateException("broken");
        }));
        assertEquals("silent", probe(servers, signal -> "silent"));
        assertEquals("shortcut after a.test", probe(servers, signal -> "full again"));
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
