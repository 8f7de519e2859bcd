package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The Email Relay mode: with the org's relay named, a chain whose outcome (or last deferral) went to it was handed to
 * our relay, its refusals and outages of the server or connection are our admin's, in the relay's words; a refusal
 * of the recipient's address keeps its meaning. Without the mode, one Relay Host that took mail for three or more
 * recipient domains and is no shared provider's is pointed out.
 */
class EmailRelayModeTest {

    private static final String HEADER = "\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Sender\","
            + "\"Remote Host\",\"Bytes Transferred\",\"User ID\",\"Message ID Header\",\"Retry Count\","
            + "\"Seconds in Queue\",\"Delivery Stage\",\"Relay Address\",\"Relay Host\",\"Delivery Status\","
            + "\"TLS_Cipher\",\"TLS_Verified\"";
    private static final String RELAY = "smtp-relay.acme.example";
    private static final String RELAY_IP = "198.51.100.25";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @TempDir
    Path dir;

    private static String row(String time, String event, String to, String id, String stage, String address,
                              String host, String status, String cipher) {
        return String.join(",", List.of(time, "16/A4-" + id, event, to, "support@acme.example", "10.0.0.1", "11856",
                "0055g0000000000AAA", id + "@sfdc.example", "0", "0", stage, address, host, status, cipher, "")
                .stream().map(v -> "\"" + v + "\"").toList());
    }

    private static List<String> delivered(String to, String id, String host, String address) {
        return List.of(row("11/16/2026 8:00:00", "R", to, id, "", "", "", "", ""),
                row("11/16/2026 8:00:05", "D", to, id, "", address, host, "250 2.0.0 Ok: queued", "TLSv1.3:X"));
    }

    private static List<String> refused(String to, String id, String status, String stage) {
        return List.of(row("11/16/2026 8:01:00", "R", to, id, "", "", "", "", ""),
                row("11/16/2026 8:01:01", "P", to, id, stage, RELAY_IP, RELAY, status, ""));
    }

    /**
     * A message our relay deferred while it was down and then while no mail server could be reached: its R and the
     * relay's two T rows, then {@code outcome}.
     */
    private static List<String> relayOutageThen(String to, String id, String outcome) {
        return List.of(row("11/15/2026 8:07:00", "R", to, id, "", "", "", "", ""),
                row("11/15/2026 8:07:01", "T", to, id, "while not connected", RELAY_IP, RELAY,
                        "451 4.4.0 relay down", ""),
                row("11/15/2026 9:07:01", "T", to, id, "", RELAY_IP, RELAY,
                        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", ""),
                outcome);
    }

    private LogAnalysis analyse(RelayHosts relay, List<List<String>> chains) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        chains.forEach(c -> c.forEach(r -> csv.append(r).append('\n')));
        Path log = dir.resolve("relay.csv");
        Files.writeString(log, csv, StandardCharsets.UTF_8);
        return new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    private static MessageChain chain(LogAnalysis a, String recipient) {
        return a.chains().stream().filter(c -> c.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    @Test
    void hostNamesMatchWhateverTheirCaseAndTrailingDotAndAddressesTheRelayAddress() {
        RelayHosts relay = RelayHosts.of(List.of("SMTP-Relay.Acme.Example.", "[2001:db8::25]", "198.51.100.25"));
        assertTrue(relay.took("smtp-relay.acme.example", ""));
        assertTrue(relay.took("smtp-relay.ACME.example.", "203.0.113.9"));
        assertTrue(relay.took("", "198.51.100.25"));
        assertTrue(relay.took("other.example", "2001:DB8:0::25"));
        assertFalse(relay.took("aspmx.l.google.com", "203.0.113.9"));
        assertFalse(relay.took("relay.acme.example", ""));
        assertEquals(List.of("smtp-relay.acme.example", "2001:db8:0:0:0:0:0:25", "198.51.100.25"), relay.given());
        assertTrue(RelayHosts.of(List.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> RelayHosts.of(List.of("bad host")));
        assertThrows(IllegalArgumentException.class, () -> RelayHosts.of(List.of("")));
    }

    @Test
    void anInternationalisedRelayNameIsTakenInTheAsciiFormALogWrites() {
        RelayHosts relay = RelayHosts.of(List.of("Relä.Bücher.Example"));
        assertEquals(List.of("xn--rel-sla.xn--bcher-kva.example"), relay.given());
        assertTrue(relay.took("xn--rel-sla.xn--bcher-kva.example.", ""));
        assertThrows(IllegalArgumentException.class, () -> RelayHosts.of(List.of("a..example")));
        assertThrows(IllegalArgumentException.class, () -> RelayHosts.of(List.of("-relay.example")));
    }

    @Test
    void addressLiteralsAreParsedAlikeForTheRelayAndForOlderExportsHandOffs() {
        // the relay may be named in a short IPv4 form; a log's Relay Address is judged in the forms a log writes
        assertEquals(Optional.of("10.0.0.1"), RelayHosts.address("10.1").map(java.net.InetAddress::getHostAddress));
        assertEquals(Optional.empty(), IpLiterals.of("10.1", true));
        assertEquals(Optional.of("2001:db8:0:0:0:0:0:25"),
                IpLiterals.of("[2001:db8::25]", true).map(java.net.InetAddress::getHostAddress));
        assertEquals(Optional.empty(), RelayHosts.address("mx.example"));
        assertTrue(InternalHandoff.byRelayAddress("", " [10.2.3.4] "));
        assertFalse(InternalHandoff.byRelayAddress("", "8.8.4.4"));
        assertFalse(InternalHandoff.byRelayAddress("", "deadbeef"));
    }

    @Test
    void aDeliveryToTheRelayIsAHandOffToOurRelayAndOneElsewhereIsNot() throws Exception {
        LogAnalysis a = analyse(RelayHosts.of(List.of(RELAY)), List.of(
                delivered("alice@contoso.example", "m1", RELAY, RELAY_IP),
                delivered("carol@other.example", "m2", "mx.other.example", "203.0.113.7")));
        assertTrue(a.relayMode());
        assertTrue(a.viaRelay(chain(a, "alice@contoso.example")));
        assertFalse(a.viaRelay(chain(a, "carol@other.example")));
        assertEquals(Verdict.DELIVERED, chain(a, "alice@contoso.example").verdict());
    }

    @Test
    void relayRefusalsOfTheServerOrConnectionAreOurAdminsInTheRelaysWords() throws Exception {
        RelayHosts relay = RelayHosts.of(List.of(RELAY_IP));
        LogAnalysis a = analyse(relay, List.of(
                refused("bob@contoso.example", "m1", "550 5.7.1 Relaying denied", "during RCPT TO"),
                refused("frank@fabrikam.example", "m2", "530 5.7.0 Must issue a STARTTLS command first",
                        "during MAIL FROM"),
                refused("grace@northwind.example", "m3", "535 5.7.8 Error: authentication failed", "after EHLO")));
        for (String to : List.of("bob@contoso.example", "frank@fabrikam.example", "grace@northwind.example")) {
            MessageChain c = chain(a, to);
            assertTrue(a.viaRelay(c), to);
            assertEquals(Optional.of(Actor.SENDER_ADMIN), c.actor(), to);
            assertTrue(c.explanation(Locale.ROOT).orElseThrow().startsWith("Our Email Relay"), to);
            assertTrue(c.explanation(SWEDISH).orElseThrow().startsWith("Vårt e-postrelä"), to);
            assertFalse(c.remediation(Locale.ROOT).orElseThrow().contains("recipient's mail team"), to);
        }
        assertEquals(Category.REMOTE_SERVER, chain(a, "bob@contoso.example").category().orElseThrow());
        assertEquals(Category.TLS, chain(a, "frank@fabrikam.example").category().orElseThrow());
        // the same log without the mode reads the first refusal as the recipient's server's
        LogAnalysis plain = analyse(RelayHosts.none(), List.of(
                refused("bob@contoso.example", "m1", "550 5.7.1 Relaying denied", "during RCPT TO")));
        assertEquals(Optional.of(Actor.RECIPIENT_MAIL_TEAM), chain(plain, "bob@contoso.example").actor());
        assertFalse(plain.viaRelay(chain(plain, "bob@contoso.example")));
    }

    /**
     * A reviewer's relay-auth.csv: SPF, reverse-DNS and DMARC refusals by our relay were told to compare the relay's
     * user name and password. Those are the relay's sender checks of Salesforce's connections: the words name both
     * readings of the reply, the login and the sender checks, with the fix of each.
     */
    @Test
    void aSenderCheckRefusalByTheRelayIsNotToldToChangeThePasswordAlone() throws Exception {
        RelayHosts relay = RelayHosts.of(List.of(RELAY_IP));
        LogAnalysis a = analyse(relay, List.of(
                refused("c@gmail.example", "s1", "550 5.7.1 SPF check failed", "after DATA"),
                refused("e@gmail.example", "s2", "550 5.7.1 Client host rejected: cannot find your reverse hostname,"
                        + " [136.147.62.207]", "after RCPT TO"),
                refused("f@gmail.example", "s3", "550 5.7.1 Message rejected due to DMARC policy", "after DATA"),
                refused("g@gmail.example", "s4", "535 5.7.8 Error: authentication failed", "after EHLO")));
        for (String to : List.of("c@gmail.example", "e@gmail.example", "f@gmail.example", "g@gmail.example")) {
            MessageChain c = chain(a, to);
            assertEquals(Category.AUTHENTICATION, c.category().orElseThrow(), to);
            assertEquals(Optional.of(Actor.SENDER_ADMIN), c.actor(), to);
            String en = c.remediation(Locale.ROOT).orElseThrow();
            assertTrue(en.contains("user name and password"), en);
            assertTrue(en.contains("a new password will not help"), en);
            assertTrue(en.contains("accept Salesforce's sending IP ranges"), en);
            assertTrue(en.contains("include:_spf.salesforce.com"), en);
            assertTrue(c.explanation(Locale.ROOT).orElseThrow().contains("reverse DNS (PTR), DMARC"), to);
            String sv = c.remediation(SWEDISH).orElseThrow();
            assertTrue(sv.contains("hjälper inget nytt lösenord"), sv);
            assertTrue(sv.contains("godtar Salesforces sändande IP-adresser"), sv);
        }
    }

    @Test
    void anOutageOfTheRelayUntilExpiryIsOursNotTheRecipientDomainsDns() throws Exception {
        String to = "ivan@gmail.com";
        LogAnalysis a = analyse(RelayHosts.of(List.of(RELAY)), List.of(relayOutageThen(to, "m9",
                row("11/16/2026 8:07:05", "P", to, "m9", "", RELAY_IP, RELAY,
                        "554 5.4.7 [internal] exceeded max time without delivery", ""))));
        MessageChain c = chain(a, to);
        assertEquals(Verdict.BOUNCED, c.verdict());
        assertTrue(a.viaRelay(c));
        assertEquals(Optional.of(Actor.SENDER_ADMIN), c.actor());
        assertTrue(c.explanation(Locale.ROOT).orElseThrow().contains("our Email Relay"));
        assertTrue(c.diagnosis().map(Diagnosis::ruleId).orElseThrow().startsWith("relay."));
    }

    @Test
    void anExpiryWithoutRelayHostAfterDeferralsByTheRelayWentViaTheRelayByTheJudgesOwnRule() throws Exception {
        String to = "jan@gmail.com";
        // Salesforce's own expiry row names no host: the cause was read from the last T, the relay's
        LogAnalysis a = analyse(RelayHosts.of(List.of(RELAY)), List.of(relayOutageThen(to, "m10",
                row("11/16/2026 8:07:05", "P", to, "m10", "", "", "",
                        "554 5.4.7 [internal] exceeded max time without delivery", ""))));
        MessageChain c = chain(a, to);
        assertEquals(Verdict.BOUNCED, c.verdict());
        assertTrue(c.diagnosis().map(Diagnosis::ruleId).orElseThrow().startsWith("relay."));
        assertTrue(a.viaRelay(c), "judged as the relay's, so it went via the relay");
        // a P of its own (no expiry) without Relay Host after the relay's deferrals: not via the relay, and not
        // judged as the relay's either
        String other = "kim@gmail.com";
        LogAnalysis b = analyse(RelayHosts.of(List.of(RELAY)), List.of(List.of(
                row("11/15/2026 8:07:00", "R", other, "m11", "", "", "", "", ""),
                row("11/15/2026 8:07:01", "T", other, "m11", "", RELAY_IP, RELAY, "451 4.4.0 relay down", ""),
                row("11/15/2026 9:07:01", "P", other, "m11", "during RCPT TO", "203.0.113.5", "mx.gmail.example",
                        "550 5.1.1 The email account that you tried to reach does not exist", ""))));
        MessageChain d = chain(b, other);
        assertFalse(b.viaRelay(d));
        assertFalse(d.diagnosis().map(Diagnosis::ruleId).orElseThrow().startsWith("relay."));
    }

    @Test
    void aDeferralByTheRelayTellsThatSalesforceRetries() throws Exception {
        String to = "heidi@contoso.example";
        LogAnalysis a = analyse(RelayHosts.of(List.of(RELAY)), List.of(List.of(
                row("11/16/2026 8:07:00", "R", to, "m8", "", "", "", "", ""),
                row("11/16/2026 8:07:01", "T", to, "m8", "reading BANNER", RELAY_IP, RELAY,
                        "451 4.4.0 relay temporarily unavailable, try again later", ""))));
        MessageChain c = chain(a, to);
        assertEquals(Verdict.DEFERRED, c.verdict());
        assertEquals(Optional.of(Actor.SENDER_ADMIN), c.actor());
        assertTrue(c.remediation(Locale.ROOT).orElseThrow().contains("retries the message for up to 24 hours"));
    }

    @Test
    void aRefusalOfTheRecipientsAddressKeepsItsMeaning() throws Exception {
        String to = "nobody@contoso.example";
        LogAnalysis a = analyse(RelayHosts.of(List.of(RELAY)), List.of(
                refused(to, "m7", "550 5.1.1 <nobody@contoso.example>: Recipient address rejected: User unknown",
                        "during RCPT TO")));
        MessageChain c = chain(a, to);
        assertTrue(a.viaRelay(c));
        assertEquals(Category.RECIPIENT, c.category().orElseThrow());
        assertFalse(c.diagnosis().orElseThrow().ruleId().startsWith("relay."));
    }

    @Test
    void oneHostTakingMailForThreeDomainsIsPointedOutWithoutTheMode() throws Exception {
        List<List<String>> chains = List.of(delivered("a@one.example", "m1", RELAY, RELAY_IP),
                delivered("b@two.example", "m2", RELAY, RELAY_IP),
                delivered("c@three.example", "m3", RELAY + ".", RELAY_IP));
        LogAnalysis a = analyse(RelayHosts.none(), chains);
        List<FileProblem> hints = a.problems().stream().filter(p -> p.message().contains("--relay-host")).toList();
        assertEquals(1, hints.size());
        assertTrue(hints.getFirst().message().startsWith("Relay Host " + RELAY + " took mail for 3 recipient domains"));
        assertFalse(hints.getFirst().rejected());
        assertTrue(hints.getFirst().message(SWEDISH).contains("mottagardomäner"));
        // told of the relay, or a shared provider's MX, or two domains only: no hint
        assertEquals(List.of(), analyse(RelayHosts.of(List.of(RELAY)), chains).problems());
        assertEquals(List.of(), analyse(RelayHosts.none(), List.of(
                delivered("a@one.example", "m1", "aspmx.l.google.com", "203.0.113.1"),
                delivered("b@two.example", "m2", "ASPMX.L.GOOGLE.COM.", "203.0.113.1"),
                delivered("c@three.example", "m3", "aspmx.l.google.com", "203.0.113.1"))).problems());
        assertEquals(List.of(), analyse(RelayHosts.none(), chains.subList(0, 2)).problems());
        assertTrue(RelayHostHint.sharedProvider("contoso-com.mail.protection.outlook.com"));
        assertFalse(RelayHostHint.sharedProvider("notgoogle.com"));
    }

    @Test
    void aNamedRelayNoRowWentToIsPointedOutAndTheHintKept() throws Exception {
        List<List<String>> chains = List.of(delivered("a@one.example", "m1", RELAY, RELAY_IP),
                delivered("b@two.example", "m2", RELAY, RELAY_IP),
                delivered("c@three.example", "m3", RELAY, RELAY_IP));
        LogAnalysis a = analyse(RelayHosts.of(List.of("smtp-relay.acme.exmaple", "192.0.2.7")), chains);
        List<String> messages = a.problems().stream().map(FileProblem::message).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.getFirst().contains("Email Relay named as smtp-relay.acme.exmaple, 192.0.2.7"),
                messages.toString());
        assertTrue(messages.get(1).startsWith("Relay Host " + RELAY + " took mail for 3 recipient domains"));
        assertTrue(a.problems().getFirst().message(SWEDISH).contains("angivna e-postreläet"));
        assertFalse(a.problems().getFirst().rejected());
        // one given value matched (by address), the mistyped name not: the name is said, the relay's host not hinted
        LogAnalysis b = analyse(RelayHosts.of(List.of("smtp-relay.acme.exmaple", RELAY_IP)), chains);
        assertFalse(b.problems().getFirst().message().contains(RELAY_IP), b.problems().toString());
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertTrue(b.problems().getFirst().message().contains("named as smtp-relay.acme.exmaple (by"));
        // the relay's host, named by name in another case: seen
        assertEquals(List.of(), analyse(RelayHosts.of(List.of("SMTP-RELAY.acme.example.")), chains).problems());
    }

    @Test
    void aRelayOnlyAnEarlierRowWentToIsSeen() throws Exception {
        // seen means any row's Relay Host or Address, not only the one a verdict was read from
        List<String> chain = List.of(row("11/16/2026 8:00:00", "R", "a@one.example", "m1", "", "", "", "", ""),
                row("11/16/2026 8:00:05", "T", "a@one.example", "m1", "", RELAY_IP, "Relä.Acme.Example",
                        "451 4.4.1 try later", ""),
                row("11/16/2026 8:10:05", "D", "a@one.example", "m1", "", "203.0.113.1", "mx.one.example",
                        "250 2.0.0 Ok", "TLSv1.3:X"));
        LogAnalysis a = analyse(RelayHosts.of(List.of("xn--rel-sla.acme.example", RELAY_IP)), List.of(chain));
        assertEquals(List.of(), a.problems());
        assertFalse(a.viaRelay(a.chains().getFirst()));
        LogAnalysis b = analyse(RelayHosts.of(List.of("other-relay.acme.example", "192.0.2.7")), List.of(chain));
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertTrue(b.problems().getFirst().message().contains("named as other-relay.acme.example, 192.0.2.7"),
                b.problems().toString());
    }

    @Test
    void whatEachHalfOfALogReadInParallelSawCounts() throws Exception {
        // the relay's name only in the first rows, its address only in the last: each half sees one of them
        List<List<String>> chains = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean early = i < 20;
            chains.add(delivered("u" + i + "@d" + i + ".example", "m" + i, early ? RELAY : "mx.d" + i + ".example",
                    early ? "203.0.113.9" : RELAY_IP));
        }
        RelayHosts relay = RelayHosts.of(List.of(RELAY, RELAY_IP, "relay2.acme.example"));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        chains.forEach(c -> c.forEach(r -> csv.append(r).append('\n')));
        Path log = dir.resolve("halves.csv");
        Files.writeString(log, csv, StandardCharsets.UTF_8);
        for (long splitMinBytes : new long[] {0, Long.MAX_VALUE}) {
            LogAnalysis a = new EmailLogAnalyzer(StatusKnowledgeBase.standard(),
                    new EmailLogReader(LogLimits.DEFAULT, splitMinBytes)).withRelayHosts(relay)
                    .analyze(log, ProgressListener.NONE, Cancellation.none());
            List<String> messages = a.problems().stream().map(FileProblem::message).toList();
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.getFirst().contains("named as relay2.acme.example (by"), messages.toString());
            assertEquals(40, a.chains().stream().filter(a::viaRelay).count());
        }
    }

    @Test
    void anInternationalisedRelayNameMatchesInEitherForm() {
        // given in Unicode, the log in ASCII; given in ASCII, the log in Unicode (any case, a trailing dot)
        RelayHosts unicode = RelayHosts.of(List.of("relä.example"));
        assertEquals(List.of("xn--rel-sla.example"), unicode.given());
        assertTrue(unicode.took("xn--rel-sla.example", ""));
        assertTrue(unicode.took("XN--REL-SLA.example.", ""));
        assertTrue(unicode.took("relä.example", ""));
        RelayHosts ascii = RelayHosts.of(List.of("xn--rel-sla.example"));
        assertTrue(ascii.took("relä.example", ""));
        assertTrue(ascii.took("RELÄ.Example.", ""));
        assertTrue(ascii.took("xn--rel-sla.example", ""));
        assertFalse(ascii.took("rela.example", ""));
        assertFalse(unicode.took("relä.example.org", ""));
    }

    @Test
    void anIpv4LookingValueThatIsNoAddressIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelayHosts.of(List.of("198.51.100.256")));
        assertTrue(e.getMessage().contains("'198.51.100.256' is not an IPv4 address"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RelayHosts.of(List.of("192.0.2.1.5")));
        assertEquals(List.of("198.51.100.255"), RelayHosts.of(List.of("198.51.100.255")).given());
        assertEquals(List.of("relay1.acme.example"), RelayHosts.of(List.of("relay1.acme.example")).given());
    }

    @Test
    void theRelaysWordsSayYourOfNothing() {
        Pattern english = Pattern.compile("(?i)\\byours?\\b");
        Pattern swedish = Pattern.compile("(?iU)(?<![\\p{L}-])(er|ert|era)(?![\\p{L}-])");
        for (Category category : org.mailpath.engine.status.RelayDiagnoses.OF_THE_RELAY) {
            Diagnosis d = org.mailpath.engine.status.RelayDiagnoses.of(
                    new Diagnosis(category, "x", "y", Actor.RECIPIENT_MAIL_TEAM, "test"));
            for (String text : List.of(d.explanation(Locale.ROOT), d.bouncedRemediation(Locale.ROOT),
                    d.deferredRemediation(Locale.ROOT))) {
                assertFalse(english.matcher(text).find(), text);
            }
            for (String text : List.of(d.explanation(SWEDISH), d.bouncedRemediation(SWEDISH),
                    d.deferredRemediation(SWEDISH))) {
                assertFalse(swedish.matcher(text).find(), text);
                assertFalse(text.equals(d.explanation(Locale.ROOT)), "untranslated: " + text);
            }
        }
    }
}
