package org.mailpath.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.ChecksNotMade;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.edns.FlagDay;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportWording;

/** Plain-text form of a check report for a mail admin: findings worst first, then the name-server table. */
public final class CheckReportText {

    /** Evidence lines printed per finding; the JSON output has them all. */
    static final int MAX_EVIDENCE = 12;

    private CheckReportText() {
    }

    public static void print(CheckReport report, PrintWriter out) {
        // the domains this computer's network kept from being checked as a whole, and those of which it kept only
        // some checks from being made, by those checks, each said once after the domains as the report says them
        List<String> notChecked = new ArrayList<>();
        Map<Set<String>, List<String>> partlyChecked = new LinkedHashMap<>();
        for (DomainCheckResult d : report.domains()) {
            Optional<Set<String>> notMade = ChecksNotMade.of(d);
            out.println("== " + IdnaNames.withUnicode(d.domain()) + " ==");
            out.println(summary(d.findings(), notMade));
            for (Finding f : d.findings()) {
                printFinding(f, out);
            }
            if (!d.nameServers().isEmpty()) {
                out.println();
                out.println("  EDNS compliance (ISC tests; DNS Flag Day verdict):");
                for (NameServerResult s : d.nameServers()) {
                    out.println("    " + s.name() + " " + s.address() + "  verdict: " + s.verdict());
                    out.println("      " + tests(s.tests()));
                }
                // the verdicts keep dnsflagday's words (scripts read them); the line says what they mean
                out.println("  " + ReportWording.of(ReportTexts.english()).nameServerLegend(FlagDay.VERDICTS));
            }
            out.println();
            if (notMade.isEmpty()) {
                notChecked.add(d.domain());
            } else if (!notMade.get().isEmpty()) {
                partlyChecked.computeIfAbsent(notMade.get(), k -> new ArrayList<>()).add(d.domain());
            }
        }
        if (!notChecked.isEmpty()) {
            out.println(ReportFindings.notCheckedSentence(ReportTexts.english(), notChecked));
        }
        partlyChecked.forEach((checks, domains) -> out.println(
                ReportFindings.notCheckedPartSentence(ReportTexts.english(), domains, checks)));
        if (!notChecked.isEmpty() || !partlyChecked.isEmpty()) {
            out.println();
        }
    }

    /**
     * The line under a domain's heading: its problems, and apart from them the checks this computer's network
     * kept from being made (a failing resolver), which say nothing about the domain, as the report counts them:
     * named when only they could not be made ({@code notMade}, {@link ChecksNotMade#of}), so that the others, which
     * were made, are not doubted; counted when the domain could not be checked as a whole.
     */
    static String summary(List<Finding> findings, Optional<Set<String>> notMade) {
        long problems = findings.stream().filter(ReportFindings::problem).count();
        long notChecked = findings.stream().filter(ReportFindings::notChecked).count();
        if (notChecked == 0) {
            return problems == 0 ? "No problems found." : Counts.of(problems, "problem") + " found.";
        }
        if (notMade.isPresent()) {
            String checks = ReportFindings.checksPhrase(ReportTexts.english(), notMade.get());
            // said first, as below: the checks not made must not be taken for passed ones
            return problems == 0 ? "Not all checked: the " + checks + " checks could not be made from this network"
                    + " (below); the other checks found no problems."
                    : Counts.of(problems, "problem") + " found; the " + checks + " checks could not be made from"
                    + " this network (below).";
        }
        if (problems == 0) {
            // said first: a reader who skims must not take it for a pass
            return "Not all checked: " + Counts.number(notChecked) + " NOT CHECKED from this network (below); no problems found in"
                    + " the rest.";
        }
        return Counts.of(problems, "problem") + " found; " + Counts.number(notChecked) + " not checked from this network.";
    }

    /**
     * The DNS checks of {@code analyze --check-dns}: the report, a note on the messages sent from Salesforce's own
     * addresses (whose DNS was not checked as ours), then which failing messages each problem may explain, with the
     * failure categories that tie them to it.
     */
    public static void printAnalysisChecks(AnalysisDnsChecks.Result result, PrintWriter out) {
        // first, above the domains: 50 domains' sections read as the whole log's unless told otherwise
        leftOut(result.plan()).ifPresent(line -> {
            out.println(line);
            out.println();
        });
        print(result.report(), out);
        List<String> notDomainNames = result.plan().notDomainNames();
        if (!notDomainNames.isEmpty()) {
            // said once, as check says it for a name typed: no lookups for a name that cannot exist
            out.println("Not checked: " + String.join(", ", notDomainNames) + (notDomainNames.size() == 1 ? " is"
                    : " are") + " not a valid domain name (an xn-- label must be a valid internationalized name,"
                    + " IDNA2008, RFC 5891 §5.4), so no DNS lookups were made for "
                    + (notDomainNames.size() == 1 ? "it" : "them") + "; correct the address in Salesforce.");
            out.println();
        }
        List<String> viaRelayOnly = result.plan().viaRelayOnly();
        if (!viaRelayOnly.isEmpty()) {
            // a relay's refusal or outage is no sign of the recipient domain's DNS: said, so no one wonders why
            out.println("Not checked: " + String.join(", ", viaRelayOnly) + ": " + (viaRelayOnly.size() == 1
                    ? "its failing messages all" : "their failing messages all") + " ended at our Email Relay"
                    + " (--relay-host), so the relay host's problems are ours: check the relay, its DNS name and its"
                    + " logs, not the recipient domains' DNS.");
            out.println();
        }
        // the JSON has no field for it: a line here only, so a reader does not wonder why salesforce.com is missing
        long fromSalesforce = result.plan().fromSalesforce();
        if (fromSalesforce > 0) {
            out.println("Note: " + (fromSalesforce == 1 ? "1 message was" : fromSalesforce + " messages were")
                    + " sent from Salesforce's own addresses (at or under salesforce.com); those domains are"
                    + " Salesforce's, not our sending domains, so their DNS was not checked.");
            out.println();
        }
        List<AnalysisDnsChecks.LinkedFinding> linked = result.findings().stream()
                .filter(l -> !l.chains().isEmpty()).toList();
        if (linked.isEmpty()) {
            return;
        }
        out.println("== DNS problems and the failing messages they may explain ==");
        for (AnalysisDnsChecks.LinkedFinding l : linked) {
            out.printf("  %s %s (%s domain %s): %s (%s), e.g. %s%n", l.finding().code(),
                    l.finding().subject(), role(l.role()), l.domain(),
                    Counts.of(l.chains().size(), "message"), categories(l.chains()), String.join(", ",
                            l.chains().stream().limit(3).map(AnalysisDnsChecks.ChainRef::recipient).toList()));
        }
        out.println();
    }

    /**
     * The line saying which failing recipient domains the checks left out ({@link AnalysisDnsChecks#MAX_RECIPIENT_DOMAINS}
     * at most are checked) and how to check them; empty when none was.
     */
    static Optional<String> leftOut(AnalysisDnsChecks.Plan plan) {
        List<String> left = plan.leftOut();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Not checked: " + left.size() + " of the " + plan.failingRecipientDomains()
                + " failing recipient domains (the DNS checks cover the " + plan.recipientDomainsChecked()
                + " with the most failing messages); check the others with mailpath check DOMAIN..., e.g. mailpath"
                + " check " + String.join(" ", left.stream().limit(3).toList()) + (left.size() > 3 ? " ..." : "")
                + " (the JSON lists them all: dnsChecks.domainsLeftOut).");
    }

    /**
     * A finding's severity as the text output prints it: a check this computer's network could not make is NOT
     * CHECKED, the report's badge for it, no ERROR or WARNING of its subject. The others keep the severity's name
     * (ERROR, INFO), not the report's badge (PROBLEM, NOTE).
     */
    static String label(Finding f) {
        return ReportFindings.notChecked(f) ? ReportWording.of(ReportTexts.english()).badge(f)
                : f.severity().toString();
    }

    public static void printFinding(Finding f, PrintWriter out) {
        out.println();
        out.printf("  %-7s %s  %s%n", label(f), f.code(), f.subject());
        out.println("          " + f.message());
        if (!f.remediation().isEmpty()) {
            out.println("          What to do (" + ActorWords.inLine(f.actor()) + "): " + f.remediation());
        }
        if (f.severity() != Severity.OK && !f.evidence().isEmpty()) {
            List<String> ev = f.evidence();
            ev.stream().limit(MAX_EVIDENCE).forEach(line -> out.println("            | " + line));
            if (ev.size() > MAX_EVIDENCE) {
                out.println("            | … " + Counts.of(ev.size() - MAX_EVIDENCE, "more line") + " (use --format json)");
            }
        }
    }

    /** The failure categories the linked messages have, e.g. {@code DNS, UNKNOWN}: what the link rests on. */
    private static String categories(List<AnalysisDnsChecks.ChainRef> chains) {
        return String.join(", ", chains.stream().map(AnalysisDnsChecks.ChainRef::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)))
                .stream().map(Category::name).toList());
    }

    private static String role(AnalysisDnsChecks.Role role) {
        return switch (role) {
            case RECIPIENT -> "recipient";
            case SENDER -> "sender";
            case BOTH -> "recipient and sender";
        };
    }

    private static String tests(Map<String, String> tests) {
        StringBuilder sb = new StringBuilder();
        tests.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
