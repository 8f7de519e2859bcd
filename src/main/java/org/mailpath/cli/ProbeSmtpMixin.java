package org.mailpath.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code analyze … --probe-smtp}: probe the recipient domains whose deliveries failed for network, TLS or DNS
 * reasons (see {@link org.mailpath.engine.smtp.FailedDomainProbe}), with the probe's options.
 */
public final class ProbeSmtpMixin {

    @Option(names = "--probe-smtp",
            description = "Also probe the mail servers of recipient domains whose deliveries failed with network, TLS or DNS causes.")
    boolean probeSmtp;

    @Mixin
    SmtpProbeOptionsMixin probe = new SmtpProbeOptionsMixin();

    public boolean enabled() {
        return probeSmtp;
    }

    public SmtpProbeOptionsMixin options() {
        return probe;
    }
}
