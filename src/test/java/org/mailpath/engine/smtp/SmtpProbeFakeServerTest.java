package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TestCertificates;

/**
 * The probe against an in-process server that misbehaves in every way the issue lists. Deadlines are chosen so
 * the outcome never depends on timing: a server that never answers always exceeds a 300 ms limit, and normal
 * replies get generous limits.
 */
class SmtpProbeFakeServerTest {

    static final Duration SHORT = Duration.ofMillis(300);
    static final Duration GENEROUS = Duration.ofSeconds(20);

    final FakeDns dns = new FakeDns().loopbackNamed("mx.example.test");

    static SmtpProbeOptions.Builder options(FakeSmtpServer server) {
        return SmtpProbeOptions.builder().port(server.port()).heloName("probe.mailpath.test")
                .connectTimeout(GENEROUS).bannerLimit(GENEROUS).commandTimeout(GENEROUS).slowBanner(GENEROUS);
    }

    TargetResult probe(FakeSmtpServer server, UnaryOperator<SmtpProbeOptions.Builder> tweak) {
        return probe(server, tweak, ReplyDecoder.NONE, SmtpProbeListener.NONE);
    }

    TargetResult probe(FakeSmtpServer server, UnaryOperator<SmtpProbeOptions.Builder> tweak, ReplyDecoder decoder,
                       SmtpProbeListener listener) {
        ProbeReport report = new SmtpProbe(dns, tweak.apply(options(server)).build(), decoder)
                .probe(List.of("[mx.example.test]"), listener, Cancellation.none());
        assertEquals(1, report.targets().size(), "one target: " + report);
        return report.targets().getFirst();
    }

    static List<String> codes(TargetResult r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    static Finding finding(TargetResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing in " + codes(r) + "\n" + transcript(r)));
    }

    static String transcript(TargetResult r) {
        return String.join("\n", r.transcript().stream().map(TranscriptLine::toString).toList());
    }

    static List<String> clientLines(TargetResult r) {
        return r.transcript().stream().filter(l -> l.direction() == TranscriptLine.Direction.CLIENT)
                .map(TranscriptLine::text).toList();
    }

    @Test
    void plainServerIsReachableButWithoutStartTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            TargetResult r = probe(server, b -> b);
            assertEquals(List.of("EHLO probe.mailpath.test", "QUIT"), clientLines(r));
            Finding noTls = finding(r, SmtpCodes.SMTP_NO_STARTTLS);
            assertEquals(Severity.WARNING, noTls.severity());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, noTls.actor());
            assertTrue(noTls.evidence().stream().anyMatch(l -> l.contains("S: 220 mx.example.test ESMTP fake")),
                    noTls.evidence().toString());
            Finding caps = finding(r, SmtpCodes.SMTP_CAPABILITIES);
            assertTrue(caps.message().contains("SIZE 10240000"), caps.message());
            assertTrue(caps.message().contains("not: STARTTLS"), caps.message());
            assertEquals(new TlsFacts.NotOffered(), r.tlsFacts());
            assertEquals(Optional.of(10240000L), r.capabilities().sizeLimit().stream().boxed().findFirst());
            assertFalse(codes(r).contains(SmtpCodes.SMTP_OK));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_FCRDNS_MISMATCH), codes(r).toString());
        }
    }

    @Test
    void theProbeConnectsDirectlyWhateverThisComputersProxySettingsSay() throws Exception {
        // a SOCKS proxy would probe from the proxy's address, not this computer's: not what the user asked for
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard());
             org.mailpath.testing.ProxyTrap trap = org.mailpath.testing.ProxyTrap.install()) {
            TargetResult r = probe(server, b -> b);
            assertEquals(List.of("EHLO probe.mailpath.test", "QUIT"), clientLines(r));
            assertEquals(List.of(), trap.asked());
        }
    }

    @Test
    void findingsReadInSwedishWithOurPhrasesTranslatedToo() throws Exception {
        Locale sv = Locale.of("sv");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().dropAfterEhlo())) {
            Finding dropped = finding(probe(server, b -> b), SmtpCodes.SMTP_CONNECTION_DROPPED);
            assertEquals("The server closed the connection in answer to EHLO (connection closed by the server).",
                    dropped.message());
            assertEquals("Servern stängde anslutningen som svar på EHLO (servern stängde anslutningen).",
                    dropped.message(sv));
        }
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            Finding caps = finding(probe(server, b -> b), SmtpCodes.SMTP_CAPABILITIES);
            assertEquals("Servern erbjuder: SIZE 10240000 (10.2 MB), 8BITMIME, SMTPUTF8, PIPELINING; inte: STARTTLS,"
                    + " CHUNKING, REQUIRETLS.", caps.message(sv));
            assertEquals("Inget behöver göras.", caps.remediation(sv));
        }
    }

    @Test
    void phrasesOfOursKeepTheirEnglishWording() {
        assertEquals("none of the common extensions; not: STARTTLS, SIZE, 8BITMIME, SMTPUTF8, PIPELINING, CHUNKING,"
                + " REQUIRETLS", Capabilities.NONE.summary().toString());
        Capabilities noLimit = Capabilities.parse(List.of("mx.example.test", "SIZE 0", "STARTTLS"));
        assertEquals("STARTTLS, SIZE 0 (no limit); not: 8BITMIME, SMTPUTF8, PIPELINING, CHUNKING, REQUIRETLS",
                noLimit.summary().toString());
        assertEquals("STARTTLS, SIZE 0 (ingen gräns); inte: 8BITMIME, SMTPUTF8, PIPELINING, CHUNKING, REQUIRETLS",
                noLimit.summary().in(Locale.of("sv")));
        assertEquals("A permanent rejection.", ReplyMeanings.meaning(571).toString());
        assertEquals("A temporary rejection; the sender should retry.", ReplyMeanings.meaning(471).toString());
        assertEquals("The user is not local to this server.", ReplyMeanings.meaning(551).toString());
    }

    @Test
    void silentServerEndsInBannerTimeout() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> c.silence())) {
            TargetResult r = probe(server, b -> b.bannerLimit(SHORT));
            assertEquals(Severity.ERROR, finding(r, SmtpCodes.SMTP_BANNER_TIMEOUT).severity());
            assertTrue(finding(r, SmtpCodes.SMTP_BANNER_TIMEOUT).message().startsWith(
                    "The connection was accepted but no greeting arrived within "));
            assertEquals(List.of(), clientLines(r), "nothing is sent before a greeting");
            assertEquals(new TlsFacts.NotReached(), r.tlsFacts());
        }
    }

    @Test
    void silenceAfterEhloEndsInReplyTimeout() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220 mx.example.test ESMTP");
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b.commandTimeout(SHORT));
            Finding timeout = finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
            assertTrue(timeout.message().contains("No complete reply to EHLO within 0.3 s"), timeout.message());
        }
    }

    @Test
    void slowGreetingIsAWarningAndTheCountdownTicks() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        SmtpProbeListener listener = new SmtpProbeListener() {
            @Override
            public void waitingForBanner(ProbeTarget target, Duration waited, Duration limit) {
                ticks.incrementAndGet();
            }
        };
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().bannerDelay(Duration.ofMillis(400)))) {
            TargetResult r = probe(server, b -> b.slowBanner(Duration.ofMillis(100)).tick(Duration.ofMillis(50)),
                    ReplyDecoder.NONE, listener);
            Finding slow = finding(r, SmtpCodes.SMTP_BANNER_SLOW);
            assertEquals(Severity.WARNING, slow.severity());
            assertTrue(clientLines(r).contains("QUIT"), "the conversation goes on after a slow greeting");
            assertTrue(ticks.get() >= 1, "countdown ticks: " + ticks);
        }
    }

    @Test
    void connectionDroppedAfterEhlo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().dropAfterEhlo())) {
            TargetResult r = probe(server, b -> b);
            Finding dropped = finding(r, SmtpCodes.SMTP_CONNECTION_DROPPED);
            assertTrue(dropped.message().contains("EHLO"), dropped.message());
        }
    }

    /** A server that answers EHLO with {@code ehlo} and HELO with {@code helo}, and QUIT with 221. */
    static FakeSmtpServer.Behaviour refusingHello(String ehlo, String helo) {
        return c -> {
            c.send("220 mx.example.test ESMTP");
            String line;
            while ((line = c.readLine()) != null) {
                if (line.startsWith("EHLO")) {
                    c.send(ehlo);
                } else if (line.startsWith("HELO")) {
                    c.send(helo);
                } else if (line.equals("QUIT")) {
                    c.send("221 bye");
                    return;
                } else {
                    c.send("503 5.5.1 greet first");
                }
            }
        };
    }

    @Test
    void aTemporaryRefusalOfEhloIsFollowedByHeloAsPostfixAndEximSendIt() throws Exception {
        // Postfix src/smtp/smtp_proto.c (smtp_helo): any refusal of EHLO but 421 clears ESMTP and HELO follows;
        // Exim src/transports/smtp.c (smtp_reap_ehlo): a complete non-2yz reply sets esmtp = FALSE, then HELO
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard()
                .ehloReply("450 4.3.2 try again later").startTls(TestCertificates.shared().selfSigned("mx.example.test",
                        "dns:mx.example.test", "-1d", 30).serverContext()))) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("someone@example.test")));
            assertEquals(List.of("EHLO probe.mailpath.test", "HELO probe.mailpath.test", "MAIL FROM:<>",
                    "RCPT TO:<someone@example.test>", "RSET", "QUIT"), clientLines(r));
            assertEquals(List.of(SmtpCodes.SMTP_EHLO_REJECTED, SmtpCodes.SMTP_CAPABILITIES,
                    SmtpCodes.SMTP_NO_STARTTLS, SmtpCodes.SMTP_RCPT_ACCEPTED), codes(r));
            Finding refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
            assertEquals(Severity.WARNING, refused.severity());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, refused.actor());
            assertEquals("The server refused EHLO for now (450 4.3.2 try again later) but accepted HELO. Senders "
                    + "fall back to HELO the same way (Postfix; Exim before STARTTLS) and then go on without SMTP "
                    + "extensions: before STARTTLS that means without STARTTLS, so mail travels unencrypted and "
                    + "deliveries that require TLS fail.", refused.message());
            assertEquals("The recipient's mail team must find out why the server refuses EHLO (load, a connection "
                    + "limit, or a rule against the client's name or address) and answer it as it answers HELO. "
                    + "Repeat the probe later; try --helo with a name that resolves to this computer's public "
                    + "address, and compare with the Salesforce log.", refused.remediation());
            assertEquals("Servern avvisade EHLO tills vidare (450 4.3.2 try again later) men godtog HELO. "
                    + "Avsändare faller tillbaka till HELO på samma sätt (Postfix; Exim före STARTTLS) och fortsätter "
                    + "sedan utan SMTP-tillägg: före STARTTLS innebär det utan STARTTLS, så e-posten skickas "
                    + "okrypterad och leveranser som kräver TLS misslyckas.", refused.message(Locale.of("sv")));
            assertEquals(Severity.WARNING, r.worst(), codes(r).toString());
            assertEquals(new TlsFacts.NotOffered(), r.tlsFacts(), "after HELO no STARTTLS is offered, to senders neither");
        }
    }

    @Test
    void a421ToEhloClosesTheSessionSoNoHeloFollows() throws Exception {
        // RFC 5321 §3.8 and §4.2.3: 421 closes the channel; Postfix smtp_helo defers on it without HELO
        try (FakeSmtpServer server = FakeSmtpServer.start(refusingHello("421 4.7.0 mx.example.test closing",
                "250 ok"))) {
            TargetResult r = probe(server, b -> b);
            Finding refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
            assertEquals(Severity.WARNING, refused.severity());
            assertEquals("The server refused EHLO for now: 421 4.7.0 mx.example.test closing. A 4yz reply is "
                    + "temporary (RFC 5321), so senders keep the message and try another MX host or try again later.",
                    refused.message());
            assertEquals("Repeat the probe later. If the server keeps refusing, its mail team must find out why "
                    + "(load, a connection limit, or a rule against the client's name or address); try --helo with "
                    + "a name that resolves to this computer's public address, and compare with the Salesforce log.",
                    refused.remediation());
            assertEquals(List.of("EHLO probe.mailpath.test", "QUIT"), clientLines(r));
            assertEquals(List.of(SmtpCodes.SMTP_EHLO_REJECTED), codes(r));
            assertEquals(new TlsFacts.NotReached(), r.tlsFacts());
        }
    }

    /** After a refused EHLO (temporary or not), a temporary refusal of HELO is a warning that names HELO. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "450 4.3.2 try again later | 451 4.3.0 still busy",
        "502 5.5.2 command not recognized | 421 4.7.0 too many connections"})
    void aTemporaryRefusalOfHeloIsAWarningThatNamesHelo(String ehloReply, String heloReply) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(refusingHello(ehloReply, heloReply))) {
            TargetResult r = probe(server, b -> b);
            Finding refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
            assertEquals(Severity.WARNING, refused.severity());
            assertEquals("The server refused HELO for now: " + heloReply + ". A 4yz reply is temporary "
                    + "(RFC 5321), so senders keep the message and try another MX host or try again later.",
                    refused.message());
            assertEquals(List.of("EHLO probe.mailpath.test", "HELO probe.mailpath.test", "QUIT"), clientLines(r));
            assertEquals(List.of(SmtpCodes.SMTP_EHLO_REJECTED), codes(r), "one finding: the last refusal");
        }
    }

    @Test
    void aTemporaryRefusalOfEhloAndAPermanentOneOfHeloIsAnError() throws Exception {
        // Postfix smtp_helo: the HELO reply decides (smtp_site_fail with it), a 5yz bounces
        try (FakeSmtpServer server = FakeSmtpServer.start(refusingHello("450 4.3.2 try again later",
                "550 5.7.1 go away"))) {
            TargetResult r = probe(server, b -> b);
            Finding refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
            assertEquals(Severity.ERROR, refused.severity());
            assertEquals("The server rejected both EHLO and HELO: 550 5.7.1 go away", refused.message());
            assertEquals(List.of("EHLO probe.mailpath.test", "HELO probe.mailpath.test", "QUIT"), clientLines(r));
        }
    }

    @Test
    void aPermanentRefusalOfEhloAndHeloStaysAnError() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(refusingHello("550 5.7.1 go away",
                "550 5.7.1 go away"))) {
            TargetResult r = probe(server, b -> b);
            Finding refused = finding(r, SmtpCodes.SMTP_EHLO_REJECTED);
            assertEquals(Severity.ERROR, refused.severity());
            assertEquals("The server rejected both EHLO and HELO: 550 5.7.1 go away", refused.message());
            assertEquals(List.of("EHLO probe.mailpath.test", "HELO probe.mailpath.test", "QUIT"), clientLines(r));
        }
    }

    @Test
    void ehloRejectedFallsBackToHelo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().rejectEhlo())) {
            TargetResult r = probe(server, b -> b);
            assertEquals(List.of("EHLO probe.mailpath.test", "HELO probe.mailpath.test", "QUIT"), clientLines(r));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_EHLO_REJECTED));
            finding(r, SmtpCodes.SMTP_NO_STARTTLS);
        }
    }

    @Test
    void refusalAtTheGreeting() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().banner("554 5.7.1 No SMTP service for you"))) {
            TargetResult r = probe(server, b -> b);
            Finding rejected = finding(r, SmtpCodes.SMTP_BANNER_REJECTED);
            assertTrue(rejected.message().contains("554 5.7.1 No SMTP service for you"), rejected.message());
            assertEquals(List.of("QUIT"), clientLines(r));
        }
    }

    @Test
    void rcptRejectionIsDecodedAndNoDataIsEverSent() throws Exception {
        ReplyDecoder decoder = line -> line.startsWith("550 5.1.1")
                ? Optional.of(new Diagnosis(Category.RECIPIENT, "The mailbox does not exist.",
                        "Correct the address.", Actor.SENDER_ADMIN, "test-rule"))
                : Optional.empty();
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().rcptReply("550 5.1.1 <nobody@example.test>: user unknown"))) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("nobody@example.test")), decoder,
                    SmtpProbeListener.NONE);
            assertEquals(List.of("EHLO probe.mailpath.test", "MAIL FROM:<>", "RCPT TO:<nobody@example.test>", "RSET",
                    "QUIT"), clientLines(r));
            Finding rejected = finding(r, SmtpCodes.SMTP_RCPT_REJECTED);
            assertEquals(Severity.ERROR, rejected.severity());
            assertTrue(rejected.message().contains("The mailbox does not exist."), rejected.message());
            assertEquals("Correct the address.", rejected.remediation());
            assertEquals(Actor.SENDER_ADMIN, rejected.actor());
            // the diagnosis moved the fix to our side and has no words for the recipient's mail team: this code's
            // words for that team ("Your server rejected this address") would blame them, so there are none, and the
            // report shows the general words of our side
            assertEquals("", rejected.mailTeamRemediation());
            assertEquals(Optional.empty(), rejected.mailTeamRemediation(Locale.of("sv")));
            assertTrue(server.received().stream().noneMatch(l -> l.toUpperCase().startsWith("DATA")));
        }
    }

    @Test
    void aDiagnosisThatLeavesTheFixWithTheRecipientsTeamKeepsThisCodesWordsForThem() throws Exception {
        ReplyDecoder decoder = line -> Optional.of(new Diagnosis(Category.RECIPIENT, "The mailbox is over quota.",
                "Ask the recipient to free up space.", Actor.RECIPIENT_MAIL_TEAM, "test-rule"));
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().rcptReply("552 5.2.2 <full@example.test>: mailbox full"))) {
            Finding rejected = finding(probe(server, b -> b.rcpt(Optional.of("full@example.test")), decoder,
                    SmtpProbeListener.NONE), SmtpCodes.SMTP_RCPT_REJECTED);
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, rejected.actor());
            assertEquals("Ask the recipient to free up space.", rejected.remediation());
            assertTrue(rejected.mailTeamRemediation().startsWith("Your server rejected this address (see the"
                    + " reply)."), rejected.mailTeamRemediation());
            assertTrue(rejected.mailTeamRemediation(Locale.of("sv")).orElseThrow().startsWith("Er server avvisade den"
                    + " här adressen"), rejected.mailTeamRemediation(Locale.of("sv")).toString());
        }
    }

    @Test
    void aKnowledgeBaseEntryOfOurSideWithoutWordsForTheMailTeamLeavesThemNone() throws Exception {
        // X.1.6 (RFC 3463: moved, no forwarding address): our side's to correct, and the entry has no words for the
        // recipient's mail team, as about 140 entries of our side do
        String reply = "550 5.1.6 <moved@example.test>: recipient has moved, no forwarding address";
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        Diagnosis expected = kb.diagnose(SmtpReply.parse(reply));
        assertEquals(Actor.SENDER_ADMIN, expected.actor(), expected.ruleId());
        assertEquals(Optional.empty(), expected.mailTeamRemediation(), expected.ruleId());
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().rcptReply(reply))) {
            Finding rejected = finding(probe(server, b -> b.rcpt(Optional.of("moved@example.test")),
                    ReplyDecoder.of(kb), SmtpProbeListener.NONE), SmtpCodes.SMTP_RCPT_REJECTED);
            assertEquals(Actor.SENDER_ADMIN, rejected.actor());
            assertEquals(expected.remediation(), rejected.remediation());
            assertEquals("", rejected.mailTeamRemediation());
            assertEquals(Optional.empty(), rejected.mailTeamRemediation(Locale.ENGLISH));
        }
    }

    @Test
    void aRefusedRecipientIsExplainedInTheLanguageOfTheReaderByTheKnowledgeBase() throws Exception {
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        Diagnosis expected = kb.diagnose(SmtpReply.parse("550 5.1.1 <nobody@example.test>: user unknown"));
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().rcptReply("550 5.1.1 <nobody@example.test>: user unknown"))) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("nobody@example.test")), ReplyDecoder.of(kb),
                    SmtpProbeListener.NONE);
            Finding rejected = finding(r, SmtpCodes.SMTP_RCPT_REJECTED);
            Locale sv = Locale.of("sv");

            assertTrue(rejected.message().contains(expected.explanation()), rejected.message());
            assertTrue(rejected.message(sv).contains(expected.explanation(sv)), rejected.message(sv));
            assertNotEquals(expected.explanation(), expected.explanation(sv));
            assertEquals(expected.remediation(), rejected.remediation());
            assertEquals(expected.remediation(sv), rejected.remediation(sv));
            // the knowledge base's words for the recipient's mail team come with its remediation
            assertTrue(expected.mailTeamRemediation().isPresent());
            assertEquals(expected.mailTeamRemediation(), Optional.of(rejected.mailTeamRemediation()));
            assertEquals(expected.mailTeamRemediation(sv), rejected.mailTeamRemediation(sv));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org",
        "450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.9]",
        "550 5.7.1 Service unavailable, Client host [203.0.113.9] blocked using Spamhaus. To request removal from"
                + " this list see https://www.spamhaus.org/query/ip/203.0.113.9 (AS3130). [BN1NAM02FT049.eop-nam02.prod]"})
    void aRefusalOfThisComputersAddressIsNotBlamedOnTheRecipientNorOnSalesforce(String reply) throws Exception {
        // The knowledge base reads these as refusals of Salesforce's IP (what the Email Log shows); in the probe
        // the refused IP is this computer's, so the recipient address is untested and Salesforce is not involved.
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        assertEquals(Actor.SALESFORCE_SUPPORT, kb.diagnose(SmtpReply.parse(reply)).actor(), reply);
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().rcptReply(reply))) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("someone@example.test")), ReplyDecoder.of(kb),
                    SmtpProbeListener.NONE);
            Finding refused = finding(r, SmtpCodes.SMTP_RCPT_REJECTED);
            assertEquals(Severity.WARNING, refused.severity());
            assertEquals(Actor.LOCAL_NETWORK, refused.actor());
            assertEquals("The server refused the address this computer connects from, so someone@example.test could"
                    + " not be tested: " + reply, refused.message());
            assertTrue(refused.remediation().startsWith("This says nothing about mail from Salesforce"),
                    refused.remediation());
            assertTrue(refused.message(Locale.of("sv")).startsWith("Servern avvisade adressen som den här datorn"),
                    refused.message(Locale.of("sv")));
            assertEquals(List.of("EHLO probe.mailpath.test", "MAIL FROM:<>", "RCPT TO:<someone@example.test>", "RSET",
                    "QUIT"), clientLines(r));
        }
    }

    @Test
    void temporaryRcptRejectionIsAWarningExplainedWithoutAKnowledgeBase() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().rcptReply("450 4.2.0 greylisted, try again later"))) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("someone@example.test")));
            Finding rejected = finding(r, SmtpCodes.SMTP_RCPT_REJECTED);
            assertEquals(Severity.WARNING, rejected.severity());
            assertTrue(rejected.message().contains("greylisting"), rejected.message());
        }
    }

    @Test
    void acceptedRecipient() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            TargetResult r = probe(server, b -> b.rcpt(Optional.of("someone@example.test")));
            assertEquals(Severity.OK, finding(r, SmtpCodes.SMTP_RCPT_ACCEPTED).severity());
        }
    }

    @Test
    void endlessMultiLineReplyIsCutOff() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220 mx.example.test ESMTP");
            c.readLine();
            for (int i = 0; ; i++) {
                c.send("250-EXTENSION" + i);
            }
        })) {
            TargetResult r = probe(server, b -> b.maxReplyLines(100));
            Finding cut = finding(r, SmtpCodes.SMTP_RESPONSE_TOO_LONG);
            assertTrue(cut.message().contains("more than 100 lines"), cut.message());
            assertTrue(r.transcript().size() < 200, "transcript stays bounded: " + r.transcript().size());
        }
    }

    @Test
    void endlessLineIsCutOff() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.sendRaw("220 ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                c.sendRaw(chunk);
            }
        })) {
            TargetResult r = probe(server, b -> b);
            Finding cut = finding(r, SmtpCodes.SMTP_RESPONSE_TOO_LONG);
            assertTrue(cut.message().contains("a line longer than 2,048 bytes"), cut.message());
        }
    }

    @Test
    void giganticBannerIsCutOffByTheByteCap() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                sb.append("220-").append("welcome ".repeat(20)).append("\r\n");
            }
            c.sendRaw(sb.toString().getBytes(StandardCharsets.US_ASCII));
            c.send("220 mx.example.test ready");
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b.maxReplyLines(100_000).maxReplyBytes(64 * 1024));
            Finding cut = finding(r, SmtpCodes.SMTP_RESPONSE_TOO_LONG);
            assertTrue(cut.message().contains("more than 65,536 bytes"), cut.message());
        }
    }

    @Test
    void aByteAtATimeGreetingStillEndsAtTheDeadline() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.sendRaw("220 ".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                c.sendRaw(new byte[] {'z'});
                c.pause(Duration.ofMillis(20));
            }
        })) {
            TargetResult r = probe(server, b -> b.bannerLimit(SHORT));
            finding(r, SmtpCodes.SMTP_BANNER_TIMEOUT);
        }
    }

    /**
     * A greeting begun but never ended (the reviewer's server dripped "220 hell…" a byte a second) is worded as the
     * commands' "no complete reply": the server did answer, and the part that came is in the transcript, escaped.
     */
    @Test
    void aGreetingThatNeverEndsIsNoSilenceAndItsPartIsEvidence() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.sendRaw("220 hell\u001b[2J".getBytes(StandardCharsets.US_ASCII));
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b.bannerLimit(SHORT));
            Finding timeout = finding(r, SmtpCodes.SMTP_BANNER_TIMEOUT);
            assertEquals(Severity.ERROR, timeout.severity());
            assertTrue(timeout.message().startsWith("The connection was accepted and the server began its greeting,"
                    + " but no complete greeting arrived within "), timeout.message());
            assertTrue(timeout.message(Locale.of("sv")).startsWith("Anslutningen togs emot och servern började sin"
                    + " hälsning, men ingen fullständig hälsning kom inom "), timeout.message(Locale.of("sv")));
            String partial = "S: 220 hell\\x1b[2J (incomplete: no end of line)";
            assertTrue(transcript(r).contains(partial), transcript(r));
            assertTrue(timeout.evidence().stream().anyMatch(l -> l.endsWith(partial)), timeout.evidence().toString());
            assertEquals(List.of(), clientLines(r), "nothing is sent before a complete greeting");
        }
    }

    @Test
    void aReplyCutShortLeavesItsPartInTheTranscript() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220 mx.example.test ESMTP");
            c.readLine();
            c.sendRaw("250-mx.example.test\r\n250 PIPEL".getBytes(StandardCharsets.US_ASCII));
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b.commandTimeout(SHORT));
            finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
            assertTrue(transcript(r).contains("S: 250-mx.example.test\n"), transcript(r));
            assertTrue(transcript(r).contains("S: 250 PIPEL (incomplete: no end of line)"), transcript(r));
        }
    }

    /** A server that greets, answers EHLO, and then does {@code atQuit} instead of answering QUIT. */
    static FakeSmtpServer.Behaviour noAnswerToQuit(FakeSmtpServer.Behaviour atQuit) {
        return c -> {
            c.send("220 mx.example.test ESMTP");
            String line;
            while ((line = c.readLine()) != null) {
                if (line.equals("QUIT")) {
                    atQuit.handle(c);
                    return;
                }
                c.send(line.startsWith("EHLO") ? "250 mx.example.test" : "250 2.0.0 Ok");
            }
        };
    }

    /**
     * Everything the probe asks is answered before QUIT, so no 221 (silence, a hang-up) is a note, no finding: Postfix
     * does not even wait for it (smtp_skip_quit_response = yes). The reviewer saw SMTP_REPLY_TIMEOUT "No complete
     * reply to QUIT" and SMTP_CONNECTION_DROPPED "in answer to QUIT".
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void noReplyToQuitIsOnlyANote(boolean hangUp) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(noAnswerToQuit(c -> {
            if (!hangUp) {
                c.silence();
            }
        }))) {
            TargetResult r = probe(server, b -> b.commandTimeout(SHORT).rcpt(Optional.of("someone@example.test")));
            assertEquals(List.of("EHLO probe.mailpath.test", "MAIL FROM:<>", "RCPT TO:<someone@example.test>",
                    "RSET", "QUIT"), clientLines(r));
            assertEquals(List.of(SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_NO_STARTTLS,
                    SmtpCodes.SMTP_RCPT_ACCEPTED), codes(r));
            String note = quitNote(r);
            assertTrue(note.startsWith(hangUp ? "no reply to QUIT (connection closed by the server)"
                    : "no reply to QUIT within 0.3 s"), note);
        }
    }

    static String quitNote(TargetResult r) {
        return r.transcript().stream().filter(l -> l.direction() == TranscriptLine.Direction.NOTE)
                .map(TranscriptLine::text).filter(t -> t.startsWith("no reply to QUIT")).findFirst()
                .orElseThrow(() -> new AssertionError(transcript(r)));
    }

    /** The wait for the 221 is short whatever the reply limit (here 20 s): a silent server costs no reply limit. */
    @Test
    void theWaitForTheReplyToQuitIsShort() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(noAnswerToQuit(c -> c.silence()))) {
            TargetResult r = probe(server, b -> b.quitTimeout(SHORT));
            assertEquals("no reply to QUIT within 0.3 s (deadline passed); nothing was left to ask", quitNote(r));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_REPLY_TIMEOUT), codes(r).toString());
        }
        assertEquals(Duration.ofSeconds(2), SmtpProbeOptions.defaults().quitTimeout());
    }

    /** The options say the wait for QUIT's reply is at most the reply limit, whatever was asked for. */
    @Test
    void theWaitForTheReplyToQuitIsNeverLongerThanAnyReply() {
        SmtpProbeOptions options = SmtpProbeOptions.builder().heloName("probe.example")
                .commandTimeout(Duration.ofSeconds(1)).quitTimeout(Duration.ofSeconds(5)).build();
        assertEquals(Duration.ofSeconds(1), options.quitTimeout());
    }

    @Test
    void notSmtpAtAll() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("SSH-2.0-OpenSSH_9.6");
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b);
            assertTrue(finding(r, SmtpCodes.SMTP_PROTOCOL_ERROR).message().contains("SSH-2.0"));
        }
    }

    @Test
    void aMultiLineGreetingThatChangesItsCodeIsAProtocolError() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220-mx.example.test first line");
            c.send("250 second line");
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b);
            Finding f = finding(r, SmtpCodes.SMTP_PROTOCOL_ERROR);
            assertTrue(f.message().contains("220") && f.message().contains("250"), f.message());
            assertFalse(codes(r).contains(SmtpCodes.SMTP_CAPABILITIES), codes(r).toString());
        }
    }

    @Test
    void aMultiLineEhloReplyThatChangesItsCodeIsAProtocolError() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220 mx.example.test ESMTP");
            c.readLine();
            c.send("250-mx.example.test hello");
            c.send("251 STARTTLS");
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b);
            assertTrue(finding(r, SmtpCodes.SMTP_PROTOCOL_ERROR).message().contains("251"), transcript(r));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_CAPABILITIES), codes(r).toString());
        }
    }

    @Test
    void linesNobodyAskedForAreAProtocolErrorNotTheNextReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            // one write, so the extra line is there as soon as the greeting is
            c.sendRaw("220 mx.example.test ESMTP\r\n250 surprise\r\n".getBytes(StandardCharsets.US_ASCII));
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b);
            String message = finding(r, SmtpCodes.SMTP_PROTOCOL_ERROR).message();
            assertTrue(message.contains("not asked for: \"250 surprise\""), message);
            assertFalse(codes(r).contains(SmtpCodes.SMTP_CAPABILITIES), codes(r).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"699 weird", "199 weird"})
    void aReplyCodeOutsideTwoToFiveHundredsIsAProtocolError(String reply) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            c.send("220 mx.example.test ESMTP");
            c.readLine();
            c.send(reply);
            c.silence();
        })) {
            TargetResult r = probe(server, b -> b);
            assertTrue(finding(r, SmtpCodes.SMTP_PROTOCOL_ERROR).message().contains(reply), transcript(r));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_EHLO_REJECTED), codes(r).toString());
        }
    }

    @Test
    void aReplyOfItsCodeAloneIsAWholeReply() throws Exception {
        // RFC 5321 §4.2: the text after the code is optional
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().banner("220"))) {
            TargetResult r = probe(server, b -> b);
            assertEquals(List.of("EHLO probe.mailpath.test", "QUIT"), clientLines(r));
            assertFalse(codes(r).contains(SmtpCodes.SMTP_PROTOCOL_ERROR), codes(r).toString());
            finding(r, SmtpCodes.SMTP_NO_STARTTLS);
        }
    }

    @Test
    void controlCharactersFromTheServerAreEscapedInTheTranscript() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                ScriptedSmtp.standard().banner("220 mx.example.test \u001b[31mred\u0007"))) {
            TargetResult r = probe(server, b -> b);
            String banner = r.transcript().stream().filter(l -> l.direction() == TranscriptLine.Direction.SERVER)
                    .findFirst().orElseThrow().text();
            assertEquals("220 mx.example.test \\x1b[31mred\\x07", banner);
        }
    }

    @Test
    void cancellingStopsAWaitingProbeAndClosesTheConnection() throws Exception {
        Cancellation cancellation = new Cancellation();
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch hungUp = new CountDownLatch(1);
        AtomicBoolean sawDeadline = new AtomicBoolean();
        try (FakeSmtpServer server = FakeSmtpServer.start(c -> {
            connected.countDown();
            c.silence();
            hungUp.countDown();
        })) {
            SmtpProbe probe = new SmtpProbe(dns, options(server).bannerLimit(Duration.ofMinutes(5)).build(),
                    ReplyDecoder.NONE);
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    connected.await();
                    sawDeadline.set(awaitProbeThread());
                    cancellation.cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThrows(CancelledException.class,
                    () -> probe.probe(List.of("[mx.example.test]"), SmtpProbeListener.NONE, cancellation));
            canceller.join();
            assertTrue(hungUp.await(30, TimeUnit.SECONDS), "the probe closed its socket");
        }
        assertTrue(sawDeadline.get(), "the thread dump shows the probe's deadline thread while it waits");
        assertEquals(List.of(), probeThreadsAlive(), "no probe thread is left behind");
    }

    /** Waits until a thread dump shows the probe's deadline thread (proves the dump sees virtual threads). */
    static boolean awaitProbeThread() {
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                if (!probeThreadNames().isEmpty()) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Names of live probe threads, virtual ones included (from a JDK thread dump; they end soon after disarm). */
    static List<String> probeThreadsAlive() throws Exception {
        List<String> alive = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            alive = probeThreadNames();
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(100); // an interrupted deadline thread takes a moment to end
        }
        return alive;
    }

    static List<String> probeThreadNames() throws Exception {
        Path dump = Files.createTempFile("threads", ".json");
        Files.delete(dump);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
        String json = Files.readString(dump);
        Files.delete(dump);
        return Pattern.compile("\"name\": \"(smtp-probe-[^\"]*)\"").matcher(json).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void refusedConnectionIsNotBlamedOnTheLocalNetwork() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SmtpProbeOptions o = SmtpProbeOptions.builder().port(port).heloName("probe.mailpath.test").build();
        ProbeReport report = new SmtpProbe(dns, o, ReplyDecoder.NONE)
                .probe(List.of("[mx.example.test]"), SmtpProbeListener.NONE, Cancellation.none());
        TargetResult r = report.targets().getFirst();
        assertEquals(Optional.of(TargetResult.ConnectFailure.REFUSED), r.connectFailure());
        finding(r, SmtpCodes.SMTP_CONNECT_REFUSED);
        assertTrue(report.findings().isEmpty(), report.findings().toString());
    }
}
