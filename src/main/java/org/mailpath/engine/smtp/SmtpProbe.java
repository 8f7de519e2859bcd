package org.mailpath.engine.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLSocketFactory;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.finding.Finding;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * The "telnet test", done properly: finds a domain's mail servers and has a short SMTP conversation with every
 * address of each (greeting, EHLO, STARTTLS and certificate, optionally MAIL FROM:&lt;&gt; + RCPT TO, never DATA),
 * concurrently on virtual threads. Every wait has a deadline and every reply a size cap, so a probe always ends;
 * cancelling closes the sockets at once.
 */
public final class SmtpProbe {

    private final DnsLookup dns;
    private final SmtpProbeOptions options;
    private final ReplyDecoder decoder;
    private final CertificateCheck certificates;
    private final SSLSocketFactory tls;
    private final TlsJudge tlsJudge;

    /**
     * @param decoder explains a rejected RCPT reply (e.g. the status knowledge base); {@link ReplyDecoder#NONE} is fine
     * @throws IllegalArgumentException if the EHLO name or the RCPT address could smuggle SMTP commands
     */
    public SmtpProbe(DnsLookup dns, SmtpProbeOptions options, ReplyDecoder decoder) {
        this(dns, options, decoder, TlsJudge.NONE);
    }

    /**
     * @param tlsJudge judges each address's TLS with knowledge of its own (DANE's TLSA records); its findings join
     *                 the address's
     * @throws IllegalArgumentException if the EHLO name or the RCPT address could smuggle SMTP commands
     */
    public SmtpProbe(DnsLookup dns, SmtpProbeOptions options, ReplyDecoder decoder, TlsJudge tlsJudge) {
        this.dns = dns;
        this.tlsJudge = tlsJudge;
        this.options = options;
        this.decoder = decoder;
        // only a name given: this computer's is asked for when a conversation needs it (SmtpProbeOptions#heloName)
        options.helo().ifPresent(h -> requireSafe("EHLO name", h, false));
        options.rcpt().ifPresent(a -> requireSafe("RCPT address", a, true));
        this.certificates = new CertificateCheck(options.trustStore());
        this.tls = ProbeTls.socketFactory();
    }

    public SmtpProbeOptions options() {
        return options;
    }

    /**
     * Probes every mail server of every input (a domain, {@code [host]}, or an IP literal).
     *
     * @throws CancelledException when cancelled
     */
    public ProbeReport probe(List<String> inputs, SmtpProbeListener listener, Cancellation cancellation) {
        List<TargetResolver.Resolution> resolutions = Parallel.map(inputs, input ->
                new TargetResolver(dns, hostsFile(), options.port()).resolve(input, cancellation));
        List<Finding> findings = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        List<ProbeReport.ProbedInput> probed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            var r = resolutions.get(i);
            findings.addAll(r.findings());
            targets.addAll(r.targets());
            probed.add(new ProbeReport.ProbedInput(inputs.get(i), r.findings()));
        }
        if (targets.size() > options.maxTargets()) {
            findings.add(SmtpFindings.of(SmtpCodes.SMTP_TARGETS_CAPPED, String.join(", ", inputs), List.of(),
                    targets.size(), options.maxTargets()));
            targets = List.copyOf(targets.subList(0, options.maxTargets()));
        }
        ProbeReport report = probeTargets(targets, findings, listener, cancellation);
        return new ProbeReport(report.targets(), report.findings(), probed);
    }

    /**
     * The hosts file of the options, read anew for each input: a parser shared by the inputs' concurrent resolutions
     * answers one of them from its cache while another thread is still filling it (dnsjava 3.6), which missed names.
     */
    private HostsFileParser hostsFile() {
        return options.hostsFile().map(HostsFileParser::new).orElseGet(HostsFileParser::new);
    }

    /** Probes the given addresses; {@code findings} are the run's findings so far (kept first). */
    public ProbeReport probeTargets(List<ProbeTarget> targets, List<Finding> findings, SmtpProbeListener listener,
                                    Cancellation cancellation) {
        cancellation.throwIfCancelled();
        listener.targetsResolved(List.copyOf(targets));
        Semaphore slots = new Semaphore(options.maxConcurrent());
        ReverseDnsCheck reverseDns = new ReverseDnsCheck(dns);
        List<TargetResult> results = Parallel.map(targets, target -> {
            slots.acquireUninterruptibly();
            try {
                return new SmtpSession(target, options, decoder, listener, cancellation, certificates, tls,
                        reverseDns, tlsJudge).run();
            } finally {
                slots.release();
            }
        });
        List<Finding> all = new ArrayList<>(findings);
        PortBlockedCheck.check(results, options.port()).ifPresent(all::add);
        return new ProbeReport(results, all);
    }

    private static void requireSafe(String what, String value, boolean address) {
        boolean ok = CommandArgument.safe(value)
                && (!address || (value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1));
        if (!ok) {
            throw new IllegalArgumentException("not a usable " + what + ": \"" + Printable.escape(value, 80) + "\"");
        }
    }
}
