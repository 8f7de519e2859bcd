package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * One conversation with one address: connect, greeting, EHLO (or HELO), STARTTLS and the certificate, the opt-in
 * RCPT test, QUIT; then the reverse-DNS comparison. Never sends DATA. Runs on its own (virtual) thread.
 */
final class SmtpSession {

    private static final int EVIDENCE_LINES = 60;
    private static final LocalText GREETING = SmtpFindings.text("phrase.step.greeting");
    /** RFC 5321 §4.5.3.2.2 and .3: the least a sender should wait for the reply to MAIL and to RCPT. */
    static final Duration RFC_TRANSACTION_WAIT = Duration.ofMinutes(5);
    /** RFC 5321 §4.2.3: "Service not available, closing transmission channel". */
    private static final int CLOSING = 421;

    private final ProbeTarget target;
    private final SmtpProbeOptions options;
    private final ReplyDecoder decoder;
    private final SmtpProbeListener listener;
    private final Cancellation cancellation;
    private final CertificateCheck certificates;
    private final SSLSocketFactory tls;
    private final ReverseDnsCheck reverseDns;
    private final TlsJudge tlsJudge;

    private final List<TranscriptLine> transcript = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private Capabilities capabilities = Capabilities.NONE;
    /** True once {@link #capabilities} come from the greeting inside TLS. */
    private boolean capabilitiesInsideTls;
    private Optional<TargetResult.ConnectFailure> connectFailure = Optional.empty();
    private TlsFacts tlsFacts = new TlsFacts.NotReached();
    /** The certificate's judgement once TLS is up, and where in {@link #findings} its findings start. */
    private Optional<PlacedJudgement> certificateFindings = Optional.empty();
    private boolean greeted;
    private String bannerName = "";
    private String ehloName = "";
    /** The step under way, for findings: a command, or our words (a LocalText). */
    private Object step = GREETING;
    private long targetDeadline;
    /** How long the current wait may last: its own limit, or less when the conversation's cap comes first. */
    private Duration waitLimit = Duration.ZERO;

    SmtpSession(ProbeTarget target, SmtpProbeOptions options, ReplyDecoder decoder, SmtpProbeListener listener,
                Cancellation cancellation, CertificateCheck certificates, SSLSocketFactory tls,
                ReverseDnsCheck reverseDns, TlsJudge tlsJudge) {
        this.target = target;
        this.options = options;
        this.decoder = decoder;
        this.listener = listener;
        this.cancellation = cancellation;
        this.certificates = certificates;
        this.tls = tls;
        this.reverseDns = reverseDns;
        this.tlsJudge = tlsJudge;
    }

    TargetResult run() {
        cancellation.throwIfCancelled();
        listener.targetStarted(target);
        targetDeadline = System.nanoTime() + options.targetLimit().toNanos();
        // always direct: a SOCKS proxy from this computer's proxy settings would probe from another address
        Socket socket = new Socket(Proxy.NO_PROXY);
        AutoCloseable hook = cancellation.onCancel(() -> closeQuietly(socket));
        try {
            converse(socket);
        } catch (IOException e) {
            // setting up streams on a connected socket failed: the server is gone
            add(SmtpCodes.SMTP_CONNECTION_DROPPED, SmtpFindings.text("phrase.dropped.beforeGreeting",
                    e.getMessage()));
        } finally {
            closeQuietly(socket);
            try {
                hook.close();
            } catch (Exception e) {
                // unregistering a hook cannot fail in a way that matters
            }
        }
        cancellation.throwIfCancelled();
        if (greeted) {
            findings.addAll(reverseDns.check(target, bannerName, ehloName, subject(), this::note, cancellation));
        }
        // before SMTP_OK is decided: a certificate DANE senders refuse makes the address not fine
        TlsJudge.Verdict verdict = tlsJudge.judge(target, tlsFacts, cancellation);
        if (verdict.leafPinned()) {
            certificateFindings.ifPresent(this::pinLeaf);
        }
        findings.addAll(verdict.findings());
        if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
            findings.addFirst(SmtpFindings.of(SmtpCodes.SMTP_OK, target, subject(), evidence(), target.label()));
        }
        TargetResult result = new TargetResult(target, transcript, findings, capabilities, connectFailure,
                tlsFacts);
        listener.targetFinished(result);
        return result;
    }

    /**
     * The certificate's findings in the words for a leaf that senders validating DANE accept as it is (DANE-EE,
     * RFC 7672 §3.1.1), each in its place.
     */
    private void pinLeaf(PlacedJudgement certificate) {
        List<Finding> pinned = certificate.judgement().leafPinned();
        for (int i = 0; i < pinned.size(); i++) {
            findings.set(certificate.at() + i, pinned.get(i));
        }
    }

    /** A certificate's judgement, its findings in {@link #findings} from {@code at} on. */
    private record PlacedJudgement(CertificateCheck.Judgement judgement, int at) {
        /** Where they are once a finding is inserted at {@code index}. */
        PlacedJudgement afterInsertAt(int index) {
            return index <= at ? new PlacedJudgement(judgement, at + 1) : this;
        }
    }

    private void converse(Socket socket) throws IOException {
        note("connecting to " + target.label());
        try {
            socket.connect(target.socketAddress(), millis(options.connectTimeout()));
        } catch (IOException e) {
            cancellation.throwIfCancelled();
            connectFailed(e);
            return;
        }
        note("connected from " + InetAddresses.toAddrString(socket.getLocalAddress()) + " port "
                + socket.getLocalPort());
        SmtpChannel channel = new SmtpChannel(socket, options, this::record, cancellation);
        if (!greeting(channel)) {
            return;
        }
        try {
            if (!helloAndTls(channel)) {
                return;
            }
            if (options.rcpt().isPresent()) {
                recipientTest(channel, options.rcpt().get());
            }
            quitQuietly(channel);
        } catch (SmtpIoException e) {
            failed(e);
        }
    }

    private boolean greeting(SmtpChannel channel) {
        long start = System.nanoTime();
        long deadline = Math.min(start + options.bannerLimit().toNanos(), targetDeadline);
        ServerReply banner;
        try (Watchdog.Guard g = channel.guard(deadline)) {
            banner = channel.readReply(deadline, () -> listener.waitingForBanner(target,
                    Duration.ofNanos(System.nanoTime() - start), options.bannerLimit()));
        } catch (SmtpIoException e) {
            if (e.kind() == SmtpIoException.Kind.TIMEOUT) {
                findings.add(bannerTimeout(channel, seconds(Duration.ofNanos(System.nanoTime() - start))));
            } else {
                failed(e);
            }
            return false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        greeted = true;
        if (banner.completed()) {
            // RFC 5321 §4.2: only the 220 greeting names the server; a refusal's first word is e.g. "5.7.1"
            bannerName = banner.firstWord();
        }
        if (took.compareTo(options.slowBanner()) > 0) {
            add(SmtpCodes.SMTP_BANNER_SLOW, seconds(took), seconds(options.slowBanner()));
        }
        if (!banner.completed()) {
            findings.add(bannerRejected(banner));
            quitQuietly(channel);
            return false;
        }
        return true;
    }

    /**
     * No greeting in time: silence, or a greeting begun but never ended (a server trickling a byte a second), as
     * "no complete reply" words it for the commands; the part that came stands in the transcript.
     */
    private Finding bannerTimeout(SmtpChannel channel, String waited) {
        if (!channel.anyReceived()) {
            return SmtpFindings.of(SmtpCodes.SMTP_BANNER_TIMEOUT, target, subject(), evidence(), waited);
        }
        return SmtpFindings.variant(SmtpCodes.SMTP_BANNER_TIMEOUT, "incomplete", target, subject(), evidence(),
                waited);
    }

    private Finding bannerRejected(ServerReply banner) {
        if (decoder.decode(banner.oneLine()).filter(SmtpSession::aboutTheSendingIp).isPresent()) {
            // e.g. postscreen's "521 5.7.1 Service unavailable; client [IP] blocked using zen.spamhaus.org"
            return warning(SmtpCodes.SMTP_BANNER_REJECTED, "probeAddress", Actor.LOCAL_NETWORK, banner.oneLine());
        }
        Finding refused = SmtpFindings.of(SmtpCodes.SMTP_BANNER_REJECTED, target, subject(), evidence(),
                banner.oneLine());
        // RFC 5321 §4.2.1: a 4yz is temporary (e.g. 421 when busy), only a 5yz refuses for good
        return banner.transientFailure() ? refused.withSeverity(Severity.WARNING) : refused;
    }

    /**
     * EHLO, then STARTTLS where offered. SMTP_CAPABILITIES is added once both are done, so that it can name the list
     * inside TLS, but stands where the EHLO before TLS put it: ahead of what STARTTLS found.
     * @return false when the connection is no longer usable
     */
    private boolean helloAndTls(SmtpChannel channel) throws SmtpIoException, IOException {
        if (!greet(channel, false)) {
            return false;
        }
        int capabilitiesAt = findings.size();
        // made now, while its evidence is the EHLO exchange; it stands unless the greeting inside TLS succeeds
        Finding beforeTls = capabilitiesFinding();
        try {
            return startTls(channel);
        } finally {
            findings.add(capabilitiesAt, capabilitiesInsideTls ? capabilitiesFinding() : beforeTls);
            // the certificate's findings, made during STARTTLS, come after it
            certificateFindings = certificateFindings.map(c -> c.afterInsertAt(capabilitiesAt));
        }
    }

    /**
     * SMTP_CAPABILITIES for what {@link #capabilities} holds: the EHLO before TLS, or once the greeting inside TLS
     * succeeded the one after it, which replaces it (RFC 3207 §4.2: the client discards what it learnt before TLS;
     * senders that use STARTTLS see only the second list, and it is the list the result carries).
     */
    private Finding capabilitiesFinding() {
        if (!capabilitiesInsideTls) {
            return SmtpFindings.of(SmtpCodes.SMTP_CAPABILITIES, target, subject(), evidence(), capabilities.summary());
        }
        return SmtpFindings.variant(SmtpCodes.SMTP_CAPABILITIES, "insideTls", target, subject(), evidence(),
                capabilities.summaryInsideTls());
    }

    /**
     * EHLO, or HELO when EHLO is refused, as Postfix and Exim do (below); {@code afterTls}: again after STARTTLS
     * (then the names learnt before stay and only the capabilities are asked again, RFC 3207 §4.2).
     * <p>
     * HELO follows any refusal of EHLO but a 421, which closes the channel (RFC 5321 §3.8, §4.2.3): Postfix
     * (src/smtp/smtp_proto.c, smtp_helo) defers on a 421 to EHLO and sends HELO after every other refusal, also
     * after STARTTLS; Exim (src/transports/smtp.c, smtp_reap_ehlo) sends HELO after any complete non-2yz reply
     * before STARTTLS. So a server that refuses EHLO only for now but takes HELO gets mail from them, without
     * extensions: that is what the probe reports.
     * @return false, with SMTP_EHLO_REJECTED, when the server accepts neither
     */
    private boolean greet(SmtpChannel channel, boolean afterTls) throws SmtpIoException {
        step = stepName("EHLO", afterTls);
        ServerReply ehlo = channel.command("EHLO " + options.heloName(), deadline());
        if (ehlo.completed()) {
            capabilities = Capabilities.parse(ehlo.lines());
            if (!afterTls) {
                ehloName = ehlo.firstWord();
            }
            capabilitiesInsideTls = afterTls;
            return true;
        }
        if (ehlo.code() == CLOSING) {
            findings.add(helloRejected(ehlo));
            quitQuietly(channel);
            return false;
        }
        Object refusedStep = step;
        step = stepName("HELO", afterTls);
        ServerReply helo = channel.command("HELO " + options.heloName(), deadline());
        if (!helo.completed()) {
            findings.add(helloRejected(helo));
            quitQuietly(channel);
            return false;
        }
        capabilities = Capabilities.NONE;
        capabilitiesInsideTls = afterTls;
        if (!afterTls) {
            ehloName = helo.firstWord();
        }
        if (ehlo.transientFailure()) {
            // a 5yz is how RFC 5321 §3.2 and §4.1.4 expect a server without EHLO to answer; a 4yz is not
            findings.add(warning(SmtpCodes.SMTP_EHLO_REJECTED, "heloAccepted", Actor.RECIPIENT_MAIL_TEAM,
                    refusedStep, ehlo.oneLine()));
        }
        return true;
    }

    /**
     * The greeting command refused: a 421 to EHLO, or the reply to HELO. A 4yz is temporary (RFC 5321 §4.2.1):
     * senders keep the message and retry later (Postfix smtp_proto.c defers on 421 to EHLO and on a 4yz to HELO),
     * so it is no ERROR; the wording names the command.
     */
    private Finding helloRejected(ServerReply refusal) {
        if (refusal.transientFailure()) {
            return warning(SmtpCodes.SMTP_EHLO_REJECTED, "transient", Actor.RECIPIENT_MAIL_TEAM, step,
                    refusal.oneLine());
        }
        return SmtpFindings.of(SmtpCodes.SMTP_EHLO_REJECTED, target, subject(), evidence(), refusal.oneLine());
    }

    private static Object stepName(String command, boolean afterTls) {
        return afterTls ? SmtpFindings.text("phrase.step.afterStartTls", command) : command;
    }

    /** @return false when the connection is no longer usable */
    private boolean startTls(SmtpChannel channel) throws SmtpIoException, IOException {
        if (!capabilities.has("STARTTLS")) {
            // the name the advice wants a certificate for: the MX host name, or the host the user named
            add(SmtpCodes.SMTP_NO_STARTTLS, SmtpFindings.certificateName(target));
            tlsFacts = new TlsFacts.NotOffered();
            return true;
        }
        step = "STARTTLS";
        ServerReply go = channel.command("STARTTLS", deadline());
        if (!go.completed()) {
            findings.add(startTlsRejected(go));
            tlsFacts = new TlsFacts.Rejected();
            return true;
        }
        step = SmtpFindings.text("phrase.step.handshake");
        long deadline = deadline(options.tlsTimeout());
        SSLSocket ssl;
        try (Watchdog.Guard g = channel.guard(deadline)) {
            ssl = (SSLSocket) tls.createSocket(channel.socket(), target.host(), target.port(), true);
            if (!target.byAddress()) {
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(target.host())));
                ssl.setSSLParameters(params);
            }
            ssl.setSoTimeout(Math.max(1, millis(Duration.ofNanos(deadline - System.nanoTime()))));
            ssl.startHandshake();
        } catch (IOException | IllegalArgumentException e) {
            cancellation.throwIfCancelled();
            handshakeFailed(channel, e);
            return false;
        }
        SSLSession session = ssl.getSession();
        List<X509Certificate> chain;
        try {
            chain = CertificateCheck.x509(session.getPeerCertificates());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            chain = List.of();
        }
        note("TLS established: " + session.getProtocol() + ", " + session.getCipherSuite());
        // read once, for the transcript and the name check: both show the same names
        CertificateNames leafNames = CertificateNames.ofLeaf(chain);
        List<String> chainText = CertificateCheck.describe(chain, leafNames);
        chainText.forEach(this::note);
        TlsSummary summary = new TlsSummary(session.getProtocol(), session.getCipherSuite(), chainText);
        if (ProbeTls.isOld(session.getProtocol())) {
            add(SmtpCodes.SMTP_TLS_OLD_PROTOCOL, ProbeTls.readable(session.getProtocol()));
        } else {
            add(SmtpCodes.SMTP_TLS_OK, session.getProtocol(), session.getCipherSuite());
        }
        if (ProbeTls.isWeakCipher(session.getCipherSuite())) {
            add(SmtpCodes.SMTP_TLS_WEAK_CIPHER, session.getCipherSuite());
        }
        CertificateCheck.Judgement certificate = certificates.evaluate(target, chain, leafNames,
                options.clock().instant(), subject(), evidence());
        certificateFindings = Optional.of(new PlacedJudgement(certificate, findings.size()));
        findings.addAll(certificate.findings());
        tlsFacts = new TlsFacts.Established(summary, certificate.facts(), chain);
        channel.use(ssl);
        // RFC 3207 §4.2: everything learnt before TLS is forgotten; ask again
        return greet(channel, true);
    }

    /**
     * STARTTLS refused. A 4yz, typically RFC 3207's "454 TLS not available due to temporary reason", is temporary:
     * opportunistic senders go on without TLS (Postfix smtp_proto.c "try to continue in plain-text mode"; Salesforce
     * Preferred delivers unencrypted) and only senders that require TLS fail, so it is a WARNING. A 5yz stays an
     * ERROR: the server advertises what it refuses for good.
     */
    private Finding startTlsRejected(ServerReply reply) {
        if (reply.transientFailure()) {
            return warning(SmtpCodes.SMTP_STARTTLS_REJECTED, "transient", Actor.RECIPIENT_MAIL_TEAM,
                    reply.oneLine());
        }
        return SmtpFindings.of(SmtpCodes.SMTP_STARTTLS_REJECTED, target, subject(), evidence(), reply.oneLine());
    }

    private void handshakeFailed(SmtpChannel channel, Exception e) {
        boolean timedOut = channel.timedOut() || causedBy(e, java.net.SocketTimeoutException.class);
        Object detail = timedOut ? SmtpFindings.text("phrase.noHandshake", seconds(waitLimit))
                : String.valueOf(e.getMessage());
        note("TLS handshake failed: " + detail + (timedOut ? " (" + e.getMessage() + ")" : ""));
        Optional<Object> old = ProbeTls.oldProtocolFrom(e);
        tlsFacts = new TlsFacts.HandshakeFailed(old.isPresent());
        if (old.isPresent()) {
            add(SmtpCodes.SMTP_TLS_OLD_PROTOCOL, old.get());
        } else {
            add(SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED, detail);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void recipientTest(SmtpChannel channel, String address) throws SmtpIoException {
        step = "MAIL FROM";
        ServerReply mail = channel.command("MAIL FROM:<>", deadline());
        if (!mail.completed()) {
            add(SmtpCodes.SMTP_MAIL_FROM_REJECTED, mail.oneLine());
        } else {
            step = "RCPT TO";
            ServerReply rcpt = channel.command("RCPT TO:<" + address + ">", deadline());
            if (rcpt.completed()) {
                add(SmtpCodes.SMTP_RCPT_ACCEPTED, address, rcpt.oneLine());
            } else {
                findings.add(rcptRejected(address, rcpt));
            }
        }
        step = "RSET";
        channel.command("RSET", deadline());
    }

    private Finding rcptRejected(String address, ServerReply rcpt) {
        Optional<Diagnosis> diagnosis = decoder.decode(rcpt.oneLine());
        if (diagnosis.filter(SmtpSession::aboutTheSendingIp).isPresent()) {
            return probeAddressRefused(address, rcpt);
        }
        Object meaning = diagnosis.<Object>map(Diagnosis::explanationText)
                .orElseGet(() -> ReplyMeanings.meaning(rcpt.code()));
        Finding f = SmtpFindings.of(SmtpCodes.SMTP_RCPT_REJECTED, target, subject(), evidence(), address,
                rcpt.oneLine(), meaning);
        if (rcpt.transientFailure()) {
            f = f.withSeverity(Severity.WARNING);
        }
        if (diagnosis.isPresent() && !diagnosis.get().remediation().isBlank()) {
            Finding read = f.withRemediation(diagnosis.get().remediationText(), diagnosis.get().actor());
            // where the knowledge base has no words for the recipient's mail team, this code's own words for it, but
            // only while the fix stays theirs: they ask the team to look into a rejection, wrong for a cause the
            // knowledge base lays on another side (SENDER_ADMIN: a moved mailbox, a wrong address), whose finding
            // then has no words of its own and the report shows that side's general words (ReportTexts.mailTeamAdvice)
            f = read.mailTeamRemediationText().isPresent() || read.actor() != f.actor() ? read
                    : f.mailTeamRemediationText().map(read::withMailTeamRemediation).orElse(read);
        }
        return f;
    }

    /**
     * A refusal of the sending IP rather than of the recipient: the knowledge base's rules for Salesforce support
     * (block lists, reverse DNS: in the log that IP is Salesforce's, here it is this computer's), and reputation,
     * which before DATA and with the null sender can only be the connecting IP's. The one decision for a refused
     * RCPT and a refusing greeting (where the connecting IP is all the server knows of the client).
     */
    private static boolean aboutTheSendingIp(Diagnosis diagnosis) {
        return diagnosis.actor() == Actor.SALESFORCE_SUPPORT || diagnosis.category() == Category.REPUTATION;
    }

    /** The server refused the probe's own address, not the recipient: nothing is known about the address. */
    private Finding probeAddressRefused(String address, ServerReply rcpt) {
        return warning(SmtpCodes.SMTP_RCPT_REJECTED, "probeAddress", Actor.LOCAL_NETWORK, address, rcpt.oneLine());
    }

    /**
     * QUIT, after the conversation or after a refusal. Everything the probe asks is answered by then, so a missing 221
     * (silence, a hang-up, anything else) is a note, no finding, and the wait for it is short: Postfix does not wait
     * at all (smtp_skip_quit_response = yes), RFC 5321 §4.1.1.10 asks a client only that it SHOULD
     * ({@link SmtpProbeOptions#quitTimeout()}).
     */
    private void quitQuietly(SmtpChannel channel) {
        step = "QUIT";
        try {
            channel.command("QUIT", deadline(options.quitTimeout()));
        } catch (SmtpIoException e) {
            String waited = e.kind() == SmtpIoException.Kind.TIMEOUT ? " within " + seconds(waitLimit) + " s" : "";
            note("no reply to QUIT" + waited + " (" + e.getMessage() + "); nothing was left to ask");
        }
    }

    private void failed(SmtpIoException e) {
        boolean greeting = step == GREETING;
        Object what = greeting ? GREETING : SmtpFindings.text("phrase.replyTo", step);
        switch (e.kind()) {
            case TIMEOUT -> findings.add(replyTimeout());
            case TOO_LONG -> add(SmtpCodes.SMTP_RESPONSE_TOO_LONG, what, e.detail());
            case PROTOCOL -> add(SmtpCodes.SMTP_PROTOCOL_ERROR, SmtpFindings.text("phrase.inReply", e.detail(), what));
            case CLOSED -> add(SmtpCodes.SMTP_CONNECTION_DROPPED, greeting
                    ? SmtpFindings.text("phrase.dropped.beforeGreeting", e.detail())
                    : SmtpFindings.text("phrase.dropped.inAnswerTo", e.detail(), step));
        }
    }

    /**
     * No reply in time. RFC 5321 §4.5.3.2 lets a sender wait 5 minutes for the replies to MAIL and RCPT (servers
     * may verify the address meanwhile); a probe that gave up sooner cannot call the server stalled. The time shown
     * and judged is the wait's limit, which the conversation's cap may have cut below the reply limit.
     */
    private Finding replyTimeout() {
        String waited = seconds(waitLimit);
        boolean transaction = "MAIL FROM".equals(step) || "RCPT TO".equals(step);
        if (transaction && waitLimit.compareTo(RFC_TRANSACTION_WAIT) < 0) {
            return warning(SmtpCodes.SMTP_REPLY_TIMEOUT, "belowRfc", Actor.RECIPIENT_MAIL_TEAM, step, waited);
        }
        return SmtpFindings.of(SmtpCodes.SMTP_REPLY_TIMEOUT, target, subject(), evidence(), step, waited);
    }

    private void connectFailed(IOException e) {
        TargetResult.ConnectFailure kind = ConnectFailures.classify(e);
        connectFailure = Optional.of(kind);
        note("connect failed: " + e.getMessage());
        LocalText where = SmtpFindings.text("phrase.addressPort", target.addressText(), target.port());
        // the port comes last: the wording of a server the user named, or of another --port, says it
        switch (kind) {
            case REFUSED -> add(SmtpCodes.SMTP_CONNECT_REFUSED, where, target.port());
            case TIMEOUT -> add(SmtpCodes.SMTP_CONNECT_TIMEOUT, where, seconds(options.connectTimeout()),
                    target.port());
            case UNREACHABLE -> add(SmtpCodes.SMTP_CONNECT_UNREACHABLE, where, String.valueOf(e.getMessage()));
        }
    }

    private void add(String code, Object... args) {
        findings.add(SmtpFindings.of(code, target, subject(), evidence(), args));
    }

    private void record(TranscriptLine line) {
        transcript.add(line);
        listener.transcriptLine(target, line);
    }

    private void note(String text) {
        record(new TranscriptLine(options.clock().instant(), TranscriptLine.Direction.NOTE, text));
    }

    private List<String> evidence() {
        List<TranscriptLine> tail = transcript.subList(Math.max(0, transcript.size() - EVIDENCE_LINES),
                transcript.size());
        return tail.stream().map(TranscriptLine::toString).toList();
    }

    private String subject() {
        return target.label();
    }

    /**
     * A WARNING worded by one of {@code code}'s variants: {@code CODE.variant.message} and
     * {@code CODE.variant.remediation} (a temporary refusal, EHLO refused for now but HELO taken, a refusal of this
     * computer's address, a short wait).
     */
    private Finding warning(String code, String variant, Actor actor, Object... args) {
        return SmtpFindings.variant(code, variant, Severity.WARNING, subject(), evidence(), actor, args);
    }

    private long deadline() {
        return deadline(options.commandTimeout());
    }

    /** The end of a wait of at most {@code limit} that starts now, within the conversation's cap. */
    private long deadline(Duration limit) {
        long now = System.nanoTime();
        long deadline = Math.min(now + limit.toNanos(), targetDeadline);
        waitLimit = Duration.ofNanos(Math.max(0, deadline - now));
        return deadline;
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Seconds with one decimal when under 10 s, e.g. "0.3", "12". */
    static String seconds(Duration d) {
        double s = d.toNanos() / (double) TimeUnit.SECONDS.toNanos(1);
        return s < 10 ? String.format(java.util.Locale.ROOT, "%.1f", s) : String.valueOf(Math.round(s));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // best effort
        }
    }
}
