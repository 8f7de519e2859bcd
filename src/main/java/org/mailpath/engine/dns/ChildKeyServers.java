package org.mailpath.engine.dns;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The CDS and CDNSKEY records as each authoritative server of the zone serves them, asked straight (DO bit, no
 * recursion), as Zonemaster's DNSSEC15 does (zonemaster/zonemaster docs/public/specifications/tests/DNSSEC-TP/
 * dnssec15.md steps 2-5, 12-13; Zonemaster-Engine lib/Zonemaster/Engine/Test/DNSSEC.pm sub dnssec15): a server that
 * does not answer, or answers without AA or with another RCODE than NOERROR, is left out; the others must all serve
 * the same RRset, an empty one counting as different from any other. Parents must ask every server and act only when
 * the answers agree (RFC 9975 §3.1: the Parental Agent "MUST ascertain that queries are made against all nameservers
 * listed in the Child's delegation" and "ensure that each key referenced in any of the received answers is also
 * referenced in all other received responses"; .se requires "samma CDS RR-set" from every server,
 * support.registry.se), so a server left behind holds up the DS change the others ask for.
 *
 * <p>Zonemaster compares the records' text, TTL included; here the records are compared as dnsjava compares them
 * (owner, type, class and RDATA: not the TTL), since a parent takes the RDATA over and not the TTL.
 */
final class ChildKeyServers {

    /** Addresses asked at most, over all NS names (as many as the name-server check tests). */
    static final int MAX_ADDRESSES = 16;
    private static final int UDP_SENDS = 2;
    /** Asked in this order (Zonemaster's step 5). */
    private static final List<Integer> TYPES = List.of(Type.CDS, Type.CDNSKEY);

    private ChildKeyServers() {
    }

    /** Sends one question to one server: {@link #NETWORK}, or an answer made up by a test. */
    @FunctionalInterface
    interface Exchange {
        DnsTransport.Result send(InetSocketAddress server, Message query, Duration timeout,
                                 Cancellation cancellation);
    }

    /** UDP, then TCP when the answer is truncated (RSA keys with their signatures outgrow 1232 octets). */
    static final Exchange NETWORK = (server, query, timeout, cancellation) ->
            DnsTransport.udpThenTcp(server, query, timeout, UDP_SENDS, cancellation);

    /** One address of one NS name: "ns1.example.com (192.0.2.1)". */
    record Server(String name, InetAddress address) {
        String label() {
            return name + " (" + InetAddresses.toAddrString(address) + ")";
        }
    }

    /**
     * What one server served: the records of each type it answered authoritatively with NOERROR (an empty set when it
     * has none). Zonemaster asks CDNSKEY only after such a CDS answer, so a server may have served CDS alone.
     */
    record Served(Server server, Map<Integer, Set<Record>> sets) {
        Served {
            sets = sets.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    e -> Set.copyOf(e.getValue())));
        }
    }

    /**
     * What the servers served. {@code exchanges}: every question and reply, as evidence; {@code notes}: evidence
     * lines saying which servers were left out, or that all agree.
     */
    record Result(List<Served> served, List<String> exchanges, List<String> notes) {
        Result {
            served = List.copyOf(served);
            exchanges = List.copyOf(exchanges);
            notes = List.copyOf(notes);
        }

        /** CDS and/or CDNSKEY, when the servers that answered do not all serve the same RRset of that type. */
        List<Integer> inconsistent() {
            return ChildKeyServers.inconsistent(served);
        }

        /**
         * The servers grouped by the RRset of {@code type} they serve, in the order first seen: every group but
         * one is a server (or several) the others disagree with.
         */
        Map<Set<Record>, List<Server>> groups(int type) {
            return ChildKeyServers.groups(served, type);
        }
    }

    private static List<Integer> inconsistent(List<Served> served) {
        return TYPES.stream().filter(t -> groups(served, t).size() > 1).toList();
    }

    private static Map<Set<Record>, List<Server>> groups(List<Served> served, int type) {
        Map<Set<Record>, List<Server>> groups = new LinkedHashMap<>();
        served.stream().filter(s -> s.sets().containsKey(type)).forEach(s -> groups.computeIfAbsent(
                s.sets().get(type), k -> new ArrayList<>()).add(s.server()));
        return groups;
    }

    /**
     * The addresses of the zone's NS names, at most {@value #MAX_ADDRESSES}, in name order: asked through the run's
     * resolver, whose cache the name-server and EDNS checks share (they ask the same questions).
     */
    static List<Server> servers(DnsLookup dns, String zone, Cancellation cancellation) {
        return allServers(dns, zone, cancellation).stream().limit(MAX_ADDRESSES).toList();
    }

    /**
     * Every address of the zone's NS names, in name order, the ones past {@value #MAX_ADDRESSES} too: what is left
     * unasked is said, not passed over (a finding that claims every server must know none was left out).
     */
    static List<Server> allServers(DnsLookup dns, String zone, Cancellation cancellation) {
        List<String> names = dns.lookup(zone, Type.NS, cancellation).records().stream()
                .filter(NSRecord.class::isInstance).map(r -> Addresses.display(((NSRecord) r).getTarget()))
                .distinct().sorted().toList();
        List<List<Server>> perName = Parallel.map(names, n -> Parallel.map(List.of(Type.A, Type.AAAA),
                        t -> dns.lookup(n, t, cancellation)).stream().flatMap(a -> a.records().stream())
                .map(Addresses::of).flatMap(Optional::stream).distinct().map(a -> new Server(n, a)).toList());
        return perName.stream().flatMap(List::stream).toList();
    }

    /** Asks every server for the zone's CDS and CDNSKEY, all at once, on {@code port}. */
    static Result ask(List<Server> servers, Name zone, int port, Duration timeout, Exchange exchange,
                      Cancellation cancellation) {
        List<Asked> asked = Parallel.map(servers, s -> ask(s, zone, port, timeout, exchange, cancellation));
        List<Served> served = new ArrayList<>();
        List<String> exchanges = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Asked a : asked) {
            exchanges.addAll(a.evidence());
            served.add(a.served());
            List<Integer> unanswered = TYPES.stream().filter(t -> !a.served().sets().containsKey(t)).toList();
            if (!unanswered.isEmpty()) {
                notes.add(";; " + a.server().label() + ": no authoritative NOERROR answer to " + String.join(" and ",
                        unanswered.stream().map(Type::string).toList()) + ", left out of that comparison");
            }
        }
        long compared = served.stream().filter(s -> !s.sets().isEmpty()).count();
        if (compared > 0 && inconsistent(served).isEmpty()) {
            notes.add(";; CDS and CDNSKEY asked of each name server: the same at all " + compared + " that answered");
        }
        return new Result(served, exchanges, notes);
    }

    private record Asked(Served served, List<String> evidence) {
        Server server() {
            return served.server();
        }
    }

    /**
     * Zonemaster's step 5: CDS, then CDNSKEY; a question without an authoritative NOERROR answer ends the server's
     * turn (what it answered before stays).
     */
    private static Asked ask(Server server, Name zone, int port, Duration timeout, Exchange exchange,
                             Cancellation cancellation) {
        List<String> evidence = new ArrayList<>();
        Map<Integer, Set<Record>> sets = new LinkedHashMap<>();
        for (int type : TYPES) {
            Answered answered = askOne(server, zone, type, port, timeout, exchange, cancellation);
            evidence.addAll(answered.evidence());
            if (answered.authoritative().isEmpty()) {
                break;
            }
            Set<Record> records = new HashSet<>();
            answered.authoritative().get().getSection(Section.ANSWER).stream()
                    .filter(rec -> rec.getType() == type && rec.getName().equals(zone)).forEach(records::add);
            sets.put(type, records);
        }
        return new Asked(new Served(server, sets), evidence);
    }

    /**
     * One question to one server and what came of it: the reply when it is authoritative (AA) with NOERROR, the
     * only kind that says what the server serves; and the exchange as evidence lines. {@code unreachableHere}: no
     * reply because this computer has no route for the address's family ({@link DnsTransport}'s "skipped", an IPv6
     * address on a machine without IPv6), which says nothing of the server.
     */
    record Answered(Optional<Message> authoritative, List<String> evidence, boolean unreachableHere) {
    }

    /**
     * Asks {@code server} for the RRset of {@code type} at {@code owner} ({@link #query}) on {@code port}: the zone's
     * apex, or a name in the zone (the domain's MX).
     */
    static Answered askOne(Server server, Name owner, int type, int port, Duration timeout, Exchange exchange,
                           Cancellation cancellation) {
        InetSocketAddress address = new InetSocketAddress(server.address(), port);
        DnsTransport.Result result = exchange.send(address, query(owner, type), timeout, cancellation);
        List<String> evidence = ReplyEvidence.lines(owner + " " + Type.string(type) + " (DO, no recursion) to "
                + server.name(), DnsClient.hostPort(address), result, Instant.now());
        boolean authoritative = result instanceof DnsTransport.Reply r && r.message().getHeader().getFlag(Flags.AA)
                && r.message().getRcode() == Rcode.NOERROR;
        boolean unreachableHere = result instanceof DnsTransport.Failure f && f.unreachableHere();
        return new Answered(authoritative ? Optional.of(((DnsTransport.Reply) result).message()) : Optional.empty(),
                evidence, unreachableHere);
    }

    /** The question as a validator's resolver asks a zone's server: DO set, no recursion. */
    static Message query(Name zone, int type) {
        Message query = Message.newQuery(Record.newRecord(zone, type, DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        query.addRecord(new OPTRecord(DnsClient.EDNS_BUFFER, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        return query;
    }
}
