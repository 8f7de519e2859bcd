package org.mailpath.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The DNS-check options only {@code analyze} has ({@code check} always checks and is given its domains): whether
 * to check, and our sending domain. The settings of the checks themselves are {@link DnsCheckOptions}.
 */
public final class AnalyzeDnsOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--check-dns", description = "Also run the DNS and mail-authentication checks.")
    boolean checkDns;

    @Option(names = "--sender-domain", paramLabel = "DOMAIN",
            description = "Our sending domain (default: decoded from the log's envelope senders).")
    String senderDomain;

    public boolean checkDns() {
        return checkDns;
    }

    /**
     * The validated --sender-domain, normalised; for a whole address (our sender, {@code support@acme.com}) its
     * domain.
     * @throws CommandLine.ParameterException when it is not a domain name
     */
    public Optional<String> senderDomain() {
        try {
            return senderDomain == null ? Optional.empty() : Optional.of(DomainArguments.checkTarget(senderDomain));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--sender-domain: " + e.getMessage());
        }
    }
}
