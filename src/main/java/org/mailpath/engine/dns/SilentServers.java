package org.mailpath.engine.dns;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mailpath.engine.common.Cancellation;

/**
 * The name-server addresses that answered none of a probe's questions (over UDP or TCP) in one check run, so that a
 * dead server shared by many zones does not cost every zone all its waits and re-asks: 150 domains delegated to one
 * dead address nearly doubled a 300-domain run. The first zone's probe of an address runs in full ({@link SharedWork},
 * the zones probing it meanwhile wait, holding no transport slot); a later zone asks one question first and, only
 * when that goes unanswered too, concludes as the first did. A verdict is never copied between zones as such: a lame
 * server may drop the questions for one zone and answer another's, and that answer gets its zone a full test.
 * One per run ({@code CheckContext}): a server down now may be up at the next run.
 */
public final class SilentServers {

    /** The failure labels that mean no reply came at all (a reset, eof or garbled reply means something is there). */
    private static final Set<String> NO_REPLY = Set.of("timeout", "connection-refused", "failed");

    private final ConcurrentMap<Key, CompletableFuture<Optional<Silence>>> first = new ConcurrentHashMap<>();

    /** {@code probe}: whose questions (each check asks its own), so that one check's test waits for its own kind. */
    private record Key(String probe, InetSocketAddress server) {
    }

    /** A full probe of an address that got no reply to any question for {@code zone}: each question's label. */
    public record Silence(String zone, Map<String, String> labels) {
        public Silence {
            labels = Map.copyOf(labels);
        }
    }

    /** Whether a transport failure label says that no reply came at all. */
    public static boolean noReply(String label) {
        return NO_REPLY.contains(label);
    }

    /**
     * The probe {@code probe} of {@code server} for one zone: {@code full} if it is the run's first of this address or
     * the first found the address answering; else {@code shortcut} with the first one's silence, which asks one
     * question and gives its conclusion when that is unanswered too, or empty when it is answered ({@code full} then
     * runs after all).
     *
     * @param silence what a full probe's result says: its silence, or empty if anything answered
     */
    public <T> T probe(String probe, InetSocketAddress server, Supplier<T> full, Function<T, Optional<Silence>> silence,
                       Function<Silence, Optional<T>> shortcut, Cancellation cancellation) {
        AtomicReference<T> mine = new AtomicReference<>();
        Optional<Silence> earlier = SharedWork.once(first, new Key(probe, server), () -> {
            T result = full.get();
            mine.set(result);
            return silence.apply(result);
        }, cancellation);
        if (mine.get() != null) {
            return mine.get();
        }
        return earlier.flatMap(shortcut).orElseGet(full);
    }
}
