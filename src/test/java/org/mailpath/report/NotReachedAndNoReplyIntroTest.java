package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.report.IntroLogs.NO_RELAY;
import static org.mailpath.report.IntroLogs.forAllDomains;
import static org.mailpath.report.IntroLogs.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/**
 * The mail team's intro of a postmaster's review: a stale deferral that never reached their servers was told "what
 * stopped it is ours to correct: nothing is needed from you" and "no outcome in the log yet", beside a message that
 * said "blocked at your end"; and timed-out attempts at their server were introduced with "the exact reply your
 * servers gave", then "got no reply from it".
 */
class NotReachedAndNoReplyIntroTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final String TIMED_OUT = "451 4.4.1 [internal] Connection Timed Out";
    private static final String TLS_FAILED = "451 4.7.5 [internal] TLS negotiation failed";
    /** The Relay Address and Host of tlsbroken.example's mail server. */
    private static final String THEIR_MX = "\"192.0.2.150\",\"mx.tlsbroken.example\"";
    private static final String NO_SERVERS = "421 4.4.0 [internal] no mail servers for this domain could be reached"
            + " at this time";

    private static ReportModel model(Path dir, String name, String domain, Locale language, String... rows)
            throws Exception {
        return model(dir, name, domain, RelayHosts.none(), language, rows);
    }

    /** The report of {@code rows} for {@code domain}'s team, analysed with our Email Relay {@code relay} named. */
    private static ReportModel model(Path dir, String name, String domain, RelayHosts relay, Locale language,
                                     String... rows) throws Exception {
        return new ReportBuilder(IntroLogs.analysed(dir, name, relay, rows),
                ReportOptions.defaults().withDomains(Set.of(domain)).withLanguage(language)).build();
    }

    /**
     * The report of one message {@code id} to {@code recipient}, for its domain's team: received at {@code received},
     * then each attempt at {@code server} (its Relay Address and Host fields), given as its time, event, Delivery
     * Stage and status line.
     */
    private static ReportModel oneMessage(Path dir, String name, RelayHosts relay, Locale language, String recipient,
                                          String id, String received, String server, String[]... attempts)
            throws Exception {
        String[] rows = new String[attempts.length + 1];
        rows[0] = row(received, "R", recipient, id, "", NO_RELAY, "");
        for (int i = 0; i < attempts.length; i++) {
            String[] a = attempts[i];
            rows[i + 1] = row(a[0], a[1], recipient, id, a[2], server, a[3]);
        }
        return model(dir, name, recipient.substring(recipient.indexOf('@') + 1), relay, language, rows);
    }

    /** staleint.example: deferred at Salesforce's own server, its last T two days before the log's end. */
    private static ReportModel staleInternal(Path dir, Locale language) throws Exception {
        return model(dir, "staleint-" + language + ".csv", "staleint.example", language,
                row("11/16/2026 8:00:00", "R", "x@staleint.example", "B1", "", NO_RELAY, ""),
                row("11/16/2026 8:00:05", "T", "x@staleint.example", "B1", "while not connected", NO_RELAY,
                        NO_SERVERS),
                row("11/16/2026 8:05:05", "T", "x@staleint.example", "B1", "while not connected", NO_RELAY,
                        NO_SERVERS),
                row("11/18/2026 12:00:05", "D", "u@fine.example", "B6", "", "\"192.0.2.66\",\"mx.fine.example\"",
                        "250 2.0.0 Ok: queued"));
    }

    /**
     * The stale check is per message, not report-wide: a stale deferral whose own reply is ours (Salesforce's
     * out-of-band [oob] reply) beside a bounce that is ours ("No Valid Domain": check the address for typos) leaves
     * what stopped both ours to correct, and the intro says so. Before, any stale deferral in the report kept
     * "ours to correct" from being said. Each row keeps its own actor and advice.
     */
    @Test
    void aStaleDeferralOfOursBesideABounceOfOursLeavesBothOursToCorrect(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = model(dir, "staleours-" + language + ".csv", "ours.example", language,
                    row("11/16/2026 8:00:05", "T", "x@ours.example", "C1", "while not connected", NO_RELAY,
                            "421 4.4.0 [internal] [oob] deferred out of band"),
                    row("11/18/2026 8:00:05", "P", "y@ours.example", "C2", "while not connected", NO_RELAY,
                            "550 5.1.2 [internal] No Valid Domain"),
                    row("11/18/2026 12:00:05", "D", "u@fine.example", "C6", "", "\"192.0.2.66\",\"mx.fine.example\"",
                            "250 2.0.0 Ok: queued"));
            assertEquals(1, m.summary().staleDeferrals());
            assertEquals(2, m.summary().causes().size(), m.summary().causes().toString());
            assertTrue(m.summary().causes().stream().allMatch(c -> c.actor()
                    == org.mailpath.engine.finding.Actor.SENDER_ADMIN), m.summary().causes().toString());
            String intro = ReportWording.of(m).mailTeamIntro(m);
            String ours = language == SWEDISH ? "rättar vi det som stoppade dem: ni behöver inte göra något"
                    : "what stopped them is ours to correct: nothing is needed from you";
            assertTrue(intro.contains(ours), intro);
            // the stale one keeps its missing outcome's words, the bounce its reply's
            MessageEntry stale = m.recipientDomains().getFirst().messages().stream().filter(MessageEntry::stale)
                    .findFirst().orElseThrow();
            assertTrue(stale.remediation().contains(language == SWEDISH ? "Begär en logg" : "Request a log"),
                    stale.remediation());
        }
    }

    @Test
    void aStaleDeferralThatReachedNoServerOfTheirsIsNotOursToCorrectAndHasItsOutcomeMissing(@TempDir Path dir)
            throws Exception {
        ReportModel m = staleInternal(dir, Locale.ENGLISH);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertFalse(en.contains("ours to correct"), en);
        assertFalse(en.contains("nothing is needed from you"), en);
        assertFalse(en.contains("no outcome in the log yet"), en);
        assertTrue(en.startsWith("This message did not reach your mail servers: every attempt to deliver it ended at"
                + " Salesforce's own mail server, before any server of yours was reached, and it has no outcome in the"
                + " log although Salesforce stops retrying after 24 hours (its status lines are marked [internal])"),
                en);
        assertTrue(en.contains("What can help instead is a look at your domain's DNS"), en);

        ReportModel s = staleInternal(dir, SWEDISH);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertFalse(sv.contains("rättar vi"), sv);
        assertFalse(sv.contains("ännu"), sv);
        assertTrue(sv.contains("och det har inget utfall i loggen trots att Salesforce slutar försöka efter 24"
                + " timmar"), sv);
    }

    /** relay.example: every attempt at mx1.relay.example timed out, Salesforce logging its own status line. */
    private static ReportModel timedOut(Path dir, Locale language) throws Exception {
        return oneMessage(dir, "relay-" + language + ".csv", RelayHosts.none(), language, "a@relay.example", "C1",
                "11/16/2026 8:00:00", "\"192.0.2.25\",\"mx1.relay.example\"",
                new String[] {"11/16/2026 8:00:05", "T", "while not connected", TIMED_OUT},
                new String[] {"11/16/2026 8:30:05", "T", "while not connected", TIMED_OUT});
    }

    @Test
    void noReplyOfTheirServersIsSpokenOfWhereNoneReplied(@TempDir Path dir) throws Exception {
        ReportModel m = timedOut(dir, Locale.ENGLISH);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertFalse(en.contains("reply your servers gave"), en);
        assertTrue(en.startsWith("Please search your mail transport logs for these messages. No server of yours"
                + " replied to any attempt"), en);
        assertTrue(en.contains("Salesforce tried that server but got no reply from it"), en);

        ReportModel s = timedOut(dir, SWEDISH);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertFalse(sv.contains("exakt det svar"), sv);
        assertTrue(sv.contains("Ingen server hos er svarade på något försök"), sv);
    }

    /** tlsbroken.example: the TLS handshake with its server failed at every attempt, during STARTTLS. */
    private static ReportModel tlsBroken(Path dir, Locale language) throws Exception {
        return oneMessage(dir, "tls-" + language + ".csv", RelayHosts.none(), language, "x@tlsbroken.example", "D1",
                "11/16/2026 9:50:00", THEIR_MX,
                new String[] {"11/16/2026 9:50:00", "T", "during STARTTLS", TLS_FAILED},
                new String[] {"11/17/2026 9:50:00", "P", "during STARTTLS",
                        "554 5.4.7 [internal] exceeded max retries without delivery"});
    }

    /**
     * A reviewer's tlsbroken.example report told the team that no server of theirs replied and that Salesforce got
     * no reply from it, though the Delivery Stage said "during STARTTLS": their server answered, and the TLS
     * handshake failed. The intro says the conversation failed at that stage.
     */
    @Test
    void aConversationThatFailedAtStarttlsIsNoServerThatDidNotReply(@TempDir Path dir) throws Exception {
        ReportModel m = tlsBroken(dir, Locale.ENGLISH);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertFalse(en.contains("No server of yours replied"), en);
        assertFalse(en.contains("got no reply from it"), en);
        assertFalse(en.contains("reply your servers gave"), en);
        assertTrue(en.startsWith("Please search your mail transport logs for these messages. Your server answered"
                + " Salesforce, but the SMTP conversation then failed at the Delivery Stage the log names"), en);
        assertTrue(en.contains("(if it names STARTTLS or the TLS handshake: the handshake failed)"), en);

        ReportModel s = tlsBroken(dir, SWEDISH);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertFalse(sv.contains("Ingen server hos er svarade"), sv);
        assertFalse(sv.contains("fick inget svar därifrån"), sv);
        assertTrue(sv.contains("Er server svarade Salesforce"), sv);
        assertTrue(sv.contains("TLS-handskakningen misslyckades"), sv);
    }

    private static final RelayHosts OUR_RELAY = RelayHosts.of(List.of("smtp-relay.acme.example"));
    private static final String AT_OUR_RELAY = "\"198.51.100.7\",\"SMTP-Relay.acme.example.\"";

    /**
     * relayed.example, sent through our Email Relay: the TLS handshake from Salesforce to our relay failed, during
     * STARTTLS, and a later attempt at the relay timed out before it answered.
     */
    private static ReportModel failedAtOurRelay(Path dir, Locale language) throws Exception {
        return oneMessage(dir, "ourrelay-" + language + ".csv", OUR_RELAY, language, "x@relayed.example", "E1",
                "11/16/2026 9:50:00", AT_OUR_RELAY,
                new String[] {"11/16/2026 9:50:00", "T", "during STARTTLS", TLS_FAILED},
                new String[] {"11/16/2026 10:20:00", "T", "while not connected", TIMED_OUT});
    }

    /**
     * Our Email Relay is no server of theirs: a handshake with it that failed, or an attempt at it that timed out,
     * says nothing of their servers. The intro was "Your server answered Salesforce …" (and, with only the time-out,
     * "No server of yours replied …"), then the request to search their logs, with "A message refused before its
     * content was sent … never had its Message ID Header reach your server": every attempt was at our relay, which
     * took nothing, so the message is not in their logs and what stopped it is ours (case a: all at our relay).
     */
    @Test
    void failuresAtOurOwnRelayAreNoConversationWithTheirServers(@TempDir Path dir) throws Exception {
        ReportModel m = failedAtOurRelay(dir, Locale.ENGLISH);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.startsWith("This message has not reached your mail servers: every attempt to deliver it ended"
                + " at our own Email Relay (smtp-relay.acme.example), which did not take it, so your mail transport"
                + " logs will not have it. What stopped it is ours to look into, in the relay's own logs first:"
                + " nothing is needed from you."), en);
        assertFalse(en.contains("Your server answered Salesforce"), en);
        assertFalse(en.contains("that server answered"), en);
        assertFalse(en.contains("got no reply from it"), en);
        assertFalse(en.contains("refused before its content"), en);
        assertFalse(en.contains("your domain's DNS"), en);
        assertFalse(en.contains("Please search"), en);

        ReportModel s = failedAtOurRelay(dir, SWEDISH);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertFalse(sv.contains("Er server svarade Salesforce"), sv);
        assertFalse(sv.contains("fick inget svar därifrån"), sv);
        assertTrue(sv.startsWith("Det här meddelandet har inte nått era e-postservrar: varje försök att leverera det"
                + " slutade hos vårt eget e-postrelä (smtp-relay.acme.example), som inte tog emot det"), sv);
        assertTrue(sv.contains("ni behöver inte göra något"), sv);
        assertFalse(sv.contains("avvisades innan dess innehåll"), sv);
        assertFalse(sv.contains("Sök gärna"), sv);
    }

    /**
     * The report, with our Email Relay named, of two messages to x@ and y@{@code domain}, received at 9:50 and 9:55,
     * each tried once: {@code first} and {@code second} are that attempt's time, event, Delivery Stage, receiving
     * server (Relay Address and Host) and status line.
     */
    private static ReportModel twoMessages(Path dir, String name, String domain, Locale language, String[] first,
                                           String[] second) throws Exception {
        return model(dir, name, domain, OUR_RELAY, language,
                row("11/16/2026 9:50:00", "R", "x@" + domain, "M1", "", NO_RELAY, ""),
                row(first[0], first[1], "x@" + domain, "M1", first[2], first[3], first[4]),
                row("11/16/2026 9:55:00", "R", "y@" + domain, "M2", "", NO_RELAY, ""),
                row(second[0], second[1], "y@" + domain, "M2", second[2], second[3], second[4]));
    }

    /**
     * Case a, with the relay taking one message: that one may have reached them, so the request to search stands,
     * but the other, refused by our relay during STARTTLS, was refused on our side: "A message refused before its
     * content was sent … never had its Message ID Header reach your server" was said of it.
     */
    @Test
    void aRefusalAtOurOwnRelayIsNoneBeforeContentAtTheirServer(@TempDir Path dir) throws Exception {
        ReportModel m = twoMessages(dir, "ourrelay-took.csv", "relayed.example", Locale.ENGLISH,
                new String[] {"11/16/2026 9:50:00", "T", "during STARTTLS", AT_OUR_RELAY, TLS_FAILED},
                new String[] {"11/16/2026 9:55:01", "D", "", AT_OUR_RELAY, "250 2.0.0 Ok: queued"});
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.startsWith("Please search your mail transport logs for these Message ID Headers. Salesforce"
                + " logged each attempt with the exact reply it got, from your servers or from our Email Relay"), en);
        assertFalse(en.contains("refused before its content"), en);
        assertTrue(en.contains("We send through our own Email Relay (smtp-relay.acme.example)"), en);
    }

    /** mixed.example's server, which answers with replies of its own. */
    private static final String MIXED_MX = "\"192.0.2.160\",\"mx.mixed.example\"";

    /**
     * Case b, some attempts at our relay and some at their server: only theirs speak of their servers. Refused at
     * our relay during STARTTLS, one message was said to have been refused before its content reached their server,
     * though the one tried at their server got to DATA.
     */
    @Test
    void besideAttemptsAtTheirServerARefusalAtOurRelayIsNoneOfTheirs(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = twoMessages(dir, "mixed-" + language + ".csv", "mixed.example", language,
                    new String[] {"11/16/2026 9:50:00", "T", "during STARTTLS", AT_OUR_RELAY, TLS_FAILED},
                    new String[] {"11/16/2026 9:55:01", "T", "during DATA", MIXED_MX,
                            "451 4.3.0 Temporary local problem, try again later"});
            String intro = ReportWording.of(m).mailTeamIntro(m);
            assertFalse(intro.contains(language == SWEDISH ? "avvisades innan dess innehåll"
                    : "refused before its content"), intro);
            assertTrue(intro.contains(language == SWEDISH ? "från era servrar eller från vårt e-postrelä"
                    : "from your servers or from our Email Relay"), intro);
        }
    }

    /**
     * Case b where no server of theirs was tried: one message stopped at our relay (timed out), the other found no
     * server of theirs. Neither can be in their logs; the intro asked them to search anyway, because the relay's
     * line named a server. Now it says they are not there, and that the relay's attempts are ours to look into; not
     * the request's note on the relay's replies and the messages it accepted (a final reading: here there are none).
     */
    @Test
    void nothingAtTheirServersBesideOurRelayIsNotInTheirLogs(@TempDir Path dir) throws Exception {
        ReportModel m = twoMessages(dir, "mixed-none.csv", "mixed.example", Locale.ENGLISH,
                new String[] {"11/16/2026 9:50:05", "T", "while not connected", AT_OUR_RELAY, TIMED_OUT},
                new String[] {"11/16/2026 9:55:05", "T", "while not connected", NO_RELAY, NO_SERVERS});
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.startsWith("None of these messages has reached your mail servers"), en);
        assertTrue(en.contains("so your mail transport logs will not have them"), en);
        assertFalse(en.contains("Please search"), en);
        assertTrue(en.contains("Those that ended at our own Email Relay are ours to look into, in the relay's own logs"
                + " first."), en);
        assertFalse(en.contains("the reply was our relay's"), en);
    }

    /**
     * Case c, no attempt at our relay though the relay is named: their server's refusal before content, and a
     * message that found no server of theirs, keep their words (no relay words in the latter).
     */
    @Test
    void withNoAttemptAtOurRelayTheIntroIsAsWithoutIt(@TempDir Path dir) throws Exception {
        ReportModel refused = oneMessage(dir, "direct-rcpt.csv", OUR_RELAY, Locale.ENGLISH, "x@mixed.example", "L1",
                "11/16/2026 9:50:00", MIXED_MX,
                new String[] {"11/16/2026 9:50:01", "P", "during RCPT TO", "550 5.1.1 User unknown"});
        String en = ReportWording.of(refused).mailTeamIntro(refused);
        assertTrue(en.contains("A message refused before its content was sent"), en);
        ReportModel none = oneMessage(dir, "direct-none.csv", OUR_RELAY, Locale.ENGLISH, "x@mixed.example", "L2",
                "11/16/2026 9:50:00", NO_RELAY, new String[] {"11/16/2026 9:50:05", "T", "while not connected",
                        NO_SERVERS});
        String notReached = ReportWording.of(none).mailTeamIntro(none);
        assertTrue(notReached.startsWith("This message has not reached your mail servers: every attempt to deliver it"
                + " ended at Salesforce's own mail server"), notReached);
        assertFalse(notReached.contains("Email Relay"), notReached);
    }

    @Test
    void aTimeOutAtOurOwnRelayIsNoServerOfTheirsThatDidNotReply(@TempDir Path dir) throws Exception {
        ReportModel m = oneMessage(dir, "ourrelay-timeout.csv", OUR_RELAY, Locale.ENGLISH, "a@relayed.example", "F1",
                "11/16/2026 8:00:00", AT_OUR_RELAY,
                new String[] {"11/16/2026 8:00:05", "T", "while not connected", TIMED_OUT});
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertFalse(en.contains("No server of yours replied"), en);
        assertFalse(en.contains("got no reply from it"), en);
        assertTrue(en.contains("ended at our own Email Relay"), en);
    }

    /** In the relay mode a server of theirs the log names is still theirs: its failed handshake keeps its words. */
    @Test
    void aConversationThatFailedAtTheirServerIsSaidSoInTheRelayModeToo(@TempDir Path dir) throws Exception {
        ReportModel m = oneMessage(dir, "direct-tls.csv", OUR_RELAY, Locale.ENGLISH, "x@tlsbroken.example", "G1",
                "11/16/2026 9:50:00", THEIR_MX,
                new String[] {"11/16/2026 9:50:00", "T", "during STARTTLS", TLS_FAILED});
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.contains("Your server answered Salesforce"), en);
    }

    /** The review: relay.example's message said "the recipient's mail server" in a report that says "your". */
    @Test
    void aTimedOutMessageSpeaksOfYourMailServerToTheTeam(@TempDir Path dir) throws Exception {
        MessageEntry en = timedOut(dir, Locale.ENGLISH).recipientDomains().getFirst().messages().getFirst();
        assertEquals("Salesforce's mail server could not connect to your mail server (time-out or no reachable"
                + " host).", en.mailTeamExplanation());
        MessageEntry sv = timedOut(dir, SWEDISH).recipientDomains().getFirst().messages().getFirst();
        assertTrue(sv.mailTeamExplanation().contains("till er e-postserver"), sv.mailTeamExplanation());
    }

    /**
     * The review of the "all is well" paths: a report of one received-only message asked the team to "search your
     * mail transport logs for these Message ID Headers. Salesforce logged each attempt with the exact reply your
     * servers gave", then said no attempt to deliver it was logged. Nothing of it can be in their logs: the intro
     * says there is nothing to search for, and that the next step is ours.
     */
    @Test
    void aReceivedOnlyMessageIsNothingForTheTeamToSearchFor(@TempDir Path dir) throws Exception {
        ReportModel m = oneMessage(dir, "received-en.csv", RelayHosts.none(), Locale.ENGLISH, "a@contoso.example",
                "H1", "11/16/2026 8:00:00", NO_RELAY);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertEquals("This message has not reached your mail servers: Salesforce received it but had not yet handed"
                + " it to any mail server outside Salesforce when the log ended, and the log shows no attempt to"
                + " deliver it to one, so your mail transport logs will not have it yet and there is nothing for you"
                + " to search for. The next step is ours: a later log will show whether Salesforce handed it to such"
                + " a server, and to which. All times are UTC.", en);

        ReportModel s = oneMessage(dir, "received-sv.csv", RelayHosts.none(), SWEDISH, "a@contoso.example", "H1",
                "11/16/2026 8:00:00", NO_RELAY);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertTrue(sv.startsWith("Det här meddelandet har inte nått era e-postservrar"), sv);
        assertTrue(sv.contains("ni har inget att söka efter. Nästa steg är vårt"), sv);
        assertFalse(sv.contains("Sök gärna"), sv);
    }

    /** The same with the messages of several domains, each team told of its own: grouped first, as the request is. */
    @Test
    void receivedOnlyMessagesToSeveralDomainsAreNothingToSearchForEither(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = forAllDomains(dir, "received2-" + language + ".csv", RelayHosts.none(), language,
                    row("11/16/2026 8:00:00", "R", "a@contoso.example", "J1", "", NO_RELAY, ""),
                    row("11/16/2026 8:03:00", "R", "b@gmail.com", "J2", "", NO_RELAY, ""));
            assertTrue(ReportWording.forSeveralMailTeams(m));
            String intro = ReportWording.of(m).mailTeamIntro(m);
            assertTrue(intro.startsWith(language == SWEDISH ? "Till e-postteamen för domänerna nedan: meddelandena"
                    + " till varje domän står under domänens namn. Inget av de här meddelandena har nått era"
                    + " e-postservrar" : "For the mail teams of the domains below: the messages to each domain are"
                    + " listed under the domain's name. None of these messages has reached your mail servers"), intro);
            assertTrue(intro.contains(language == SWEDISH ? "ni har inget att söka efter"
                    : "there is nothing for you to search for"), intro);
            assertFalse(intro.contains(language == SWEDISH ? "Sök gärna" : "Please search"), intro);
        }
    }

    /**
     * Beside a message that was delivered, the request to search stands, for that one only: the received-only message
     * is left out of it, its next step ours. Before, "Please search … for these Message ID Headers" took in both.
     */
    @Test
    void besideADeliveredMessageTheSearchLeavesTheReceivedOnlyOneOut(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = model(dir, "received-mixed-" + language + ".csv", "contoso.example", language,
                    row("11/16/2026 8:00:00", "R", "a@contoso.example", "K1", "", NO_RELAY, ""),
                    row("11/16/2026 8:01:00", "R", "b@contoso.example", "K2", "", NO_RELAY, ""),
                    row("11/16/2026 8:01:02", "D", "b@contoso.example", "K2", "", MIXED_MX, "250 2.0.0 Ok: queued"));
            String intro = ReportWording.of(m).mailTeamIntro(m);
            assertTrue(intro.startsWith(language == SWEDISH ? "Sök gärna" : "Please search"), intro);
            assertTrue(intro.contains(language == SWEDISH ? "så de finns inte i era e-postserverloggar ännu, och"
                    + " sökningen gäller bara de andra meddelandena. Nästa steg för dem är vårt"
                    : "so your mail transport logs will not have them yet and the search is only for the other"
                    + " messages. The next step for these is ours"), intro);
        }
    }

    /**
     * The review: every message was delivered, the first attempts refused at RCPT TO (greylisting), yet the intro said
     * "A message refused before its content was sent … never had its Message ID Header reach your server". Said of a
     * message not delivered whose attempts at their server all stopped before DATA only.
     */
    @Test
    void anEarlierRefusalOfAMessageLaterDeliveredIsNoMessageRefusedBeforeContent(@TempDir Path dir)
            throws Exception {
        String greylisted = "451 4.7.1 <x@mixed.example>: Recipient address rejected: Greylisted";
        ReportModel delivered = oneMessage(dir, "retried-d.csv", RelayHosts.none(), Locale.ENGLISH, "x@mixed.example",
                "N1", "11/16/2026 8:40:00", MIXED_MX,
                new String[] {"11/16/2026 8:40:00", "T", "during RCPT TO", greylisted},
                new String[] {"11/16/2026 8:45:00", "D", "", "250 2.0.0 Ok: queued as 4F2001A"});
        String en = ReportWording.of(delivered).mailTeamIntro(delivered);
        assertFalse(en.contains("refused before its content"), en);
        assertFalse(en.contains("never had its Message ID Header"), en);
        // tried again up to DATA: its Message ID Header did reach them
        ReportModel atData = oneMessage(dir, "retried-p.csv", RelayHosts.none(), Locale.ENGLISH, "x@mixed.example",
                "N2", "11/16/2026 8:40:00", MIXED_MX,
                new String[] {"11/16/2026 8:40:00", "T", "during RCPT TO", greylisted},
                new String[] {"11/16/2026 8:45:00", "P", "during DATA", "554 5.7.1 Message rejected as spam"});
        String data = ReportWording.of(atData).mailTeamIntro(atData);
        assertFalse(data.contains("refused before its content"), data);
        // still deferred at RCPT TO: it keeps the hint
        ReportModel deferred = oneMessage(dir, "retried-t.csv", RelayHosts.none(), Locale.ENGLISH, "x@mixed.example",
                "N3", "11/16/2026 8:40:00", MIXED_MX,
                new String[] {"11/16/2026 8:40:00", "T", "during RCPT TO", greylisted},
                new String[] {"11/16/2026 8:45:00", "T", "during RCPT TO", greylisted});
        String still = ReportWording.of(deferred).mailTeamIntro(deferred);
        assertTrue(still.contains("A message refused before its content was sent"), still);
    }

    /**
     * Case b, no server of theirs tried: the attempts at our relay did not end "at Salesforce's own mail server", as
     * the first clause said of all of them; it names both places now, in English and Swedish, for deferrals and
     * bounces.
     */
    @Test
    void attemptsEndedAtOurRelayOrAtSalesforcesOwnServerAreSaidToHaveEndedAtEither(@TempDir Path dir)
            throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel deferred = twoMessages(dir, "either-t-" + language + ".csv", "mixed.example", language,
                    new String[] {"11/16/2026 9:50:05", "T", "while not connected", AT_OUR_RELAY, TIMED_OUT},
                    new String[] {"11/16/2026 9:55:05", "T", "while not connected", NO_RELAY, NO_SERVERS});
            String t = ReportWording.of(deferred).mailTeamIntro(deferred);
            assertTrue(t.startsWith(language == SWEDISH ? "Inget av de här meddelandena har nått era e-postservrar:"
                    + " varje försök att leverera dem slutade antingen hos vårt eget e-postrelä eller hos Salesforces"
                    + " egen e-postserver, innan någon server hos er nåddes, och de har inget utfall i loggen ännu"
                    : "None of these messages has reached your mail servers: each attempt to deliver them ended"
                    + " either at our own Email Relay or at Salesforce's own mail server, before any server of yours"
                    + " was reached, and they have no outcome in the log yet"), t);
            ReportModel bounced = twoMessages(dir, "either-p-" + language + ".csv", "mixed.example", language,
                    new String[] {"11/16/2026 9:50:05", "P", "while not connected", AT_OUR_RELAY,
                            "554 5.4.7 [internal] exceeded max retries without delivery"},
                    new String[] {"11/16/2026 9:55:05", "P", "while not connected", NO_RELAY,
                            "554 5.4.4 [internal] Domain Lookup Failed"});
            String p = ReportWording.of(bounced).mailTeamIntro(bounced);
            assertTrue(p.startsWith(language == SWEDISH ? "Inget av de här meddelandena nådde era e-postservrar:"
                    + " varje försök att leverera dem slutade antingen hos vårt eget e-postrelä eller hos Salesforces"
                    + " egen e-postserver, och Salesforce gav upp"
                    : "None of these messages reached your mail servers: each attempt to deliver them ended either at"
                    + " our own Email Relay or at Salesforce's own mail server, and Salesforce gave up on each of"
                    + " them before any server of yours was reached"), p);
        }
    }

    /**
     * A bounce that found no server of theirs beside a message received only: "None of these messages reached your
     * mail servers: Salesforce's own mail server gave up on each of them" counted the received-only one, never
     * attempted, among those Salesforce gave up on. The count and "each of them" are of the attempted messages now,
     * and the received-only one keeps its own sentence: not in their logs yet either, its next step ours.
     */
    @Test
    void aReceivedOnlyMessageBesideABounceIsNoneSalesforceGaveUpOn(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = model(dir, "bounce-received-" + language + ".csv", "litware.example", language,
                    row("11/16/2026 9:50:00", "R", "x@litware.example", "Q1", "", NO_RELAY, ""),
                    row("11/16/2026 9:50:05", "P", "x@litware.example", "Q1", "while not connected", NO_RELAY,
                            "554 5.4.4 [internal] Domain Lookup Failed"),
                    row("11/16/2026 9:55:00", "R", "y@litware.example", "Q2", "", NO_RELAY, ""));
            String intro = ReportWording.of(m).mailTeamIntro(m);
            if (language == SWEDISH) {
                assertTrue(intro.startsWith("Meddelandet som Salesforce försökte leverera nådde aldrig era"
                        + " e-postservrar: Salesforces egen e-postserver gav upp leveransen innan någon server hos er"
                        + " nåddes (statusraderna är märkta [internal]), så det finns inte i era e-postserverloggar."),
                        intro);
                assertFalse(intro.contains("vart och ett av dem"), intro);
                assertTrue(intro.contains("så de finns inte heller i era e-postserverloggar ännu, och ni har inget att"
                        + " söka efter. Nästa steg för dem är vårt"), intro);
            } else {
                assertTrue(intro.startsWith("The message Salesforce tried to deliver did not reach your mail servers:"
                        + " Salesforce's own mail server gave up on it before any server of yours was reached (its"
                        + " status lines are marked [internal]), so your mail transport logs will not have it."), intro);
                assertFalse(intro.contains("each of them"), intro);
                assertTrue(intro.contains("so your mail transport logs will not have them yet either, and there is"
                        + " nothing for you to search for. The next step for these is ours"), intro);
            }
        }
    }

    /**
     * The same beside attempts that all ended at our own Email Relay: one message, not two, ended there, and no word
     * of their DNS is said, the relay being ours.
     */
    @Test
    void aReceivedOnlyMessageBesideOneStoppedAtOurRelayIsNotCountedAmongTheRelays(@TempDir Path dir)
            throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = model(dir, "relay-received-" + language + ".csv", "relayed.example", OUR_RELAY, language,
                    row("11/16/2026 9:50:00", "R", "x@relayed.example", "S1", "", NO_RELAY, ""),
                    row("11/16/2026 9:50:05", "T", "x@relayed.example", "S1", "while not connected", AT_OUR_RELAY,
                            TIMED_OUT),
                    row("11/16/2026 9:55:00", "R", "y@relayed.example", "S2", "", NO_RELAY, ""));
            String intro = ReportWording.of(m).mailTeamIntro(m);
            assertTrue(intro.startsWith(language == SWEDISH ? "Meddelandet som Salesforce försökte leverera har inte"
                    + " nått era e-postservrar: varje försök att leverera det slutade hos vårt eget e-postrelä"
                    : "The message Salesforce tried to deliver has not reached your mail servers: every attempt to"
                    + " deliver it ended at our own Email Relay"), intro);
            assertFalse(intro.contains("DNS"), intro);
        }
    }

    /**
     * Case b, no server of theirs tried, some attempts at our relay: "What can help instead is a look at your
     * domain's DNS" was said of all of them, though those at our relay failed on our side. The DNS is said to matter
     * for the attempts that ended at Salesforce's own mail server only, and the relay's to be ours.
     */
    @Test
    void besideAttemptsAtOurRelayTheirDnsIsSaidToMatterForTheOthersOnly(@TempDir Path dir) throws Exception {
        for (Locale language : new Locale[] {Locale.ENGLISH, SWEDISH}) {
            ReportModel m = twoMessages(dir, "dns-either-" + language + ".csv", "mixed.example", language,
                    new String[] {"11/16/2026 9:50:05", "P", "while not connected", AT_OUR_RELAY,
                            "554 5.4.7 [internal] exceeded max retries without delivery"},
                    new String[] {"11/16/2026 9:55:05", "P", "while not connected", NO_RELAY,
                            "554 5.4.4 [internal] Domain Lookup Failed"});
            String intro = ReportWording.of(m).mailTeamIntro(m);
            if (language == SWEDISH) {
                assertFalse(intro.contains("Det som kan hjälpa är i stället en genomgång av er domäns DNS"), intro);
                assertTrue(intro.contains("För de försök som slutade hos Salesforces egen e-postserver kan en"
                        + " genomgång av er domäns DNS hjälpa"), intro);
                assertTrue(intro.contains("De försök som slutade hos vårt eget e-postrelä undersöker vi"), intro);
            } else {
                assertFalse(intro.contains("What can help instead is a look at your domain's DNS"), intro);
                assertTrue(intro.contains("For the attempts that ended at Salesforce's own mail server, a look at your"
                        + " domain's DNS can help, as the causes in this report say"), intro);
                assertTrue(intro.contains("Those that ended at our own Email Relay are ours to look into"), intro);
            }
        }
    }
}
