package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.mx.MxCheck;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * A received-only message whose R is more than 24 hours before the log's end is said to miss its later rows, as a
 * stale deferral its outcome; a failed message to a domain the DNS checks found no mail can reach is told what that
 * fact means, not its reply's generic advice.
 */
class StaleReceivedAndNoMailDomainTest {

    private static final String NO_SERVERS =
            "421 4.4.0 [internal] no mail servers for this domain could be reached at this time";

    private static ReportOptions options() {
        return ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
    }

    private int logs;

    private LogAnalysis analyse(Path dir, String... rows) throws Exception {
        return LogFixtures.analyze(LogFixtures.writeLog(dir, "log" + (++logs) + ".csv", rows));
    }

    @Test
    void aReceivedOnlyMessageOlderThanADayIsSaidToMissItsLaterRows(@TempDir Path dir) throws Exception {
        LogAnalysis a = analyse(dir,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 8:00", "R", "new@corp.example", "m2", "", ""),
                LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", ""));
        ReportModel m = new ReportBuilder(a, options()).build();
        assertEquals(1, m.summary().staleReceived());
        assertTrue(m.conclusion().contains("all 3 were received by Salesforce: 2 not yet handed to any mail server"
                + " outside Salesforce when the log ended. The other one has no later row in the log although"
                + " Salesforce hands a message on, defers or bounces it within 24 hours (the log may have been cut off or miss the later rows)"), m.conclusion());
        List<MessageEntry> entries = m.recipientDomains().getFirst().messages();
        MessageEntry old = entries.stream().filter(e -> e.recipient().startsWith("old")).findFirst().orElseThrow();
        MessageEntry recent = entries.stream().filter(e -> e.recipient().startsWith("new")).findFirst().orElseThrow();
        assertTrue(old.staleReceived());
        assertFalse(recent.staleReceived());
        assertTrue(old.remediation().contains("Request a log that covers the day after it was received"),
                old.remediation());
        assertTrue(old.remediation().contains("ask Salesforce support"), old.remediation());
        assertTrue(old.mailTeamRemediation().contains("what became of it is ours to look into"),
                old.mailTeamRemediation());
        assertEquals(Actor.SENDER_ADMIN, old.actor());
        assertEquals("", recent.remediation());
        assertEquals("", recent.mailTeamRemediation());

        // only stale ones: said of them all, in Swedish too
        LogAnalysis allOld = analyse(dir,
                LogFixtures.row("3/6/2009 8:00", "R", "old@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "x@other.example", "m3", "250 ok", ""));
        ReportModel one = new ReportBuilder(allOld, options()).build();
        assertTrue(one.conclusion().contains("1 was received by Salesforce. It has no later row in the log"),
                one.conclusion());
        ReportModel sv = new ReportBuilder(allOld, options().withLanguage(Locale.forLanguageTag("sv"))).build();
        assertTrue(sv.conclusion().contains("togs emot av Salesforce. Det har ingen senare rad i loggen"),
                sv.conclusion());
    }

    @Test
    void aMessageToADomainThatDoesNotExistIsToldSoInsteadOfItsReplysAdvice(@TempDir Path dir) throws Exception {
        LogAnalysis a = analyse(dir,
                noRelay(LogFixtures.row("3/7/2009 8:00", "T", "a@gone.example", "m1", NO_SERVERS, "")),
                noRelay(LogFixtures.row("3/7/2009 8:00", "T", "b@up.example", "m2", NO_SERVERS, "")));
        Finding nx = ReportFixture.nxdomain("gone.example");
        // an MX host that does not exist is not the domain itself
        Finding hostGone = FindingTexts.of(LookupFindings.class).finding(DnsFindingCodes.DOMAIN_NXDOMAIN,
                Severity.ERROR, "mx.up.example", List.of(), Actor.RECIPIENT_MAIL_TEAM,
                DnsFindingCodes.DOMAIN_NXDOMAIN, "mx.up.example");
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("gone.example", List.of(nx), List.of()),
                new DomainCheckResult("up.example", List.of(hostGone), List.of())));
        ReportModel m = new ReportBuilder(a, options()).checks(checks).build();
        MessageEntry gone = entry(m, "gone.example");
        MessageEntry up = entry(m, "up.example");
        assertTrue(gone.remediation().startsWith("The DNS checks found that gone.example does not exist (NXDOMAIN)"),
                gone.remediation());
        assertTrue(gone.remediation().contains("Correct the address in Salesforce, or ask the recipient for a"
                + " working one"), gone.remediation());
        assertFalse(gone.mailTeamRemediation().contains("port 25"), gone.mailTeamRemediation());
        assertTrue(gone.mailTeamRemediation().contains("does not exist (NXDOMAIN)"), gone.mailTeamRemediation());
        assertEquals(Actor.SENDER_ADMIN, gone.actor());
        assertTrue(up.mailTeamRemediation().contains("port 25"), up.mailTeamRemediation());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, up.actor());
        // the causes table keeps the two apart, each with its message's words
        assertTrue(m.summary().causes().stream().anyMatch(r -> r.remediation().equals(gone.remediation())
                && r.domains().equals(List.of("gone.example"))), m.summary().causes().toString());
        // the report addressed to that domain's team says the same
        ReportModel toTeam = new ReportBuilder(a, options().withDomains(Set.of("gone.example"))).checks(checks)
                .build();
        assertTrue(toTeam.addressedToMailTeam());
        assertFalse(entry(toTeam, "gone.example").mailTeamRemediation().contains("port 25"));
        assertTrue(toTeam.summary().causes().stream().noneMatch(r -> r.mailTeamRemediation().contains("port 25")),
                toTeam.summary().causes().toString());
    }

    /**
     * The sample log's gone.example, checked by the standard checks against a DNS that has no such domain: its
     * deferral's "[internal] no mail servers for this domain could be reached" no longer asks its team to open port 25.
     */
    @Test
    void theSampleLogsGoneDomainCheckedByTheStandardChecks() throws Exception {
        LogAnalysis a = LogFixtures.analyze(Path.of("assets/samples/sample-email-log.csv"));
        FakeDns dns = FakeDns.of("elsewhere.example. MX 10 mx.elsewhere.example.\n");
        CheckReport checks = new ConcurrentDomainChecker(DomainCheckers.standardChecks(), o -> dns).check(
                List.of(new CheckRequest("gone.example", EnumSet.allOf(CheckKind.class))), CheckOptions.defaults(),
                CheckListener.NONE, Cancellation.none());
        assertTrue(checks.domains().getFirst().findings().stream()
                .anyMatch(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)), checks.toString());
        for (ReportOptions o : List.of(options(), options().withDomains(Set.of("gone.example")))) {
            MessageEntry gone = entry(new ReportBuilder(a, o).checks(checks).build(), "gone.example");
            assertEquals(NO_SERVERS, gone.events().getLast().status());
            assertFalse(gone.mailTeamRemediation().contains("port 25"), gone.mailTeamRemediation());
            assertFalse(gone.remediation().contains("port 25"), gone.remediation());
            assertTrue(gone.mailTeamRemediation().startsWith("The DNS checks found that gone.example does not exist"),
                    gone.mailTeamRemediation());
        }
    }

    @Test
    void aDomainWithoutMailHostsOrWithANullMxAloneIsToldSo(@TempDir Path dir) throws Exception {
        LogAnalysis a = analyse(dir,
                noRelay(LogFixtures.row("3/7/2009 8:00", "T", "a@nohost.example", "m1", NO_SERVERS, "")),
                noRelay(LogFixtures.row("3/7/2009 8:00", "T", "b@nullmx.example", "m2", NO_SERVERS, "")),
                noRelay(LogFixtures.row("3/7/2009 8:00", "T", "c@mixed.example", "m3", NO_SERVERS, "")));
        FindingTexts mx = FindingTexts.of(MxCheck.class);
        CheckReport checks = new CheckReport(List.of(
                new DomainCheckResult("nohost.example", List.of(mx.finding(DnsFindingCodes.MX_NONE, Severity.ERROR,
                        "nohost.example", List.of(), Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.MX_NONE,
                        "nohost.example")), List.of()),
                new DomainCheckResult("nullmx.example", List.of(mx.finding(DnsFindingCodes.MX_NULL, Severity.ERROR,
                        "nullmx.example", List.of(), Actor.RECIPIENT_MAIL_TEAM, "MX_NULL.alone",
                        "nullmx.example")), List.of()),
                // a null MX beside other MX records: senders may use the others, so the reply's advice stands
                new DomainCheckResult("mixed.example", List.of(mx.finding(DnsFindingCodes.MX_NULL, Severity.ERROR,
                        "mixed.example", List.of(), Actor.RECIPIENT_MAIL_TEAM, "MX_NULL.mixed",
                        "mixed.example")), List.of())));
        ReportModel m = new ReportBuilder(a, options()).checks(checks).build();
        assertTrue(entry(m, "nohost.example").remediation().contains("has neither MX nor address (A/AAAA) records"),
                entry(m, "nohost.example").remediation());
        assertTrue(entry(m, "nullmx.example").mailTeamRemediation().contains("publishes a null MX (RFC 7505)"),
                entry(m, "nullmx.example").mailTeamRemediation());
        assertTrue(entry(m, "mixed.example").mailTeamRemediation().contains("port 25"),
                entry(m, "mixed.example").mailTeamRemediation());
        // the knowledge base's words for a reply that says null MX are kept
        Finding nullMx = mx.finding(DnsFindingCodes.MX_NULL, Severity.ERROR, "nullmx.example", List.of(),
                Actor.RECIPIENT_MAIL_TEAM, "MX_NULL.alone", "nullmx.example");
        LogAnalysis said = analyse(dir, LogFixtures.row("3/7/2009 8:00", "P", "b@nullmx.example", "m2",
                "550 5.1.10 [internal] NULL MX", ""));
        MessageEntry kept = entry(new ReportBuilder(said, options()).checks(new CheckReport(List.of(
                new DomainCheckResult("nullmx.example", List.of(nullMx), List.of())))).build(), "nullmx.example");
        assertEquals(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse("550 5.1.10 [internal] NULL MX"))
                .remediation(), kept.remediation());
    }

    private static MessageEntry entry(ReportModel m, String domain) {
        return m.recipientDomains().stream().filter(d -> d.domain().equals(domain)).findFirst().orElseThrow()
                .messages().getFirst();
    }
}
