package org.mailpath.ui.dnscheck;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dane.DaneTlsCrossCheck;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;

/** What the DNS checks step needs of the SMTP probe ("telnet test"); runs on a worker thread. */
@FunctionalInterface
public interface MailServerProbe {

    /** Limit for a TCP connect: a mail server that needs longer is as good as down, and a blocked port shows sooner. */
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** Limit per reply and for the TLS handshake, as {@code mailpath probe}'s default. */
    Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Probes every address of the mail servers of {@code domain}, with the RCPT test for {@code rcpt} when given,
     * asking the resolvers of {@code dns} for the MX hosts.
     *
     * @throws org.mailpath.engine.common.CancelledException when cancelled
     */
    ProbeReport probe(String domain, Optional<String> rcpt, CheckOptions dns, SmtpProbeListener listener,
                      Cancellation cancellation);

    /**
     * The engine's probe. {@code defaults} gives the port and time limits (the RCPT address is set per call); it
     * is asked on a worker thread because the default EHLO name needs this computer's host name.
     */
    static MailServerProbe standard(Supplier<SmtpProbeOptions> defaults, Supplier<ReplyDecoder> decoder) {
        return (domain, rcpt, dns, listener, cancellation) -> {
            DnsLookup lookup = DnsLookups.create(dns.resolvers(), dns.timeout());
            return DaneTlsCrossCheck.probe(lookup, defaults.get().toBuilder().rcpt(rcpt).build(), decoder.get())
                    .probe(List.of(domain), listener, cancellation);
        };
    }

    /**
     * The wizard's settings: port 25, the limits above, and the greeting awaited as long as RFC 5321 allows. Without
     * an EHLO name given, building them looks up this computer's name.
     */
    static SmtpProbeOptions.Builder wizardSettings() {
        return SmtpProbeOptions.builder().connectTimeout(CONNECT_TIMEOUT).commandTimeout(COMMAND_TIMEOUT)
                .tlsTimeout(COMMAND_TIMEOUT);
    }
}
