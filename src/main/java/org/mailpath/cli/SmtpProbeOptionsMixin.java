package org.mailpath.cli;

import java.time.Duration;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import picocli.CommandLine.Option;

/** The SMTP probe's own options, shared by {@code probe} and {@code analyze --probe-smtp}. */
public final class SmtpProbeOptionsMixin {

    @Option(names = "--port", paramLabel = "N", description = "SMTP port to probe instead of 25 (for every target).")
    int port = SmtpProbeOptions.SMTP_PORT;

    @Option(names = "--helo", paramLabel = "NAME",
            description = "Name to give in EHLO/HELO (default: this computer's host name).")
    String helo;

    @Option(names = "--banner-timeout", paramLabel = "S",
            description = "Longest wait for a server's greeting, in seconds (default: ${DEFAULT-VALUE}, as RFC 5321 allows).",
            defaultValue = "300")
    double bannerTimeout;

    /**
     * Applies these options to a builder; {@code timeout} is the run's connect/reply limit.
     * @throws IllegalArgumentException naming the option whose value is unusable
     */
    public SmtpProbeOptions.Builder apply(SmtpProbeOptions.Builder builder, Duration timeout) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, not " + port);
        }
        builder.port(port).connectTimeout(timeout).commandTimeout(timeout)
                .bannerLimit(Durations.seconds("--banner-timeout", bannerTimeout));
        if (helo != null) {
            builder.heloName(DomainArguments.heloName(helo));
        }
        return builder;
    }
}
