package org.mailpath.engine.dns;

import com.google.common.net.InetAddresses;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The {@link DnsLookup} of a run: asks recursive resolvers (in order, next one on timeout/SERVFAIL/REFUSED),
 * with EDNS buffer 1232, UDP retransmission, TCP when truncated, CNAME chains followed (at most
 * {@value #MAX_CNAMES}, loops detected), a per-run cache that also merges identical questions in flight, and a
 * bound on queries on the wire at once. Questions for DNSSEC data ({@link #lookupSigned}) set DO and CD and are
 * cached apart. Thread-safe; never throws for network trouble.
 */
public final class DnsClient implements DnsLookup {

    /** Longest CNAME chain followed. */
    public static final int MAX_CNAMES = 12;
    /** EDNS buffer size advertised (DNS Flag Day 2020). */
    public static final int EDNS_BUFFER = 1232;
    private static final int UDP_SENDS = 2;

    private final List<InetSocketAddress> resolvers;
    private final Duration timeout;
    private final Semaphore inFlight;
    private final ConcurrentHashMap<String, CompletableFuture<DnssecAnswer>> cache = new ConcurrentHashMap<>();
    private final ResolverHealth health;

    /**
     * @param resolvers  recursive resolvers, asked in order; empty = every lookup fails with a clear detail
     * @param timeout    time allowed per resolver per question (UDP retransmits inside it; TCP gets its own)
     * @param maxInFlight queries on the wire at once
     */
    public DnsClient(List<InetSocketAddress> resolvers, Duration timeout, int maxInFlight) {
        this.resolvers = List.copyOf(resolvers);
        this.timeout = timeout;
        this.inFlight = new Semaphore(Math.max(1, maxInFlight));
        this.health = new ResolverHealth(timeout, UDP_SENDS);
    }

    public List<InetSocketAddress> resolvers() {
        return resolvers;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public DnsAnswer lookup(String name, int type, Cancellation cancellation) {
        return cached(name, type, false, cancellation).answer();
    }

    @Override
    public DnssecAnswer lookupSigned(String name, int type, Cancellation cancellation) {
        return cached(name, type, true, cancellation);
    }

    /**
     * The questions about {@code name} answered in this run, from the cache: nothing is asked. In no set order: the
     * caller ({@link NxdomainBesideData}) orders what it reads.
     */
    @Override
    public List<DnsAnswer> answered(String name) {
        String prefix = normalise(name) + "/";
        return cache.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(f -> f.join().answer()).toList();
    }

    private DnssecAnswer cached(String name, int type, boolean dnssec, Cancellation cancellation) {
        String key = normalise(name) + "/" + type + (dnssec ? "/dnssec" : "");
        return SharedWork.once(cache, key, () -> resolve(name, type, dnssec, cancellation), cancellation);
    }

    private DnssecAnswer resolve(String name, int type, boolean dnssec, Cancellation cancellation) {
        Instant time = Instant.now();
        Name qname;
        try {
            qname = Name.fromString(normalise(name));
        } catch (TextParseException e) {
            return DnssecAnswer.withoutDnssec(new DnsAnswer(name, type, DnsStatus.ERROR, List.of(), List.of(), "",
                    time, DnsReasons.of("notADomainName", String.valueOf(e.getMessage())), false));
        }
        List<Record> cnames = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        Name current = qname;
        seen.add(current);
        for (int round = 0; ; round++) {
            QueryResult q = query(current, type, dnssec, cancellation);
            if (q.reply == null) {
                return DnssecAnswer.withoutDnssec(new DnsAnswer(name, type, q.status, List.of(), cnames, q.server,
                        time, q.detail, q.resolverAtFault));
            }
            Message reply = q.reply;
            int rcode = reply.getRcode();
            List<Record> answers = reply.getSection(Section.ANSWER);
            // Follow the chain inside this reply.
            int before = cnames.size();
            boolean progressed = true;
            while (progressed && type != Type.CNAME) {
                progressed = false;
                for (Record r : answers) {
                    if (r instanceof CNAMERecord c && r.getName().equals(current)) {
                        cnames.add(c);
                        current = c.getTarget();
                        if (!seen.add(current)) {
                            return DnssecAnswer.withoutDnssec(new DnsAnswer(name, type, DnsStatus.ERROR, List.of(),
                                    cnames, q.server, time, DnsReasons.of("cnameLoop", current.toString()), false));
                        }
                        if (cnames.size() > MAX_CNAMES) {
                            return DnssecAnswer.withoutDnssec(new DnsAnswer(name, type, DnsStatus.ERROR, List.of(),
                                    cnames, q.server, time, DnsReasons.of("cnameChain", MAX_CNAMES), false));
                        }
                        progressed = true;
                        break;
                    }
                }
            }
            Rrset rrset = Rrset.of(answers, current, type);
            List<Record> records = rrset.records();
            DnsStatus status = switch (rcode) {
                case Rcode.NOERROR -> records.isEmpty() ? DnsStatus.NODATA : DnsStatus.OK;
                case Rcode.NXDOMAIN -> DnsStatus.NXDOMAIN;
                case Rcode.SERVFAIL -> DnsStatus.SERVFAIL;
                case Rcode.REFUSED -> DnsStatus.REFUSED;
                default -> DnsStatus.ERROR;
            };
            // A resolver may stop at a CNAME whose target it did not include: ask once for the target. A reply
            // that added no CNAME is final (NODATA at the end of the chain).
            if (status == DnsStatus.NODATA && cnames.size() > before && round <= MAX_CNAMES) {
                continue;
            }
            Localizable detail = status == DnsStatus.ERROR ? DnsReasons.of("rcode", Rcode.string(rcode)) : q.detail;
            if (q.resolverAtFault && (status == DnsStatus.NODATA || status == DnsStatus.NXDOMAIN)) {
                // a referral (Referral), which its detail names: the name's records are unknown, not missing; or the
                // NXDOMAIN of a resolver that denies even the root zone, which says nothing about this name (its
                // detail begins with NXDOMAIN: QueryResult.atFault): a failed lookup either way
                status = DnsStatus.ERROR;
            }
            DnsAnswer answer = new DnsAnswer(name, type, status, records, cnames, q.server, time, detail,
                    q.resolverAtFault);
            // (an NXDOMAIN left here is a working resolver's: the one of a resolver at fault is an ERROR above)
            if (status == DnsStatus.NXDOMAIN) {
                // the name's servers answer inconsistently: the name exists, so this is no "no such domain"
                answer = NxdomainContradiction.of(reply, current).map(answer::failedBecause).orElse(answer);
            }
            DnsStatus outcome = answer.status();
            return dnssec && dnssecOk(reply) ? new DnssecAnswer(answer, rrset.signatures(), true,
                    outcome == DnsStatus.NODATA || outcome == DnsStatus.NXDOMAIN ? denial(reply) : List.of())
                    : DnssecAnswer.withoutDnssec(answer);
        }
    }

    /** The NSEC and NSEC3 records of a reply's authority section, and the RRSIG records over them. */
    private static List<Record> denial(Message reply) {
        return reply.getSection(Section.AUTHORITY).stream().filter(r -> denies(r.getType())
                || r instanceof RRSIGRecord s && denies(s.getTypeCovered())).toList();
    }

    private static boolean denies(int type) {
        return type == Type.NSEC || type == Type.NSEC3;
    }

    /** The records of one type owned by one name in a reply's answer section, and the signatures over them. */
    record Rrset(List<Record> records, List<RRSIGRecord> signatures) {

        static Rrset of(List<Record> answers, Name owner, int type) {
            List<Record> records = new ArrayList<>();
            List<RRSIGRecord> signatures = new ArrayList<>();
            for (Record r : answers) {
                if (r.getType() == type && r.getName().equals(owner)) {
                    records.add(r);
                } else if (r instanceof RRSIGRecord s && s.getTypeCovered() == type && s.getName().equals(owner)) {
                    signatures.add(s);
                }
            }
            return new Rrset(records, signatures);
        }
    }

    /**
     * The reply echoes the DO bit (RFC 3225 §3): the server returns DNSSEC records where the zone has them (a
     * resolver, or a zone's own server asked straight).
     */
    static boolean dnssecOk(Message reply) {
        OPTRecord opt = reply.getOPT();
        return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
    }

    /** {@code resolverAtFault}: the failure is the resolver's, which does not work at all ({@link ResolverHealth}). */
    private record QueryResult(Message reply, DnsStatus status, String server, Localizable detail,
                               boolean resolverAtFault) {

        /**
         * This result, its failure blamed on the resolver with {@code why}; an NXDOMAIN says so in its outcome, as
         * the answer made of it is a failed lookup, no NXDOMAIN.
         */
        QueryResult atFault(LocalText why) {
            Localizable outcome = reply != null && reply.getRcode() == Rcode.NXDOMAIN
                    ? DnsReasons.both(DnsReasons.verbatim("NXDOMAIN"), detail) : detail;
            return new QueryResult(reply, status, server, new ResolverFault(outcome, why), true);
        }

        /** This reply, a referral to {@code referral}'s zone, blamed on the resolver, which does not recurse. */
        QueryResult referred(Referral referral) {
            LocalText outcome = DnsReasons.of("referral", Addresses.display(referral.zone()));
            return new QueryResult(reply, status, server, new ResolverFault(DnsReasons.both(outcome, detail),
                    DnsReasons.of("noRecursion")), true);
        }
    }

    /**
     * Asks the resolvers in turn; a reply that is not SERVFAIL/REFUSED ends the round, unless the resolver is to
     * blame for it (a referral, or an NXDOMAIN of one that denies even the root): the next one may work.
     */
    private QueryResult query(Name qname, int type, boolean dnssec, Cancellation cancellation) {
        if (resolvers.isEmpty()) {
            return new QueryResult(null, DnsStatus.ERROR, "", DnsReasons.of("noResolver"), false);
        }
        QueryResult last = null;
        QueryResult lastWorking = null; // the last failure from a resolver that works: its reason means something
        for (InetSocketAddress resolver : resolvers) {
            last = ask(resolver, qname, type, dnssec, cancellation);
            if (!last.resolverAtFault) {
                lastWorking = last;
            }
            if (last.reply != null && !last.resolverAtFault) {
                int rcode = last.reply.getRcode();
                if (rcode != Rcode.SERVFAIL && rcode != Rcode.REFUSED) {
                    return last;
                }
            }
        }
        // every resolver failed: the resolvers are to blame only if none of them works (a broken resolver's
        // NXDOMAIN after a working one's SERVFAIL says less than the SERVFAIL)
        return lastWorking != null ? lastWorking : last;
    }

    /**
     * One resolver, one question. A REFUSED is the resolver's own (its policy). A resolver that leaves a question
     * unanswered (a timeout, or a TCP connection closed or reset), or answers NXDOMAIN or SERVFAIL, is judged by its health probes ({@link ResolverHealth}, started
     * beside the question so that they do not add their wait to its timeout): when it drops EDNS queries the question is asked again without EDNS (and every later one
     * straight away); when it does not work at all, or a timeout or SERVFAIL meets one for a made-up name in the same
     * top-level domain too (a resolver cut off from the internet, answering the root from its cache), the failure is
     * marked as the resolver's.
     */
    private QueryResult ask(InetSocketAddress resolver, Name qname, int type, boolean dnssec,
                            Cancellation cancellation) {
        health.prepare(resolver, qname, cancellation);
        boolean edns = !health.dropsEdns(resolver);
        QueryResult result = exchange(resolver, qname, type, edns, dnssec, cancellation);
        // no reply at all is judged as a timeout is: a TCP connection closed or reset after a truncated reply answers
        // no more than one that stalls
        if (result.reply != null) {
            // a resolver that refers instead of answering does not recurse: no probe needed to tell
            Optional<Referral> referral = Referral.in(result.reply);
            if (referral.isPresent()) {
                return result.referred(referral.get());
            }
            if (isRefused(result)) {
                return refusedAtFault(result);
            }
            if (result.reply.getRcode() != Rcode.NXDOMAIN && result.reply.getRcode() != Rcode.SERVFAIL) {
                return result;
            }
        }
        QueryResult judged = switch (health.of(resolver, cancellation)) {
            case ANSWERS -> result;
            case DROPS_EDNS -> edns && result.reply == null
                    ? refusedAtFault(exchange(resolver, qname, type, false, dnssec, cancellation))
                    : result;
            case SILENT -> result.reply != null ? result : result.atFault(DnsReasons.of("silentResolver"));
            case FAILS_ROOT -> result.atFault(DnsReasons.of("rootFails"));
        };
        if (judged.resolverAtFault || !timeoutOrServfail(judged)) {
            return judged;
        }
        return health.failingTopLevel(resolver, qname, cancellation)
                .map(tld -> judged.atFault(DnsReasons.of("topLevelFails", DnsNames.relative(tld.toString()))))
                .orElse(judged);
    }

    /**
     * REFUSED is the policy of the server asked (RFC 1035 §4.1.1): a recursive resolver that meets a domain's refusing
     * or lame servers answers SERVFAIL, so the refusal says nothing about the name asked (an authoritative server for
     * other zones, or a resolver serving other networks, given as resolver), with or without EDNS.
     */
    private static boolean isRefused(QueryResult q) {
        return q.reply != null && q.reply.getRcode() == Rcode.REFUSED;
    }

    private static QueryResult refusedAtFault(QueryResult q) {
        return isRefused(q) ? q.atFault(DnsReasons.of("refused")) : q;
    }

    /** The failures a cut-off resolver gives (an NXDOMAIN needs an answer from the internet). */
    private static boolean timeoutOrServfail(QueryResult q) {
        return q.reply == null ? q.status == DnsStatus.TIMEOUT : q.reply.getRcode() == Rcode.SERVFAIL;
    }

    /** {@code dnssec}: DO (with EDNS) and CD set, for {@link #lookupSigned}. */
    private QueryResult exchange(InetSocketAddress resolver, Name qname, int type, boolean edns, boolean dnssec,
                                 Cancellation cancellation) {
        String server = hostPort(resolver);
        Message query = query(qname, type, dnssec);
        if (edns) {
            query.addRecord(new OPTRecord(EDNS_BUFFER, 0, 0, dnssec ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        Permits.acquire(inFlight, cancellation);
        try {
            DnsTransport.Result r = DnsTransport.udp(resolver, query, timeout, UDP_SENDS, cancellation);
            // how the answer came, when not over plain UDP (which goes without saying)
            Localizable via = edns ? DnsReasons.verbatim("") : DnsReasons.of("via.udpWithoutEdns");
            if (r instanceof DnsTransport.Reply reply && reply.message().getRcode() == Rcode.FORMERR
                    && reply.message().getOPT() == null && edns) {
                // An old resolver that does not know EDNS: ask again without it.
                query = query(qname, type, dnssec);
                r = DnsTransport.udp(resolver, query, timeout, UDP_SENDS, cancellation);
            }
            if (r instanceof DnsTransport.Reply reply && reply.message().getHeader().getFlag(Flags.TC)) {
                r = DnsTransport.tcp(resolver, query, timeout, cancellation);
                via = DnsReasons.of(edns ? "via.tcp" : "via.tcpWithoutEdns");
            }
            return switch (r) {
                case DnsTransport.Reply reply -> new QueryResult(reply.message(), null, server, via, false);
                case DnsTransport.Failure f -> new QueryResult(null,
                        f.label().equals("timeout") ? DnsStatus.TIMEOUT : DnsStatus.ERROR, server,
                        f.detail().isEmpty() ? DnsReasons.verbatim(f.label()) : f.reason(), false);
            };
        } finally {
            inFlight.release();
        }
    }

    private static Message query(Name qname, int type, boolean dnssec) {
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        if (dnssec) {
            query.getHeader().setFlag(Flags.CD);
        }
        return query;
    }

    static String normalise(String name) {
        return DnsNames.absolute(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    /** "host:port", IPv6 in brackets. */
    public static String hostPort(InetSocketAddress address) {
        String host = InetAddresses.toAddrString(address.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
