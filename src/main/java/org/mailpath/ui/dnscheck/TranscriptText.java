package org.mailpath.ui.dnscheck;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TranscriptLine;
import org.mailpath.ui.common.Messages;

/**
 * One mail server's SMTP conversation as plain text for a monospace area: who it is, what it came to (EHLO
 * capabilities, STARTTLS and the certificate, the RCPT reply), then every line with its time (UTC, as mail servers
 * log).
 */
final class TranscriptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> TLS_TROUBLE = Set.of(SmtpCodes.SMTP_NO_STARTTLS, SmtpCodes.SMTP_STARTTLS_REJECTED,
            SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED, SmtpCodes.SMTP_TLS_OLD_PROTOCOL);
    private static final Set<String> RCPT = Set.of(SmtpCodes.SMTP_RCPT_ACCEPTED, SmtpCodes.SMTP_RCPT_REJECTED,
            SmtpCodes.SMTP_MAIL_FROM_REJECTED);

    private TranscriptText() {
    }

    /**
     * @param result present once the conversation ended
     * @param rcptAsked whether the RCPT test was asked of this server
     */
    static String format(ProbeTarget target, List<TranscriptLine> lines, Optional<TargetResult> result,
                         boolean rcptAsked, Messages messages) {
        StringBuilder sb = new StringBuilder();
        sb.append(messages.format("dns.smtp.transcript.target", target.label(), target.domain()));
        target.preference().ifPresent(p -> sb.append(" · ").append(messages.format("dns.smtp.transcript.preference", p)));
        sb.append("\n\n");
        result.ifPresentOrElse(r -> outcome(sb, target, r, rcptAsked, messages),
                () -> sb.append(messages.get("dns.smtp.transcript.running")).append('\n'));
        sb.append('\n').append(messages.get("dns.smtp.transcript.conversation")).append('\n');
        for (TranscriptLine line : lines) {
            sb.append(TIME.format(line.time())).append("  ").append(line.direction().mark()).append("  ")
                    .append(line.text()).append('\n');
        }
        return sb.toString();
    }

    private static void outcome(StringBuilder sb, ProbeTarget target, TargetResult r, boolean rcptAsked,
                                Messages messages) {
        // The finding holds what EHLO offered inside TLS when TLS came up (it says so), else what it offered before.
        sb.append(find(r, Set.of(SmtpCodes.SMTP_CAPABILITIES))
                .map(f -> messages.format("dns.smtp.transcript.capabilities", f.message(messages.locale())))
                .orElse(messages.get("dns.smtp.transcript.capabilitiesNotReached"))).append('\n');
        if (r.tls().isPresent()) {
            sb.append(messages.format("dns.smtp.transcript.tls", r.tls().get().protocol(), r.tls().get().cipherSuite()))
                    .append('\n');
            r.tls().get().chain().forEach(c -> sb.append("    ").append(c).append('\n'));
            List<Finding> certificate = r.findings().stream().filter(f -> f.code().startsWith("SMTP_CERT_")).toList();
            if (certificate.isEmpty()) {
                sb.append(messages.format("dns.smtp.transcript.certificateOk", target.host())).append('\n');
            }
            certificate.forEach(f -> sb.append(messages.format("dns.smtp.transcript.certificate",
                    f.message(messages.locale()))).append('\n'));
        } else {
            sb.append(find(r, TLS_TROUBLE)
                    .map(f -> messages.format("dns.smtp.transcript.tlsProblem", f.message(messages.locale())))
                    .orElse(messages.get("dns.smtp.transcript.tlsNotReached"))).append('\n');
        }
        if (rcptAsked) {
            sb.append(find(r, RCPT).map(f -> messages.format("dns.smtp.transcript.rcpt", f.message(messages.locale())))
                    .orElse(messages.get("dns.smtp.transcript.rcptNotReached"))).append('\n');
        }
    }

    private static Optional<Finding> find(TargetResult r, Set<String> codes) {
        return r.findings().stream().filter(f -> codes.contains(f.code())).findFirst();
    }
}
