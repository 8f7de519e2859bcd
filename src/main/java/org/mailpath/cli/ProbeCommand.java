package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dane.DaneTlsCrossCheck;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.mtasts.HttpsPolicySource;
import org.mailpath.engine.mtasts.MtaStsCheck;
import org.mailpath.engine.mtasts.MtaStsFindingCodes;
import org.mailpath.engine.mtasts.MtaStsPolicySource;
import org.mailpath.engine.smtp.ProbeInput;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.report.io.PointOfNoReturn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailpath probe DOMAIN|HOST… [--port N] [--helo NAME] [--rcpt ADDRESS] [--resolver HOST[:PORT]]… …} */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = MailPathCommand.Version.class,
        description = {"Tests a domain's mail servers the way a sending server does (the \"telnet test\"): connect, "
                + "greeting, EHLO, STARTTLS and certificate, optionally RCPT TO; never sends a message.",
                "A DOMAIN is probed through its MX hosts; [HOST] or an IP address is probed directly."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:probed, whatever was found (servers that do not answer are findings)",
                ExitCodeHelp.INTERNAL, ExitCodeHelp.USAGE, ExitCodeHelp.CANCELLED_STDOUT_ONLY})
public final class ProbeCommand implements Callable<Integer> {

    enum Format { text, json }

    /** A --timeout above this (seconds) was most likely written in milliseconds, as check's --timeout is. */
    static final double SECONDS_SURELY_MEANT_AS_MILLISECONDS = 600;

    @Parameters(arity = "1..*", paramLabel = "DOMAIN|[HOST]|IP",
            description = "Domains (or whole addresses: their domain), [host] names or IP addresses.")
    List<String> inputs = new ArrayList<>();

    @Mixin
    SmtpProbeOptionsMixin probeOptions = new SmtpProbeOptionsMixin();

    @Option(names = "--rcpt", paramLabel = "ADDRESS",
            description = "Also test whether the servers accept this recipient (MAIL FROM:<>, RCPT TO, then RSET; no message is sent).")
    String rcpt;

    @Mixin
    ResolverOptionMixin resolver = new ResolverOptionMixin();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Limit in seconds for each connect, reply, TLS handshake and DNS question (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-mta-sts",
            description = "Do not fetch each domain's MTA-STS policy (over HTTPS from the host mta-sts.DOMAIN) to judge its mail servers against it.")
    boolean noMtaSts;

    /** Where MTA-STS policies come from (tests: a loopback server with a test certificate). */
    MtaStsPolicySource policySource = new HttpsPolicySource();

    /** Where the run's shutdown hook goes; tests stand in for the JVM to signal the run where they mean. */
    JvmShutdown shutdown = JvmShutdown.RUNTIME;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SmtpProbe probe;
        List<String> targets;
        DnsLookup dns;
        try {
            Duration limit = Durations.seconds("--timeout", timeout);
            dns = DnsLookups.create(resolver.checked(), limit);
            probe = probe(err, dns);
            targets = targets();
        } catch (IllegalArgumentException e) {
            err.println("mailpath probe: " + e.getMessage());
            return MailPathCommand.EXIT_USAGE;
        }
        // Ctrl-C or SIGTERM: cancelled before the output is put out, finished from there (CancelOnShutdown)
        return CancelOnShutdown.run(shutdown, out, err, "mailpath-probe-cancel",
                (cancellation, end) -> probeAndPrint(probe, targets, dns, cancellation, end, out, err));
    }

    private int probeAndPrint(SmtpProbe probe, List<String> targets, DnsLookup dns, Cancellation cancellation,
                              PointOfNoReturn end, PrintWriter out, PrintWriter err) {
        try (ExecutorService pool = Parallel.pool("mailpath-mta-sts-")) {
            // the policies are fetched while the servers are probed; each is judged once both are in
            List<String> domains = noMtaSts ? List.of() : targets.stream().filter(ProbeCommand::isDomain).toList();
            CheckOptions policyOptions = checkOptions();
            List<Future<CheckOutcome>> policies = domains.stream().map(d -> pool.submit(() ->
                    new MtaStsCheck(policySource).run(new CheckContext(d, policyOptions, dns, cancellation))))
                    .toList();
            ProbeReport report = probe.probe(targets,
                    format == Format.text ? new Progress(err) : SmtpProbeListener.NONE, cancellation);
            List<ProbeOutput.PolicyReview> reviews = new ArrayList<>();
            for (Future<CheckOutcome> f : policies) {
                review(await(f), report).ifPresent(reviews::add);
            }
            // cancelled as the probe ended: no output of a run that says it was cancelled
            cancellation.throwIfCancelled();
            if (format == Format.json) {
                WholeJson.writeAfter(ProbeOutput.jsonText(report, reviews), end, out);
            } else {
                WholeText text = new WholeText(out);
                ProbeOutput.text(report, reviews, text.writer());
                text.writeAfter(end);
            }
            return 0;
        }
    }

    /**
     * The probe the options ask for (a warning on {@code err} when --timeout looks like milliseconds).
     * @throws IllegalArgumentException naming the option whose value is unusable
     */
    private SmtpProbe probe(PrintWriter err, DnsLookup dns) {
        Duration limit = Durations.seconds("--timeout", timeout);
        SmtpProbeOptions options = probeOptions.apply(SmtpProbeOptions.builder(), limit)
                .tlsTimeout(limit).rcpt(Optional.ofNullable(rcpt).map(DomainArguments::mailbox)).build();
        if (timeout > SECONDS_SURELY_MEANT_AS_MILLISECONDS) {
            err.println("mailpath probe: warning: --timeout is in seconds; " + Durations.plain(timeout) + " s is "
                    + Math.round(timeout / 60) + " minutes per wait (did you mean " + Durations.plain(timeout / 1000)
                    + "?)");
        }
        return DaneTlsCrossCheck.probe(dns, options, replyDecoder());
    }

    /** The MTA-STS check's options: the probe's resolvers and limit (it fetches the policy within it). */
    private CheckOptions checkOptions() {
        CheckOptions defaults = CheckOptions.defaults();
        return new CheckOptions(resolver.checked(), defaults.dnsPort(), Durations.seconds("--timeout", timeout), Optional.empty(),
                List.of(), List.of());
    }

    /** A domain (probed through its MX hosts), not a [host] or an IP address: as the target resolver reads it. */
    private static boolean isDomain(String target) {
        return ProbeInput.isDomain(target);
    }

    private static CheckOutcome await(Future<CheckOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException c) {
                throw c;
            }
            // a broken policy check must not cost the probe's own report: it is left out, and logged
            System.getLogger(ProbeCommand.class.getName()).log(System.Logger.Level.WARNING,
                    "MTA-STS check failed", e.getCause());
            return CheckOutcome.of(List.of());
        }
    }

    /**
     * The domain's policy judged against what the probe saw, with the check's own word on MX hosts the policy does
     * not list (the verdict leaves those to it); empty when the domain has no policy in force (none, mode none).
     */
    private static Optional<ProbeOutput.PolicyReview> review(CheckOutcome sts, ProbeReport report) {
        return PolicyReviews.of(sts.mtaStsPolicy(), sts.findings().stream()
                .filter(f -> f.code().equals(MtaStsFindingCodes.MTA_STS_MX_MISMATCH)).toList(), report.targets());
    }

    /**
     * The inputs, normalised, each once.
     * @throws IllegalArgumentException quoting the first that is no domain, [host] or IP address
     */
    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        for (String input : inputs) {
            String target = DomainArguments.probeTarget(input);
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Explains rejected RCPT replies with the status knowledge base (also for analyze --probe-smtp). */
    public static ReplyDecoder replyDecoder() {
        return ReplyDecoder.of(StatusKnowledgeBase.standard());
    }

    /** Tells a person at a terminal what the probe is waiting for (on stderr, so stdout stays the report). */
    static final class Progress implements SmtpProbeListener {
        private final PrintWriter err;
        private final java.util.Map<ProbeTarget, Long> reported = new java.util.concurrent.ConcurrentHashMap<>();

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void targetStarted(ProbeTarget target) {
            synchronized (err) {
                err.println("probing " + target.label() + " …");
                err.flush();
            }
        }

        @Override
        public void waitingForBanner(ProbeTarget target, Duration waited, Duration limit) {
            long s = waited.toSeconds() / 10 * 10;
            // the last report falls at the limit itself: no "giving up in 0 s" (or -1 s, a tick late)
            if (s > 0 && limit.minus(waited).toSeconds() > 0 && !Long.valueOf(s).equals(reported.put(target, s))) {
                synchronized (err) {
                    err.println("  " + target.label() + ": no complete greeting yet after " + s + " s; giving up in "
                            + limit.minus(waited).toSeconds() + " s");
                    err.flush();
                }
            }
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return FormatArguments.parse(value, Format.class);
        }
    }
}
