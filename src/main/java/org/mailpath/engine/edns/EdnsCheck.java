package org.mailpath.engine.edns;

import com.google.common.net.InetAddresses;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsClient;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.SilentServers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.nameserver.NameServers;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * EDNS compliance of every authoritative address of the domain's zone, as ISC's tester and DNS Flag Day
 * define it: all tests of all servers run at once; each server gets its test labels and verdict
 * ({@link NameServerResult}), and findings name the servers that are dead, non-compliant, or send UDP answers
 * larger than the buffer asked for.
 */
public final class EdnsCheck implements DomainCheck {

    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    /** The codes of the name-server discovery's findings that leave no server to test. */
    private static final Set<String> WHY_NO_SERVER = Set.of(DnsFindingCodes.DNS_TIMEOUT,
            DnsFindingCodes.DNS_LOOKUP_FAILED, DnsFindingCodes.DOMAIN_NXDOMAIN, DnsFindingCodes.NS_MISSING,
            DnsFindingCodes.NS_NO_ADDRESS);
    private static final FindingTexts TEXTS = FindingTexts.of(EdnsCheck.class);
    /** This check's probes among a run's {@link SilentServers}. */
    private static final String SILENT_KEY = "edns";

    @Override
    public CheckKind kind() {
        return CheckKind.EDNS;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        NameServers servers = NameServers.discover(context);
        Name zone;
        try {
            zone = Name.fromString(servers.zone() + ".");
        } catch (TextParseException e) {
            return CheckOutcome.of(List.of());
        }
        List<NameServers.Target> targets = servers.targets();
        if (targets.isEmpty()) {
            // no server to test is no pass: why there is none (the name servers could not be looked up, or there
            // are none) stands for this check, a resolver's failure as "not checked"; the name-server check says the
            // same, and a domain's findings say it once
            return CheckOutcome.of(servers.problems().stream().filter(EdnsCheck::whyNoServer).toList());
        }
        List<ServerRun> runs = Parallel.map(targets, t -> probe(context, zone, t));
        List<Finding> findings = new ArrayList<>();
        List<NameServerResult> results = new ArrayList<>();
        for (ServerRun run : runs) {
            if (run.tests.values().stream().allMatch("skipped"::equals)) {
                continue; // address family not available here; the name-server check says so
            }
            String verdict = FlagDay.verdict(run.tests);
            results.add(new NameServerResult(run.target.name(), InetAddresses.toAddrString(run.target.address()),
                    run.tests, verdict));
            findings.addAll(findings(run, verdict));
        }
        boolean noneFailed = findings.stream().noneMatch(f -> f.code().equals(DnsFindingCodes.EDNS_DEAD)
                || f.code().equals(DnsFindingCodes.EDNS_NONCOMPLIANT));
        if (!results.isEmpty() && noneFailed && findings.stream().allMatch(f -> f.severity() == Severity.INFO)) {
            findings.add(TEXTS.finding(DnsFindingCodes.EDNS_OK, Severity.OK, context.domain(), List.of(),
                    Actor.NOBODY, DnsFindingCodes.EDNS_OK, servers.zone()));
        }
        return new CheckOutcome(findings, results);
    }

    /** A finding of the name-server discovery that leaves no server to test. */
    private static boolean whyNoServer(Finding f) {
        return WHY_NO_SERVER.contains(f.code());
    }

    private record ServerRun(NameServers.Target target, Map<String, String> tests, Map<String, List<String>> evidence,
                             AskedAlone.Result asked) {
    }

    /**
     * Every test of one address; for a later zone of an address that answered none of them for an earlier zone of the
     * run, the plain {@code dns} question alone while it stays unanswered ({@link SilentServers}).
     */
    private static ServerRun probe(CheckContext context, Name zone, NameServers.Target target) {
        InetSocketAddress server = new InetSocketAddress(target.address(), context.options().dnsPort());
        return context.silentServers().probe(SILENT_KEY, server, heard -> fullProbe(context, zone, target, server,
                heard), run -> silence(zone, run), earlier -> askedOnce(context, zone, target, server, earlier),
                context.cancellation());
    }

    /** Every test of one address; {@code heard} runs at its first reply. */
    private static ServerRun fullProbe(CheckContext context, Name zone, NameServers.Target target,
                                       InetSocketAddress server, Runnable heard) {
        Duration timeout = context.options().timeout();
        Function<EdnsTest, EdnsProbe.Outcome> ask = t -> {
            EdnsProbe.Outcome outcome = EdnsProbe.run(t, zone, server, timeout, context.cancellation());
            if (!EdnsProbe.noReply(outcome.label())) {
                heard.run();
            }
            return outcome;
        };
        // A pause of one UDP retransmission interval (1 s by default) lets a rate limiter's budget refill.
        AskedAlone.Result asked = AskedAlone.reask(EdnsTest.ALL, Parallel.map(EdnsTest.ALL, ask), ask,
                EdnsProbe.retransmitInterval(timeout), context.cancellation());
        return run(target, asked);
    }

    /** Each test's label of a full run that got no reply to any test, or empty. */
    private static Optional<SilentServers.Silence> silence(Name zone, ServerRun run) {
        List<EdnsProbe.Outcome> outcomes = run.asked.outcomes();
        if (!outcomes.stream().allMatch(o -> EdnsProbe.noReply(o.label()))) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            labels.put(EdnsTest.ALL.get(i).name(), outcomes.get(i).label());
        }
        return Optional.of(new SilentServers.Silence(zone.toString(true), labels));
    }

    /**
     * The plain {@code dns} question alone; while it is unanswered, the other tests are not asked and keep the labels
     * they got for the earlier zone (no reply), which the evidence says.
     */
    private static Optional<ServerRun> askedOnce(CheckContext context, Name zone, NameServers.Target target,
                                                 InetSocketAddress server, SilentServers.Silence earlier) {
        EdnsTest plain = EdnsTest.ALL.get(indexOf("dns"));
        EdnsProbe.Outcome dns = EdnsProbe.run(plain, zone, server, context.options().timeout(),
                context.cancellation());
        if (!EdnsProbe.noReply(dns.label())) {
            return Optional.empty(); // it answers this zone (or something is there): tested in full
        }
        List<String> evidence = new ArrayList<>(dns.evidence());
        evidence.add(";; the other tests were not asked: " + DnsClient.hostPort(server) + " answered none of them for "
                + earlier.zone() + " earlier in this run, nor this question now; their labels are those it got there");
        List<EdnsProbe.Outcome> outcomes = new ArrayList<>();
        for (EdnsTest test : EdnsTest.ALL) {
            outcomes.add(test.equals(plain) ? new EdnsProbe.Outcome(dns.label(), evidence, false)
                    : new EdnsProbe.Outcome(earlier.labels().get(test.name()), List.of(), false));
        }
        return Optional.of(run(target, new AskedAlone.Result(List.copyOf(outcomes), 0, 0)));
    }

    private static ServerRun run(NameServers.Target target, AskedAlone.Result asked) {
        List<EdnsProbe.Outcome> outcomes = asked.outcomes();
        Map<String, String> tests = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String name = EdnsTest.ALL.get(i).name();
            EdnsProbe.Outcome o = outcomes.get(i);
            if (name.equals("ednstcp")) {
                // genreport prints its "signed" pseudo-test (the do result, ",yes" if RRSIGs came back) here
                EdnsProbe.Outcome doTest = outcomes.get(indexOf("do"));
                tests.put("signed", doTest.label() + (doTest.signed() ? ",yes" : ""));
            }
            tests.put(name, o.label());
            evidence.put(name, o.evidence());
        }
        return new ServerRun(target, tests, evidence, asked);
    }

    private static List<String> answeredAloneEvidence(ServerRun run) {
        List<String> evidence = new ArrayList<>();
        run.evidence.values().stream().filter(lines -> lines.stream().anyMatch(l -> l.startsWith(AskedAlone.MARK)))
                .forEach(evidence::addAll);
        return evidence;
    }

    private static int indexOf(String test) {
        for (int i = 0; i < EdnsTest.ALL.size(); i++) {
            if (EdnsTest.ALL.get(i).name().equals(test)) {
                return i;
            }
        }
        throw new IllegalArgumentException(test);
    }

    private static List<Finding> findings(ServerRun run, String verdict) {
        List<Finding> findings = new ArrayList<>();
        String subject = run.target.label();
        List<String> failed = run.tests.entrySet().stream().filter(e -> !FlagDay.passed(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        List<String> evidence = new ArrayList<>();
        // every label, in genreport's order and words, before the exchanges of the failed tests
        evidence.add(";; " + subject + ": " + String.join(" ", run.tests.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        run.tests.forEach((k, v) -> {
            if (!FlagDay.passed(v)) {
                evidence.addAll(run.evidence.getOrDefault(k, List.of()));
            }
        });
        String plain = run.tests.getOrDefault("dns", "");
        // A server that does not serve the zone, or answers nothing at all, fails every test for that one cause,
        // which the name-server check reports (and advises on) as NS_LAME or NS_UNREACHABLE: said twice as errors
        // it would read as two problems. One that answers plain DNS but not EDNS is the Flag Day problem itself.
        boolean lame = EdnsProbe.lame(plain);
        boolean unreachable = run.tests.values().stream().allMatch(EdnsProbe::noReply);
        if (!verdict.equals(FlagDay.OK) && (lame || unreachable)) {
            String code = verdict.equals(FlagDay.DEAD) ? DnsFindingCodes.EDNS_DEAD : DnsFindingCodes.EDNS_NONCOMPLIANT;
            findings.add(TEXTS.finding(code, Severity.INFO, subject, evidence, Actor.NOBODY,
                    lame ? "lame" : "unreachable", subject, String.join(" ", failed), "dns=" + plain));
        } else if (verdict.equals(FlagDay.DEAD)) {
            findings.add(TEXTS.finding(DnsFindingCodes.EDNS_DEAD, Severity.ERROR, subject, evidence, WHO,
                    DnsFindingCodes.EDNS_DEAD, subject, String.join(" ", failed)));
        } else if (verdict.equals(FlagDay.COMPATIBLE)) {
            findings.add(TEXTS.finding(DnsFindingCodes.EDNS_NONCOMPLIANT, Severity.WARNING, subject, evidence, WHO,
                    DnsFindingCodes.EDNS_NONCOMPLIANT, subject, String.join(" ", failed)));
        }
        if (run.asked.answered() > 0) {
            int answered = run.asked.answered();
            String wording = answered == run.asked.reasked() ? ".all" : ".some";
            findings.add(TEXTS.finding(DnsFindingCodes.EDNS_RATE_LIMITED, Severity.INFO, subject,
                    answeredAloneEvidence(run), Actor.NOBODY, DnsFindingCodes.EDNS_RATE_LIMITED + wording, subject,
                    run.asked.reasked(), EdnsTest.ALL.size(), answered));
        }
        List<String> oversized = run.tests.entrySet().stream()
                .filter(e -> FlagDay.tags(e.getValue()).contains("toobig")).map(Map.Entry::getKey).toList();
        if (!oversized.isEmpty()) {
            List<String> ev = new ArrayList<>();
            oversized.forEach(t -> ev.addAll(run.evidence.getOrDefault(t, List.of())));
            findings.add(TEXTS.finding(DnsFindingCodes.EDNS_OVERSIZED_UDP, Severity.WARNING, subject, ev, WHO,
                    DnsFindingCodes.EDNS_OVERSIZED_UDP, subject, String.join(", ", oversized)));
        }
        return findings;
    }
}
