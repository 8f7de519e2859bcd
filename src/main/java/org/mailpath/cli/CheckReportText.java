package org.mailpath.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckReport;
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
        for (DomainCheckResult d : report.domains()) {
            out.println("== " + d.domain() + unicodeForm(d.domain()) + " ==");
            out.println(summary(d.findings()));
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
        }
        List<String> notChecked = report.domains().stream()
                .filter(d -> d.findings().stream().anyMatch(ReportFindings::notChecked))
                .map(DomainCheckResult::domain).toList();
        if (!notChecked.isEmpty()) {
            out.println(ReportFindings.notCheckedSentence(ReportTexts.english(), notChecked));
            out.println();
        }
    }

    /**
     * The line under a domain's heading: its problems, and apart from them the checks this computer's network
     * kept from being made (a failing resolver), which say nothing about the domain, as the report counts them.
     */
    static String summary(List<Finding> findings) {
        long problems = findings.stream().filter(ReportFindings::problem).count();
        long notChecked = findings.stream().filter(ReportFindings::notChecked).count();
        if (notChecked == 0) {
            return problems == 0 ? "No problems found." : Counts.of(problems, "problem") + " found.";
        }
        if (problems == 0) {
            // said first: a reader who skims must not take it for a pass
            return "Not all checked: " + notChecked + " NOT CHECKED from this network (below); no problems found in"
                    + " the rest.";
        }
        return Counts.of(problems, "problem") + " found; " + notChecked + " not checked from this network.";
    }

    /**
     * The DNS checks of {@code analyze --check-dns}: the report, then which failing messages each problem may
     * explain, with the failure categories that tie them to it.
     */
    public static void printAnalysisChecks(AnalysisDnsChecks.Result result, PrintWriter out) {
        print(result.report(), out);
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

    /** {@code " (bücher.example)"} for {@code xn--bcher-kva.example}, so the name typed is recognised; else "". */
    private static String unicodeForm(String domain) {
        String unicode = IdnaNames.toUnicode(domain);
        return unicode.equals(domain) ? "" : " (" + unicode + ")";
    }

    private static String tests(Map<String, String> tests) {
        StringBuilder sb = new StringBuilder();
        tests.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
