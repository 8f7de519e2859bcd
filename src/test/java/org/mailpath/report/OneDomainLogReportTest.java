package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * {@code analyze LOG --report r.txt} of a log whose mail all went to one domain, without {@code --domain}: its title
 * names the domain and its note greets that domain's mail team, so the rest of it speaks to that team too, word for
 * word as the report asked for with {@code --domain}. Before, its body was our admin's: with the DNS checks finding
 * the domain gone (NXDOMAIN), its part for the team said "nothing is needed from your mail team" beside a card that
 * says the domain is theirs, and its conclusion spoke of "the recipient's" servers under "Hello".
 */
class OneDomainLogReportTest {

    private static final String LOOKUP = "554 5.4.4 [internal] Domain Lookup Failed";

    @Test
    void theWholeLogOfOneDomainIsTheReportForThatDomainsTeam() throws IOException {
        ReportFixture f = new ReportFixture("one-domain.csv");
        f.message("<1@acme.example>", "a@gone.example").received().permanentFailure("", "", LOOKUP)
                .bounced(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(LOOKUP)));
        f.message("<2@acme.example>", "b@gone.example").received().permanentFailure("", "", LOOKUP)
                .bounced(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(LOOKUP)));
        Finding nx = FindingTexts.of(LookupFindings.class).finding(DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR,
                "gone.example", List.of("gone.example. IN MX → NXDOMAIN"), Actor.RECIPIENT_MAIL_TEAM,
                DnsFindingCodes.DOMAIN_NXDOMAIN, "gone.example");
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("gone.example", List.of(nx), List.of())));

        ReportModel whole = new ReportBuilder(f.analysis(), ReportOptions.defaults()).checks(checks)
                .rawRows(f.rawRows()).build();
        ReportModel asked = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withDomains(Set.of("gone.example"))).checks(checks).rawRows(f.rawRows()).build();
        assertTrue(whole.addressedToMailTeam());
        assertEquals(asked.conclusion(), whole.conclusion());
        assertEquals(asked.summary(), whole.summary());
        assertEquals(asked.recipientDomains(), whole.recipientDomains());

        // the domain is theirs to restore, in the message's words for them and on the card beside it
        MessageEntry a = ReportFixture.messageTo(whole, "a@gone.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, a.actor());
        assertFalse(a.mailTeamRemediation().contains("nothing is needed from your mail team"),
                a.mailTeamRemediation());
        assertTrue(a.mailTeamRemediation().contains("if gone.example is your domain and should receive mail"),
                a.mailTeamRemediation());
        assertEquals(List.of(Actor.RECIPIENT_MAIL_TEAM), whole.recipientDomains().getFirst().findings().stream()
                .filter(x -> x.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)).map(Finding::actor).toList());

        // the note greets the team and speaks to it throughout
        String note = new String(ReportTestSupport.render(ReportFormat.TEXT, whole, "one-domain"),
                StandardCharsets.UTF_8);
        assertTrue(note.startsWith("Hello,"), note);
        String flat = note.replaceAll("\\s+", " ");
        assertFalse(flat.contains("nothing is needed from your mail team"), note);
        assertFalse(flat.contains("the recipient's"), note);
        assertTrue(flat.contains("the domain does not exist (NXDOMAIN), as the DNS checks found"), note);
    }
}
