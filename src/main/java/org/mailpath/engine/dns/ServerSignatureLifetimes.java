package org.mailpath.engine.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * How long the signatures of the DNSKEY and SOA records last as each authoritative server of the zone serves them,
 * asked straight (DO bit, no recursion), as Zonemaster's DNSSEC04 asks the zone's servers for exactly these two RRsets
 * (zonemaster/zonemaster docs/public/specifications/tests/DNSSEC-TP/dnssec04.md steps 1-5) and with its threshold
 * ({@link SignatureLifetimes#SHORT}). The resolver shows one server's copy of the zone; a secondary that no longer
 * receives zone transfers keeps answering from its old copy until the SOA expire time passes (RFC 1035 §3.3.13),
 * which may well be after the signatures in it ran out, so validating resolvers that ask that server fail while
 * the others succeed. Zonemaster stops at the first server that answers; here every server is asked and judged.
 *
 * <p>A server counts only with an authoritative NOERROR reply that echoes the DO bit and holds the RRset: one that
 * does not answer or does not serve the zone is the name-server check's finding, not a signature one. Signatures
 * are judged as {@link SignatureLifetimes} does (the DNSKEY set by the keys the DS points to, the SOA by any zone key,
 * as the resolver's DNSKEY answer holds them): an RRset is short of time when its last accepted signature is, and
 * has expired when none is accepted and one is expired. Other faults (no signature, one that does not verify) are
 * left to evidence lines: the resolver's view is what this check judges them by.
 *
 * <p>When the resolver's answer carries an expired signature, the same questions go to every server for that one
 * RRset ({@link #askFor}): whether all of them serve it expired (every lookup fails) or only some (lookups fail
 * depending on the server asked) is what the finding then says.
 */
final class ServerSignatureLifetimes {

    /** Asked of each server (Zonemaster's steps 2 and 3). */
    private static final List<Integer> TYPES = List.of(Type.DNSKEY, Type.SOA);

    private ServerSignatureLifetimes() {
    }

    /** How the signatures over one RRset of one server fare, when they are a problem. */
    sealed interface Lapse {
        ChildKeyServers.Server server();

        int type();

        /** When the signature the verdict rests on expires (or expired). */
        Instant at();
    }

    /** No signature over the RRset is accepted, and one that would verify has expired at {@code at}. */
    record Expired(ChildKeyServers.Server server, int type, Instant at) implements Lapse {
    }

    /** The last accepted signature over the RRset expires at {@code at}, less than 12 hours away. */
    record ExpiresSoon(ChildKeyServers.Server server, int type, Instant at) implements Lapse {
    }

    /**
     * How one server's copy of one RRset stands now: a signature a validator accepts ({@code VALID}, however soon it
     * runs out), none accepted and one expired ({@code EXPIRED}), or nothing to say about expiry ({@code UNJUDGED}:
     * no authoritative answer with the RRset and DNSSEC data, or signatures missing or broken otherwise;
     * {@code UNREACHABLE_HERE}: not asked at all, since this computer has no route for the address's family).
     */
    enum Standing { VALID, EXPIRED, UNJUDGED, UNREACHABLE_HERE }

    /** The standing of {@code server}'s copy of the RRset of {@code type}. */
    record Judgement(ChildKeyServers.Server server, int type, Standing standing) {
    }

    /**
     * {@code lapses}: the problems found, in server then type order; {@code judgements}: each server's standing per
     * RRset, in the same order; {@code exchanges}: every question and reply, as evidence; {@code notes}: one evidence
     * line per server and RRset saying how its signatures fare; {@code judged}: how many of those RRsets were judged
     * (an authoritative answer with DNSSEC data).
     */
    record Result(List<Lapse> lapses, List<Judgement> judgements, List<String> exchanges, List<String> notes,
                  int judged) {
        Result {
            lapses = List.copyOf(lapses);
            judgements = List.copyOf(judgements);
            exchanges = List.copyOf(exchanges);
            notes = List.copyOf(notes);
        }

        /** The servers whose copy of the RRset of {@code type} stands as {@code standing}, in the order asked. */
        List<ChildKeyServers.Server> servers(int type, Standing standing) {
            return judgements.stream().filter(j -> j.type() == type && j.standing() == standing)
                    .map(Judgement::server).toList();
        }

        List<Expired> expired() {
            return lapses.stream().filter(Expired.class::isInstance).map(Expired.class::cast).toList();
        }

        /** The servers' RRsets that run out soon, of the types the resolver's view does not already run out on. */
        List<ExpiresSoon> expiringBeyond(List<Integer> resolverExpiring) {
            return lapses.stream().filter(ExpiresSoon.class::isInstance).map(ExpiresSoon.class::cast)
                    .filter(e -> !resolverExpiring.contains(e.type())).toList();
        }
    }

    /**
     * Asks every server for the zone's DNSKEY and SOA records, all at once, on {@code port}.
     *
     * @param keySetKeys the keys the parent's DS points to, which must sign the DNSKEY set
     * @param zoneKeys   the zone's keys (from the resolver's DNSKEY answer), one of which must sign the SOA
     */
    static Result ask(List<ChildKeyServers.Server> servers, Name zone, List<DNSKEYRecord> keySetKeys,
                      List<DNSKEYRecord> zoneKeys, int port, Duration timeout, ChildKeyServers.Exchange exchange,
                      Instant now, Cancellation cancellation) {
        List<Question> questions = servers.stream().flatMap(s -> TYPES.stream().map(t -> new Question(s, zone, t,
                t == Type.DNSKEY ? keySetKeys : zoneKeys))).toList();
        return ask(questions, zone, port, timeout, exchange, now, cancellation);
    }

    /**
     * Asks every server, all at once on {@code port}, for the one RRset ({@code owner}, {@code type}) of the zone
     * whose signature the resolver's answer showed expired, judged by {@code keys} (the keys the DS points to for the
     * DNSKEY set, the zone's keys otherwise).
     */
    static Result askFor(List<ChildKeyServers.Server> servers, Name zone, Name owner, int type,
                         List<DNSKEYRecord> keys, int port, Duration timeout, ChildKeyServers.Exchange exchange,
                         Instant now, Cancellation cancellation) {
        return ask(servers.stream().map(s -> new Question(s, owner, type, keys)).toList(), zone, port, timeout,
                exchange, now, cancellation);
    }

    /** One RRset to ask one server for, and the keys whose signatures over it count. */
    private record Question(ChildKeyServers.Server server, Name owner, int type, List<DNSKEYRecord> keys) {
    }

    private static Result ask(List<Question> questions, Name zone, int port, Duration timeout,
                              ChildKeyServers.Exchange exchange, Instant now, Cancellation cancellation) {
        List<Judged> judged = Parallel.map(questions, q -> judge(q, zone, port, timeout, exchange, now,
                cancellation));
        List<Lapse> lapses = new ArrayList<>();
        List<Judgement> judgements = new ArrayList<>();
        List<String> exchanges = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int judgedAnswers = 0;
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            exchanges.addAll(j.evidence());
            notes.add(j.note());
            j.lapse().ifPresent(lapses::add);
            judgements.add(new Judgement(questions.get(i).server(), questions.get(i).type(), j.standing()));
            judgedAnswers += j.judged() ? 1 : 0;
        }
        return new Result(lapses, judgements, exchanges, notes, judgedAnswers);
    }

    /** {@code judged}: the server answered with the RRset and DNSSEC data, whatever its signatures are. */
    private record Judged(Optional<Lapse> lapse, Standing standing, String note, List<String> evidence,
                          boolean judged) {
    }

    private static Judged judge(Question question, Name zone, int port, Duration timeout,
                                ChildKeyServers.Exchange exchange, Instant now, Cancellation cancellation) {
        ChildKeyServers.Server server = question.server();
        int type = question.type();
        ChildKeyServers.Answered answered = ChildKeyServers.askOne(server, question.owner(), type, port, timeout,
                exchange, cancellation);
        List<String> evidence = answered.evidence();
        String line = ";; " + server.label() + " " + (question.owner().equals(zone) ? "" : question.owner() + " ")
                + Type.string(type) + " signatures: ";
        if (answered.unreachableHere()) {
            return new Judged(Optional.empty(), Standing.UNREACHABLE_HERE, line
                    + "not reachable from this computer (no route for its address family), not judged", evidence,
                    false);
        }
        if (answered.authoritative().isEmpty()) {
            return new Judged(Optional.empty(), Standing.UNJUDGED, line
                    + "no authoritative NOERROR answer, not judged", evidence, false);
        }
        DnssecAnswer answer = answer(answered.authoritative().get(), question.owner(), type, server);
        if (answer.answer().records().isEmpty() || !answer.dnssecOk()) {
            return new Judged(Optional.empty(), Standing.UNJUDGED, line + (answer.dnssecOk() ? "no "
                    + Type.string(type) + " records, not judged"
                    : "no DNSSEC data in the reply (no DO bit), not judged"), evidence, false);
        }
        List<DNSKEYRecord> keys = question.keys();
        Optional<RRSIGRecord> last = RrsetSignatures.accepted(answer, zone, keys, now).stream()
                .max(Comparator.comparing(RRSIGRecord::getExpire));
        if (last.isPresent()) {
            Instant expires = last.get().getExpire();
            Duration left = Duration.between(now, expires);
            String note = line + "valid until " + expires + " (key tag " + last.get().getFootprint() + "), "
                    + left.toHours() + " hours from now";
            Optional<Lapse> lapse = left.compareTo(SignatureLifetimes.SHORT) < 0
                    ? Optional.of(new ExpiresSoon(server, type, expires)) : Optional.empty();
            return new Judged(lapse, Standing.VALID, note, evidence, true);
        }
        RrsetSignatures.Outcome outcome = RrsetSignatures.check(answer, zone, keys, now);
        Optional<Lapse> lapse = outcome instanceof RrsetSignatures.Expired e
                ? Optional.of(new Expired(server, type, e.signature().getExpire())) : Optional.empty();
        return new Judged(lapse, lapse.isPresent() ? Standing.EXPIRED : Standing.UNJUDGED, line + outcome.evidence()
                + (lapse.isPresent() ? "" : ", not judged here"), evidence, true);
    }

    /** The reply's RRset of {@code type} at {@code owner} and the signatures over it, as the resolver's are kept. */
    private static DnssecAnswer answer(Message reply, Name owner, int type, ChildKeyServers.Server server) {
        DnsClient.Rrset rrset = DnsClient.Rrset.of(reply.getSection(Section.ANSWER), owner, type);
        DnsAnswer answer = new DnsAnswer(owner.toString(), type, rrset.records().isEmpty() ? DnsStatus.NODATA
                : DnsStatus.OK, rrset.records(), List.of(), server.label(), Instant.now(), "");
        return new DnssecAnswer(answer, rrset.signatures(), DnsClient.dnssecOk(reply));
    }
}
