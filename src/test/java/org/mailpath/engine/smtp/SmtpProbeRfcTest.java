package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.SHORT;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.clientLines;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.codes;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.finding;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;

/**
 * The probe against the rules of the SMTP standards and what real servers send, each test naming its source:
 * RFC 5321 (https://www.rfc-editor.org/rfc/rfc5321), RFC 1870 (SIZE), and Postfix's postscreen
 * (src/postscreen/postscreen_early.c).
 */
class SmtpProbeRfcTest {

    final FakeDns dns = new FakeDns().loopbackNamed("mx.example.test");

    TargetResult probe(FakeSmtpServer.Behaviour behaviour, UnaryOperator<SmtpProbeOptions.Builder> tweak)
            throws Exception {
        return probe(behaviour, tweak, ReplyDecoder.NONE);
    }

    TargetResult probe(FakeSmtpServer.Behaviour behaviour, UnaryOperator<SmtpProbeOptions.Builder> tweak,
                       ReplyDecoder decoder) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(behaviour)) {
            ProbeReport report = new SmtpProbe(dns, tweak.apply(SmtpProbeFakeServerTest.options(server)).build(),
                    decoder).probe(List.of("[mx.example.test]"), SmtpProbeListener.NONE, Cancellation.none());
            return report.targets().getFirst();
        }
    }

    /** The decoder the CLI and the app give the probe. */
    static final ReplyDecoder KNOWLEDGE_BASE = ReplyDecoder.of(StatusKnowledgeBase.standard());

    /** A server that sends {@code greeting} and hangs up, or answers QUIT when the greeting is a 554. */
    static FakeSmtpServer.Behaviour refusingGreeting(String greeting) {
        return c -> {
            c.send(greeting);
            // a server refusing at the greeting may hang up at once (421, postscreen's drop) or wait for QUIT
            if (greeting.startsWith("554") && c.readLine() != null) {
                c.send("221 2.0.0 Bye");
            }
        };
    }

    /**
     * A server that greets, answers EHLO with {@code ehlo} (one line), MAIL with {@code mail}, RCPT with
     * {@code rcpt} (or stays silent when that is empty), and everything else with 250.
     */
    static FakeSmtpServer.Behaviour answering(String ehlo, String mail, String rcpt) {
        return c -> {
            c.send("220 mx.example.test ESMTP");
            String line;
            while ((line = c.readLine()) != null) {
                String verb = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> c.send(ehlo);
                    case "MAIL" -> c.send(mail);
                    case "RCPT" -> {
                        if (rcpt.isEmpty()) {
                            c.silence();
                            return;
                        }
                        c.send(rcpt);
                    }
                    case "QUIT" -> {
                        c.send("221 2.0.0 Bye");
                        return;
                    }
                    default -> c.send("250 2.0.0 Ok");
                }
            }
        };
    }

    @Test
    void aTwoHundredCodeTheTableDoesNotListForEhloIsStillASuccess() throws Exception {
        // RFC 5321 §4.3.2: "SMTP clients SHOULD, when possible, interpret only the first digit of the reply and MUST
        // be prepared to deal with unrecognized reply codes by interpreting the first digit only."
        TargetResult r = probe(answering("252 mx.example.test greets you", "250 2.1.0 Ok", "250 2.1.5 Ok"),
                b -> b.rcpt(Optional.of("someone@example.test")));
        assertFalse(codes(r).contains(SmtpCodes.SMTP_EHLO_REJECTED), codes(r).toString());
        assertEquals(List.of("EHLO probe.mailpath.test", "MAIL FROM:<>", "RCPT TO:<someone@example.test>", "RSET",
                "QUIT"), clientLines(r), "no HELO fallback after a 2yz");
        finding(r, SmtpCodes.SMTP_RCPT_ACCEPTED);
    }

    @Test
    void aThreeHundredReplyToMailIsNoAcceptanceSoNoRcptFollows() throws Exception {
        // RFC 5321 §4.2.1: 3yz is "Positive Intermediate" (the command is held pending more information); the
        // success reply to MAIL is 250 (§4.3.2), so a transaction cannot go on to RCPT after it.
        TargetResult r = probe(answering("250 mx.example.test", "354 go ahead", "250 2.1.5 Ok"),
                b -> b.rcpt(Optional.of("someone@example.test")));
        Finding refused = finding(r, SmtpCodes.SMTP_MAIL_FROM_REJECTED);
        assertEquals("The server rejected MAIL FROM:<> (the null sender that bounces use): 354 go ahead",
                refused.message());
        assertEquals(List.of("EHLO probe.mailpath.test", "MAIL FROM:<>", "RSET", "QUIT"), clientLines(r));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Exchange when a transport service cannot take mail for now (Microsoft Q&A 2247914: "421 4.3.2 Service
        // not available"); RFC 5321 §4.2.1: 4yz is transient, "the action may be requested again"
        "421 4.3.2 Service not available|WARNING",
        // RFC 5321 §3.1 / §4.2.3: 554 at connection opening, "No SMTP service here"
        "554 5.7.1 No SMTP service here|ERROR",
        // Postfix smtpd's connection rate limit (src/smtpd/smtpd.c: "421 %s Error: too many connections from %s"):
        // a limit of the server, not a verdict on the client's address
        "421 mx.example.test Error: too many connections from 192.0.2.9|WARNING"})
    void aRefusingGreetingIsAWarningWhenTemporaryAndAnErrorWhenPermanent(String greeting, Severity severity)
            throws Exception {
        TargetResult r = probe(refusingGreeting(greeting), b -> b, KNOWLEDGE_BASE);
        Finding rejected = finding(r, SmtpCodes.SMTP_BANNER_REJECTED);
        assertEquals(severity, rejected.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, rejected.actor());
        assertEquals("The server greeted with a refusal instead of 220: " + greeting, rejected.message());
        assertEquals(List.of("QUIT"), clientLines(r), "§3.1: after a 554 greeting the client sends QUIT");
        assertFalse(codes(r).contains(SmtpCodes.SMTP_CONNECTION_DROPPED), codes(r).toString());
        assertFalse(codes(r).contains(SmtpCodes.SMTP_OK), codes(r).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Postfix postscreen, postscreen_dnsbl_action=drop: PS_DNSBL_FORMAT "%s 5.7.1 Service unavailable; client
        // [%s] blocked using %s" with "521", then hang up (postfix src/postscreen/postscreen_early.c)
        "521 5.7.1 Service unavailable; client [192.0.2.9] blocked using zen.spamhaus.org",
        // Postfix smtpd with smtpd_delay_reject=no sends a client restriction's refusal in place of the 220
        // greeting (vdukhovni/postfix postfix/src/smtpd/smtpd.c); reject_unknown_client_hostname's text
        // (postfix/src/smtpd/smtpd_check.c), with the default 450 and RFC 7372's 4.7.25
        "450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.9]"})
    void aGreetingThatRefusesThisComputersAddressIsAWarningForTheLocalNetwork(String greeting) throws Exception {
        // The same decision as for a refused RCPT: in the probe the refused IP is this computer's, not Salesforce's,
        // so neither the recipient's mail team nor the 5yz code makes it an error.
        TargetResult r = probe(refusingGreeting(greeting), b -> b, KNOWLEDGE_BASE);
        Finding refused = finding(r, SmtpCodes.SMTP_BANNER_REJECTED);
        assertEquals(Severity.WARNING, refused.severity());
        assertEquals(Actor.LOCAL_NETWORK, refused.actor());
        assertEquals("The server refused the address this computer connects from in its greeting, so the server"
                + " could not be tested: " + greeting, refused.message());
        assertEquals("This says nothing about mail from Salesforce, which comes from Salesforce's own IP addresses."
                + " To test the server, probe from a network whose IP address has a PTR record and a clean reputation"
                + " (a mail server rather than a home or office line), or compare with the server's reply in the"
                + " Email Log.", refused.remediation());
        assertEquals("Servern avvisade adressen som den här datorn ansluter från redan i sin hälsning, så servern"
                + " kunde inte testas: " + greeting, refused.message(Locale.of("sv")));
        assertTrue(refused.remediation(Locale.of("sv")).startsWith("Det säger inget om e-post från Salesforce"),
                refused.remediation(Locale.of("sv")));
        assertEquals(List.of("QUIT"), clientLines(r));
        assertEquals(List.of(SmtpCodes.SMTP_BANNER_REJECTED), codes(r), "no SMTP_OK, no dropped connection");
    }

    @Test
    void withoutAKnowledgeBaseARefusingGreetingKeepsItsCodesSeverity() throws Exception {
        // ReplyDecoder.NONE (allowed by SmtpProbe) cannot tell whose fault a reply is, so the first digit decides
        String greeting = "521 5.7.1 Service unavailable; client [192.0.2.9] blocked using zen.spamhaus.org";
        Finding rejected = finding(probe(refusingGreeting(greeting), b -> b), SmtpCodes.SMTP_BANNER_REJECTED);
        assertEquals(Severity.ERROR, rejected.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, rejected.actor());
    }

    @Test
    void postscreensTeaserGreetingIsAwaitedInSilenceToItsLastLine() throws Exception {
        // Postfix postscreen's pregreet test sends "220-" plus the banner, then waits to see whether the client
        // speaks before its turn (postscreen_early.c: ps_teaser_greeting = "220-%s\r\n"); RFC 5321 §4.3.1: the
        // sender SHOULD wait for the greeting before sending any commands.
        AtomicInteger earlyBytes = new AtomicInteger(-1);
        TargetResult r = probe(c -> {
            c.send("220-mx.example.test ESMTP");
            c.pause(Duration.ofMillis(400));
            earlyBytes.set(c.rawInput().available());
            c.send("220 mx.example.test ESMTP");
            String line;
            while ((line = c.readLine()) != null) {
                if (line.equals("QUIT")) {
                    c.send("221 2.0.0 Bye");
                    return;
                }
                c.send("250 mx.example.test");
            }
        }, b -> b);
        assertEquals(0, earlyBytes.get(), "nothing sent before the greeting's last line");
        assertEquals(List.of("EHLO probe.mailpath.test", "QUIT"), clientLines(r));
        assertFalse(codes(r).contains(SmtpCodes.SMTP_PROTOCOL_ERROR), codes(r).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SIZE -1", "SIZE +10240000", "SIZE 10M", "SIZE 99999999999999999999"})
    void aSizeParameterOtherThanDigitsNamesNoLimit(String extension) throws Exception {
        // RFC 1870 §3: "size-param ::= [1*DIGIT]"
        TargetResult r = probe(ScriptedSmtp.standard().extensions(extension, "8BITMIME"), b -> b);
        assertTrue(r.capabilities().has("SIZE"), r.capabilities().toString());
        assertEquals(OptionalLong.empty(), r.capabilities().sizeLimit());
        assertEquals("The server offers: SIZE, 8BITMIME; not: STARTTLS, SMTPUTF8, PIPELINING, CHUNKING, REQUIRETLS.",
                finding(r, SmtpCodes.SMTP_CAPABILITIES).message());
    }

    @Test
    void sizeWithoutAParameterAndSizeZeroStillReadAsTheRfcSays() {
        // RFC 1870 §3: "A parameter value of 0 (zero) indicates that no fixed maximum message size is in force. If
        // the parameter is omitted no information is conveyed about the server's fixed maximum message size"
        assertEquals(OptionalLong.empty(), Capabilities.parse(List.of("mx", "SIZE")).sizeLimit());
        assertEquals(OptionalLong.of(0), Capabilities.parse(List.of("mx", "size 0")).sizeLimit());
        assertEquals(OptionalLong.of(52428800), Capabilities.parse(List.of("mx", "SIZE 52428800")).sizeLimit());
    }

    @Test
    void noRcptReplyWithinAShortLimitIsAWarningThatTheRfcAllowsFiveMinutes() throws Exception {
        // RFC 5321 §4.5.3.2.3: "RCPT Command: 5 Minutes" (the least a client should wait)
        TargetResult r = probe(answering("250 mx.example.test", "250 2.1.0 Ok", ""),
                b -> b.commandTimeout(SHORT).rcpt(Optional.of("someone@example.test")));
        Finding timeout = finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
        assertEquals(Severity.WARNING, timeout.severity());
        assertEquals("No complete reply to RCPT TO within 0.3 s. RFC 5321 lets a sender wait 5 minutes for this"
                + " reply (a server may verify the address meanwhile), so the server may be slow rather than stalled.",
                timeout.message());
        assertTrue(timeout.remediation().startsWith("Repeat the probe with a longer reply limit"),
                timeout.remediation());
        assertTrue(timeout.message(Locale.of("sv")).startsWith("Inget fullständigt svar på RCPT TO inom 0.3 s."
                + " RFC 5321 låter en avsändare vänta i 5 minuter"), timeout.message(Locale.of("sv")));
    }

    @Test
    void noEhloReplyIsAnErrorWhateverTheLimitForEhloHasNoRfcMinimum() throws Exception {
        // §4.5.3.2 names minimum waits for the greeting, MAIL, RCPT and DATA, none for EHLO
        TargetResult r = probe(c -> {
            c.send("220 mx.example.test ESMTP");
            c.silence();
        }, b -> b.commandTimeout(SHORT));
        Finding timeout = finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
        assertEquals(Severity.ERROR, timeout.severity());
        assertEquals("No complete reply to EHLO within 0.3 s.", timeout.message());
    }

    @Test
    void aReplyTimeoutCutShortByTheConversationsCapShowsTheTimeActuallyWaited() throws Exception {
        // --timeout 20 s per reply, but the whole conversation may take only 1.5 s: the EHLO wait ends at the cap
        TargetResult r = probe(c -> {
            c.send("220 mx.example.test ESMTP");
            c.silence();
        }, b -> b.targetLimit(Duration.ofMillis(1500)));
        Finding timeout = finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
        assertEquals(Severity.ERROR, timeout.severity());
        double shown = waitedSeconds("No complete reply to EHLO within (\\d+\\.\\d) s\\.", timeout.message());
        // the cap less the connect and the greeting, never the 20 s that were not waited
        assertTrue(shown > 0.5 && shown <= 1.5, timeout.message());
    }

    @Test
    void aRcptWaitCutBelowFiveMinutesByTheCapIsTheRfcWarningWhateverTheReplyLimit() throws Exception {
        // RFC 5321 §4.5.3.2.3: 5 minutes for RCPT. A reply limit of 6 minutes is enough, but when the conversation's
        // cap ends the wait after a second the probe has not waited as the RFC allows either.
        TargetResult r = probe(answering("250 mx.example.test", "250 2.1.0 Ok", ""),
                b -> b.commandTimeout(Duration.ofMinutes(6)).targetLimit(Duration.ofMillis(1500))
                        .rcpt(Optional.of("someone@example.test")));
        Finding timeout = finding(r, SmtpCodes.SMTP_REPLY_TIMEOUT);
        assertEquals(Severity.WARNING, timeout.severity());
        double shown = waitedSeconds("No complete reply to RCPT TO within (\\d+\\.\\d) s\\. RFC 5321 lets a sender"
                + " wait 5 minutes for this reply \\(a server may verify the address meanwhile\\), so the server may"
                + " be slow rather than stalled\\.", timeout.message());
        assertTrue(shown > 0.5 && shown <= 1.5, timeout.message());
    }

    /** The seconds in a message that matches {@code regex} (one group: the number). */
    static double waitedSeconds(String regex, String message) {
        Matcher m = Pattern.compile(regex).matcher(message);
        assertTrue(m.matches(), message);
        return Double.parseDouble(m.group(1));
    }
}
