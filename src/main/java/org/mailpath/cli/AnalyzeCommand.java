package org.mailpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.dane.DaneTlsCrossCheck;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LogFileRawRows;
import org.mailpath.engine.smtp.FailedDomainProbe;
import org.mailpath.engine.smtp.ProbeFindingsBesideChecks;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.report.io.PointOfNoReturn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpath analyze FILE [FILE…] [--format text|json] [--check-dns …] [--probe-smtp …] [--report OUT …]}:
 * analyses a Salesforce Email Log (several files together as one: a request covers at most 7 days, so a month takes
 * several), optionally checks the domains involved, probes the failing recipients' mail servers and
 * writes a report. Exit 0 when analysed, 2 when the file is unusable or the arguments are wrong (one line on
 * stderr; with several files, when none is usable), 1 on an internal error; with {@code --fail-on}, 3 or 4 by the findings of the DNS checks and the probe
 * (the log's own verdicts do not count: they are the input, not a check). A report that could not be written has
 * {@link ReportExportOptions#export}'s code instead (2 refused or the destination's fault, 1 a rendering bug).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = MailPathCommand.Version.class,
        description = "Analyses a Salesforce Email Log (.csv, .csv.gz, .zip): verdict of every message, decoded"
                + " causes and what to do.",
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:analysed, whatever the log shows",
                "1:internal error, also a report that could not be rendered",
                "2:unusable file or arguments (one line on stderr), also a report refused (it exists and no"
                        + " --force) or that could not be written there, and " + ExitCodeHelp.OUTPUT_LOST,
                "3:with --fail-on: a finding of --check-dns or --probe-smtp at LEVEL or worse",
                ExitCodeHelp.NOT_CHECKED, ExitCodeHelp.CANCELLED})
public final class AnalyzeCommand implements Callable<Integer> {

    /** Output formats of {@code analyze}. */
    public enum Format { TEXT, JSON }

    /** The probe's overall limit per target when run from analyze (as {@code mailpath probe}'s default). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    @Parameters(index = "0", arity = "1..*", paramLabel = "FILE",
            description = "The Email Log file; several (e.g. one per 7-day request) are analysed together as one log,"
                    + " rows that are in two of them counted once.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format: text, a summary to act on, or json, every message (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Mixin
    AnalyzeDnsOptions analyzeDns = new AnalyzeDnsOptions();

    @Mixin
    DnsCheckOptions dns = new DnsCheckOptions();

    @Mixin
    ProbeSmtpMixin probeSmtp = new ProbeSmtpMixin();

    @Mixin
    ReportExportOptions report = new ReportExportOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final LogAnalyzer analyzer;

    /** Where the run's shutdown hook goes; tests stand in for the JVM to signal the run where they mean. */
    JvmShutdown shutdown = JvmShutdown.RUNTIME;

    /** Runs the DNS checks of --check-dns (tests: one whose MTA-STS policies come from a stand-in source). */
    DomainChecker checker = DomainCheckers.standard();

    public AnalyzeCommand() {
        this(new EmailLogAnalyzer());
    }

    AnalyzeCommand(LogAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.stream().anyMatch(f -> f.toString().equals("-"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "reading a log from standard input (-) is not"
                    + " supported: give the file's path");
        }
        report.validate(files);
        // every option is checked before the log is read: a wrong value costs no time and is exit 2, never 1
        CheckOptions checkOptions = dns.toCheckOptions();
        Optional<String> senderDomain = analyzeDns.senderDomain();
        RelayHosts relay = analyzeDns.relayHosts();
        // the sender domain found in the log is known only once it is read: a selector is checked against a given one
        senderDomain.ifPresent(d -> dns.checkSelectorsFor(List.of(d)));
        Optional<SmtpProbe> smtp = smtpProbe(checkOptions);
        new UnusedOptions(spec.commandLine().getParseResult(), analyzeDns.checkDns(), probeSmtp.enabled())
                .warnings().forEach(err::println);
        if (analyzeDns.checkDns() || probeSmtp.enabled()) {
            dns.warnings().forEach(err::println);
        }
        // Ctrl-C or SIGTERM: cancelled before the output is put out (the report in place, with --report), finished
        // from there (CancelOnShutdown)
        return CancelOnShutdown.run(shutdown, out, err, "mailpath-analyze-cancel",
                (cancellation, end) -> analyze(cancellation, end, senderDomain, relay, checkOptions, smtp, out, err));
    }

    private int analyze(Cancellation cancellation, PointOfNoReturn end, Optional<String> senderDomain,
                        RelayHosts relay, CheckOptions checkOptions, Optional<SmtpProbe> smtp, PrintWriter out, PrintWriter err)
            throws IOException {
        LogAnalysis analysis;
        try {
            analysis = analyzer.withRelayHosts(relay).analyze(files, ProgressListener.NONE, cancellation);
        } catch (UnusableLogException e) {
            err.println("mailpath analyze: " + withPathAsTyped(e.getMessage()));
            return MailPathCommand.EXIT_USAGE;
        }
        // the others were analysed (exit 0), but a mistyped path in a scheduled job must not pass unseen
        analysis.files().stream().filter(f -> !f.usable()).forEach(f -> err.println("mailpath analyze: "
                + f.label() + " was not analysed, the other files were (the output's problems say why)"));
        if (report.refusedFilters(analysis, err)) {
            return MailPathCommand.EXIT_USAGE;
        }
        Optional<AnalysisDnsChecks.Result> ran = analyzeDns.checkDns()
                ? Optional.of(checkDns(analysis, senderDomain, checkOptions, cancellation, err))
                : Optional.empty();
        // a recipient domain the checks found no mail can reach names who acts as the report does: the messages'
        // advice, and the finding that states it (DOMAIN_NXDOMAIN: our admin's address to correct)
        DomainFacts facts = ran.map(r -> DomainFacts.of(r.report()).withLog(analysis.chains()))
                .orElse(DomainFacts.none());
        Optional<AnalysisDnsChecks.Result> checks = ran.map(r -> facts.withFactActors(r, analysis.chains()));
        Optional<ProbeReport> probe = smtp.map(p -> FailedDomainProbe.probe(p, analysis,
                FailedDomainProbe.DEFAULT_MAX_DOMAINS, SmtpProbeListener.NONE, cancellation));
        // the recipients' own MTA-STS policies (fetched by the checks) judged against what the probe saw
        List<ProbeOutput.PolicyReview> reviews = checks.flatMap(c -> probe.map(p ->
                PolicyReviews.forAnalysis(c.report(), p))).orElse(List.of());
        // cancelled once the work is done: no summary of a run that says it was cancelled
        cancellation.throwIfCancelled();
        // with --report, the report is the output's last part, put in place at the point of no return; the summary
        // before it only looks at the cancel flag once more
        print(analysis, checks, facts, probe, reviews, report.requested() ? cancellation::throwIfCancelled : end, out);
        int verdict = dns.exitCode(checkFindings(checks, probe, reviews));
        if (!report.requested()) {
            return verdict;
        }
        // a server's findings belong to the section of the recipient domain it receives for (its subject,
        // "host [address]:port", names no domain); the run's own findings are placed by their subject
        // the checks as they ran: the report decides who acts on each of its findings itself
        CheckReport checked = ran.map(AnalysisDnsChecks.Result::report).orElse(CheckReport.empty());
        Map<String, List<Finding>> byDomain = new LinkedHashMap<>();
        // which recipient domain each host was probed for: a run's finding about an MX host named under another domain
        // (port 25 blocked) belongs in that recipient domain's report
        Map<String, Set<String>> hostsByDomain = new LinkedHashMap<>();
        probe.ifPresent(p -> p.targets().forEach(t -> {
            String domain = t.target().domain();
            byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).addAll(t.findings());
            hostsByDomain.computeIfAbsent(domain, d -> new LinkedHashSet<>()).add(t.target().host());
        }));
        // the lookups of each probed recipient domain (its MX, its MX hosts' addresses, which may lie under another
        // domain) are that domain's: placed by their subject, an MX host elsewhere fell under our side, and out of
        // a report limited to that domain; a domain the checks found not to exist is not a second problem to add
        probe.ifPresent(p -> p.inputs().forEach(i -> byDomain.computeIfAbsent(i.input(), d -> new ArrayList<>())
                .addAll(ProbeFindingsBesideChecks.withoutKnown(i.findings(), checked.findings()))));
        reviews.forEach(r -> byDomain.computeIfAbsent(r.policy().domain(), d -> new ArrayList<>())
                .addAll(r.findings()));
        List<Finding> probeFindings = ProbeFindingsBesideChecks.withoutKnown(
                probe.map(ProbeReport::runFindings).orElse(List.of()), checked.findings());
        int exported = report.export(analysis, checked, probeFindings, byDomain, hostsByDomain,
                LogFileRawRows.of(files), cancellation, end, err);
        // a report that could not be written is the graver news
        return exported != 0 ? exported : verdict;
    }

    /**
     * The checks of --check-dns, with progress on {@code err} as {@code check} gives it (the text format only:
     * {@link CheckProgress}).
     */
    private AnalysisDnsChecks.Result checkDns(LogAnalysis analysis, Optional<String> senderDomain,
                                              CheckOptions checkOptions, Cancellation cancellation, PrintWriter err) {
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(analysis, senderDomain);
        CheckListener progress = format == Format.TEXT
                ? new CheckProgress(err, plan.requests(), checker) : CheckListener.NONE;
        return AnalysisDnsChecks.run(plan, checker, checkOptions, progress, cancellation);
    }

    /**
     * An unusable-file message with the file as it was typed: the engine names it by its name alone (the app shows
     * the folder beside it), but "log.csv does not exist" does not tell a script's user which log.csv was meant. The
     * message has each run of control characters as one space ({@link UnusableLogException#oneLine}), the name in it
     * too, so the name is looked for as the message has it; the path is put in as typed, controls and all, which the
     * terminal-safe stderr shows as codes ({@code nodir/a[U+001B]b.csv}), as it shows them in other messages: with
     * the space, {@code a b.csv} named a file that is not there, and the folder was lost.
     */
    private String withPathAsTyped(String message) {
        if (files.size() != 1) {
            return message;
        }
        Path file = files.getFirst();
        String name = file.getFileName() == null ? "" : UnusableLogException.oneLine(file.getFileName().toString());
        String typed = file.toString();
        return !name.isEmpty() && !typed.equals(name) && message.startsWith(name + " ")
                ? typed + message.substring(name.length()) : message;
    }

    /** What {@code --fail-on} judges: the findings of --check-dns, of --probe-smtp and of the MTA-STS reviews. */
    private static List<Finding> checkFindings(Optional<AnalysisDnsChecks.Result> checks,
                                               Optional<ProbeReport> probe, List<ProbeOutput.PolicyReview> reviews) {
        List<Finding> all = new ArrayList<>();
        checks.ifPresent(c -> all.addAll(c.report().findings()));
        probe.ifPresent(p -> all.addAll(p.allFindings()));
        reviews.forEach(r -> all.addAll(r.findings()));
        return all;
    }

    /**
     * The probe of {@code --probe-smtp} (empty without it); its options are validated even without it.
     * @throws CommandLine.ParameterException naming an unusable option value
     */
    private Optional<SmtpProbe> smtpProbe(CheckOptions checkOptions) {
        try {
            SmtpProbeOptions options = probeSmtp.options().apply(SmtpProbeOptions.builder(), PROBE_TIMEOUT).build();
            if (!probeSmtp.enabled()) {
                return Optional.empty();
            }
            DnsLookup lookup = DnsLookups.create(checkOptions.resolvers(), checkOptions.timeout());
            return Optional.of(DaneTlsCrossCheck.probe(lookup, options, ProbeCommand.replyDecoder()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Prints the text summary or the JSON to standard output once it has passed {@code beforeStandardOutput}: the
     * run's point of no return, or with --report (the report, put in place after this, is the run's) only a last look
     * at the cancel flag.
     */
    private void print(LogAnalysis analysis, Optional<AnalysisDnsChecks.Result> checks, DomainFacts facts,
                       Optional<ProbeReport> probe, List<ProbeOutput.PolicyReview> reviews,
                       PointOfNoReturn beforeStandardOutput, PrintWriter out) throws IOException {
        switch (format) {
            case JSON -> {
                Map<String, JsonNode> extra = new LinkedHashMap<>();
                checks.ifPresent(r -> extra.put("dnsChecks", FindingJson.analysisChecks(r)));
                // "mtaSts" only when a probed domain has a policy in force: runs without one print as before
                probe.ifPresent(p -> extra.put("smtpProbe",
                        reviews.isEmpty() ? ProbeOutput.json(p) : ProbeOutput.json(p, reviews)));
                // streamed chain by chain, as a million-row log needs (never whole in memory): its point of no
                // return is its first byte; a signal while a large one streams ends it as cancelled once the hook's
                // wait runs out, cut off (CancelOnShutdown.WAIT; the exit code says it is incomplete)
                beforeStandardOutput.pass();
                PrintWriter json = StandardOutput.json(out); // UTF-8 whatever the locale
                AnalysisJson.write(analysis, json, extra, facts);
                json.println();
                json.flush();
            }
            case TEXT -> {
                WholeText whole = new WholeText(out);
                PrintWriter text = whole.writer();
                AnalysisTextFormat.write(analysis, text, facts);
                // each part under its own heading: the checks' "== domain ==" and the probe's "== overall" would
                // otherwise run on from the analysis as if they were more of it
                checks.ifPresent(r -> {
                    text.println();
                    text.println("DNS checks (--check-dns)");
                    text.println();
                    CheckReportText.printAnalysisChecks(r, text);
                });
                probe.ifPresent(p -> {
                    if (checks.isEmpty()) {
                        text.println(); // the checks end with an empty line, the analysis does not
                    }
                    text.println("SMTP probe of the failing domains' mail servers (--probe-smtp)");
                    text.println();
                    ProbeOutput.text(p, reviews, text);
                });
                whole.writeAfter(beforeStandardOutput);
            }
        }
        out.flush();
    }


    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return FormatArguments.parse(value, Format.class);
        }
    }
}
