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
import org.mailpath.engine.common.Cancellation;

/**
 * The name-server addresses that answered none of a probe's questions (over UDP or TCP) in one check run, so that a
 * dead server shared by many zones does not cost every zone all its waits and re-asks: 150 domains delegated to one
 * dead address nearly doubled a 300-domain run. The first zone's probe of an address runs in full; the zones probing
 * it meanwhile wait only until it hears a reply (then they probe in full at once, as before) or ends without one
 * (then each asks one question, and only when that goes unanswered too concludes as the first did), holding no
 * transport slot meanwhile. A server that answers is never waited on for its whole probe: one whose TCP is filtered
 * would make every zone pay that timeout twice. A verdict is never copied between zones as such: a lame server may
 * drop the questions for one zone and answer another's, and that answer gets its zone a full test.
 * One per run ({@code CheckContext}): a server down now may be up at the next run.
 */
public final class SilentServers {

    /** The failure labels that mean no reply came at all (a reset, eof or garbled reply means something is there). */
    private static final Set<String> NO_REPLY = Set.of("timeout", "connection-refused", "failed");

    /** The signal of a probe no zone waits on. */
    private static final Runnable NOTHING = () -> { };

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

    /** Whether {@code result} is a failure in which no reply came at all. */
    public static boolean noReply(DnsTransport.Result result) {
        return result instanceof DnsTransport.Failure f && noReply(f.label());
    }

    /**
     * The probe {@code probe} of {@code server} for one zone: {@code full} if it is the run's first of this address
     * or the address has answered; else {@code shortcut} with the first one's silence, which asks one question and
     * gives its conclusion when that is unanswered too, or empty when it is answered ({@code full} then runs after
     * all). {@code full} is given a signal to run as soon as any reply comes, which frees the zones waiting on it.
     *
     * @param silence what a full probe's result says: its silence, or empty if anything answered
     */
    public <T> T probe(String probe, InetSocketAddress server, Function<Runnable, T> full,
                       Function<T, Optional<Silence>> silence, Function<Silence, Optional<T>> shortcut,
                       Cancellation cancellation) {
        // the first zone's own result; the zones that waited get its silence (or empty, once a reply was heard)
        AtomicReference<T> own = new AtomicReference<>();
        Optional<Silence> earlier = SharedWork.once(first, new Key(probe, server), heard -> {
            T result = full.apply(() -> heard.accept(Optional.empty()));
            own.set(result);
            return silence.apply(result);
        }, cancellation);
        T mine = own.get();
        return mine != null ? mine : earlier.flatMap(shortcut).orElseGet(() -> full.apply(NOTHING));
    }
}
