package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import java.util.Optional;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

class ReportBuilderTest {

    private final SampleReportData data = SampleReportData.create();

    private ReportOptions options() {
        return ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
    }

    @Test
    void groupsMessagesPerRecipientDomainWithTheirFindings() {
        ReportModel m = data.model(false);
        assertEquals(7, m.listedMessages());
        assertEquals(List.of("contoso.example", "fabrikam.example", "例子.example", "bücher.example"),
                m.recipientDomains().stream().map(RecipientDomainSection::domain).toList());
        RecipientDomainSection contoso = m.recipientDomains().getFirst();
        assertEquals(Verdict.BOUNCED, contoso.messages().getFirst().verdict(), "problems first");
        assertEquals("EDNS_NONCOMPLIANT", contoso.findings().getFirst().code(), "worst finding first");
        assertEquals(2, contoso.nameServers().size());
        MessageEntry bounced = contoso.messages().stream().filter(e -> e.category().equals(
                java.util.Optional.of(Category.DNS))).findFirst().orElseThrow();
        assertTrue(bounced.failed().isPresent() && bounced.received().isPresent()
                && bounced.lastTransient().isPresent() && bounced.delivered().isEmpty());
        assertEquals("RTTP", bounced.eventLetters());
        MessageEntry delivered = contoso.messages().stream().filter(e -> e.verdict() == Verdict.DELIVERED)
                .findFirst().orElseThrow();
        assertEquals("contoso-example.mail.protection.outlook.com", delivered.relayHost());
        assertEquals("TLSv1.3:TLS_AES_256_GCM_SHA384 (Verified)", delivered.tls());
    }

    private ReportModel limited(int listLimit) {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
        return new ReportBuilder(data.analysis(), options).checks(data.checks()).rawRows(data.rawRows())
                .listLimit(listLimit).build();
    }

    private static List<Verdict> listedVerdicts(ReportModel m) {
        return m.recipientDomains().stream().flatMap(d -> d.messages().stream()).map(MessageEntry::verdict).sorted()
                .toList();
    }

    /**
     * The review: with a limit of 5 the messages listed were the five earliest bounces, no deferral, most causes and
     * domains missing. One of each outcome comes first, then of each cause and each domain, then the most important.
     */
    @Test
    void aListLimitListsOneOfEachOutcomeCauseAndDomainFirstAndCountsEveryOne() {
        ReportModel all = data.model(false);
        ReportModel three = limited(3);
        // the sample has 3 bounced, 1 deferred, 2 delivered, 1 received only: the earliest bounces alone were listed
        assertEquals(List.of(Verdict.DELIVERED, Verdict.BOUNCED, Verdict.DEFERRED), listedVerdicts(three));
        assertEquals(List.of(Verdict.DELIVERED, Verdict.BOUNCED, Verdict.DEFERRED, Verdict.RECEIVED_ONLY),
                listedVerdicts(limited(4)));
        assertEquals(3, three.listedMessages());
        assertEquals(4, three.unlistedMessages());
        assertEquals(7, three.title().messagesIncluded());
        // every cause of a bounce or deferral is listed once before a second message of any is
        Set<Category> causes = new HashSet<>();
        all.summary().causes().forEach(c -> causes.add(c.category()));
        ReportModel enough = limited(2 + causes.size());
        assertEquals(causes, enough.recipientDomains().stream().flatMap(d -> d.messages().stream())
                .flatMap(m -> m.category().stream()).collect(Collectors.toSet()));
        // what is counted stays whole: summary, causes, each domain's counts, the findings
        assertEquals(all.summary(), three.summary());
        assertEquals(all.recipientDomains().stream().map(RecipientDomainSection::counts).toList(),
                three.recipientDomains().stream().map(RecipientDomainSection::counts).toList());
        assertEquals(all.recipientDomains().stream().map(RecipientDomainSection::findings).toList(),
                three.recipientDomains().stream().map(RecipientDomainSection::findings).toList());
        assertEquals(all.title(), three.title());
        // the appendix quotes the rows of the listed messages only, each as the whole report quotes it
        Set<Long> lines = new HashSet<>();
        three.recipientDomains().forEach(d -> d.messages().forEach(m -> m.events().forEach(e -> lines.add(e.line()))));
        assertEquals(lines, three.appendix().rows().stream().map(Appendix.RawRow::line).collect(Collectors.toSet()));
        assertTrue(all.appendix().rows().containsAll(three.appendix().rows()));
        assertTrue(all.appendix().rows().size() > three.appendix().rows().size());
    }

    /**
     * The review: a limit left accepted messages out while the conclusion still said they can be found "by the Message
     * ID Headers listed in this report". It says how many it lists, and where all are.
     */
    @Test
    void theConclusionSaysHowManyAcceptedMessagesItListsWhenALimitLeftSomeOut() {
        String whole = data.model(false).conclusion();
        assertTrue(whole.contains("by the Message ID Headers listed in this report."), whole);
        String three = limited(3).conclusion();
        assertFalse(three.contains("listed in this report"), three);
        assertTrue(three.contains("in their own logs by their Message ID Headers. This report lists 1 of the 2; a JSON"
                + " or CSV report of the same log lists them all."), three);
        ReportModel one = new ReportBuilder(data.analysis(), options().withLanguage(Locale.forLanguageTag("sv")))
                .checks(data.checks()).listLimit(1).build();
        assertTrue(one.conclusion().contains("Den här rapporten listar inget av de 2; en JSON- eller CSV-rapport av"
                + " samma logg listar dem alla."), one.conclusion());
    }

    @Test
    void aListLimitAsLargeAsTheReportChangesNothing() {
        assertEquals(data.model(false), limited(7));
        assertEquals(data.model(false), limited(0), "0: no limit");
        assertEquals(0, data.model(false).unlistedMessages());
    }

    @Test
    void ownSideGetsSenderDomainsAndTheCnamesToPublish() {
        ReportModel m = data.model(false);
        DomainFindings acme = m.ownSide().domains().getFirst();
        assertEquals("acme.example", acme.domain());
        assertEquals(List.of("sfdc1._domainkey.acme.example. CNAME sfdc1.k3x9p2.custdkim.salesforce.com.",
                "sfdc2._domainkey.acme.example. CNAME sfdc2.k3x9p2.custdkim.salesforce.com."), acme.recordsToPublish());
    }

    @Test
    void summaryCountsAndCausesWithWhoMustAct() {
        Summary s = data.model(false).summary();
        assertEquals(Map.of(Verdict.DELIVERED, 2L, Verdict.BOUNCED, 3L, Verdict.DEFERRED, 1L,
                Verdict.RECEIVED_ONLY, 1L), s.verdicts());
        assertEquals(1, s.deliveredAfterRetry());
        CauseRow dns = s.causes().stream().filter(c -> c.category() == Category.DNS).findFirst().orElseThrow();
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, dns.actor());
        assertEquals(1, dns.bounced());
    }

    @Test
    void summaryVerdictsIterateInEnumOrderWhateverTheyWereGivenIn() {
        // the JSON report lists them as the map iterates: the order must not change from one run to the next
        Map<Verdict, Long> given = new java.util.LinkedHashMap<>();
        given.put(Verdict.RECEIVED_ONLY, 4L);
        given.put(Verdict.DEFERRED, 3L);
        given.put(Verdict.BOUNCED, 2L);
        given.put(Verdict.DELIVERED, 1L);
        Summary s = new Summary(given, 0, List.of(), List.of(), 0, 0);
        assertEquals(List.of(Verdict.values()), List.copyOf(s.verdicts().keySet()));
        assertEquals(List.of(1L, 2L, 3L, 4L), List.copyOf(s.verdicts().values()));
        assertEquals(List.of(Verdict.values()), List.copyOf(data.model(false).summary().verdicts().keySet()));
    }

    @Test
    void conclusionSpeaksPlainlyAboutOneDomain() {
        ReportFixture f = new ReportFixture("log.csv");
        for (int i = 0; i < 412; i++) {
            f.message("<m" + i + "@x>", "u" + i + "@contoso.example").received()
                    .delivery("mx.contoso.example", "192.0.2.1", "250 ok", "TLSv1.3:X").delivered();
        }
        String lookupFailed = "554 5.4.4 [internal] Domain Lookup Failed";
        for (int i = 0; i < 37; i++) {
            f.message("<b" + i + "@x>", "b" + i + "@contoso.example").received()
                    .permanentFailure("", "", lookupFailed).bounced(diagnosis(lookupFailed));
        }
        // a log of one recipient domain is a report for that domain's mail team, as with --domain: spoken to
        String c = new ReportBuilder(f.analysis(), options()).build().conclusion();
        assertTrue(c.startsWith("Of the 449 messages to contoso.example, "), c);
        assertTrue(c.contains("412 were handed to your mail servers and accepted. 37 bounced because "
                + "Salesforce could not look up your domain in DNS."), c);
    }

    @Test
    void aCategoryWhoseRepliesDifferHasARowForEachOwnerAndFix() {
        // all DNS, but a null MX is the domain's own choice (RFC 7505: we must drop the address), a failed lookup
        // may be a typo or the recipient's DNS, and an unreachable domain is for the recipient's team
        String lookupFailed = "554 5.4.4 [internal] Domain Lookup Failed";
        String nullMx = "550 5.4.4 [internal] NULL MX domain does not accept mail";
        String unreachable = "421 4.4.0 [internal] no mail servers for this domain could be reached at this time";
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<a@x>", "a@litware.example").received().permanentFailure("", "", lookupFailed)
                .bounced(diagnosis(lookupFailed));
        f.message("<b@x>", "b@typo.example").received().permanentFailure("", "", lookupFailed)
                .bounced(diagnosis(lookupFailed));
        f.message("<c@x>", "c@nullmx.example").received().permanentFailure("", "", nullMx)
                .bounced(diagnosis(nullMx));
        f.message("<d@x>", "d@oldcorp.example").received().transientFailure("", "", unreachable)
                .deferred(diagnosis(unreachable));
        ReportModel m = new ReportBuilder(f.analysis(), options()).build();

        List<CauseRow> dns = m.summary().causes();
        assertEquals(3, dns.size(), dns.toString());
        assertTrue(dns.stream().allMatch(r -> r.category() == Category.DNS && r.label().equals("Recipient DNS")));
        CauseRow lookup = dns.getFirst();
        assertEquals(List.of("salesforce.domain-lookup-failed"), lookup.rules());
        assertEquals(2, lookup.bounced(), "one row for the same meaning, owner and fix");
        assertEquals(List.of("litware.example", "typo.example"), lookup.domains());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, lookup.actor());
        assertEquals("Salesforce could not look up the recipient domain in DNS", lookup.explanation());
        CauseRow nullMxRow = dns.stream().filter(r -> r.rules().equals(List.of("salesforce.null-mx")))
                .findFirst().orElseThrow();
        assertEquals(Actor.SENDER_ADMIN, nullMxRow.actor());
        assertEquals("Remove the address; ask the recipient for a working one.", nullMxRow.remediation());
        assertEquals("The recipient domain publishes a null MX: it accepts no mail.", nullMxRow.meaning());
        assertEquals(List.of("nullmx.example"), nullMxRow.domains());
        assertEquals(1, nullMxRow.bounced());
        CauseRow unreachableRow = dns.getLast();
        assertEquals(List.of("oldcorp.example"), unreachableRow.domains());
        assertEquals(1, unreachableRow.deferred());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, unreachableRow.actor());

        // the conclusion says what the replies said, and counts rows that say the same together
        String c = m.conclusion();
        assertTrue(c.contains("3 bounced for 2 different reasons. For 2 of them, Salesforce could not look up the"
                + " recipient domain in DNS. For 1 of them, the recipient domain declares with a null MX that it"
                + " accepts no mail."), c);
        assertTrue(c.contains("1 was deferred because Salesforce could reach no mail server of the recipient domain. "
                + "It had no outcome yet when the log ended (within Salesforce's 24 hours of retries)."), c);
        assertFalse(c.contains("standards"), "no DNS check found a name server breaking them: " + c);
    }

    @Test
    void aCategoryRowOfManyDomainsNamesThemAllForScripts() {
        ReportFixture f = new ReportFixture("log.csv");
        String full = "552 5.2.2 Mailbox full";
        for (String d : List.of("e.example", "a.example", "c.example", "b.example", "d.example", "a.example")) {
            f.message("<" + d + "@x>", "x@" + d).received().permanentFailure("", "", full).bounced(diagnosis(full));
        }
        CauseRow row = new ReportBuilder(f.analysis(), options()).build().summary().causes().getFirst();
        assertEquals(6, row.bounced());
        assertEquals(List.of("a.example", "b.example", "c.example", "d.example", "e.example"), row.domains());
    }

    @Test
    void whenTheRepliesSayMoreThingsThanCanBeNamedTheConclusionCountsThemPerCategory() {
        // four things said: named one by one, one of them would be among "other causes"; per category, all are named
        String[] replies = {"554 5.4.4 [internal] Domain Lookup Failed",
            "550 5.4.4 [internal] NULL MX domain does not accept mail",
            "554 5.4.4 [internal] no mail servers for this domain could be reached at this time",
            "550 5.1.1 <x@contoso.example>: Recipient address rejected: User unknown"};
        ReportFixture f = new ReportFixture("log.csv");
        for (int i = 0; i < replies.length; i++) {
            f.message("<m" + i + "@x>", "m" + i + "@d" + i + ".example").received()
                    .permanentFailure("", "", replies[i]).bounced(diagnosis(replies[i]));
        }
        String c = new ReportBuilder(f.analysis(), options()).build().conclusion();
        // the DNS replies counted together include "no mail servers … could be reached": the category's wider words
        assertTrue(c.contains("all 4 bounced for 2 different reasons. For 3 of them, the message could not be"
                + " routed to a mail server of the recipient domain. For 1 of them, the recipient address does not"
                + " exist or was refused."), c);
        assertFalse(c.contains("other reason"), c);
    }

    @Test
    void theAdviceOnAcceptedMessagesSpeaksToEveryDomainsMailTeamWhenThereAreSeveral() {
        String ok = "250 2.0.0 OK";
        ReportFixture two = new ReportFixture("log.csv");
        two.message("<a@x>", "a@one.example").received().delivery("mx.one.example", "192.0.2.1", ok, "TLSv1.3")
                .delivered();
        two.message("<b@x>", "b@two.example").received().delivery("mx.two.example", "192.0.2.2", ok, "TLSv1.3")
                .delivered();
        String several = new ReportBuilder(two.analysis(), options()).build().conclusion();
        assertTrue(several.contains("the mail team of each recipient domain can find them in their own logs"),
                several);
        // a report on one of them is addressed to that domain's team: it is told itself
        String one = new ReportBuilder(two.analysis(), options().withDomains(Set.of("one.example"))).build()
                .conclusion();
        assertTrue(one.contains("you can find them in your own logs"), one);
        // so is the whole of a log of one domain: its title and note address that domain's team already (this
        // test asked for our admin's "the recipient's mail team" here before, beside a note that greeted the team)
        ReportFixture single = new ReportFixture("log.csv");
        single.message("<a@x>", "a@one.example").received().delivery("mx.one.example", "192.0.2.1", ok, "TLSv1.3")
                .delivered();
        String whole = new ReportBuilder(single.analysis(), options()).build().conclusion();
        assertTrue(whole.contains("you can find them in your own logs"), whole);
        assertFalse(whole.contains("recipient"), whole);
    }

    @Test
    void redactedMasksAreNumberedAmongTheReportsOwnMessagesOnly() {
        ReportFixture f = new ReportFixture("log.csv");
        for (String to : List.of("c@contoso.example", "cc1@contoso.example", "carol@fabrikam.example")) {
            f.message("<" + to + ">", to).received().permanentFailure("", "", "550 5.1.1 User unknown")
                    .bounced(diagnosis("550 5.1.1 User unknown"));
        }
        ReportModel all = new ReportBuilder(f.analysis(), options().withRedaction(true)).build();
        assertEquals(List.of("c***1@contoso.example", "c***3@contoso.example", "c***2@fabrikam.example"),
                all.recipientDomains().stream().flatMap(d -> d.messages().stream()).map(MessageEntry::recipient)
                        .toList());
        // a report for contoso.example's team says nothing of the mailbox elsewhere that begins alike
        ReportModel contoso = new ReportBuilder(f.analysis(), options().withRedaction(true)
                .withDomains(Set.of("contoso.example"))).build();
        assertEquals(List.of("c***1@contoso.example", "c***2@contoso.example"), contoso.recipientDomains()
                .getFirst().messages().stream().map(MessageEntry::recipient).toList());
    }

    @Test
    void aLongTailOfCausesIsCountedAsCausesNotAsOneReason() {
        String[] replies = {"550 5.1.1 <x@a.example>: Recipient address rejected: User unknown",
            "552 5.2.2 Mailbox full", "552 5.3.4 Message size exceeds fixed limit",
            "550 5.7.1 Message rejected as spam by Content Filtering", "554 5.4.4 [internal] Domain Lookup Failed",
            "550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)"};
        ReportFixture f = new ReportFixture("log.csv");
        for (int i = 0; i < replies.length; i++) {
            for (int k = 0; k <= (i == 0 ? 2 : 0); k++) {
                f.message("<m" + i + "." + k + "@x>", "m" + i + "." + k + "@d" + i + ".example").received()
                        .permanentFailure("", "", replies[i]).bounced(diagnosis(replies[i]));
            }
        }
        String c = new ReportBuilder(f.analysis(), options()).build().conclusion();
        assertTrue(c.contains("all 8 bounced for 6 different reasons. For 3 of them, the recipient address does not"
                + " exist or was refused. "), c);
        assertTrue(c.contains(". The other 3 had 3 other reasons."), c);
        // with one cause fewer the last one is named instead
        ReportFixture four = new ReportFixture("log.csv");
        for (int i = 0; i < 4; i++) {
            four.message("<n" + i + "@x>", "n" + i + "@e" + i + ".example").received()
                    .permanentFailure("", "", replies[i]).bounced(diagnosis(replies[i]));
        }
        String named = new ReportBuilder(four.analysis(), options()).build().conclusion();
        assertFalse(named.contains("other reason"), named);
    }

    private static Diagnosis diagnosis(String reply) {
        return StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(reply));
    }

    @Test
    void staleDeferralsAreNotSaidToBeStillRetried(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("3/6/2009 8:00", "T", "old@corp.example", "m1", "451 4.7.1 greylisted", ""),
                LogFixtures.row("3/7/2009 8:00", "T", "new@corp.example", "m2", "451 4.7.1 greylisted", ""),
                LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", ""));
        ReportModel m = new ReportBuilder(LogFixtures.analyze(log), options()).build();
        assertEquals(1, m.summary().staleDeferrals());
        // the two counts in sentences of their own: with the cause in one, they made one of some 45 words
        assertTrue(m.conclusion().contains("2 were deferred because your servers throttled or"
                + " greylisted the delivery. 1 had no outcome yet when the log ended (within Salesforce's 24 hours of"
                + " retries). The other one has no outcome in the log"
                + " although Salesforce stops retrying after 24 hours"), m.conclusion());
        List<MessageEntry> entries = m.recipientDomains().getFirst().messages();
        MessageEntry old = entries.stream().filter(e -> e.recipient().startsWith("old")).findFirst().orElseThrow();
        MessageEntry recent = entries.stream().filter(e -> e.recipient().startsWith("new")).findFirst().orElseThrow();
        assertTrue(old.remediation().startsWith("Salesforce stops retrying after 24 hours"), old.remediation());
        assertFalse(recent.remediation().contains("24 hours"), recent.remediation());
        // the stale one's note to the mail team is about its missing outcome, which is our admin's to look into:
        // not "No action needed", the greylisting reply's actor, beside "Request a log that covers the day after"
        assertTrue(old.stale());
        assertFalse(recent.stale());
        assertTrue(old.mailTeamRemediation().contains("its outcome is ours to look into"), old.mailTeamRemediation());
        assertEquals(Actor.SENDER_ADMIN, old.actor());
        assertEquals(Actor.NOBODY, recent.actor());
        assertTrue(m.summary().causes().stream().anyMatch(row -> row.deferred() == 1
                && row.remediation().equals(old.remediation()) && row.actor() == Actor.SENDER_ADMIN),
                m.summary().causes().toString());
        // the causes table says of the stale one what its message says, to our admin and to the mail team: not the
        // reply's "Salesforce retries", in a row of its own
        assertTrue(m.summary().causes().stream().anyMatch(row -> row.deferred() == 1
                && row.remediation().equals(old.remediation())), m.summary().causes().toString());
        ReportModel toTeam = new ReportBuilder(LogFixtures.analyze(log),
                options().withDomains(java.util.Set.of("corp.example"))).build();
        assertTrue(toTeam.addressedToMailTeam());
        assertTrue(toTeam.summary().causes().stream().anyMatch(row -> row.deferred() == 1
                && row.mailTeamRemediation().contains("its outcome is ours to look into")),
                toTeam.summary().causes().toString());
        assertTrue(toTeam.summary().causes().stream().noneMatch(row -> row.deferred() == 2),
                "the stale deferral and the recent one are told apart");
    }

    /**
     * The same "mailbox full" reply on a message Salesforce still retries and on one it gave up on: a bounce may be
     * sent again later, a deferral must not be (Salesforce retries it for up to 24 hours, so one sent again meanwhile
     * could arrive twice), in its message, its row of the causes table and the report's other language.
     */
    @Test
    void aDeferralIsNotToldToResendWhatSalesforceStillRetriesWhileABounceIs(@TempDir Path dir) throws Exception {
        String full = "452 4.2.2 <x>: Mailbox full";
        Path log = expiredBounceAndDeferralLog(dir, full);
        var analysis = LogFixtures.analyze(log);
        ReportModel m = new ReportBuilder(analysis, options()).build();
        List<MessageEntry> entries = m.recipientDomains().getFirst().messages();
        MessageEntry bounced = entryTo(entries, "gave-up");
        MessageEntry deferred = entryTo(entries, "retried");
        assertEquals(Verdict.BOUNCED, bounced.verdict());
        assertEquals(Verdict.DEFERRED, deferred.verdict());
        assertFalse(deferred.stale(), "still within Salesforce's 24 hours");
        // both from the one reply: the bounce that expired is read by its last deferral
        assertEquals(bounced.explanation(), deferred.explanation());
        assertEquals("The recipient must free space; resend later.", bounced.remediation());
        assertTrue(deferred.remediation().startsWith("The recipient must free space. Salesforce retries a deferred"
                + " message for up to 24 hours"), deferred.remediation());
        assertTrue(deferred.remediation().endsWith("resend it only if it finally bounces."), deferred.remediation());
        assertFalse(deferred.remediation().contains("resend later"), deferred.remediation());
        // the words for the mail team tell the two apart already
        assertEquals(bounced.mailTeamRemediation(), deferred.mailTeamRemediation());
        assertTrue(deferred.mailTeamRemediation().contains("Salesforce retries a deferred message"));
        // the causes table: a row each, so that neither fix is told of the other's message
        List<CauseRow> causes = m.summary().causes();
        CauseRow bounceRow = causes.stream().filter(r -> r.bounced() == 1).findFirst().orElseThrow();
        CauseRow deferralRow = causes.stream().filter(r -> r.deferred() == 1).findFirst().orElseThrow();
        assertEquals(0, bounceRow.deferred(), causes.toString());
        assertEquals(0, deferralRow.bounced(), causes.toString());
        assertEquals(bounced.remediation(), bounceRow.remediation());
        assertEquals(deferred.remediation(), deferralRow.remediation());
        assertEquals(bounceRow.rules(), deferralRow.rules());

        ReportModel sv = new ReportBuilder(analysis, options().withLanguage(java.util.Locale.of("sv"))).build();
        List<MessageEntry> svEntries = sv.recipientDomains().getFirst().messages();
        String svBounced = remediationOf(svEntries, Verdict.BOUNCED);
        String svDeferred = remediationOf(svEntries, Verdict.DEFERRED);
        assertEquals("Mottagaren måste frigöra utrymme; skicka igen senare.", svBounced);
        assertTrue(svDeferred.startsWith("Mottagaren måste frigöra utrymme. Salesforce försöker igen med ett"
                + " fördröjt meddelande i upp till 24 timmar"), svDeferred);
        assertTrue(svDeferred.endsWith("bara om det till slut studsar."), svDeferred);
    }

    /**
     * The reverse: Gmail's "receiving mail at a rate…" reply, whose remediation is "Nothing to do: Salesforce
     * retries", on a message Salesforce still retries and on one that expired after it. Salesforce does not retry a
     * bounce: the bounced message is told to be sent again, in its message, its row of the causes table, the
     * chain's own remediation (the Events step, the JSON and the command line read it) and the report's other
     * language; the deferral keeps "Nothing to do".
     */
    @Test
    void aBounceIsNotToldThatSalesforceRetriesWhileADeferralIs(@TempDir Path dir) throws Exception {
        String rate = "452 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents"
                + " additional messages from being delivered. - gsmtp";
        Path log = expiredBounceAndDeferralLog(dir, rate);
        var analysis = LogFixtures.analyze(log);
        var bouncedChain = analysis.chains().stream().filter(c -> c.recipient().startsWith("gave-up")).findFirst()
                .orElseThrow();
        var deferredChain = analysis.chains().stream().filter(c -> c.recipient().startsWith("retried")).findFirst()
                .orElseThrow();
        assertEquals("gmail.receiving-rate", bouncedChain.diagnosis().orElseThrow().ruleId(),
                "the expired bounce is read by its last deferral");
        assertEquals("gmail.receiving-rate", deferredChain.diagnosis().orElseThrow().ruleId());
        assertEquals("Nothing to do: Salesforce retries.", deferredChain.remediation(Locale.ENGLISH).orElseThrow());
        String bounceWords = bouncedChain.remediation(Locale.ENGLISH).orElseThrow();
        // deferred until Salesforce gave up (MessageChain.deferredUntilExpiry): said first, then the rule's words
        assertTrue(bounceWords.startsWith("The receiving server kept deferring the message until Salesforce stopped"
                + " retrying and bounced it as expired: more than a passing delay. The message bounced, and Salesforce"
                + " does not retry a bounce: send it again later."), bounceWords);
        assertFalse(bounceWords.contains("Salesforce retries"), bounceWords);
        // "send it again" is our admin's to do: no "nobody" beside it (the deferral's actor stays nobody)
        assertEquals(Optional.of(Actor.SENDER_ADMIN), bouncedChain.actor());
        assertEquals(Optional.of(Actor.NOBODY), deferredChain.actor());

        ReportModel m = new ReportBuilder(analysis, options()).build();
        List<MessageEntry> entries = m.recipientDomains().getFirst().messages();
        MessageEntry bounced = entryTo(entries, "gave-up");
        MessageEntry deferred = entryTo(entries, "retried");
        assertEquals(Verdict.BOUNCED, bounced.verdict());
        assertEquals(Verdict.DEFERRED, deferred.verdict());
        assertFalse(deferred.stale(), "still within Salesforce's 24 hours");
        // what the deferrals came to first, then the reply's words, which are for a passing deferral (the
        // postmaster review: "temporarily" beside "more than a passing delay")
        assertEquals("The recipient's servers deferred the message at every attempt until Salesforce stopped retrying"
                + " and bounced it as expired, which is more than a passing delay. What the reply says: "
                + deferred.explanation(), bounced.explanation());
        assertEquals(bounceWords, bounced.remediation());
        assertEquals("Nothing to do: Salesforce retries.", deferred.remediation());
        // the mail team's words told the two apart already, and still do
        assertTrue(bounced.mailTeamRemediation().startsWith("We send the message again. Your servers kept deferring it"
                + " until Salesforce stopped retrying"), bounced.mailTeamRemediation());
        assertTrue(deferred.mailTeamRemediation().contains("Salesforce retries a deferred message"),
                deferred.mailTeamRemediation());
        List<CauseRow> causes = m.summary().causes();
        CauseRow bounceRow = causes.stream().filter(r -> r.bounced() == 1).findFirst().orElseThrow();
        CauseRow deferralRow = causes.stream().filter(r -> r.deferred() == 1).findFirst().orElseThrow();
        assertEquals(0, bounceRow.deferred(), causes.toString());
        assertEquals(0, deferralRow.bounced(), causes.toString());
        assertEquals(bounced.remediation(), bounceRow.remediation());
        assertEquals(Actor.SENDER_ADMIN, bounced.actor());
        assertEquals(Actor.SENDER_ADMIN, bounceRow.actor());
        assertEquals(Actor.NOBODY, deferralRow.actor());
        assertEquals(deferred.remediation(), deferralRow.remediation());

        ReportModel sv = new ReportBuilder(analysis, options().withLanguage(Locale.of("sv"))).build();
        List<MessageEntry> svEntries = sv.recipientDomains().getFirst().messages();
        String svBounced = remediationOf(svEntries, Verdict.BOUNCED);
        String svDeferred = remediationOf(svEntries, Verdict.DEFERRED);
        assertEquals("Inget att göra: Salesforce försöker igen.", svDeferred);
        assertTrue(svBounced.contains(". Meddelandet studsade, och Salesforce försöker inte igen med ett studsat"
                + " meddelande: skicka det igen senare."), svBounced);
        assertEquals(bouncedChain.remediation(Locale.of("sv")).orElseThrow(), svBounced);
    }

    /**
     * A log without the TLS_Cipher column tells Salesforce's internal hand-offs from deliveries only by a private relay
     * address: the title block, which describes the log, says so for such a log only.
     */
    @Test
    void theTitleBlockSaysWhenALogHasNoTlsColumn() throws Exception {
        ReportModel older = new ReportBuilder(LogFixtures.analyze(
                LogFixtures.sample("synthetic-no-tls-columns.csv")), options()).build();
        ReportModel newer = new ReportBuilder(LogFixtures.analyze(
                LogFixtures.sample("sample-email-log.csv")), options()).build();
        assertTrue(older.title().withoutTlsColumn());
        assertFalse(newer.title().withoutTlsColumn());
        // the same rows, so the same counts now that a D to a private address is a hand-off there too
        assertEquals(newer.summary().verdicts(), older.summary().verdicts());
    }

    /**
     * The review: the caveat said some messages counted as delivered may only have reached another Salesforce server,
     * while the conclusion said flatly "4 were handed to your mail servers and accepted". It hedges as the caveat
     * does, for such a log only, in both languages; but only the deliveries that could be a hand-off: not one to a host
     * in the recipient's domain (mx1.contoso.example), nor to a host that answered for that domain on a failed attempt
     * (fabrikam's Microsoft 365 host, which refused three of its messages), which no Salesforce server is.
     */
    @Test
    void theConclusionHedgesOnlyTheDeliveriesOfALogWithoutTheTlsColumnThatMayBeHandoffs(@TempDir Path dir)
            throws Exception {
        Path sample = LogFixtures.sample("synthetic-no-tls-columns.csv");
        LogAnalysis older = LogFixtures.analyze(sample);
        LogAnalysis newer = LogFixtures.analyze(LogFixtures.sample("sample-email-log.csv"));
        ReportOptions contoso = options().withDomains(Set.of("contoso.example"));
        ReportOptions fabrikam = options().withDomains(Set.of("fabrikam.example"));
        for (ReportOptions o : List.of(contoso, fabrikam, options())) {
            ReportModel m = new ReportBuilder(older, o).build();
            assertTrue(m.title().withoutTlsColumn());
            assertFalse(m.conclusion().contains("may only have reached"), m.conclusion());
            // the title block's caveat is said of the same deliveries: none here
            assertEquals(0, m.title().deliveriesMaybeHandoffs());
        }
        // one of fabrikam's deliveries to a host elsewhere (a public address, so still a delivery): it alone is hedged
        List<String> rows = java.nio.file.Files.readAllLines(sample);
        Path oneElsewhere = dir.resolve("one-elsewhere.csv");
        java.nio.file.Files.write(oneElsewhere, rows.stream().map(r -> r.contains("\"D\",\"frank@fabrikam.example\"")
                ? r.replace("fabrikam-example.mail.protection.outlook.com", "relay.elsewhere.example") : r).toList());
        ReportModel hedgedModel = new ReportBuilder(LogFixtures.analyze(oneElsewhere), fabrikam).build();
        assertEquals(1, hedgedModel.title().deliveriesMaybeHandoffs());
        String hedged = hedgedModel.conclusion();
        assertTrue(hedged.contains(", 4 were handed to your mail servers and accepted (1 of them after one or more"
                + " retries). This is as far as the log can tell: it has no TLS_Cipher column. 1 of them was handed to a"
                + " host outside the recipient domain and may only have reached another Salesforce server. "), hedged);
        String swedish = new ReportBuilder(LogFixtures.analyze(oneElsewhere),
                fabrikam.withLanguage(Locale.forLanguageTag("sv"))).build().conclusion();
        assertTrue(swedish.contains(" nya försök). Så långt visar loggen: den har ingen TLS_Cipher-kolumn. 1 av"
                + " dem lämnades till en värd utanför mottagardomänen och kan bara ha nått en annan av Salesforces"
                + " servrar. "), swedish);
        // all of them elsewhere: all hedged, as before
        Path allElsewhere = dir.resolve("all-elsewhere.csv");
        java.nio.file.Files.write(allElsewhere, rows.stream().map(r -> r.contains("\"D\",\"") && r.contains("fabrikam")
                ? r.replace("fabrikam-example.mail.protection.outlook.com", "relay.elsewhere.example") : r).toList());
        ReportModel allModel = new ReportBuilder(LogFixtures.analyze(allElsewhere), fabrikam).build();
        assertEquals(4, allModel.title().deliveriesMaybeHandoffs());
        String all = allModel.conclusion();
        assertTrue(all.contains(" retries). This is as far as the log can tell: it has no TLS_Cipher column. Each of"
                + " them was handed to a host outside the recipient domain and may only have reached another Salesforce"
                + " server. "), all);
        String flat = new ReportBuilder(newer, fabrikam).build().conclusion();
        assertTrue(flat.contains(", 4 were handed to your mail servers and accepted (1 of them after one or more"
                + " retries). "), flat);
        assertFalse(flat.contains("TLS_Cipher"), flat);
    }

    @Test
    void aLogWithoutTheColumnWhoseDRowsAreAllInALogWithItNeedsNoCaveat() throws Exception {
        Path older = LogFixtures.sample("synthetic-no-tls-columns.csv");
        Path newer = LogFixtures.sample("sample-email-log.csv");
        ReportModel both = new ReportBuilder(LogFixtures.analyze(older, newer), options()).build();
        assertFalse(both.title().withoutTlsColumn(), "every verdict rests on the file with the column");
    }

    @Test
    void filtersByDomainAndMessageId() {
        ReportOptions byDomain = options().withDomains(Set.of("CONTOSO.example."));
        ReportModel m = new ReportBuilder(data.analysis(), byDomain).checks(data.checks()).build();
        assertEquals(3, m.listedMessages());
        assertEquals(7, m.title().messagesInFile());
        assertFalse(m.ownSide().isEmpty(), "our own side is always in");

        ReportOptions idn = options().withDomains(Set.of("xn--bcher-kva.example"));
        assertEquals(1, new ReportBuilder(data.analysis(), idn).build().listedMessages());

        String id = data.analysis().chains().get(1).messageIdHeader();
        ReportOptions byId = options().withMessageIds(Set.of(id.substring(1, id.length() - 1)));
        ReportModel one = new ReportBuilder(data.analysis(), byId).rawRows(data.rawRows()).build();
        assertEquals(1, one.listedMessages());
        assertEquals(2, one.appendix().rows().size(), "R and D rows of that message");
        // the row names what it lists: Message ID Headers, not "Messages" as the count above it is labelled
        assertTrue(one.title().scope().getFirst().startsWith("Message ID Header: "), one.title().scope().toString());
        // an Internal Message ID asked for is a Message ID, not a Message ID Header
        ReportOptions byInternal = options().withMessageIds(Set.of(data.analysis().chains().get(1).internalMessageId()));
        assertTrue(new ReportBuilder(data.analysis(), byInternal).build().title().scope().getFirst()
                .startsWith("Message ID: "));
    }

    @Test
    void redactionReachesEveryPartOfTheModel() {
        ReportModel m = data.model(true);
        String all = m.toString().toLowerCase(java.util.Locale.ROOT);
        for (String local : SampleReportData.LOCAL_PARTS) {
            assertFalse(all.contains(local + "@"), local);
        }
        assertFalse(all.contains("0055g00000abcde"), "user IDs dropped, raw rows included");
        assertFalse(all.contains("reports go to dmarc-reports@"), "addresses inside findings' words too");
        // but a DNS record, public data, as it was seen
        assertTrue(all.contains("rua=mailto:dmarc-reports@acme.example"), "the record in the evidence is kept");
        assertTrue(all.contains("<20261120080000.1234.javamail.sfdc@na123-app7-12-ia4.ops.sfdc.net>"));
        assertTrue(m.title().redacted());
    }

    @Test
    void redactionReachesTheTlsColumnsAndTheCausesTable() {
        // the appendix masked these cells, but the events table and the causes' "What to do" quoted them as logged
        ReportFixture f = new ReportFixture("tls.csv");
        f.message("<m1@host.example>", "john.doe@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 ok", "TLSv1.3 for john.doe@contoso.example")
                .delivered();
        f.message("<m2@host.example>", "anna.smith@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.1.1 unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "Ask anna.smith@contoso.example's team.");
        ReportModel m = new ReportBuilder(f.analysis(), options().withRedaction(true)).rawRows(f.rawRows()).build();
        MessageEntry delivered = m.recipientDomains().getFirst().messages().stream()
                .filter(e -> e.verdict() == Verdict.DELIVERED).findFirst().orElseThrow();
        assertEquals("TLSv1.3 for j***@contoso.example (Verified)", delivered.tls());
        assertEquals("TLSv1.3 for j***@contoso.example (Verified)", delivered.events().getLast().tls());
        assertEquals("Ask a***@contoso.example's team.", m.summary().causes().getFirst().remediation());
    }

    @Test
    void redactionKeepsDistinctMailboxesDistinctAndSaysHow() {
        // the review: c@ and cc1@ both became "c***@contoso.example", and a postmaster could not tell them apart
        ReportFixture f = new ReportFixture("alike.csv");
        f.message("<m1@host.example>", "c@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.1.1 <c@contoso.example> unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        f.message("<m2@host.example>", "cc1@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.1.1 <cc1@contoso.example> unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel m = new ReportBuilder(f.analysis(), options().withRedaction(true)).rawRows(f.rawRows()).build();
        List<MessageEntry> messages = m.recipientDomains().getFirst().messages();
        assertEquals(Set.of("c***1@contoso.example", "c***2@contoso.example"),
                Set.copyOf(messages.stream().map(MessageEntry::recipient).toList()));
        for (MessageEntry e : messages) {
            assertTrue(e.events().getLast().status().contains("<" + e.recipient() + ">"),
                    "the reply quotes the mailbox with the same mask: " + e.events().getLast().status());
        }
        assertTrue(m.title().scope().stream().anyMatch(line -> line.contains("c***1, c***2")), m.title().scope()
                .toString());
    }

    @Test
    void redactionKeepsTheFormOfSalesforcesBounceEnvelopeInEveryPart() {
        // the envelope sender of Bounce Management holds the sender's address and an ID: its mailbox and ID masked,
        // the sender's domain and Salesforce's bounce domain kept, alike in the Sender field, a reply and a raw row
        String envelope = "jane.roe=acme.example__0a1b@x1y2.bnc.salesforce.com";
        String masked = "j***=acme.example__***@x1y2.bnc.salesforce.com";
        ReportFixture f = new ReportFixture("bnc.csv");
        f.message("<m1@host.example>", "ann@contoso.example").sender(envelope).received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 <" + envelope + ">: sender rejected")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        ReportModel m = new ReportBuilder(f.analysis(), options().withRedaction(true)).rawRows(f.rawRows()).build();
        MessageEntry e = m.recipientDomains().getFirst().messages().getFirst();
        assertEquals(masked, e.sender());
        assertEquals("550 5.7.1 <" + masked + ">: sender rejected", e.events().getLast().status());
        assertTrue(m.appendix().rows().stream().anyMatch(r -> r.toString().contains(masked)),
                m.appendix().rows().toString());
        assertFalse(m.toString().contains("jane.roe"), "the sender's mailbox is shown nowhere");
        assertFalse(m.toString().contains("0a1b"), "nor Salesforce's ID");
    }

    @Test
    void adviceToAcceptSalesforcesConnectionsPointsToSalesforcesArticleNotToIpRanges() {
        for (String status : List.of("[internal] Connection Timed Out",
                "[internal] no mail servers for this domain could be reached")) {
            Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(status));
            assertTrue(d.remediation().contains("\"Ensure You Can Receive Email From Salesforce\"")
                    && d.remediation().contains("000388992"), d.remediation());
            assertFalse(d.remediation().contains("from Salesforce's IP ranges"), d.remediation());
        }
    }

    @Test
    void redactionMasksNoWordOfOurOwnAdvice() {
        // a mailbox called "who" (and "send"): the Yahoo advice says "send only to recipients who asked for your mail"
        String status = "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to unexpected volume"
                + " or user complaints";
        Diagnosis yahoo = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(status));
        assertTrue(yahoo.remediation().contains("recipients who asked"), yahoo.remediation());
        ReportFixture f = new ReportFixture("who.csv");
        f.message("<m1@host.example>", "who@yahoo.example").received()
                .transientFailure("mx.yahoo.example", "192.0.2.9", status).deferred(yahoo);
        f.message("<m2@host.example>", "send@yahoo.example").received()
                .transientFailure("mx.yahoo.example", "192.0.2.9", "451 who knows, send later").deferred(yahoo);
        ReportModel m = new ReportBuilder(f.analysis(), options().withRedaction(true)).rawRows(f.rawRows()).build();
        assertEquals(yahoo.remediation(), m.summary().causes().getFirst().remediation());
        assertEquals(yahoo.explanation(), m.recipientDomains().getFirst().messages().getFirst().explanation());
        assertTrue(m.recipientDomains().getFirst().messages().stream()
                .allMatch(e -> e.remediation().equals(yahoo.remediation())), "every message's fix as written");
        assertTrue(m.recipientDomains().getFirst().messages().stream().allMatch(e -> e.recipient().endsWith("***@yahoo.example")),
                "the mailboxes themselves stay masked");
    }

    @Test
    void rawRowsThatCannotBeReadBecomeANote() {
        RawRowSource broken = new RawRowSource() {
            @Override
            public List<String> header() throws IOException {
                throw new IOException("file is gone");
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                return Map.of();
            }
        };
        ReportModel m = new ReportBuilder(data.analysis(), options()).rawRows(broken).build();
        assertTrue(m.appendix().rows().isEmpty());
        assertTrue(m.appendix().note().orElseThrow().contains("file is gone"));
    }

    @Test
    void theNoteOnUnreadableRawRowsNamesTheFileWithoutItsFolders(@TempDir Path home) {
        // the note said "from /home/jdoe/Downloads/EmailLog.csv: …": the user's name in a report meant to leave the
        // company, redacted or not (a path is one token, not an address)
        Path log = home.resolve("jdoe.private").resolve("EmailLog.csv");
        ReportFixture f = new ReportFixture(log.toString());
        f.message("<m1@host.example>", "bob.jones@x.example").received().delivered();
        for (boolean redact : new boolean[] {false, true}) {
            ReportModel m = new ReportBuilder(f.analysis(), options().withRedaction(redact))
                    .rawRows(new LogFileRawRows(log)).build();
            String note = m.appendix().note().orElseThrow();
            assertTrue(note.startsWith("The raw rows could not be read again from EmailLog.csv: "), note);
            assertFalse(note.contains("jdoe") || note.contains(home.toString()), note);
            assertTrue(note.endsWith("exist.") && !note.endsWith(".."), note);
        }
        RawRowSource failing = new RawRowSource() {
            @Override
            public List<String> header() throws IOException {
                throw new IOException("read error in " + log + ".");
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                return Map.of();
            }
        };
        String note = new ReportBuilder(f.analysis(), options()).rawRows(failing).build().appendix().note()
                .orElseThrow();
        assertEquals("The raw rows could not be read again from EmailLog.csv: read error in EmailLog.csv.", note);
        RawRowSource gone = new RawRowSource() {
            @Override
            public List<String> header() throws IOException {
                throw new java.nio.file.NoSuchFileException(log.toString());
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                return Map.of();
            }
        };
        assertEquals("The raw rows could not be read again from EmailLog.csv: the file no longer exists.",
                new ReportBuilder(f.analysis(), options()).rawRows(gone).build().appendix().note().orElseThrow());
    }

    @Test
    void extraFindingsArePlacedByTheirSubject() {
        Finding probe = new Finding("SMTP_STARTTLS_MISSING", Severity.ERROR, "mx.fabrikam.example",
                "No STARTTLS", List.of("250-mx.fabrikam.example"), "Enable STARTTLS", Actor.RECIPIENT_MAIL_TEAM);
        Finding local = new Finding("SMTP_PORT25_BLOCKED", Severity.WARNING, "192.0.2.99", "Port 25 blocked",
                List.of(), "", Actor.LOCAL_NETWORK);
        ReportModel m = new ReportBuilder(data.analysis(), options()).extraFindings(List.of(probe, local)).build();
        RecipientDomainSection fabrikam = m.recipientDomains().stream()
                .filter(s -> s.domain().equals("fabrikam.example")).findFirst().orElseThrow();
        // the recipient's mail team reads a fix that is theirs to do as it is; our side's part shows no such words
        assertEquals(List.of(probe.withMailTeamRemediationShown("Enable STARTTLS")), fabrikam.findings());
        assertEquals(List.of(local), m.ownSide().otherFindings());
    }

    @Test
    void messagesChosenOneByOneKeepOneRecipientOfAMessageSentToSeveral() {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<shared@x>", "Anna@Contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.1.1 unknown")
                .bounced(Category.RECIPIENT, Actor.RECIPIENT_MAIL_TEAM, "", "");
        f.message("<shared@x>", "bo@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 ok", "TLSv1.3:X").delivered();
        f.message("", "cleo@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "192.0.2.2", "250 ok", "TLSv1.3:X").delivered();
        List<org.mailpath.engine.analysis.MessageChain> chains = f.chains();

        // By Message ID Header both recipients of <shared@x> come along; by key only the one chosen.
        assertEquals(2, new ReportBuilder(f.analysis(), options().withMessageIds(Set.of("<shared@x>")))
                .build().listedMessages());
        ReportModel anna = new ReportBuilder(f.analysis(), options().withMessages(
                Set.of(new MessageKey("<shared@x>", "anna@contoso.example")))).rawRows(f.rawRows()).build();
        assertEquals(1, anna.listedMessages());
        assertEquals("Anna@Contoso.example", anna.recipientDomains().getFirst().messages().getFirst().recipient());
        assertEquals(2, anna.appendix().rows().size(), "only that recipient's R and P rows");
        assertEquals(List.of("Selection: messages chosen one by one"), anna.title().scope());
        assertEquals(3, anna.title().messagesInFile());

        // A message without a Message ID Header is named by its Internal Message ID.
        MessageKey cleo = MessageKey.of(chains.get(2));
        assertEquals("#" + chains.get(2).internalMessageId(), cleo.messageId());
        ReportModel two = new ReportBuilder(f.analysis(), options()
                .withMessages(Set.of(MessageKey.of(chains.get(1)), cleo))).build();
        assertEquals(List.of("contoso.example", "fabrikam.example"),
                two.recipientDomains().stream().map(RecipientDomainSection::domain).sorted().toList());
        assertEquals(Map.of(Verdict.DELIVERED, 2L, Verdict.BOUNCED, 0L, Verdict.DEFERRED, 0L,
                Verdict.RECEIVED_ONLY, 0L), two.summary().verdicts(), "the summary counts the chosen messages only");

        // The other filters still apply; a chosen set that is empty means no message, never all of them.
        assertEquals(1, new ReportBuilder(f.analysis(), options().withDomains(Set.of("fabrikam.example"))
                .withMessages(Set.of(MessageKey.of(chains.get(1)), cleo))).build().listedMessages());
        assertEquals(0, new ReportBuilder(f.analysis(), options().withMessages(Set.of())).build().listedMessages());
        assertEquals(3, new ReportBuilder(f.analysis(), options().withMessages(Set.of()).withEveryMessage())
                .build().listedMessages());
    }

    @Test
    void messageKeysCompareRecipientsCaseInsensitivelyAndIdsExactly() {
        assertEquals(new MessageKey("<a@x>", "anna@contoso.example"), new MessageKey(" <a@x> ", "ANNA@Contoso.example"));
        assertFalse(new MessageKey("<a@x>", "anna@contoso.example").equals(new MessageKey("<A@x>", "anna@contoso.example")),
                "the analysis keeps Message ID Headers as written");
    }

    @Test
    void emptySelectionSaysSo() {
        ReportModel m = new ReportBuilder(data.analysis(), options().withDomains(Set.of("nowhere.example"))).build();
        assertEquals(0, m.listedMessages());
        assertTrue(m.conclusion().startsWith("No messages in the log match"), m.conclusion());
    }

    /**
     * The review, as nullmx.example's and yahoo.example's teams read their reports: "On our side (our Salesforce
     * admin): This lies on our side, for us to correct" said nothing of what will be done, and the null MX row said
     * "The recipient domain publishes …" where the same report's conclusion said "your domain". A message whose fix is
     * ours has no line of advice for the team; what its reply means speaks to the team in a report addressed to it.
     */
    @Test
    void aOneDomainReportNeitherFillsInOurSidesAdviceNorSpeaksOfTheRecipientDomain() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        String nullMx = "550 5.4.4 [internal] NULL MX domain does not accept mail";
        f.message("<1@acme.example>", "noreply@nullmx.example").received()
                .permanentFailure("", "", nullMx)
                .bounced(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(nullMx)));
        String yahoo = "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to unexpected volume";
        f.message("<2@acme.example>", "z@yahoo.example").received()
                .transientFailure("mta5.am0.yahoodns.example", "192.0.2.160", yahoo)
                .deferred(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(yahoo)));
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            ReportModel toNullMx = new ReportBuilder(f.analysis(), options().withDomains(Set.of("nullmx.example"))
                    .withLanguage(language)).build();
            assertTrue(toNullMx.addressedToMailTeam());
            MessageEntry bounced = toNullMx.recipientDomains().getFirst().messages().getFirst();
            assertEquals(Actor.SENDER_ADMIN, bounced.actor());
            assertEquals("", bounced.mailTeamRemediation());
            String yours = language == Locale.ENGLISH ? "Your domain publishes a null MX: it accepts no mail."
                    : "Er domän publicerar en null-MX: den tar inte emot någon e-post.";
            assertEquals(yours, bounced.mailTeamExplanation());
            assertEquals(yours, toNullMx.summary().causes().getFirst().mailTeamMeaning());
            // our admin's own fix stays ours
            assertFalse(bounced.remediation().isEmpty());

            MessageEntry deferred = new ReportBuilder(f.analysis(), options().withDomains(Set.of("yahoo.example"))
                    .withLanguage(language)).build().recipientDomains().getFirst().messages().getFirst();
            assertEquals(Actor.SENDER_ADMIN, deferred.actor());
            assertEquals("", deferred.mailTeamRemediation());
        }
        // our admin's report speaks to the domain's mail team in its part for them too (the knowledge base's words
        // for the team), and keeps the admin's words of the recipient domain in the explanation (the JSON's)
        MessageEntry inAll = new ReportBuilder(f.analysis(), options()).build().recipientDomains().stream()
                .filter(d -> d.domain().equals("nullmx.example")).findFirst().orElseThrow().messages().getFirst();
        assertEquals("Your domain publishes a null MX: it accepts no mail.", inAll.mailTeamExplanation());
        assertEquals("The recipient domain publishes a null MX: it accepts no mail.", inAll.explanation());
    }

    /**
     * A log in which gave-up@ was deferred with {@code reply} and then expired (a bounce read by its last deferral),
     * retried@ was deferred with the same reply a day later and is still retried, and r@ was received.
     */
    private static Path expiredBounceAndDeferralLog(Path dir, String reply) {
        return LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("3/6/2009 8:00", "T", "gave-up@corp.example", "m1", reply, ""),
                LogFixtures.row("3/7/2009 8:05", "P", "gave-up@corp.example", "m1",
                        "554 5.4.7 [internal] exceeded max time without delivery", ""),
                LogFixtures.row("3/7/2009 8:00", "T", "retried@corp.example", "m2", reply, ""),
                LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", ""));
    }

    private static MessageEntry entryTo(List<MessageEntry> entries, String recipientStart) {
        return entries.stream().filter(e -> e.recipient().startsWith(recipientStart)).findFirst().orElseThrow();
    }

    private static String remediationOf(List<MessageEntry> entries, Verdict verdict) {
        return entries.stream().filter(e -> e.verdict() == verdict).findFirst().orElseThrow().remediation();
    }
}
