package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.DnsClient;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsTransport;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.ReplyEvidence;
import org.mailpath.engine.dns.SilentServers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The NS set of the domain's zone and every address of every server: each must answer the zone's SOA
 * authoritatively (AA set, SOA in the answer) over UDP and over TCP; otherwise the delegation is lame, the
 * server unreachable, or TCP missing (required since DNS Flag Day 2020). The servers' networks are judged too
 * ({@link NetworkDiversity}, {@link AsDiversity}).
 */
public final class NameServerCheck implements DomainCheck {

    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    private static final int UDP_SENDS = 3;
    /** Not in DnsFindingCodes (another package); stable like the others. */
    public static final String NS_SOA_SERIAL_MISMATCH = "NS_SOA_SERIAL_MISMATCH";
    /** This check's probes among a run's {@link SilentServers}. */
    private static final String SILENT_KEY = "soa";

    private final AsDiversity asDiversity;

    /** Origin ASes of public server addresses from Team Cymru's IP-to-ASN zone ({@value OriginAs#CYMRU_ZONE}). */
    public NameServerCheck() {
        this(OriginAs.CYMRU_ZONE, AsDiversity.PUBLIC);
    }

    /**
     * {@code asnZone}: the IP-to-ASN zone asked for the servers' origin ASes, in Team Cymru's form;
     * {@code mayAsk}: the addresses whose origin may be asked (tests on loopback servers allow all).
     */
    NameServerCheck(String asnZone, Predicate<InetAddress> mayAsk) {
        this.asDiversity = new AsDiversity(asnZone, mayAsk);
    }

    @Override
    public CheckKind kind() {
        return CheckKind.NAME_SERVERS;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        // Most domains checked are their zone's apex: their parent's servers are looked up while the zone's own
        // are, and the delegation is read and the servers' origin ASes are asked while the zone's servers are
        // probed, so none waits for another.
        String domain = context.domain();
        Supplier<Delegation.Parents> apexParents = Parallel.fork(() -> Delegation.parents(context, domain));
        NameServers servers = NameServers.discover(context);
        List<Finding> findings = new ArrayList<>(servers.problems());
        List<NameServers.Target> targets = servers.targets();
        Supplier<AsDiversity.Judgement> origins = Parallel.fork(() -> asDiversity.judge(context, servers));
        Supplier<List<Finding>> delegation = Parallel.fork(() -> {
            if (servers.hosts().isEmpty()) {
                return List.of();
            }
            boolean whole = servers.problems().stream().noneMatch(f -> f.code().equals(DnsFindingCodes.NS_TOO_MANY));
            // the zone is the domain or a parent cut from it (ZoneApex), the same string when its apex
            Delegation.Parents parents = servers.zone().equals(domain) ? apexParents.get()
                    : Delegation.parents(context, servers.zone());
            return Delegation.check(context, servers.zone(), whole
                    ? Optional.of(servers.hosts().stream().map(NameServers.Host::name).toList()) : Optional.empty(), parents);
        });
        List<Probe> probes = Parallel.map(targets, t -> probe(context, servers.zone(), t));
        List<String> evidence = new ArrayList<>(servers.evidence());
        AsDiversity.Judgement asJudgement = origins.get();
        asJudgement.finding().ifPresent(findings::add);
        serialMismatch(servers.zone(), probes).ifPresent(findings::add);
        findings.addAll(delegation.get());
        boolean allGood = findings.stream().allMatch(f -> f.severity() == Severity.INFO) && !targets.isEmpty();
        List<NameServers.Target> answering = probes.stream().filter(Probe::answersUdp).map(Probe::target).toList();
        for (Probe probe : probes) {
            for (Finding found : probe.findings()) {
                Finding f = answering.isEmpty() ? found : othersAnswer(found, probe.target(), answering);
                if (f.severity() == Severity.OK) {
                    evidence.addAll(f.evidence());
                } else {
                    findings.add(f);
                    allGood &= f.severity() == Severity.INFO;
                }
            }
        }
        evidence.addAll(asJudgement.evidence());
        if (allGood) {
            findings.add(NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_OK, Severity.OK, context.domain(), evidence,
                    Actor.NOBODY, DnsFindingCodes.NS_OK, servers.zone(),
                    String.join(", ", servers.hosts().stream().map(NameServers.Host::name).toList())));
        }
        return CheckOutcome.of(findings);
    }

    /**
     * What one address answered: its findings, the SOA serial it serves (-1 when it gave none), and whether it
     * answered the zone's SOA authoritatively over UDP, as resolvers ask first.
     */
    private record Probe(NameServers.Target target, long serial, List<String> evidence, List<Finding> findings,
                         boolean answersUdp, Optional<SilentServers.Silence> silence) {
        Probe(NameServers.Target target, long serial, List<String> evidence, List<Finding> findings) {
            this(target, serial, evidence, findings, false, Optional.empty());
        }
    }

    /**
     * NS_UNREACHABLE of a server whose zone has another that answers over UDP: a WARNING, not an ERROR. Resolvers
     * that get no answer from one server ask the others (RFC 1035 §7.2), so lookups take longer but do not fail;
     * Zonemaster likewise rates a server that does not respond a WARNING (CONNECTIVITY01's CN01_NO_RESPONSE_UDP,
     * BASIC02's B02_NS_NO_RESPONSE) and only a zone without any working server CRITICAL (B02_NO_WORKING_NS), which
     * stays an ERROR here. When only the same server answers, at another of its addresses (its IPv4 address while
     * its IPv6 one is dead), the message says so rather than naming other servers the zone may not have.
     *
     * @param answering the addresses that answer over UDP (not empty)
     */
    private static Finding othersAnswer(Finding f, NameServers.Target silent,
                                        List<NameServers.Target> answering) {
        if (!f.code().equals(DnsFindingCodes.NS_UNREACHABLE) || f.severity() != Severity.ERROR) {
            return f;
        }
        if (answering.stream().anyMatch(t -> !t.name().equals(silent.name()))) {
            return f.withSeverity(Severity.WARNING).withMessage(
                    NameServerTexts.text(DnsFindingCodes.NS_UNREACHABLE + ".others.message", f.subject()));
        }
        String addresses = String.join(", ", answering.stream()
                .map(t -> InetAddresses.toAddrString(t.address())).toList());
        return f.withSeverity(Severity.WARNING).withMessage(NameServerTexts.text(
                DnsFindingCodes.NS_UNREACHABLE + ".otherAddress.message", f.subject(), silent.name(), addresses));
    }

    /**
     * NS_SOA_SERIAL_MISMATCH: servers of one zone serving different versions of it (RFC 1996 NOTIFY or the zone
     * transfer to a secondary failing), so resolvers get old or new data depending on the server they pick.
     */
    private static Optional<Finding> serialMismatch(String zone, List<Probe> probes) {
        Map<Long, List<String>> bySerial = new TreeMap<>();
        List<String> evidence = new ArrayList<>();
        for (Probe p : probes) {
            if (p.serial() >= 0) {
                bySerial.computeIfAbsent(p.serial(), k -> new ArrayList<>()).add(p.target().label());
                evidence.addAll(p.evidence());
            }
        }
        if (bySerial.size() < 2) {
            return Optional.empty();
        }
        List<LocalText> serials = bySerial.entrySet().stream().map(e -> NameServerTexts.text("phrase.serialAt",
                String.valueOf(e.getKey()), String.join(", ", e.getValue()))).toList();
        return Optional.of(NameServerTexts.TEXTS.finding(NS_SOA_SERIAL_MISMATCH, Severity.WARNING, zone, evidence, WHO,
                NS_SOA_SERIAL_MISMATCH, zone, NameServerTexts.joined("phrase.semicolon", serials)));
    }

    /**
     * The address's answers to the zone's SOA over UDP and TCP; for a later zone of an address that answered neither
     * for an earlier zone of the run, the UDP question alone while it stays unanswered ({@link SilentServers}).
     */
    private static Probe probe(CheckContext context, String zone, NameServers.Target target) {
        InetSocketAddress server = new InetSocketAddress(target.address(), context.options().dnsPort());
        return context.silentServers().probe(SILENT_KEY, server, heard -> fullProbe(context, zone, target, server,
                heard),
                Probe::silence, earlier -> askedOnce(context, zone, target, server, earlier), context.cancellation());
    }

    /** The UDP question alone, and NS_UNREACHABLE as the full probe would say it while that is unanswered too. */
    private static Optional<Probe> askedOnce(CheckContext context, String zone, NameServers.Target target,
                                             InetSocketAddress server, SilentServers.Silence earlier) {
        DnsTransport.Result udp = DnsTransport.udp(server, soaQuery(zone), context.options().timeout(), UDP_SENDS,
                context.cancellation());
        if (!SilentServers.noReply(udp)) {
            return Optional.empty(); // it answers this zone (or something is there): tested in full
        }
        String where = DnsClient.hostPort(server);
        List<String> evidence = new ArrayList<>(ReplyEvidence.lines(zone + ". SOA", where, udp, Instant.now()));
        evidence.add(";; not asked over TCP: " + where + " answered neither over UDP (" + earlier.labels().get("udp")
                + ") nor over TCP (" + earlier.labels().get("tcp") + ") for " + earlier.zone()
                + " earlier in this run, nor now over UDP");
        return Optional.of(new Probe(target, -1, evidence, List.of(unreachable(target, evidence))));
    }

    /** NS_UNREACHABLE: the server answered neither over UDP nor over TCP. */
    private static Finding unreachable(NameServers.Target target, List<String> evidence) {
        String subject = target.label();
        return NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_UNREACHABLE, Severity.ERROR, subject, evidence, WHO,
                DnsFindingCodes.NS_UNREACHABLE, subject);
    }

    /** The zone's SOA over UDP and TCP at once; {@code heard} runs at the first reply. */
    private static Probe fullProbe(CheckContext context, String zone, NameServers.Target target,
                                   InetSocketAddress server, Runnable heard) {
        Message query = soaQuery(zone);
        String question = zone + ". SOA";
        List<DnsTransport.Result> results = Parallel.map(List.of(false, true), tcp -> {
            DnsTransport.Result result = tcp
                    ? DnsTransport.tcp(server, query, context.options().timeout(), context.cancellation())
                    : DnsTransport.udp(server, query, context.options().timeout(), UDP_SENDS, context.cancellation());
            if (!SilentServers.noReply(result)) {
                heard.run();
            }
            return result;
        });
        Instant time = Instant.now();
        String where = DnsClient.hostPort(server);
        DnsTransport.Result udp = results.get(0);
        DnsTransport.Result tcp = results.get(1);
        List<String> evidence = new ArrayList<>(ReplyEvidence.lines(question, where, udp, time));
        evidence.addAll(ReplyEvidence.lines(question, where, tcp, time));
        String subject = target.label();
        if (udp instanceof DnsTransport.Failure u && u.unreachableHere()) {
            return new Probe(target, -1, evidence, List.of(NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_SKIPPED,
                    Severity.INFO, subject, evidence, Actor.NOBODY, DnsFindingCodes.NS_SKIPPED, u.reason())));
        }
        if (udp instanceof DnsTransport.Failure u && tcp instanceof DnsTransport.Failure t) {
            Optional<SilentServers.Silence> silence = SilentServers.noReply(u) && SilentServers.noReply(t)
                    ? Optional.of(new SilentServers.Silence(zone, Map.of("udp", u.label(), "tcp", t.label())))
                    : Optional.empty();
            return new Probe(target, -1, evidence, List.of(unreachable(target, evidence)), false, silence);
        }
        // A truncated UDP reply (TC, e.g. response-rate limiting's "slip") may hold no records: judge the TCP one.
        DnsTransport.Result answered = udp instanceof DnsTransport.Reply u && !u.message().getHeader().getFlag(Flags.TC)
                || tcp instanceof DnsTransport.Failure ? udp : tcp;
        Optional<LocalText> lame = lameReason((DnsTransport.Reply) answered, zone);
        if (lame.isPresent()) {
            return new Probe(target, -1, evidence, List.of(NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_LAME,
                    Severity.ERROR, subject, evidence, WHO, DnsFindingCodes.NS_LAME, subject, zone, lame.get())));
        }
        long serial = soaSerial(((DnsTransport.Reply) answered).message(), zone);
        Finding finding;
        if (udp instanceof DnsTransport.Failure f) {
            finding = NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_UNREACHABLE, Severity.WARNING, subject, evidence,
                    WHO, DnsFindingCodes.NS_UNREACHABLE + ".udp", subject, f.label());
        } else if (tcp instanceof DnsTransport.Failure f) {
            finding = NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_NO_TCP, Severity.WARNING, subject, evidence, WHO,
                    DnsFindingCodes.NS_NO_TCP, subject, f.label());
        } else {
            finding = new Finding(DnsFindingCodes.NS_OK, Severity.OK, subject, "", evidence, "", Actor.NOBODY);
        }
        return new Probe(target, serial, evidence, List.of(finding), udp instanceof DnsTransport.Reply,
                Optional.empty());
    }

    /** Why a reply is not an authoritative answer for the zone's SOA; empty when it is. */
    static Optional<LocalText> lameReason(DnsTransport.Reply reply, String zone) {
        Message m = reply.message();
        if (m.getRcode() != Rcode.NOERROR) {
            return Optional.of(NameServerTexts.text("phrase.lame.rcode", Rcode.string(m.getRcode())));
        }
        if (!m.getHeader().getFlag(Flags.AA)) {
            return Optional.of(NameServerTexts.text("phrase.lame.notAuthoritative"));
        }
        if (m.getHeader().getFlag(Flags.TC)) {
            return Optional.empty(); // cut short: an empty answer says nothing about the zone
        }
        boolean soa = m.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r.getType() == Type.SOA && r.getName().toString().equalsIgnoreCase(zone + "."));
        return soa ? Optional.empty() : Optional.of(NameServerTexts.text("phrase.lame.noSoa"));
    }

    /** The serial of the zone's SOA in the answer; -1 when there is none (a truncated answer). */
    private static long soaSerial(Message m, String zone) {
        return m.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof SOARecord && r.getName().toString().equalsIgnoreCase(zone + "."))
                .mapToLong(r -> ((SOARecord) r).getSerial()).findFirst().orElse(-1);
    }

    static Message soaQuery(String zone) {
        return query(zone, Type.SOA);
    }

    /** A question for a server (not a resolver): RD clear. */
    static Message query(String zone, int type) {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), type, DClass.IN));
            query.getHeader().unsetFlag(Flags.RD);
            return query;
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a zone name: " + zone, e);
        }
    }
}
