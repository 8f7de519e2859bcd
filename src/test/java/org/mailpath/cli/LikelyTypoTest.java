package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.report.ReportFixture.messageTo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.ReportWording;

/**
 * Without --check-dns, Salesforce's "Domain Lookup Failed" to henry@contso.example, in a log that delivered to
 * alice@contoso.example: our admin's advice, in the report and in analyze's JSON and text, names contoso.example as
 * the domain likely meant. A domain one slip from two delivered domains, or from none, has no such note.
 */
class LikelyTypoTest {

    private static final String LOOKUP = "554 5.4.4 [internal] Domain Lookup Failed";
    private static final String NOTE = "contso.example is one typing slip from contoso.example, to which this log shows"
            + " mail delivered: check the address for a typo first.";

    @TempDir
    Path dir;

    @Test
    void aFailingDomainOneSlipFromADeliveredOneNamesIt() throws Exception {
        LogAnalysis a = analysis("contoso.example");
        MessageEntry henry = messageTo(new ReportBuilder(a, ReportOptions.defaults()).build(), "henry@contso.example");
        assertTrue(henry.remediation().startsWith("Check the domain's spelling"), henry.remediation());
        assertTrue(henry.remediation().endsWith(" " + NOTE), henry.remediation());
        MessageEntry sv = messageTo(new ReportBuilder(a, ReportOptions.defaults().withLanguage(
                Locale.forLanguageTag("sv"))).build(), "henry@contso.example");
        assertTrue(sv.remediation().endsWith(" contso.example skiljer sig med ett tangentfel från contoso.example,"
                + " dit loggen visar levererad e-post: kontrollera först om adressen är felstavad."), sv.remediation());
        assertTrue(ChainJson.of(a, "henry@contso.example").get("remediation").asText().endsWith(" " + NOTE));
        StringWriter text = new StringWriter();
        AnalysisTextFormat.write(a, new PrintWriter(text));
        assertTrue(text.toString().contains(NOTE), text.toString());
    }

    /**
     * The review: without --check-dns, the cause row of henry@contso.example named the recipient's mail team as the
     * one to act beside our admin's "check the address for a typo first". Our admin checks the address first; if it
     * is right, the domain's owners must act: the row names both in that order, the message names our admin, as
     * analyze's JSON and text do, and the team's words say what is theirs if the domain is right.
     */
    @Test
    void ourAdminChecksTheAddressFirstThenTheDomainsOwnersAct() throws Exception {
        LogAnalysis a = analysis("contoso.example");
        ReportModel admin = new ReportBuilder(a, ReportOptions.defaults()).build();
        MessageEntry henry = messageTo(admin, "henry@contso.example");
        assertEquals(Actor.SENDER_ADMIN, henry.actor());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, henry.stoppedBy());
        CauseRow row = admin.summary().causes().getFirst();
        assertEquals(1, admin.summary().causes().size());
        assertEquals(Actor.SENDER_ADMIN, row.actor());
        assertTrue(row.likelyTypo());
        ReportWording words = ReportWording.of(admin);
        assertEquals("Our Salesforce admin first, then the recipient's mail team", words.causeActor(admin, row));
        assertEquals("The address is likely misspelt, for our Salesforce admin to check first; if it is right, what"
                + " stopped these messages lies on the recipient's side: the messages below say what each side can"
                + " look at.", words.causeFix(admin, row));
        assertTrue(words.causeTableFix(admin, row).endsWith(" " + NOTE), words.causeTableFix(admin, row));
        // the team's block: theirs if the domain is right, ours to check the spelling
        assertTrue(words.todo(henry).orElseThrow().startsWith("What to do (your mail team, and ours): If the domain"
                + " receives mail, please "), words.todo(henry).orElseThrow());
        assertTrue(henry.mailTeamRemediation().endsWith("On our side, we check the address's spelling."),
                henry.mailTeamRemediation());

        // the report for that domain's team says so to them, in their words
        ReportModel toTeam = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("contso.example")))
                .build();
        CauseRow theirs = toTeam.summary().causes().getFirst();
        assertEquals("Our Salesforce admin first, then your mail team", ReportWording.of(toTeam)
                .causeActor(toTeam, theirs));
        assertEquals(henry.mailTeamRemediation(), ReportWording.of(toTeam).causeFix(toTeam, theirs));
        ReportModel sv = new ReportBuilder(a, ReportOptions.defaults().withLanguage(Locale.forLanguageTag("sv")))
                .build();
        assertEquals("Vår Salesforce-administratör först, sedan mottagarens e-postteam",
                ReportWording.of(sv).causeActor(sv, sv.summary().causes().getFirst()));

        // analyze's JSON and text name our admin too
        assertEquals("SENDER_ADMIN", ChainJson.of(a, "henry@contso.example").get("actor").asText());
        StringWriter text = new StringWriter();
        AnalysisTextFormat.write(a, new PrintWriter(text));
        assertTrue(text.toString().contains("  Our Salesforce admin: 1 bounced"), text.toString());
        assertFalse(text.toString().contains("Recipient's mail team: 1 bounced"), text.toString());

        // a domain one slip from none keeps its reply's actor
        LogAnalysis none = analysis("fabrikam.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, messageTo(new ReportBuilder(none, ReportOptions.defaults()).build(),
                "henry@contso.example").actor());
        assertEquals("RECIPIENT_MAIL_TEAM", ChainJson.of(none, "henry@contso.example").get("actor").asText());
    }

    /**
     * With the DNS checks finding contso.example gone (NXDOMAIN), their fact says who acts, as before: our admin's
     * address to correct in our admin's report, the domain's to restore in the report for its own team.
     */
    @Test
    void theChecksFindingTheDomainGoneKeepTheirActor() throws Exception {
        LogAnalysis a = analysis("contoso.example");
        Finding nx = FindingTexts.of(LookupFindings.class).finding(DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR,
                "contso.example", List.of("contso.example. IN MX → NXDOMAIN"), Actor.RECIPIENT_MAIL_TEAM,
                DnsFindingCodes.DOMAIN_NXDOMAIN, "contso.example");
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("contso.example", List.of(nx), List.of())));
        ReportModel admin = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build();
        assertEquals(Actor.SENDER_ADMIN, messageTo(admin, "henry@contso.example").actor());
        CauseRow row = admin.summary().causes().getFirst();
        assertFalse(row.likelyTypo());
        assertEquals("Our Salesforce admin", ReportWording.of(admin).causeActor(admin, row));
        ReportModel toTeam = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of("contso.example")))
                .checks(checks).build();
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, messageTo(toTeam, "henry@contso.example").actor());
        assertEquals("SENDER_ADMIN", DomainFacts.of(checks).forChain(a.chains().stream()
                .filter(c -> c.recipient().equals("henry@contso.example")).findFirst().orElseThrow())
                .actor(LogEvidence.of(a.chains())).map(Actor::name).orElseThrow());
    }

    @Test
    void aDomainOneSlipFromTwoDeliveredOnesOrFromNoneHasNoNote() throws Exception {
        for (LogAnalysis a : List.of(analysis("contoso.example", "contsa.example"), analysis("fabrikam.example"))) {
            String advice = ChainJson.of(a, "henry@contso.example").get("remediation").asText();
            assertFalse(advice.contains("typing slip"), advice);
            assertFalse(messageTo(new ReportBuilder(a, ReportOptions.defaults()).build(), "henry@contso.example")
                    .remediation().contains("typing slip"));
        }
    }

    /** A delivery to alice at each of {@code delivered}, and henry@contso.example's lookup failure. */
    private LogAnalysis analysis(String... delivered) throws Exception {
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (String d : delivered) {
            n++;
            rows.add(LogFixtures.row("11/30/2026 9:00", "R", "alice@" + d, "m" + n, "", ""));
            rows.add(LogFixtures.row("11/30/2026 9:01", "D", "alice@" + d, "m" + n, "250 2.6.0 Queued mail for"
                    + " delivery", LogFixtures.TLS));
        }
        rows.add(LogFixtures.row("11/30/2026 12:00", "R", "henry@contso.example", "m9", "", ""));
        rows.add(LogFixtures.noRelay(LogFixtures.row("11/30/2026 12:00", "P", "henry@contso.example", "m9", LOOKUP,
                "")));
        return LogFixtures.analyze(LogFixtures.writeLog(dir, "log-" + delivered.length + delivered[0] + ".csv", rows));
    }
}
