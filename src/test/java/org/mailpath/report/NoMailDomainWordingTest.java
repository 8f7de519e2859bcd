package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * The sample log's domains that no mail can reach, checked by the standard checks against a DNS like the loopback
 * test world's (SampleDnsWorld: oldcorp.example has a zone without MX or A at its apex; fullbox.example,
 * gone.example and nullmx.example have none, so are NXDOMAIN): each case says one thing with one actor in the
 * conclusion, the causes, the intro and the message block, and a reply of the domain's own server keeps its advice.
 */
class NoMailDomainWordingTest {

    private static final List<String> DOMAINS =
            List.of("fullbox.example", "gone.example", "nullmx.example", "oldcorp.example");
    private static final ReportWording EN = ReportWording.of(ReportTexts.english());

    private static LogAnalysis sample() throws Exception {
        return new EmailLogAnalyzer().analyze(Path.of("assets/samples/sample-email-log.csv"), ProgressListener.NONE,
                Cancellation.none());
    }

    private static CheckReport checks() {
        FakeDns dns = FakeDns.of("oldcorp.example. SOA ns1.acme.example. h.acme.example. 1 3600 600 86400 300\n"
                + "www.oldcorp.example. A 192.0.2.90\n");
        return new ConcurrentDomainChecker(DomainCheckers.standardChecks(), o -> dns).check(
                DOMAINS.stream().map(d -> new CheckRequest(d, EnumSet.of(CheckKind.MX))).toList(),
                CheckOptions.defaults(), CheckListener.NONE, Cancellation.none());
    }

    private static ReportModel toTeam(LogAnalysis a, String domain, CheckReport checks) {
        ReportBuilder b = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of(domain)));
        return (checks == null ? b : b.checks(checks)).build();
    }

    /** A row as Salesforce writes one that reached no server: no relay, "while not connected". */
    private static String notConnected(String row) {
        return LogFixtures.with(LogFixtures.with(LogFixtures.with(row, 11, "while not connected"), 12, ""), 13, "");
    }

    private static MessageEntry only(ReportModel m) {
        return m.recipientDomains().getFirst().messages().getFirst();
    }

    @Test
    void aFullMailboxRepliedByTheDomainsOwnServerKeepsItsAdviceWithANote() throws Exception {
        ReportModel m = toTeam(sample(), "fullbox.example", checks());
        MessageEntry e = only(m);
        assertEquals("mx.fullbox.example", e.relayHost());
        assertFalse(e.remediation().contains("Correct the address"), e.remediation());
        assertFalse(e.mailTeamRemediation().contains("no mail servers of it to look at"), e.mailTeamRemediation());
        assertTrue(e.mailTeamRemediation().contains("please ask the recipient to free space"),
                e.mailTeamRemediation());
        assertTrue(e.mailTeamRemediation().endsWith("find that fullbox.example no longer exists (NXDOMAIN): it may"
                + " have lapsed since."), e.mailTeamRemediation());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, e.actor());
        assertTrue(m.conclusion().contains("because the mailbox is full"), m.conclusion());
    }

    @Test
    void eachDomainSaysOneThingWithOneActor() throws Exception {
        LogAnalysis a = sample();
        CheckReport checks = checks();

        ReportModel oldcorp = toTeam(a, "oldcorp.example", checks);
        MessageEntry old = only(oldcorp);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, old.actor());
        assertFalse(old.mailTeamExplanation().contains("down"), old.mailTeamExplanation());
        assertFalse(old.mailTeamExplanation().contains("blocked"), old.mailTeamExplanation());
        assertTrue(old.mailTeamExplanation().contains("has neither MX nor address"), old.mailTeamExplanation());
        assertTrue(oldcorp.conclusion().contains("because your domain has neither MX nor address records"),
                oldcorp.conclusion());
        CauseRow row = oldcorp.summary().causes().getFirst();
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, row.actor());
        assertTrue(EN.todo(old).orElseThrow().contains("please publish MX records"), EN.todo(old).toString());

        // Addressed to gone.example's own mail team, the domain is theirs: it lapsed, and restoring its registration
        // is theirs (this test asked for our admin before, and the intro said "nothing is needed from you" to the
        // owners of a domain that no longer exists). Our admin's report keeps the address ours to correct.
        ReportModel gone = toTeam(a, "gone.example", checks);
        MessageEntry g = only(gone);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, g.actor());
        assertTrue(g.mailTeamExplanation().startsWith("gone.example does not exist (NXDOMAIN)"),
                g.mailTeamExplanation());
        assertTrue(g.mailTeamRemediation().contains("if gone.example is your domain and should receive mail, its"
                + " registration or its DNS delegation must be restored"), g.mailTeamRemediation());
        assertFalse(g.mailTeamRemediation().contains("nothing is needed from your mail team"),
                g.mailTeamRemediation());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, gone.summary().causes().getFirst().actor());
        assertEquals("Your mail team", EN.causeActor(gone, gone.summary().causes().getFirst()));
        assertTrue(EN.todo(g).orElseThrow().startsWith("What to do (your mail team):"), EN.todo(g).toString());
        assertTrue(gone.conclusion().contains("because the domain does not exist (NXDOMAIN)"),
                gone.conclusion());
        assertFalse(gone.conclusion().contains("on ours"), gone.conclusion());
        String goneIntro = EN.mailTeamIntro(gone);
        assertFalse(goneIntro.contains("ours to correct"), goneIntro);
        assertFalse(goneIntro.contains("nothing is needed from you"), goneIntro);
        assertTrue(goneIntro.contains("the DNS checks found that your domain does not exist (NXDOMAIN): if it should"
                + " receive mail, its registration or its DNS delegation must be restored"), goneIntro);
        ReportModel goneSv = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("gone.example"))
                .withLanguage(Locale.forLanguageTag("sv"))).checks(checks).build();
        String goneIntroSv = ReportWording.of(goneSv).mailTeamIntro(goneSv);
        assertTrue(goneIntroSv.contains("er domän inte finns (NXDOMAIN)"), goneIntroSv);
        assertFalse(goneIntroSv.contains("ni behöver inte göra något"), goneIntroSv);
        MessageEntry ours = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build().recipientDomains()
                .stream().filter(d -> d.domain().equals("gone.example")).findFirst().orElseThrow().messages()
                .getFirst();
        assertEquals(Actor.SENDER_ADMIN, ours.actor());
        assertTrue(ours.mailTeamRemediation().contains("which is for us to correct"), ours.mailTeamRemediation());

        // the reply said null MX; the checks now say NXDOMAIN: the reply's words stand, with a note, our admin's
        ReportModel nullmx = toTeam(a, "nullmx.example", checks);
        MessageEntry n = only(nullmx);
        assertEquals(Actor.SENDER_ADMIN, n.actor());
        assertFalse(n.remediation().contains("registration"), n.remediation());
        assertTrue(n.remediation().startsWith("Remove the address"), n.remediation());
        assertTrue(nullmx.conclusion().contains("null MX"), nullmx.conclusion());
        String nullIntro = EN.mailTeamIntro(nullmx);
        assertFalse(nullIntro.contains("publish MX records"), nullIntro);
        assertTrue(nullIntro.contains("the address is ours to correct"), nullIntro);
    }

    /**
     * One question for both places: was a server of the domain tried? A deferral whose row names a relay (Salesforce
     * tried mx.example, its reply its own [internal] one) had a mail host of the domain to try, so the domain existed
     * then: the reply's advice stands with a note of what the checks find now, and the team is asked to look for
     * the connection. The same row naming no relay tried none: the checks' fact replaces the advice, and the team is
     * told its logs cannot have the message.
     */
    @Test
    void aNamedServerTriedWithoutAReplyMeansTheDomainHadAMailHostThen(@TempDir Path dir) throws Exception {
        String row = LogFixtures.row("3/7/2009 8:00", "T", "a@gone.example", "m1",
                "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", "");
        CheckReport checks = checks();
        ReportModel tried = toTeam(new EmailLogAnalyzer().analyze(LogFixtures.write(dir, "tried.csv",
                LogFixtures.lines(LogFixtures.HEADER, row)), ProgressListener.NONE, Cancellation.none()),
                "gone.example", checks);
        MessageEntry t = only(tried);
        assertEquals("mx.example", t.relayHost());
        assertFalse(t.mailTeamRemediation().startsWith("The DNS checks found that gone.example does not exist"),
                t.mailTeamRemediation());
        assertTrue(t.mailTeamRemediation().endsWith("The DNS checks, run later than this message, find that"
                + " gone.example no longer exists (NXDOMAIN): it may have lapsed since."), t.mailTeamRemediation());
        String triedIntro = EN.mailTeamIntro(tried);
        assertTrue(triedIntro.startsWith("Please search your mail transport logs"), triedIntro);
        assertTrue(triedIntro.contains("Salesforce tried that server but got no reply from it"), triedIntro);

        ReportModel none = toTeam(new EmailLogAnalyzer().analyze(LogFixtures.write(dir, "none.csv",
                LogFixtures.lines(LogFixtures.HEADER, notConnected(row))), ProgressListener.NONE, Cancellation.none()),
                "gone.example", checks);
        assertTrue(only(none).mailTeamRemediation().startsWith("The DNS checks found that gone.example does not"
                + " exist"), only(none).mailTeamRemediation());
        String noneIntro = EN.mailTeamIntro(none);
        assertTrue(noneIntro.startsWith("This message has not reached your mail servers"), noneIntro);
    }

    /**
     * Where the message's own reply already put the address on our side ("No Valid Domain": check the address for
     * typos), no server of theirs having been tried, the address is ours to correct in the report to the domain's
     * team too, and its intro says so as its causes do.
     */
    @Test
    void aDomainThatDoesNotExistStaysOursWhereTheReplySaysTheAddressIsOurs(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                notConnected(LogFixtures.row("3/7/2009 8:00", "P", "a@gone.example", "m1",
                        "550 5.1.2 [internal] No Valid Domain", ""))));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportModel m = toTeam(a, "gone.example", checks());
        MessageEntry e = only(m);
        assertEquals(Actor.SENDER_ADMIN, e.actor());
        assertTrue(e.mailTeamRemediation().contains("which is for us to correct"), e.mailTeamRemediation());
        assertTrue(m.summary().causes().stream().allMatch(c -> c.actor() == Actor.SENDER_ADMIN));
        String intro = EN.mailTeamIntro(m);
        assertTrue(intro.contains("is ours to correct: nothing is needed from you"), intro);
    }

    @Test
    void aNullMxWithoutChecksAgreesBetweenIntroAndCauses() throws Exception {
        ReportModel m = toTeam(sample(), "nullmx.example", null);
        String intro = EN.mailTeamIntro(m);
        assertTrue(m.summary().causes().stream().allMatch(c -> c.actor() == Actor.SENDER_ADMIN));
        assertFalse(intro.contains("publish MX records"), intro);
        assertTrue(intro.contains("nothing is needed from you"), intro);
    }

    @Test
    void aDeferralStillRetriedIsNotSaidToBeGivenUp(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                notConnected(LogFixtures.row("3/7/2009 8:00", "T", "a@gone.example", "m1",
                        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", "")),
                LogFixtures.row("3/7/2009 9:00", "D", "r@corp.example", "m3", "250 ok", "")));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        String intro = EN.mailTeamIntro(toTeam(a, "gone.example", null));
        assertFalse(intro.contains("gave up"), intro);
        assertTrue(intro.contains("it has no outcome in the log yet"), intro);
        Path bounced = LogFixtures.write(dir, "bounced.csv", LogFixtures.lines(LogFixtures.HEADER,
                notConnected(LogFixtures.row("3/7/2009 8:00", "P", "a@gone.example", "m1",
                        "554 5.4.7 [internal] exceeded max time without delivery", ""))));
        String gaveUp = EN.mailTeamIntro(toTeam(new EmailLogAnalyzer().analyze(bounced, ProgressListener.NONE,
                Cancellation.none()), "gone.example", null));
        assertTrue(gaveUp.contains("Salesforce's own mail server gave up on it"), gaveUp);
    }

    /**
     * A stale deferral whose cause is hedged: "…, as far as the bare reply code tells. It has no outcome …", the
     * missing outcome in a sentence of its own (in one, the two made some 55 words).
     */
    @Test
    void aStaleDeferralWithAHedgedCauseReadsAsASentence(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/6/2009 8:00", "T", "a@corp.example", "m1", "452 try later", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "r@corp.example", "m3", "250 ok", "")));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        String conclusion = new ReportBuilder(a, ReportOptions.defaults()).build().conclusion();
        assertTrue(conclusion.contains("as far as the bare reply code tells. It has no outcome in the log"),
                conclusion);
    }

    /** A bare basic code's cause is hedged in its message's block as in the causes table's label and the conclusion. */
    @Test
    void aBareBasicCodeIsHedgedInItsMessageBlockToo(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("3/7/2009 8:00", "P", "a@corp.example", "m1", "530", ""),
                LogFixtures.row("3/7/2009 9:00", "P", "b@corp.example", "m2",
                        "550 5.7.1 SPF check failed for the sending IP", "")));
        LogAnalysis a = new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults()).build();
        MessageEntry bare = m.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.recipient().startsWith("a@")).findFirst().orElseThrow();
        MessageEntry said = m.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.recipient().startsWith("b@")).findFirst().orElseThrow();
        CauseRow row = m.summary().causes().stream().filter(c -> c.meaning().equals(bare.explanation()))
                .findFirst().orElseThrow();
        assertTrue(row.label().endsWith("(most likely)"), row.label());
        assertEquals("Bounced – " + row.label(), EN.outcome(bare));
        assertTrue(bare.basicCodeOnly());
        assertTrue(bare.explanation().endsWith("(most likely, as far as the bare reply code tells)."),
                bare.explanation());
        assertFalse(said.basicCodeOnly());
        assertFalse(EN.outcome(said).contains("most likely"), EN.outcome(said));

        // proseware's bare "550 Request refused" after DATA: hedged in its label; its explanation hedges itself
        ReportModel proseware = toTeam(sample(), "proseware.example", null);
        MessageEntry odd = proseware.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.recipient().startsWith("odd@")).findFirst().orElseThrow();
        assertEquals("Bounced – Content policy (most likely)", EN.outcome(odd));
        assertTrue(odd.mailTeamExplanation().contains("most likely"), odd.mailTeamExplanation());
        assertFalse(odd.mailTeamExplanation().contains("as far as the bare reply code tells"),
                odd.mailTeamExplanation());
    }

    /**
     * The review: a --message-id report of a message with a CC'd copy said "Messages: 2 in this report" and "2
     * messages: 2 delivered" while its conclusion said "The one message … went to 2 recipients", and that conclusion
     * spoke of "contoso.example's mail servers" and "the recipient's mail team" beside sections that say "your".
     */
    @Test
    void theCopiesOfOneMessageAreCountedAsCopiesEverywhere() throws Exception {
        ReportModel m = new ReportBuilder(sample(), ReportOptions.defaults().withMessageIds(
                Set.of("21749526.106091224027705184.JavaMail.sfdc@synthetic-sample.example"))).build();
        assertTrue(m.conclusion().startsWith("The one message to contoso.example went to 2 recipients: both copies"
                + " were handed to your mail servers and accepted."), m.conclusion());
        assertFalse(m.conclusion().contains("the recipient's mail team"), m.conclusion());
        assertEquals("2 copies of one message: 2 delivered, 0 bounced, 0 deferred, 0 received only",
                EN.domainCounts(m.recipientDomains().getFirst()));
        assertTrue(EN.titleFacts(m).stream().anyMatch(f -> f.value().startsWith("1 message to 2 recipients (2 copies)"
                + " in this report")), EN.titleFacts(m).toString());
        // the summary's bars count copies too, in the PDF and the HTML alike ("Delivered 2" read as two messages);
        // the text note has no bars, only the conclusion above
        assertEquals("2 copies", EN.summaryCount(m, 2));
        assertEquals("1 copy", EN.summaryCount(m, 1));
        assertEquals("0 copies", EN.summaryCount(m, 0));
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, m, "copies-summary"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<b>2 copies (100 %)</b>"), html);
        assertTrue(html.contains("<b>0 copies (0 %)</b>"), html);
        try (PDDocument pdf = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, m, "copies-summary"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Delivered 2 copies  (100 %)"), text);
            assertFalse(text.contains("Delivered 2  ("), text);
        }
        ReportModel sv = new ReportBuilder(sample(), ReportOptions.defaults().withLanguage(Locale.forLanguageTag("sv"))
                .withMessageIds(Set.of("21749526.106091224027705184.JavaMail.sfdc@synthetic-sample.example"))).build();
        assertEquals("2 exemplar", ReportWording.of(sv).summaryCount(sv, 2));
        // a domain's messages of several Message ID Headers are messages
        ReportModel all = toTeam(sample(), "contoso.example", null);
        assertTrue(EN.domainCounts(all.recipientDomains().getFirst()).matches("\\d+ messages: .*"),
                EN.domainCounts(all.recipientDomains().getFirst()));
        assertEquals("2", EN.summaryCount(all, 2));
    }

    /** The line under the summary's bars counts delivered copies as copies, and messages as messages. */
    @Test
    void theRetriedLineUnderTheSummaryCountsCopies() {
        ReportFixture f = new ReportFixture("copies.csv");
        f.message("<1@acme.example>", "a@contoso.example").received()
                .transientFailure("mx.contoso.example", "192.0.2.1", "451 4.7.1 Try again later")
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        f.message("<1@acme.example>", "cc@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportModel copies = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withMessageIds(Set.of("<1@acme.example>"))).build();
        assertTrue(copies.title().copiesOfOneMessage());
        assertEquals(Optional.of("1 of the delivered copies was accepted only after one or more retries."),
                EN.summaryRetried(copies));
        f.message("<2@acme.example>", "b@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportModel messages = new ReportBuilder(f.analysis(), ReportOptions.defaults()).build();
        assertFalse(messages.title().copiesOfOneMessage());
        assertEquals(Optional.of("1 of the delivered messages was accepted only after one or more retries."),
                EN.summaryRetried(messages));
        assertEquals("3", EN.summaryCount(messages, 3));
        // one message to two recipients beside another: the conclusion counts 3 messages, as the summary does, and
        // says they are 2 emails (it said "3 copies of 2 messages" beside a count of 3 messages)
        assertTrue(messages.conclusion().startsWith("Of the 3 messages to contoso.example (2 emails, one of them sent"
                + " to several recipients), all 3 were handed to "), messages.conclusion());
        ReportModel sv = new ReportBuilder(f.analysis(), ReportOptions.defaults().withLanguage(Locale.forLanguageTag(
                "sv"))).build();
        assertTrue(sv.conclusion().startsWith("Av de 3 meddelandena till contoso.example (2 olika e-postmeddelanden,"
                + " varav ett skickades till flera mottagare): alla 3 lämnades över till "), sv.conclusion());
        // each message to one recipient: messages, as before
        ReportFixture one = new ReportFixture("one-each.csv");
        one.message("<3@acme.example>", "a@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        one.message("<4@acme.example>", "b@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        String plain = new ReportBuilder(one.analysis(), ReportOptions.defaults()).build().conclusion();
        assertTrue(plain.startsWith("Of the 2 messages to contoso.example, "), plain);
    }

    /**
     * The final reader: the title block and a domain's counts decided "copies of one message" from the listed
     * messages' exact header text, the conclusion from every included message's ID as the report matches IDs; with a
     * list limit the conclusion said copies while the title said 2 messages. Now the builder decides once, for all.
     */
    @Test
    void theCopiesOfOneMessageStayCopiesWhenOnlySomeAreListed() throws Exception {
        ReportModel m = new ReportBuilder(sample(), ReportOptions.defaults().withMessageIds(
                Set.of("21749526.106091224027705184.JavaMail.sfdc@synthetic-sample.example"))).listLimit(1).build();
        assertEquals(1, m.recipientDomains().getFirst().messages().size());
        assertTrue(m.title().copiesOfOneMessage());
        assertTrue(m.conclusion().startsWith("The one message to contoso.example went to 2 recipients: both copies"),
                m.conclusion());
        assertTrue(EN.domainCounts(m.recipientDomains().getFirst()).startsWith("2 copies of one message: 2 delivered"),
                EN.domainCounts(m.recipientDomains().getFirst()));
        assertTrue(EN.titleFacts(m).stream().anyMatch(f -> f.value().startsWith("1 message to 2 recipients (2 copies)")),
                EN.titleFacts(m).toString());
    }

    /**
     * The finding that states the fact names who acts as the messages' advice does: gone.example's DOMAIN_NXDOMAIN
     * card named the recipient's mail team while its message's advice named our admin (correct the address), in the
     * mail team's report and in our admin's; oldcorp.example's MX_NONE is its team's in both. An NXDOMAIN of a host
     * below a domain (an MX target) is not the domain's fact and keeps its check's actor.
     */
    @Test
    void theFindingCardOfTheFactNamesWhoActsAsTheMessagesAdviceDoes() throws Exception {
        LogAnalysis a = sample();
        CheckReport checks = checks();
        ReportModel all = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build();
        for (String domain : List.of("gone.example", "oldcorp.example")) {
            for (ReportModel m : List.of(toTeam(a, domain, checks), all)) {
                org.mailpath.engine.report.RecipientDomainSection s = m.recipientDomains().stream()
                        .filter(d -> d.domain().equals(domain)).findFirst().orElseThrow();
                MessageEntry failed = s.messages().stream().filter(e -> e.category().isPresent()).findFirst()
                        .orElseThrow();
                List<org.mailpath.engine.finding.Finding> stated = s.findings().stream()
                        .filter(f -> f.subject().equals(domain) && f.severity()
                                == org.mailpath.engine.finding.Severity.ERROR).toList();
                assertFalse(stated.isEmpty(), domain);
                for (org.mailpath.engine.finding.Finding f : stated) {
                    assertEquals(failed.actor(), f.actor(), domain + " " + f.code());
                }
                CauseRow row = m.summary().causes().stream().filter(r -> r.domains().contains(domain)).findFirst()
                        .orElseThrow();
                assertEquals(failed.actor(), row.actor(), domain);
            }
        }
        // addressed to gone.example's own team, its lapsed domain is theirs to restore; in our admin's, ours to correct
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, only(toTeam(a, "gone.example", checks)).actor());
        assertEquals(Actor.SENDER_ADMIN, all.recipientDomains().stream().filter(d -> d.domain().equals("gone.example"))
                .findFirst().orElseThrow().messages().getFirst().actor());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, only(toTeam(a, "oldcorp.example", checks)).actor());
        // the card keeps its words for the team, which say a misspelt address is ours to correct
        org.mailpath.engine.finding.Finding card = toTeam(a, "gone.example", checks).recipientDomains().getFirst()
                .findings().stream().filter(f -> f.code().equals("DOMAIN_NXDOMAIN")).findFirst().orElseThrow();
        assertTrue(ReportWording.fix(card).contains("it is for us to correct the address"), ReportWording.fix(card));
    }
}
