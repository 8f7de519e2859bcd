package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.ZoneApex;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Type;

/**
 * The authoritative servers of a domain's zone, found through the run's resolver: the zone is the domain or
 * the nearest parent with an NS set. {@code complete}: {@code hosts} are every server of the zone with every
 * address (no more than {@value #MAX_HOSTS} NS names, no address question that failed), so what they share can be
 * judged. {@code problems} holds what went wrong on the way (lookup failures, NS names without addresses); the
 * name-server check reports them, the EDNS check only uses the hosts.
 */
public record NameServers(String zone, List<Host> hosts, boolean complete, List<Finding> problems,
                          List<String> evidence) {

    /** NS names examined at most (a hostile zone may list hundreds). */
    public static final int MAX_HOSTS = 13;
    /** Addresses tested at most, over all NS names (each gets a dozen probes). */
    public static final int MAX_TARGETS = 16;
    /** Not in DnsFindingCodes (another package); stable like the others. */
    public static final String NS_TOO_FEW = "NS_TOO_FEW";
    /** Not in DnsFindingCodes (another package); stable like the others. */
    public static final String NS_CNAME = "NS_CNAME";

    public NameServers {
        hosts = List.copyOf(hosts);
        problems = List.copyOf(problems);
        evidence = List.copyOf(evidence);
    }

    /** One NS name and its addresses. */
    public record Host(String name, List<InetAddress> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }

        /** "ns1.example.com (192.0.2.1, 2001:db8::1)" */
        String label() {
            return name + " (" + String.join(", ", addresses.stream().map(InetAddresses::toAddrString).toList())
                    + ")";
        }

        /** Every address of {@code hosts}, each once, in the hosts' order. */
        static List<InetAddress> allAddresses(List<Host> hosts) {
            return hosts.stream().flatMap(h -> h.addresses().stream()).distinct().toList();
        }

        /** The servers that have an address, each with its addresses: "ns1.x (192.0.2.1), ns2.x (…)". */
        static String labels(List<Host> hosts) {
            return String.join(", ", hosts.stream().filter(h -> !h.addresses().isEmpty()).map(Host::label).toList());
        }
    }

    public static NameServers discover(CheckContext context) {
        ZoneApex<DnsAnswer> cut = ZoneApex.find(context.dns(), context.domain(), Type.NS, context.cancellation());
        String zone = cut.zone();
        DnsAnswer ns = cut.last();
        Optional<Finding> failed = LookupFindings.failure(ns);
        if (failed.isPresent()) {
            return new NameServers(zone, List.of(), false, List.of(failed.get()), ns.evidence());
        }
        if (ns.records().isEmpty()) {
            return new NameServers(zone, List.of(), false, List.of(NameServerTexts.TEXTS.finding(
                    DnsFindingCodes.NS_MISSING, Severity.ERROR, context.domain(), ns.evidence(),
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.NS_MISSING, context.domain())), ns.evidence());
        }
        List<String> all = ns.records().stream().filter(NSRecord.class::isInstance)
                .map(r -> Addresses.display(((NSRecord) r).getTarget())).distinct().sorted().toList();
        List<String> names = all.stream().limit(MAX_HOSTS).toList();
        List<Resolved> resolved = Parallel.map(names, name -> resolve(context, name));
        List<Finding> problems = new ArrayList<>();
        List<String> evidence = new ArrayList<>(ns.evidence());
        List<Host> hosts = new ArrayList<>();
        boolean anyAddress = resolved.stream().anyMatch(r -> !r.host.addresses().isEmpty());
        for (Resolved r : resolved) {
            evidence.addAll(r.evidence);
            hosts.add(r.host);
            Optional<Finding> unanswered = r.answers.stream()
                    .filter(DnsAnswers::failed)
                    .map(LookupFindings::failure).flatMap(Optional::stream).findFirst();
            r.answers.stream().filter(a -> !a.cnames().isEmpty()).findFirst().ifPresent(a -> problems.add(
                    alias(r.host.name(), a, r.evidence)));
            if (r.host.addresses().isEmpty() && unanswered.isPresent()) {
                // the address question timed out or failed: that is no proof the server has no address
                Finding f = unanswered.get();
                // the withers keep the finding's translations
                problems.add(f.withSeverity(anyAddress ? Severity.WARNING : f.severity()).withEvidence(r.evidence));
            } else if (r.host.addresses().isEmpty()) {
                problems.add(NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_NO_ADDRESS, anyAddress ? Severity.WARNING
                        : Severity.ERROR, r.host.name(), r.evidence, Actor.RECIPIENT_MAIL_TEAM,
                        DnsFindingCodes.NS_NO_ADDRESS, r.host.name(), context.domain()));
            }
        }
        Optional<Finding> tooFew = tooFew(context.domain(), zone, all, hosts, ns);
        tooFew.ifPresent(problems::add);
        boolean complete = all.size() <= MAX_HOSTS
                && resolved.stream().flatMap(r -> r.answers.stream()).noneMatch(DnsAnswers::failed);
        if (tooFew.isEmpty()) {
            // one thing said once: a single server or address is NS_TOO_FEW, whatever its network
            NetworkDiversity.sameNetwork(context.domain(), zone, hosts, complete, evidence).ifPresent(problems::add);
        }
        int addresses = hosts.stream().mapToInt(h -> h.addresses().size()).sum();
        if (all.size() > MAX_HOSTS || addresses > MAX_TARGETS) {
            problems.add(tooMany(context.domain(), zone, all.size(), names.size(), addresses, ns));
        }
        return new NameServers(zone, hosts, complete, problems, evidence);
    }

    /**
     * NS_TOO_FEW: one NS name, or several that all lead to one address, is a single point of failure: when it is
     * down the domain and its mail vanish from the DNS (RFC 1034 §4.1 and RFC 2182 §5 ask for at least two).
     */
    private static Optional<Finding> tooFew(String domain, String zone, List<String> names, List<Host> hosts,
                                            DnsAnswer ns) {
        List<InetAddress> distinct = Host.allAddresses(hosts);
        if (names.size() >= 2 && distinct.size() != 1) {
            return Optional.empty(); // with no address at all, NS_NO_ADDRESS says what is wrong
        }
        return Optional.of(names.size() == 1
                ? NameServerTexts.TEXTS.variant(NS_TOO_FEW, Severity.WARNING, domain, ns.evidence(),
                        Actor.RECIPIENT_MAIL_TEAM, NS_TOO_FEW + ".oneName.message", NS_TOO_FEW + ".remediation", zone,
                        names.getFirst(), domain)
                : NameServerTexts.TEXTS.variant(NS_TOO_FEW, Severity.WARNING, domain, ns.evidence(),
                        Actor.RECIPIENT_MAIL_TEAM, NS_TOO_FEW + ".oneAddress.message", NS_TOO_FEW + ".remediation",
                        zone, String.join(", ", names), domain, names.size(),
                        InetAddresses.toAddrString(distinct.getFirst())));
    }

    /** NS_CNAME: RFC 2181 §10.3 - an NS record must name the server's own name, not an alias. */
    private static Finding alias(String host, DnsAnswer answer, List<String> evidence) {
        String target = answer.finalName();
        return NameServerTexts.TEXTS.finding(NS_CNAME, Severity.WARNING, host, evidence, Actor.RECIPIENT_MAIL_TEAM,
                NS_CNAME, host, target);
    }

    /** NS_TOO_MANY: a hostile or sprawling NS set is tested in part, and the report says which part. */
    private static Finding tooMany(String domain, String zone, int listed, int examined, int addresses,
                                   DnsAnswer ns) {
        // "at least": the names not examined may have addresses too
        Object counted = listed > examined ? NameServerTexts.text("phrase.atLeast", addresses)
                : String.valueOf(addresses);
        return NameServerTexts.TEXTS.finding(DnsFindingCodes.NS_TOO_MANY, Severity.INFO, domain, ns.evidence(),
                Actor.NOBODY, DnsFindingCodes.NS_TOO_MANY, zone, listed, counted, examined,
                Math.min(addresses, MAX_TARGETS));
    }

    private record Resolved(Host host, List<DnsAnswer> answers, List<String> evidence) {
    }

    private static Resolved resolve(CheckContext context, String name) {
        List<DnsAnswer> answers = Parallel.map(List.of(Type.A, Type.AAAA),
                t -> context.dns().lookup(name, t, context.cancellation()));
        List<String> evidence = new ArrayList<>();
        answers.forEach(a -> evidence.addAll(a.evidence()));
        List<InetAddress> addresses = answers.stream().flatMap(a -> a.records().stream()).map(Addresses::of)
                .flatMap(Optional::stream).distinct().toList();
        return new Resolved(new Host(name, addresses), answers, evidence);
    }

    /** The (host, address) pairs to test, in host order, at most {@value #MAX_TARGETS}. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (Host h : hosts) {
            for (InetAddress a : h.addresses()) {
                if (out.size() < MAX_TARGETS) {
                    out.add(new Target(h.name(), a));
                }
            }
        }
        return out;
    }

    /** One address of one name server. */
    public record Target(String name, InetAddress address) {
        public String label() {
            return name + " (" + InetAddresses.toAddrString(address) + ")";
        }
    }
}
