package org.mailpath.engine.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What a resolver that left a question unanswered, or answered NXDOMAIN or SERVFAIL, does with questions every
 * working resolver answers.
 *
 * <p>First the root zone's NS, from its cache or its root hints. It answers (so the failure was about the name
 * asked), answers only without EDNS (the resolver, or a firewall before it, drops EDNS queries), answers nothing, or
 * answers NXDOMAIN or SERVFAIL (a resolver cut off from the internet, or one that denies every name, as some captive
 * portals do). In the last two cases this computer's DNS is broken and no failure says anything about the domain
 * asked about.
 *
 * <p>A resolver whose upstream is gone still answers the root's NS from its cache, though, and fails every other
 * name. So a SERVFAIL or timeout is also the resolver's when it fails a made-up name in the same top-level domain
 * ({@code mailpath-…​.com.}) the same way: no cache holds that name, and a working resolver gets it denied
 * (NXDOMAIN) by the top-level domain's servers, whatever state the domain asked about is in. A recipient domain
 * whose own servers are broken stays the recipient's: its top-level domain answers.
 *
 * <p>The probes are started beside a resolver's first question (the made-up name beside the first question in each
 * top-level domain), once per resolver per run, so that a dead resolver is told in about one timeout, not two.
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

    /** The label a made-up name begins with, so that whoever reads a server's log can tell where it came from. */
    static final String MADE_UP_PREFIX = "mailpath-";

    /** A resolver and a top-level domain. */
    private record InZone(InetSocketAddress resolver, Name topLevel) {
    }

    private final Duration timeout;
    private final int udpSends;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<State>> known = new ConcurrentHashMap<>();
    /** Per resolver and top-level domain: true when it fails a made-up name there with SERVFAIL or no answer. */
    private final ConcurrentHashMap<InZone, CompletableFuture<Boolean>> topLevels = new ConcurrentHashMap<>();

    ResolverHealth(Duration timeout, int udpSends) {
        this.timeout = timeout.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : timeout;
        this.udpSends = udpSends;
    }

    /**
     * Starts, unless already started, the probes a failure of a question about {@code qname} would need: they run
     * while the question is asked, so a failure does not wait for them after its own timeout.
     */
    void prepare(InetSocketAddress resolver, Name qname, Cancellation cancellation) {
        SharedWork.started(known, resolver, root(resolver, cancellation));
        topLevel(qname).ifPresent(tld -> SharedWork.started(topLevels, new InZone(resolver, tld),
                madeUp(resolver, tld, cancellation)));
    }

    /** True once this resolver is known to drop EDNS queries: ask it without EDNS straight away. */
    boolean dropsEdns(InetSocketAddress resolver) {
        CompletableFuture<State> state = known.get(resolver);
        return state != null && state.isDone() && !state.isCompletedExceptionally()
                && state.join() == State.DROPS_EDNS;
    }

    /** The resolver's state, probed once (by {@link #prepare}, or now); every caller waits for that answer. */
    State of(InetSocketAddress resolver, Cancellation cancellation) {
        return SharedWork.await(known, resolver, root(resolver, cancellation), cancellation);
    }

    /**
     * The top-level domain of {@code qname} when the resolver fails a made-up name in it with SERVFAIL or no answer
     * (it cannot reach that domain's servers), else empty.
     */
    Optional<Name> failingTopLevel(InetSocketAddress resolver, Name qname, Cancellation cancellation) {
        return topLevel(qname).filter(tld -> SharedWork.await(topLevels, new InZone(resolver, tld),
                madeUp(resolver, tld, cancellation), cancellation));
    }

    /** The last label of a name ({@code com.} of {@code www.example.com.}); empty for the root. */
    static Optional<Name> topLevel(Name qname) {
        int labels = qname.labels();
        return labels < 2 ? Optional.empty() : Optional.of(new Name(qname, labels - 2));
    }

    private Supplier<State> root(InetSocketAddress resolver, Cancellation cancellation) {
        return () -> probe(resolver, cancellation);
    }

    private Supplier<Boolean> madeUp(InetSocketAddress resolver, Name tld, Cancellation cancellation) {
        return () -> failsMadeUpName(resolver, tld, cancellation);
    }

    private State probe(InetSocketAddress resolver, Cancellation cancellation) {
        Message plain = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        if (!(answer(resolver, plain, cancellation) instanceof DnsTransport.Reply reply)) {
            return State.SILENT;
        }
        // REFUSED is left alone: it is reported as the resolver's already, and some refuse the root question only
        int rcode = reply.message().getRcode();
        if (rcode == Rcode.NXDOMAIN || rcode == Rcode.SERVFAIL) {
            return State.FAILS_ROOT;
        }
        // any reply, a truncated one too, shows EDNS queries get through: UDP alone tells
        Message edns = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        edns.addRecord(new OPTRecord(DnsClient.EDNS_BUFFER, 0, 0), Section.ADDITIONAL);
        return DnsTransport.udp(resolver, edns, timeout, udpSends, cancellation) instanceof DnsTransport.Reply
                ? State.ANSWERS : State.DROPS_EDNS;
    }

    /**
     * Asked without EDNS (a resolver that drops EDNS is told apart by the root probe). Any answer but SERVFAIL or
     * REFUSED, an NXDOMAIN above all, shows the resolver reaches the top-level domain's servers. A REFUSED shows it
     * does not look names there up for this computer: its SERVFAIL for the name asked is then no answer from the
     * name's servers either (a name server that does not recurse may answer SERVFAIL to some questions and REFUSED
     * to others).
     */
    private boolean failsMadeUpName(InetSocketAddress resolver, Name tld, Cancellation cancellation) {
        Message query = Message.newQuery(Record.newRecord(madeUpName(tld), Type.NS, DClass.IN));
        return !(answer(resolver, query, cancellation) instanceof DnsTransport.Reply reply)
                || reply.message().getRcode() == Rcode.SERVFAIL || reply.message().getRcode() == Rcode.REFUSED;
    }

    /**
     * The reply to a probe asked as {@link DnsClient} asks ({@link DnsTransport#udpThenTcp}): a truncated reply whose
     * TCP question then goes unanswered is no answer, so a resolver that truncates every UDP reply and stalls on TCP
     * answers nothing, as a silent one does.
     */
    private DnsTransport.Result answer(InetSocketAddress resolver, Message query, Cancellation cancellation) {
        return DnsTransport.udpThenTcp(resolver, query, timeout, udpSends, cancellation);
    }

    /** A name in {@code tld} that no cache holds: random, so a resolver cannot have asked it before. */
    static Name madeUpName(Name tld) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        try {
            return Name.concatenate(Name.fromString(MADE_UP_PREFIX + HexFormat.of().formatHex(random)), tld);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            // a top-level label is at most 63 octets: the name always fits
            throw new IllegalStateException(e);
        }
    }
}
