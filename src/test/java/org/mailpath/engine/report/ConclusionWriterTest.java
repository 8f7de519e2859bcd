package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dnsbl.DnsblCheck;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/**
 * The conclusion counts the recipient's problems and ours apart from the checks this computer's network kept
 * from being made (a resolver that answers NXDOMAIN for everything is no fault of the domains it was asked about).
 */
class ConclusionWriterTest {

    private static final String NOT_CHECKED = "marked not checked could not be made from this computer's network: the "
            + "DNS resolver or its connection did not work for them. They say nothing about ";

    private final SampleReportData data = SampleReportData.create();

    @Test
    void checksThisComputerCouldNotMakeAreNobodysProblems() {
        ReportModel m = build(List.of(
                new DomainCheckResult("contoso.example", List.of(resolverFailed("contoso.example")), List.of()),
                new DomainCheckResult("acme.example", List.of(resolverFailed("acme.example"),
                        new Finding("DKIM_NO_SELECTOR", Severity.INFO, "acme.example", "No selector given.",
                                List.of(), "", Actor.NOBODY)), List.of())));

        String c = m.conclusion();
        assertFalse(c.contains("problem"), c);
        assertTrue(c.endsWith(" The checks of contoso.example and acme.example " + NOT_CHECKED + "those domains and "
                + "must be made again from a network where they work."), c);
        RecipientDomainSection contoso = section(m, "contoso.example");
        assertEquals(List.of(), contoso.findings(), "no problem block in the recipient's section");
        assertEquals(List.of("DNS_LOOKUP_FAILED"), contoso.notChecked().stream().map(Finding::code).toList());
    }

    @Test
    void realProblemsAndUncheckedOnesAreCountedApart() {
        Finding edns = new Finding("EDNS_NONCOMPLIANT", Severity.WARNING, "ns1.contoso.example",
                "ns1.contoso.example breaks the EDNS rules.", List.of(), "Fix the server.", Actor.RECIPIENT_MAIL_TEAM);
        Finding dkim = new Finding("DKIM_CNAME_MISSING", Severity.ERROR, "sfdc1._domainkey.acme.example",
                "The DKIM key is not published.", List.of(), "Publish it.", Actor.SENDER_ADMIN);
        ReportModel m = build(List.of(
                new DomainCheckResult("contoso.example", List.of(edns), List.of()),
                new DomainCheckResult("fabrikam.example", List.of(resolverFailed("fabrikam.example")), List.of()),
                new DomainCheckResult("acme.example", List.of(dkim, resolverFailed("acme.example")), List.of())));

        String c = m.conclusion();
        assertTrue(c.contains(" The checks found 1 problem on the recipient's side and 1 on ours. The DNS checks "
                + "found name servers of contoso.example that do not meet current DNS standards (EDNS). The DNS checks "
                + "did not include 例子.example, so they say nothing about its DNS. The checks of "
                + "fabrikam.example and acme.example " + NOT_CHECKED + "those domains and"), c);
        assertEquals(List.of(edns.withMailTeamRemediationShown("Fix the server.")),
                section(m, "contoso.example").findings());
        assertEquals(List.of(), section(m, "fabrikam.example").findings());
        assertEquals(1, section(m, "fabrikam.example").notChecked().size());
    }

    @Test
    void problemsAreCountedInTheRightNumberOnEachSide() {
        assertTrue(problems(2, 0).contains(" The checks found 2 problems on the recipient's side."), problems(2, 0));
        assertTrue(problems(1, 0).contains(" The checks found 1 problem on the recipient's side."), problems(1, 0));
        assertTrue(problems(0, 1).contains(" The checks found 1 problem on our own side."), problems(0, 1));
        assertTrue(problems(0, 2).contains(" The checks found 2 problems on our own side."), problems(0, 2));
        assertTrue(problems(2, 2).contains(" The checks found 2 problems on the recipient's side and 2 on ours."),
                problems(2, 2));
        assertFalse(problems(0, 0).contains("problem"), problems(0, 0));
    }

    /**
     * The review: gone.example's DNS findings name our admin (the address is ours to correct), yet the conclusion
     * counted every finding of a recipient domain "on your side". A recipient section's finding is counted on the
     * side its actor names.
     */
    @Test
    void aRecipientDomainsFindingNamingOurAdminIsCountedOnOurSide() {
        // an actor as the report sets it (ReportBuilder#withFactActor does for a domain no mail can reach)
        Finding ours = new Finding("MX_CNAME", Severity.ERROR, "mx1.contoso.example", "mx1.contoso.example is an"
                + " alias.", List.of(), "Correct the address.", Actor.SENDER_ADMIN);
        Finding theirs = new Finding("MX_CNAME", Severity.WARNING, "mx.contoso.example",
                "mx.contoso.example is an alias.", List.of(), "Fix it.", Actor.RECIPIENT_MAIL_TEAM);
        String onlyOurs = build(List.of(new DomainCheckResult("contoso.example", List.of(ours), List.of())))
                .conclusion();
        assertTrue(onlyOurs.contains(" The checks found 1 problem on our own side."), onlyOurs);
        assertFalse(onlyOurs.contains("recipient's side"), onlyOurs);
        String both = build(List.of(new DomainCheckResult("contoso.example", List.of(ours, theirs), List.of())))
                .conclusion();
        assertTrue(both.contains(" The checks found 1 problem on the recipient's side and 1 on ours."), both);
    }

    /** The conclusion with {@code theirs} warnings on contoso.example and {@code ours} errors on acme.example. */
    private String problems(int theirs, int ours) {
        List<Finding> contoso = new ArrayList<>();
        for (int i = 0; i < theirs; i++) {
            contoso.add(new Finding("MX_CNAME", Severity.WARNING, "mx" + i + ".contoso.example",
                    "mx" + i + ".contoso.example is an alias.", List.of(), "Fix it.", Actor.RECIPIENT_MAIL_TEAM));
        }
        List<Finding> acme = new ArrayList<>();
        for (int i = 0; i < ours; i++) {
            acme.add(new Finding("DKIM_CNAME_MISSING", Severity.ERROR, "sfdc" + i + "._domainkey.acme.example",
                    "The DKIM key is not published.", List.of(), "Publish it.", Actor.SENDER_ADMIN));
        }
        return build(List.of(new DomainCheckResult("contoso.example", contoso, List.of()),
                new DomainCheckResult("acme.example", acme, List.of()))).conclusion();
    }

    @Test
    void oneUncheckedDomainIsNamedAndManyAreCounted() {
        ReportModel one = build(List.of(
                new DomainCheckResult("fabrikam.example", List.of(resolverFailed("fabrikam.example")), List.of())));
        assertTrue(one.conclusion().endsWith(" The checks of fabrikam.example " + NOT_CHECKED + "that domain and "
                + "must be made again from a network where they work."), one.conclusion());

        List<DomainCheckResult> all = new ArrayList<>();
        for (String d : List.of("contoso.example", "fabrikam.example", "例子.example", "bücher.example",
                "acme.example")) {
            all.add(new DomainCheckResult(d, List.of(resolverFailed(d)), List.of()));
        }
        assertTrue(build(all).conclusion().contains(" The checks of 5 domains " + NOT_CHECKED + "those domains and"));
    }

    @Test
    void domainsWhoseBlocklistChecksAloneWereNotMadeAreNotCalledUnchecked() {
        // as the sample's domains through a resolver the blocklists do not answer: MX, EDNS … were made
        List<DomainCheckResult> results = new ArrayList<>();
        for (String d : List.of("contoso.example", "fabrikam.example", "例子.example", "bücher.example")) {
            results.add(new DomainCheckResult(d, List.of(ednsOk(d), blocklistsUnusable(d)), List.of()));
        }
        results.add(new DomainCheckResult("acme.example", List.of(resolverFailed("acme.example")), List.of()));
        String c = build(results).conclusion();
        assertTrue(c.contains(" The blocklist checks of 4 domains could not be made from this computer's network: the "
                + "DNS resolver or its connection did not work for them. They say nothing about those "
                + "domains and must be made again from a network where they work. The other checks of those domains "
                + "were made."), c);
        // the one none of whose checks was made is still not checked as a whole, and named alone
        assertTrue(c.contains(" The checks of acme.example " + NOT_CHECKED + "that domain and"), c);
        assertFalse(c.contains("The checks of 5 domains"), c);

        String one = build(List.of(new DomainCheckResult("fabrikam.example", List.of(ednsOk("fabrikam.example"),
                blocklistsUnusable("fabrikam.example")), List.of()))).conclusion();
        assertTrue(one.endsWith(" The blocklist checks of fabrikam.example could not be made from this computer's "
                + "network: the DNS resolver or its connection did not work for them. They say nothing "
                + "about that domain and must be made again from a network where they work. The other checks of "
                + "that domain were made."), one);

        String swedish = new ReportBuilder(data.analysis(), options().withLanguage(Locale.of("sv")))
                .checks(new CheckReport(List.of(new DomainCheckResult("fabrikam.example",
                        List.of(ednsOk("fabrikam.example"), blocklistsUnusable("fabrikam.example")), List.of()))))
                .build().conclusion();
        assertTrue(swedish.contains("Kontrollerna av blocklistor för fabrikam.example kunde inte göras"), swedish);
        assertTrue(swedish.endsWith("De andra kontrollerna av den domänen gjordes."), swedish);
    }

    /**
     * The review: blocklists that time out give the resolver's generic codes (DNS_TIMEOUT, DNS_LOOKUP_FAILED), not a
     * DNSBL_ one, and the conclusion then called fabrikam.example not checked as a whole although its other checks
     * were made. The failure names the lists' zones only: it is the blocklist checks', and names them alone. One that
     * names the domain (the resolver's failures said once for several checks) still says nothing of which were made.
     */
    @Test
    void blocklistsTheResolverGotNoAnswerFromAreTheBlocklistChecksOnly() {
        // the default lists' test points time out, as a DnsblCheck run finds them, combined as a check run does
        FakeDns dns = FakeDns.of(
                "fabrikam.example. MX 10 mx.fabrikam.example.\nmx.fabrikam.example. A 192.0.2.25\n");
        for (DnsblZone z : DnsblZone.defaults()) {
            dns.fail("2.0.0.127." + z.zone(), Type.A, DnsStatus.TIMEOUT);
        }
        List<Finding> blocklists = dns.run(new DnsblCheck(), "fabrikam.example",
                FakeDns.options(null, List.of(), List.of()));
        List<Finding> all = new ArrayList<>(blocklists);
        all.add(ednsOk("fabrikam.example"));
        List<Finding> findings = ConcurrentDomainChecker.domainFindings("fabrikam.example",
                all);
        Finding timeout = findings.stream().filter(ReportFindings::notChecked).findFirst().orElseThrow();
        assertEquals("DNS_TIMEOUT", timeout.code());

        String c = build(List.of(new DomainCheckResult("fabrikam.example", findings, List.of()))).conclusion();
        assertTrue(c.endsWith(" The blocklist checks of fabrikam.example could not be made from this computer's "
                + "network: the DNS resolver or its connection did not work for them. They say nothing "
                + "about that domain and must be made again from a network where they work. The other checks of "
                + "that domain were made."), c);
        assertFalse(c.contains("The checks of fabrikam.example"), c);

        // one list's own question, named as it was asked
        Finding one = new Finding("DNS_LOOKUP_FAILED", Severity.WARNING, "2.0.0.127.bl.spamcop.net.",
                "The lookup failed.", List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK);
        assertTrue(build(List.of(new DomainCheckResult("fabrikam.example", List.of(ednsOk("fabrikam.example"), one),
                List.of()))).conclusion().contains(" The blocklist checks of fabrikam.example could not be made"));
        // the resolver's failures said once for the domain: which checks were made is not known
        Finding once = new Finding("DNS_TIMEOUT", Severity.WARNING, "fabrikam.example", "Lookups timed out.",
                List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK);
        String whole = build(List.of(new DomainCheckResult("fabrikam.example", List.of(ednsOk("fabrikam.example"),
                once), List.of()))).conclusion();
        assertTrue(whole.contains(" The checks of fabrikam.example " + NOT_CHECKED + "that domain and"), whole);
        // a blocklist zone and a name of the domain's: not the blocklist checks' alone
        Finding mixed = new Finding("DNS_TIMEOUT", Severity.WARNING, "zen.spamhaus.org, _mta-sts.fabrikam.example",
                "Lookups timed out.", List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK);
        assertTrue(build(List.of(new DomainCheckResult("fabrikam.example", List.of(ednsOk("fabrikam.example"),
                mixed), List.of()))).conclusion().contains(" The checks of fabrikam.example " + NOT_CHECKED));
    }

    /**
     * A report's copy of a finding (redacted, or in the report's language) keeps the names it is about as data: the
     * conclusion reads them there. The old code read them back out of the subject, so a subject worded otherwise
     * (here "the default blocklists") called the domain not checked as a whole although its other checks were made.
     */
    @Test
    void aReportsCopyKeepsTheNamesAFailureIsAbout() {
        Finding timeout = new Finding("DNS_TIMEOUT", Severity.WARNING, "the default blocklists", "Lookups timed out.",
                List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK)
                .withDnsNames(List.of("zen.spamhaus.org", "bl.spamcop.net"));
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("fabrikam.example",
                List.of(ednsOk("fabrikam.example"), timeout), List.of())));
        String redacted = new ReportBuilder(data.analysis(), options().withRedaction(true)).checks(checks).build()
                .conclusion();
        assertTrue(redacted.contains(" The blocklist checks of fabrikam.example could not be made"), redacted);
        assertFalse(redacted.contains("The checks of fabrikam.example"), redacted);
        String swedish = new ReportBuilder(data.analysis(), options().withLanguage(Locale.of("sv"))).checks(checks)
                .build().conclusion();
        assertTrue(swedish.contains("Kontrollerna av blocklistor för fabrikam.example kunde inte göras"), swedish);
    }

    @Test
    void aResolverFailureIsPutToTheChecksTheRunSawMeetIt() {
        // the lookups of a blocklist the user named timed out (DNS_TIMEOUT, which any check can give), and the
        // resolver's failures said once for the domain: whose they were, only the run knew
        Finding timeout = new Finding("DNS_TIMEOUT", Severity.WARNING, "2.0.0.127.bl.example.net",
                "DNS lookup 2.0.0.127.bl.example.net A failed (TIMEOUT).", List.of(), "Check the resolver used.",
                Actor.LOCAL_NETWORK);
        Finding once = new Finding("DNS_TIMEOUT", Severity.WARNING, "fabrikam.example", "Lookups timed out.",
                List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK);
        for (Finding f : List.of(timeout, once)) {
            String c = build(List.of(new DomainCheckResult("fabrikam.example", List.of(ednsOk("fabrikam.example"), f),
                    List.of(), Optional.empty(), Set.of(CheckKind.DNSBL))))
                    .conclusion();
            assertTrue(c.endsWith(" The blocklist checks of fabrikam.example could not be made from this"
                    + " computer's network: the DNS resolver or its connection did not work for them. They"
                    + " say nothing about that domain and must be made again from a network where they work."
                    + " The other checks of that domain were made."), c);
            // not known whose it was: the domain is not checked as a whole, as before
            String unknown = build(List.of(new DomainCheckResult("fabrikam.example",
                    List.of(ednsOk("fabrikam.example"), f), List.of()))).conclusion();
            assertTrue(unknown.contains(" The checks of fabrikam.example " + NOT_CHECKED + "that domain and"), unknown);
        }
    }

    private static Finding ednsOk(String domain) {
        return new Finding("EDNS_OK", Severity.OK, domain, "The name servers of " + domain + " meet the EDNS rules.",
                List.of(), "", Actor.NOBODY);
    }

    private static Finding blocklistsUnusable(String domain) {
        return new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, "zen.spamhaus.org, bl.spamcop.net",
                "Blocklists not checked: zen.spamhaus.org, bl.spamcop.net do not answer the resolver used.",
                List.of(), "Check the resolver used.", Actor.LOCAL_NETWORK);
    }

    @Test
    void aProbeBlockedOnThisNetworkIsNotCountedAsAProblemEither() {
        Finding blocked = new Finding("SMTP_PORT25_BLOCKED_LOCALLY", Severity.ERROR, "mx.fabrikam.example",
                "Port 25 is blocked on this network.", List.of(), "Run the probe elsewhere.", Actor.LOCAL_NETWORK);
        ReportModel m = new ReportBuilder(data.analysis(), options()).extraFindings(List.of(blocked)).build();
        assertFalse(m.conclusion().contains("problem"), m.conclusion());
        assertTrue(m.conclusion().contains(" The checks of fabrikam.example " + NOT_CHECKED + "that domain and"),
                m.conclusion());
        // this computer's network is ours to mind: the recipient's mail team is not told to run the probe elsewhere,
        // nor given our account of the failure
        assertEquals(List.of(new Finding("SMTP_PORT25_BLOCKED_LOCALLY", Severity.ERROR, "mx.fabrikam.example",
                "Our network could not make this check of mx.fabrikam.example, so it says nothing either way.",
                List.of(), "Run the probe elsewhere.", Actor.LOCAL_NETWORK).withMailTeamRemediationShown(
                "This lies in our own network, for us to correct; nothing is needed from your mail team.")),
                section(m, "fabrikam.example").notChecked());
    }

    @Test
    void aReportForOneDomainsMailTeamSpeaksToThatTeam() {
        ReportModel m = new ReportBuilder(data.analysis(), options().withDomains(Set.of("contoso.example")))
                .checks(data.checks()).build();
        String c = m.conclusion();
        assertTrue(m.addressedToMailTeam());
        assertTrue(c.startsWith("Of the 3 messages to contoso.example, "), c);
        assertTrue(c.contains(", 1 was handed to your mail servers and accepted."), c);
        assertTrue(c.contains(" Accepted messages are out of Salesforce's hands. If they did not reach the inbox, you"
                + " can find them in your own logs by the Message ID Headers listed in this report."), c);
        assertTrue(c.contains(" The checks found 1 problem on your side and 2 on ours."), c);
        assertFalse(c.contains("recipient's mail team"), c);
        assertFalse(c.contains("recipient's side"), c);

        // the same log and checks in our admin's report: spoken of, not to
        String admin = new ReportBuilder(data.analysis(), options()).checks(data.checks()).build().conclusion();
        assertTrue(admin.contains(" handed to the recipients' mail servers and accepted"), admin);
        assertTrue(admin.contains(" The checks found 1 problem on the recipient's side and 2 on ours."), admin);
    }

    @Test
    void aReportForOneDomainsMailTeamSaysItsUncheckedChecksAreOurNetworks() {
        ReportModel m = new ReportBuilder(data.analysis(), options().withDomains(Set.of("contoso.example")))
                .checks(new CheckReport(List.of(new DomainCheckResult("contoso.example",
                        List.of(resolverFailed("contoso.example")), List.of())))).build();
        assertTrue(m.conclusion().endsWith(" The checks of contoso.example marked not checked could not be made from"
                + " our network: the DNS resolver or its connection did not work for them. They say"
                + " nothing about that domain either way."), m.conclusion());
    }

    @Test
    void aReportForOneDomainsMailTeamSpeaksToItInSwedishToo() {
        ReportModel m = new ReportBuilder(data.analysis(), options().withDomains(Set.of("contoso.example"))
                .withLanguage(Locale.forLanguageTag("sv"))).checks(data.checks()).build();
        String c = m.conclusion();
        assertTrue(c.contains("1 lämnades över till era e-postservrar och togs emot"), c);
        assertTrue(c.contains("Om de inte kom fram till inkorgen kan ni hitta dem i era egna loggar"), c);
        // the review: "Meddelanden som mottagarens servrar har tagit emot" in a report to that recipient's team
        assertTrue(c.contains(" Meddelanden som era servrar har tagit emot ligger utanför Salesforces kontroll"), c);
        assertFalse(c.contains("mottagarens"), c);
        assertTrue(c.contains(" Kontrollerna hittade 1 problem hos er och 2 hos oss."), c);
        assertFalse(c.contains("mottagarens e-postteam"), c);
        assertFalse(c.contains("hos mottagaren"), c);
    }

    /**
     * The review: a report addressed to fabrikam.example's mail team said its messages bounced because "the
     * recipient's servers refused the message by a policy of theirs". A cause on the team's side is theirs, spoken to
     * them; one that names no side of theirs (a directory lookup) keeps its words.
     */
    @Test
    void aReportForOneDomainsMailTeamNamesTheCausesOnItsSideAsItsOwn() {
        ReportFixture f = threeCauses();
        String en = mailTeamConclusion(f, Locale.ENGLISH);
        assertTrue(en.contains(" For 1 of them, Salesforce could reach no mail server of your domain."), en);
        assertTrue(en.contains(" For 1 of them, your servers refused the message by a policy of yours (on content or"
                + " senders)."), en);
        assertTrue(en.contains(" For 1 of them, a directory (usually DNS) lookup failed."), en);
        assertFalse(en.contains("recipient"), en);
        assertFalse(en.contains("theirs"), en);

        String sv = mailTeamConclusion(f, Locale.forLanguageTag("sv"));
        assertTrue(sv.contains(" 1 av dem eftersom Salesforce nådde ingen e-postserver för er domän."), sv);
        assertTrue(sv.contains(" 1 av dem eftersom era servrar avvisade meddelandet enligt en policy hos er (för"
                + " innehåll eller avsändare)."), sv);
        assertTrue(sv.contains(" 1 av dem eftersom en kataloguppslagning (oftast i DNS) misslyckades."), sv);
        assertFalse(sv.contains("mottagar"), sv);

        // the same messages beside mail to another domain: a report on several domains speaks of the recipient (the
        // whole of a log of one domain is that domain's team's, as with --domain)
        f.message("<other@acme.example>", "o@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "192.0.2.9", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        String admin = new ReportBuilder(f.analysis(), options()).build().conclusion();
        assertTrue(admin.contains("For 1 of them, Salesforce could reach no mail server of the recipient domain."), admin);
        assertTrue(admin.contains("the recipient's servers refused the message by a policy of theirs"), admin);
    }

    /** Counted by category (more replies than can be named), a category's general words speak to the team too. */
    @Test
    void aCategorysGeneralWordsSpeakToTheMailTeamToo() {
        ReportFixture f = threeCauses();
        f.message("<4@acme.example>", "d@contoso.example").received()
                .permanentFailure("", "", "550 5.1.10 [internal] null MX")
                .bounced(new Diagnosis(Category.DNS, "Null MX.", "", Actor.RECIPIENT_MAIL_TEAM, "salesforce.null-mx"));
        f.message("<5@acme.example>", "e@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "451 4.7.1 Try again later")
                .bounced(Category.RATE_LIMIT, Actor.NOBODY, "Greylisted.", "");
        String en = mailTeamConclusion(f, Locale.ENGLISH);
        // the group holds "no mail servers could be reached" and a reached server's directory failure, of which
        // "your domain's DNS gave Salesforce no mail server" would say more than they do: the category's wider words
        assertTrue(en.contains(" For 3 of them, the message could not be routed to a mail server of your"
                + " domain."), en);
        assertTrue(en.contains(" For 1 of them, your servers throttled or greylisted the delivery."), en);
        assertFalse(en.contains("recipient"), en);
        String sv = mailTeamConclusion(f, Locale.forLanguageTag("sv"));
        assertTrue(sv.contains(" 3 av dem eftersom routningen av meddelandet till en e-postserver för er domän"
                + " misslyckades."), sv);
        assertFalse(sv.contains("mottagar"), sv);
    }

    /** Three messages to contoso.example, each bounced for a cause of its own. */
    private static ReportFixture threeCauses() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        f.message("<1@acme.example>", "a@contoso.example").received()
                .permanentFailure("", "", "554 5.4.4 [internal] no mail servers for this domain could be reached")
                .bounced(new Diagnosis(Category.DNS, "No mail server could be reached.", "", Actor.RECIPIENT_MAIL_TEAM,
                        "salesforce.no-mail-servers"));
        f.message("<2@acme.example>", "b@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        f.message("<3@acme.example>", "c@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "451 4.4.3 Directory lookup failed")
                .bounced(new Diagnosis(Category.DNS, "A lookup failed.", "", Actor.NOBODY, "enhanced:X.4.3"));
        return f;
    }

    private static String mailTeamConclusion(ReportFixture f, Locale language) {
        ReportModel m = new ReportBuilder(f.analysis(), options().withDomains(Set.of("contoso.example"))
                .withLanguage(language)).build();
        assertTrue(m.addressedToMailTeam());
        return m.conclusion();
    }

    /**
     * The review: "Of the one message to X …, 1 bounced" and "all 2 bounced". The one message is the sentence's
     * subject, two are both, in English and Swedish.
     */
    @Test
    void oneMessageIsTheSubjectAndTwoAreBoth() {
        ReportFixture one = new ReportFixture("/tmp/log.csv");
        one.message("<1@acme.example>", "a@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        // a log of one domain: the report is that domain's team's, and speaks to them
        String en = conclusion(one, Locale.ENGLISH);
        assertTrue(en.startsWith("The one message to contoso.example bounced because your servers refused"
                + " the message by a policy of yours (on content or senders)."), en);
        assertFalse(en.contains("Of the one") || en.contains("1 bounced"), en);
        String sv = conclusion(one, Locale.forLanguageTag("sv"));
        assertTrue(sv.startsWith("Det enda meddelandet till contoso.example studsade eftersom era servrar"
                + " avvisade meddelandet"), sv);
        assertFalse(sv.contains("1 studsade"), sv);

        ReportFixture delivered = new ReportFixture("/tmp/log.csv");
        delivered.message("<2@acme.example>", "b@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        assertTrue(conclusion(delivered, Locale.ENGLISH).contains("contoso.example was handed to your mail servers"
                + " and accepted. "), conclusion(delivered, Locale.ENGLISH));
        assertTrue(conclusion(delivered, Locale.forLanguageTag("sv")).contains("contoso.example lämnades över till"
                + " era e-postservrar och togs emot. "), conclusion(delivered, Locale.forLanguageTag("sv")));

        ReportFixture two = new ReportFixture("/tmp/log.csv");
        two.message("<3@acme.example>", "c@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        two.message("<4@acme.example>", "d@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        en = conclusion(two, Locale.ENGLISH);
        assertTrue(en.startsWith("Of the 2 messages to contoso.example, both bounced because "), en);
        sv = conclusion(two, Locale.forLanguageTag("sv"));
        assertTrue(sv.startsWith("Av de 2 meddelandena till contoso.example: båda studsade eftersom "), sv);
        two.message("<5@acme.example>", "e@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        en = conclusion(two, Locale.ENGLISH);
        assertTrue(en.startsWith("Of the 3 messages to contoso.example, all 3 bounced because "), en);
    }

    /**
     * The review: the conclusion gave the log's period ("logged between 16 Nov 2026 08:00 and 17 Nov 2026 09:55 UTC")
     * right after the title block or the note's intro had given it ("16 November 2026, 08:00 UTC – …"), in another
     * date format. Every format says it there, once; the conclusion counts the messages without it.
     */
    @Test
    void theConclusionLeavesThePeriodToTheTitleBlock() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            ReportModel m = new ReportBuilder(data.analysis(), options().withLanguage(language)).build();
            assertTrue(m.title().periodStart().isPresent() && m.title().periodEnd().isPresent());
            String c = m.conclusion();
            for (Instant t : List.of(m.title().periodStart().get(), m.title().periodEnd().get())) {
                String day = DateTimeFormatter.ofPattern("d MMM yyyy", language)
                        .withZone(ZoneOffset.UTC).format(t);
                assertFalse(c.contains(day), c);
            }
            assertFalse(c.contains("UTC"), c);
            assertFalse(c.contains("logged between") || c.contains("loggade mellan"), c);
        }
    }

    /**
     * The review: only a plain 550 after DATA was hedged; other categories resolved from a bare basic code were
     * stated as fact ("the message failed the recipient's SPF, DKIM or DMARC checks" of a bare 530, "the mailbox is
     * full" of a bare 552, "Salesforce could not connect" of a 421 from a server it had reached). Every cause that rests
     * on a basic code alone is hedged, in the conclusion as in its row of the causes table, its label too; a reply
     * with an enhanced code is not.
     */
    @Test
    void everyCauseOfABareBasicCodeIsHedged() {
        List<String> bare = List.of("530 Access denied", "552 Requested mail action aborted",
                "451 Requested action aborted", "421 Service not available");
        for (String reply : bare) {
            Diagnosis d = StatusKnowledgeBase.standard()
                    .diagnose(SmtpReply.parse(reply));
            assertTrue(Diagnosis.fromBasicCode(d.ruleId()), reply + ": " + d.ruleId());
            ReportFixture f = new ReportFixture("/tmp/log.csv");
            f.message("<1@acme.example>", "a@contoso.example").received()
                    .permanentFailure("mx.contoso.example", "192.0.2.1", reply).bounced(d);
            for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
                ReportModel m = new ReportBuilder(f.analysis(), options().withLanguage(language)).build();
                String hedge = language == Locale.ENGLISH ? ", most likely " : ", troligen ";
                String tells = language == Locale.ENGLISH ? ", as far as the bare reply code tells"
                        : ", att döma enbart av svarskoden";
                CauseRow row = m.summary().causes().getFirst();
                assertTrue(row.explanation().contains(hedge) && row.explanation().endsWith(tells), row.explanation());
                assertTrue(m.conclusion().contains(row.explanation() + "."), m.conclusion());
                assertEquals(ReportTexts.of(language).basicLabel(d.category()), row.label());
                assertTrue(row.label().endsWith(language == Locale.ENGLISH ? " (most likely)" : " (troligen)"),
                        row.label());
            }
        }
        // of a bare 530 the words are of the authentication it asked for, not SPF, DKIM or DMARC
        ReportTexts english = ReportTexts.english();
        String auth = english.get(english.causeWords(Category.AUTHENTICATION, "basic:530", Actor.NOBODY, false).key());
        assertFalse(auth.contains("SPF"), auth);
        // with an enhanced code the reply says more than its basic code: no hedge
        ReportFixture enhanced = new ReportFixture("/tmp/log.csv");
        String full = "552 5.2.2 Requested mail action aborted";
        Diagnosis d = StatusKnowledgeBase.standard()
                .diagnose(SmtpReply.parse(full));
        enhanced.message("<2@acme.example>", "b@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", full).bounced(d);
        ReportModel m = new ReportBuilder(enhanced.analysis(), options()).build();
        assertFalse(m.conclusion().contains("most likely"), m.conclusion());
        assertEquals("Mailbox full", m.summary().causes().getFirst().label());
    }

    /**
     * More causes than the conclusion names are counted by category: the hedged replies of a bare basic code stay
     * apart from the same category's replies that said it, so neither is worded for the other.
     */
    @Test
    void aCategoryCountedTogetherKeepsItsBareCodesApart() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        List<String> replies = List.of("552 Requested mail action aborted", "552 5.2.2 Mailbox full",
                "550 5.1.1 User unknown", "554 5.7.1 Refused by policy", "550 5.1.3 Bad address syntax");
        for (int i = 0; i < replies.size(); i++) {
            f.message("<" + i + "@acme.example>", "a" + i + "@contoso.example").received()
                    .permanentFailure("mx.contoso.example", "192.0.2.1", replies.get(i))
                    .bounced(StatusKnowledgeBase.standard()
                            .diagnose(SmtpReply.parse(replies.get(i))));
        }
        String c = new ReportBuilder(f.analysis(), options()).build().conclusion();
        assertTrue(c.contains(". For 1 of them, the message was refused, most likely because the mailbox is full"
                + " (or the message too large for it), as far as the bare reply code tells."), c);
        assertTrue(c.contains(". For 1 of them, the mailbox is full."), c);
    }

    /**
     * The review: counted by category, "20 bounced because the recipient domain's DNS gave Salesforce no mail server it
     * could use (4)" held oldcorp's "[internal] no mail servers for this domain could be reached", which Salesforce
     * puts down to the recipient's servers blocking it as often as to DNS, while the same sentence said the same reply
     * of a deferral as "Salesforce could reach no mail server". The DNS category's general words are said only of
     * replies they hold for; a group with such a reply gets the words every reply of the category supports.
     */
    @Test
    void aCategoryCountedTogetherIsWordedNoStrongerThanEachOfItsReplies() {
        List<String> dns = List.of("554 5.4.4 [internal] Domain Lookup Failed",
                "550 5.4.4 [internal] NULL MX domain does not accept mail",
                "421 4.4.0 [internal] no mail servers for this domain could be reached at this time");
        String mixed = conclusion(dnsAndThreeOthers(dns), Locale.ENGLISH);
        assertTrue(mixed.contains(" For 3 of them, the message could not be routed to a mail server of the recipient"
                + " domain."), mixed);
        assertFalse(mixed.contains("DNS gave Salesforce"), mixed);
        String sv = conclusion(dnsAndThreeOthers(dns), Locale.forLanguageTag("sv"));
        assertTrue(sv.contains(" 3 av dem eftersom routningen av meddelandet till en e-postserver för mottagardomänen"
                + " misslyckades."), sv);
        // without the unreachable servers, every reply says the domain's DNS named no usable server: its words
        String lookups = conclusion(dnsAndThreeOthers(dns.subList(0, 2)), Locale.ENGLISH);
        assertTrue(lookups.contains(" For 2 of them, the recipient domain's DNS gave Salesforce no mail server it"
                + " could use."), lookups);
    }

    /**
     * A bounce for each of {@code dnsReplies}, and three more for causes of other categories; and a delivery to
     * another domain, so that the report speaks of the recipient domain as our admin's on several domains does.
     */
    private static ReportFixture dnsAndThreeOthers(List<String> dnsReplies) {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        f.message("<other@acme.example>", "o@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "192.0.2.9", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        List<String> replies = new ArrayList<>(dnsReplies);
        replies.addAll(List.of("550 5.1.1 User unknown", "554 5.7.1 Refused by policy", "552 5.2.2 Mailbox full"));
        for (int i = 0; i < replies.size(); i++) {
            f.message("<" + i + "@acme.example>", "a" + i + "@contoso.example").received()
                    .permanentFailure("mx.contoso.example", "192.0.2.1", replies.get(i))
                    .bounced(StatusKnowledgeBase.standard()
                            .diagnose(SmtpReply.parse(replies.get(i))));
        }
        return f;
    }

    /**
     * The review: a --message-id report of a message with a CC'd copy said "Of the 2 messages to contoso.example,
     * both were handed …": one Message ID Header is one message, sent to two recipients.
     */
    @Test
    void theCopiesOfOneMessageAreCountedAsCopies() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        f.message("<1@acme.example>", "a@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        f.message("<1@acme.example>", "cc@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportOptions one = options().withMessageIds(Set.of("<1@acme.example>"));
        ReportModel m = new ReportBuilder(f.analysis(), one).build();
        // the report of one Message ID Header to one domain speaks to its mail team as its sections do: "your"
        assertTrue(m.addressedToMailTeam());
        assertTrue(m.conclusion().startsWith("The one message to contoso.example went to 2 recipients: both copies"
                + " were handed to your mail servers and accepted."), m.conclusion());
        assertTrue(m.conclusion().contains("you can find them in your own logs"), m.conclusion());
        assertTrue(m.title().scope().contains("Message ID Header: <1@acme.example>"), m.title().scope().toString());
        String sv = new ReportBuilder(f.analysis(), one.withLanguage(Locale.forLanguageTag("sv"))).build().conclusion();
        assertTrue(sv.startsWith("Det enda meddelandet till contoso.example gick till 2 mottagare: båda exemplaren"
                + " lämnades över till"), sv);

        f.message("<1@acme.example>", "b@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused by policy")
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "Refused by policy.", "Allow us.");
        String three = new ReportBuilder(f.analysis(), one).build().conclusion();
        assertTrue(three.startsWith("The one message to contoso.example went to 3 recipients: 2 copies were handed"
                + " to your mail servers and accepted. 1 copy bounced because "), three);

        // messages of two Message ID Headers are two messages, one of them in three copies
        f.message("<2@acme.example>", "d@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        String two = conclusion(f, Locale.ENGLISH);
        // counted as messages to one recipient each, the unit of the report's other counts, and said to be 2 emails:
        // "Of the 4 copies of 2 messages" beside "4 messages" in the domain list counted one thing two ways (the
        // visual review); its parts then count those messages, "3 were handed" being 3 of the 4
        assertTrue(two.startsWith("Of the 4 messages to contoso.example (2 emails, one of them sent to several"
                + " recipients), 3 were handed to your mail servers and accepted. 1 bounced because "), two);
        String twoSv = conclusion(f, Locale.forLanguageTag("sv"));
        assertTrue(twoSv.startsWith("Av de 4 meddelandena till contoso.example (2 olika e-postmeddelanden, varav ett"
                + " skickades till flera mottagare): 3 lämnades över till"), twoSv);
        assertTrue(twoSv.contains(". 1 studsade "), twoSv);

        // two emails each sent to two recipients: both are counted among the emails sent to several
        f.message("<2@acme.example>", "e@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.1", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        String both = conclusion(f, Locale.ENGLISH);
        assertTrue(both.startsWith("Of the 5 messages to contoso.example (2 emails, 2 of them sent to several"
                + " recipients), 4 were handed to "), both);
    }

    /** The review: "inom Salesforces 24 timmar av nya försök" was English word for word. */
    @Test
    void aDeferralsRetryTimeIsSaidInSwedishWords() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        f.message("<1@acme.example>", "a@contoso.example").received()
                .transientFailure("mx.contoso.example", "192.0.2.1", "452 4.2.2 Mailbox full")
                .deferred(StatusKnowledgeBase.standard()
                        .diagnose(SmtpReply.parse("452 4.2.2 Mailbox full")));
        String sv = conclusion(f, Locale.forLanguageTag("sv"));
        assertTrue(sv.contains("(inom de 24 timmar som Salesforce försöker igen)"), sv);
        assertFalse(sv.contains("av nya försök"), sv);
    }

    /**
     * The copy editor: a log with every outcome made the opening one sentence of some 90 words ("…, 2 were handed …;
     * 3 bounced because …; 1 was deferred because …; 1 was received …"). The opening takes the first outcome and each
     * other outcome is a sentence of its own, in both languages.
     */
    @Test
    void eachOutcomeAfterTheFirstIsASentenceOfItsOwn() {
        String c = new ReportBuilder(data.analysis(), options()).build().conclusion();
        assertTrue(c.startsWith("Of the 7 messages to 4 recipient domains, 2 were handed to the recipients' mail servers"
                + " and accepted (1 of them after one or more retries). 3 bounced for 3 different reasons. For 1 of"
                + " them, "), c);
        assertTrue(c.contains(", which is ours to deal with. 1 was deferred because "), c);
        assertTrue(c.contains(" retries). 1 was received by Salesforce but not yet handed to any mail server outside"
                + " Salesforce when the log ended. "), c);
        assertFalse(c.contains(";"), c);
        String sv = new ReportBuilder(data.analysis(), options().withLanguage(Locale.forLanguageTag("sv"))).build()
                .conclusion();
        assertTrue(sv.startsWith("Av de 7 meddelandena till 4 mottagardomäner: 2 lämnades över till "), sv);
        assertTrue(sv.contains(". 3 studsade av 3 olika skäl. 1 av dem eftersom "), sv);
        assertFalse(sv.contains(";"), sv);
    }

    private static String conclusion(ReportFixture f, Locale language) {
        return new ReportBuilder(f.analysis(), options().withLanguage(language)).build().conclusion();
    }

    /** A report on two domains, though asked for by domain, is no one team's: it speaks of them. */
    @Test
    void aReportForSeveralDomainsSpeaksOfTheirTeams() {
        ReportModel m = new ReportBuilder(data.analysis(), options().withDomains(Set.of("contoso.example",
                "fabrikam.example"))).checks(data.checks()).build();
        assertFalse(m.addressedToMailTeam());
        assertTrue(m.conclusion().contains(" the mail team of each recipient domain can find them"), m.conclusion());
    }

    @Test
    void failingDomainsTheChecksLeftOutAreSaidNotToBeCovered() {
        // the DNS step checked contoso.example only: the others' sections have no findings because nothing was asked
        ReportModel m = build(List.of(new DomainCheckResult("contoso.example", List.of(), List.of())));
        List<String> failingElsewhere = m.recipientDomains().stream()
                .filter(s -> s.counts().bounced() + s.counts().deferred() > 0)
                .map(RecipientDomainSection::domain).filter(d -> !d.equals("contoso.example")).toList();
        assertFalse(failingElsewhere.isEmpty());
        String c = m.conclusion();
        assertTrue(c.contains(" The DNS checks did not include "), c);
        failingElsewhere.forEach(d -> assertTrue(c.contains(d), d + " in " + c));
        assertFalse(c.substring(c.indexOf(" The DNS checks did not include ")).contains("contoso.example"), c);

        // to one domain's mail team
        ReportModel toTeam = new ReportBuilder(data.analysis(), options().withDomains(Set.of("fabrikam.example")))
                .checks(new CheckReport(List.of(new DomainCheckResult("contoso.example", List.of(), List.of()))))
                .build();
        assertTrue(toTeam.conclusion().contains(" We did not check the DNS of fabrikam.example, so this note says"
                + " nothing about it."), toTeam.conclusion());

        // no checks run at all: the report makes no claim about DNS, so there is nothing to qualify
        String none = new ReportBuilder(data.analysis(), options()).build().conclusion();
        assertFalse(none.contains("did not include"), none);
    }

    private ReportModel build(List<DomainCheckResult> results) {
        return new ReportBuilder(data.analysis(), options()).checks(new CheckReport(results)).build();
    }

    private static ReportOptions options() {
        return ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
    }

    private static RecipientDomainSection section(ReportModel m, String domain) {
        return m.recipientDomains().stream().filter(s -> s.domain().equals(domain)).findFirst().orElseThrow();
    }

    /** What the checks say when the resolver asked answers NXDOMAIN even for the root zone. */
    private static Finding resolverFailed(String domain) {
        return new Finding("DNS_LOOKUP_FAILED", Severity.ERROR, domain, "7 DNS questions (" + domain + ") failed at "
                + "the resolver asked, not at " + domain + ", so these checks say nothing about " + domain + ".",
                List.of(";; " + domain + " SOA @10.255.255.53:53 -> ERROR (NXDOMAIN)"),
                "Check this computer's network connection and DNS settings, then check again.", Actor.LOCAL_NETWORK);
    }
}
