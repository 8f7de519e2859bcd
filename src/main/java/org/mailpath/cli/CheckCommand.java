package org.mailpath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.report.io.PointOfNoReturn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailpath check DOMAIN…}: the DNS and mail-authentication checks of one or more domains. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = MailPathCommand.Version.class,
        description = {"Checks the DNS of domains: existence, MX, MTA-STS (policy fetched over HTTPS) and TLS-RPT, "
                + "name servers (UDP and TCP), EDNS compliance, "
                + "DNSSEC, DANE (TLSA records of the MX hosts), SPF, DMARC, DKIM (with --dkim-selector), reverse DNS "
                + "(with --ip) and blocklists.",
                "Network failures are findings, not failures of the run: see the exit codes."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:checked, whatever was found", ExitCodeHelp.INTERNAL, ExitCodeHelp.USAGE,
                "3:with --fail-on: a finding at LEVEL or worse", ExitCodeHelp.NOT_CHECKED, ExitCodeHelp.CANCELLED_STDOUT_ONLY})
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DOMAIN",
            description = "Domains to check (or whole addresses: their domain), in any case, IDNs as typed.")
    List<String> domains = new ArrayList<>();

    @Mixin
    DnsCheckOptions dns;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", converter = FormatConverter.class,
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The checker used; tests may replace it. */
    DomainChecker checker = DomainCheckers.standard();

    /** Where the run's shutdown hook goes; tests stand in for the JVM to signal the run where they mean. */
    JvmShutdown shutdown = JvmShutdown.RUNTIME;

    @Override
    public Integer call() throws Exception {
        CheckOptions options = dns.toCheckOptions();
        dns.warnings().forEach(spec.commandLine().getErr()::println);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String d : domains) {
            names.add(dns.domain(d));
        }
        dns.checkSelectorsFor(names);
        List<CheckRequest> requests = names.stream()
                .map(d -> new CheckRequest(d, java.util.EnumSet.allOf(CheckKind.class))).toList();
        // Ctrl-C or SIGTERM: cancelled before the output is put out, finished from there (CancelOnShutdown)
        PrintWriter out = spec.commandLine().getOut();
        return CancelOnShutdown.run(shutdown, out, spec.commandLine().getErr(), "mailpath-check-cancel",
                (cancellation, end) -> checkAndPrint(requests, options, cancellation, end, out));
    }

    private int checkAndPrint(List<CheckRequest> requests, CheckOptions options, Cancellation cancellation,
                              PointOfNoReturn end, PrintWriter out) throws JsonProcessingException {
        // progress as probe gives it: with the text a person reads, on stderr
        CheckListener progress = format == Format.text
                ? new CheckProgress(spec.commandLine().getErr(), requests, checker) : CheckListener.NONE;
        CheckReport report = checker.check(requests, options, progress, cancellation);
        // cancelled as the checks ended: no output of a run that says it was cancelled
        cancellation.throwIfCancelled();
        if (format == Format.json) {
            WholeJson.writeAfter(FindingJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(FindingJson.report(report)), end, out);
        } else {
            WholeText text = new WholeText(out);
            CheckReportText.print(report, text.writer());
            text.writeAfter(end);
        }
        out.flush();
        return dns.exitCode(report.findings());
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return FormatArguments.parse(value, Format.class);
        }
    }
}
