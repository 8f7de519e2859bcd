package org.mailpath.engine.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What a resolver that left a question unanswered, or answered NXDOMAIN or SERVFAIL, does with a question every
 * working resolver answers: the root zone's NS, from its cache or its root hints. It answers (so the failure was
 * about the name asked), answers only without EDNS (the resolver, or a firewall before it, drops EDNS queries),
 * answers nothing, or answers NXDOMAIN or SERVFAIL (a resolver cut off from the internet, or one that denies every
 * name, as some captive portals do). In the last two cases this computer's DNS is broken and no failure says anything
 * about the domain asked about. Asked once per resolver per run and only after such a failure.
 */
final class ResolverHealth {

    /** How a resolver behaves. */
    enum State {
        ANSWERS,
        DROPS_EDNS,
        SILENT,
        /** Answers, but NXDOMAIN or SERVFAIL for the root zone's NS. */
        FAILS_ROOT
    }

    /**
     * Least time the probe allows: a working resolver answers the root's NS from memory in milliseconds, and a
     * question asked with a very short --timeout must not make a merely busy resolver look dead.
     */
    static final Duration LEAST_WAIT = Duration.ofSeconds(2);

    private final Duration timeout;
    private final int udpSends;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<State>> known = new ConcurrentHashMap<>();

    ResolverHealth(Duration timeout, int udpSends) {
        this.timeout = timeout.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : timeout;
        this.udpSends = udpSends;
    }

    /** True once this resolver is known to drop EDNS queries: ask it without EDNS straight away. */
    boolean dropsEdns(InetSocketAddress resolver) {
        CompletableFuture<State> state = known.get(resolver);
        return state != null && state.isDone() && !state.isCompletedExceptionally()
                && state.join() == State.DROPS_EDNS;
    }

    /** The resolver's state, probed by the first thread that asks; the others wait for that answer. */
    State of(InetSocketAddress resolver, Cancellation cancellation) {
        return SharedWork.once(known, resolver, () -> probe(resolver, cancellation), cancellation);
    }

    private State probe(InetSocketAddress resolver, Cancellation cancellation) {
        Message plain = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        if (!(DnsTransport.udp(resolver, plain, timeout, udpSends, cancellation) instanceof DnsTransport.Reply reply)) {
            return State.SILENT;
        }
        // REFUSED is left alone: it is reported as the resolver's already, and some refuse the root question only
        int rcode = reply.message().getRcode();
        if (rcode == Rcode.NXDOMAIN || rcode == Rcode.SERVFAIL) {
            return State.FAILS_ROOT;
        }
        Message edns = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        edns.addRecord(new OPTRecord(DnsClient.EDNS_BUFFER, 0, 0), Section.ADDITIONAL);
        return DnsTransport.udp(resolver, edns, timeout, udpSends, cancellation) instanceof DnsTransport.Reply
                ? State.ANSWERS : State.DROPS_EDNS;
    }
}
