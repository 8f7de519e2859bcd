package org.mailpath.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.analysis.RelayHosts;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The DNS-check options only {@code analyze} has ({@code check} always checks and is given its domains): whether
 * to check, our sending domain, and our Email Relay (which the analysis itself needs). The settings of the checks themselves are {@link DnsCheckOptions}.
 */
public final class AnalyzeDnsOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--check-dns", description = "Also run the DNS and mail-authentication checks.")
    boolean checkDns;

    @Option(names = "--sender-domain", paramLabel = "DOMAIN",
            description = "Our sending domain (default: decoded from the log's envelope senders).")
    String senderDomain;

    @Option(names = "--relay-host", paramLabel = "HOST",
            description = "Our Email Relay (Salesforce's Email Relay setting): a Relay Host name or IP address the"
                    + " org's mail is handed to; its replies are read as the relay's, not the recipient's server's"
                    + " (repeatable).")
    List<String> relayHosts = new ArrayList<>();

    public boolean checkDns() {
        return checkDns;
    }

    /**
     * The validated --relay-host values (none without the option).
     * @throws CommandLine.ParameterException naming a value that is neither a host name nor an IP address
     */
    public RelayHosts relayHosts() {
        try {
            return RelayHosts.of(relayHosts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--relay-host: " + e.getMessage());
        }
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
