package org.mailpath.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import com.google.common.net.InetAddresses;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The DNS-check settings shared by {@code mailpath check} and {@code mailpath analyze --check-dns}
 * (a picocli mixin: {@code @Mixin DnsCheckOptions dns;}). {@link #toCheckOptions()} validates them and turns
 * them into the engine's {@link CheckOptions}; bad values become picocli parameter errors (exit code 2).
 * {@code --fail-on} lets a script tell the run's findings apart by the exit code ({@link #exitCode}). The
 * options of analyze alone are {@link AnalyzeDnsOptions}.
 */
public final class DnsCheckOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Mixin
    ResolverOptionMixin resolver = new ResolverOptionMixin();

    @Option(names = "--dns-port", paramLabel = "N", defaultValue = "53",
            description = "Port of the authoritative name servers queried directly (default: ${DEFAULT-VALUE}).")
    int dnsPort;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "3000",
            description = "Time allowed per DNS question, in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--ip", paramLabel = "IP",
            description = "Sending IP address: SPF result, reverse DNS and blocklists for it.")
    String ip;

    @Option(names = "--dkim-selector", paramLabel = "S",
            description = "DKIM selector to check (repeatable): s1, or its DNS name s1._domainkey.example.com.")
    List<String> dkimSelectors = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.LevelConverter.class,
            description = "For scripts: exit 3 when the checks found something at LEVEL (error, warning or info) or"
                    + " worse, else 4 when a check could not be made (this computer's network, or an internal"
                    + " failure: CHECK_FAILED), else 0."
                    + " Without it the exit code is 0 whatever was found; the output is the same either way."
                    + " info counts the INFO notes that a check was not asked for, so with the DNS checks"
                    + " '--fail-on info' is 3 unless --ip (else PTR_NOT_CHECKED) and --dkim-selector (else"
                    + " DKIM_NO_SELECTOR) are given.")
    Severity failOn;

    /**
     * The exit code of a run with these {@code findings}: as {@code --fail-on} says ({@link FailOn}), 0 without
     * it.
     */
    public int exitCode(Collection<Finding> findings) {
        return failOn == null ? 0 : FailOn.exitCode(failOn, findings);
    }

    /** The validated options. @throws CommandLine.ParameterException for unusable values */
    public CheckOptions toCheckOptions() {
        if (dnsPort < 1 || dnsPort > 65535) {
            throw error("--dns-port must be between 1 and 65535, not " + dnsPort);
        }
        if (timeoutMillis < 1 || timeoutMillis > 600_000) {
            throw error("--timeout must be between 1 and 600000 milliseconds, not " + timeoutMillis);
        }
        List<String> resolvers;
        try {
            resolvers = resolver.checked();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        if (ip != null && !InetAddresses.isInetAddress(ip.strip())) {
            throw error("--ip is not an IP address: " + ip);
        }
        if (ip != null && ip.contains("%")) {
            // a zone id (fe80::1%lo) names an interface of this computer: no sender on the internet has one
            throw error("--ip has a zone id (%...), which names an interface of this computer: give the address"
                    + " alone: " + ip);
        }
        List<String> selectors = new ArrayList<>();
        for (String s : dkimSelectors) {
            String selector = selector(s);
            if (selector.isEmpty() || selector.contains("..") || selector.startsWith(".")
                    || !selector.matches("[A-Za-z0-9_.-]+")) {
                throw error("--dkim-selector is not a selector name: " + DomainArguments.shown(s));
            }
            selectors.add(selector);
        }
        return new CheckOptions(resolvers, dnsPort, Duration.ofMillis(timeoutMillis),
                Optional.ofNullable(ip).map(String::strip), selectors, List.of());
    }

    /**
     * Warnings about usable but surely mistaken values: a {@code --timeout} under 100 ms was most likely meant in
     * seconds (probe's --timeout is), and would turn every DNS question into a DNS_TIMEOUT finding.
     */
    public List<String> warnings() {
        if (timeoutMillis >= 1 && timeoutMillis < 100) {
            return List.of("mailpath: warning: --timeout is in milliseconds; " + timeoutMillis + " ms is too short"
                    + " for most DNS answers (did you mean " + timeoutMillis * 1000 + "?)");
        }
        return List.of();
    }

    /**
     * Refuses a {@code --dkim-selector} that names a domain other than the one checked ({@code domains}, normalised):
     * a DNS name pasted whole ({@code s1._domainkey.other.com}) was taken as its selector and asked for under the
     * domain checked ({@code s1._domainkey.example.com}) without a word, and a selector ending in the domain checked
     * ({@code s1.example.com}) would be asked for as {@code s1.example.com._domainkey.example.com}. RFC 6376 §3.6.2.1:
     * the key is at {@code selector._domainkey.domain}. A pasted name is kept where it names the one domain checked.
     * @throws CommandLine.ParameterException with a one-line hint
     */
    public void checkSelectorsFor(Collection<String> domains) {
        for (String typed : dkimSelectors) {
            String s = typed.strip().toLowerCase(java.util.Locale.ROOT);
            String selector = selector(typed);
            int suffix = s.indexOf("._domainkey");
            if (suffix >= 0) {
                String rest = s.substring(suffix + "._domainkey".length());
                if (rest.isEmpty() || rest.equals(".")) {
                    continue;
                }
                String named = org.mailpath.engine.address.DomainNameSyntax.normalize(rest.substring(1))
                        .orElse(rest.substring(1));
                if (!(domains.size() == 1 && domains.contains(named))) {
                    throw error("--dkim-selector " + DomainArguments.shown(typed) + " is the DNS name of the selector"
                            + " for " + named + (domains.size() == 1 ? ", not " + domains.iterator().next()
                            : ", while " + domains.size() + " domains are checked") + "; give the selector alone:"
                            + " --dkim-selector " + selector);
                }
                continue;
            }
            for (String domain : domains) {
                if (s.endsWith("." + domain)) {
                    String alone = typed.strip().substring(0, s.length() - domain.length() - 1);
                    throw error("--dkim-selector " + DomainArguments.shown(typed) + " ends with the domain checked;"
                            + " give the selector alone: --dkim-selector " + alone + " (the key is looked up at "
                            + alone + "._domainkey." + domain + ")");
                }
            }
        }
    }

    /**
     * The selector a typed value names: a DNS name pasted whole ({@code s1._domainkey.example.com}) is its selector
     * ({@code s1}); no selector may hold {@code _domainkey}.
     */
    private static String selector(String text) {
        String s = text.strip();
        int suffix = s.toLowerCase(java.util.Locale.ROOT).indexOf("._domainkey");
        return suffix < 0 ? s : s.substring(0, suffix);
    }

    /**
     * A domain given on the command line, normalised (lower case, no trailing dot, IDN in ASCII form); for a whole
     * address ({@code user@domain}) its domain.
     * @throws CommandLine.ParameterException when it is not a domain name
     */
    public String domain(String text) {
        try {
            return DomainArguments.checkTarget(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private CommandLine.ParameterException error(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
