package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mailpath.engine.report.ReportFixture.nxdomain;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * A causes-table row whose fix for the mail team is the general advice says it as a row does ("the replies shown
 * with each message below"), also where the DNS checks add a note of what they find now after it: the row said
 * "the reply below (the status line is quoted exactly as logged)" then, as the swap matched the advice alone.
 */
class RowWordsWithNoteTest {

    private static final String REJECTED = "550 5.0.0 Rejected";

    @Test
    void aRowWithANoteOfTheChecksSpeaksOfTheRepliesBelowEachMessage() {
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(REJECTED));
        ReportFixture f = new ReportFixture("row-words.csv");
        // the domain's MX replied, so it existed then: the reply's advice stands, the checks' NXDOMAIN is a note
        f.message("<g1@host.example>", "ann@gone.example").received()
                .permanentFailure("mx.gone.example", "192.0.2.11", REJECTED).bounced(d);
        f.message("<p1@host.example>", "bo@plain.example").received()
                .permanentFailure("mx.plain.example", "192.0.2.12", REJECTED).bounced(d);
        CheckReport checks = new CheckReport(List.of(
                new DomainCheckResult("gone.example", List.of(nxdomain("gone.example")), List.of())));
        ReportModel m = new ReportBuilder(f.analysis(), ReportOptions.defaults()).checks(checks).build();
        ReportTexts en = ReportTexts.english();
        String advice = en.mailTeamAdvice(Actor.RECIPIENT_MAIL_TEAM);
        String note = en.format("domainFact.NO_SUCH_DOMAIN.now", "gone.example");
        // the message keeps the advice that speaks of its own reply, the note after it
        assertEquals(advice + " " + note, ReportFixture.messageTo(m, "ann@gone.example").mailTeamRemediation());
        String row = en.get("mailTeam.advice.RECIPIENT_MAIL_TEAM.row");
        List<String> fixes = m.summary().causes().stream().map(CauseRow::mailTeamRemediation).toList();
        assertEquals(Set.of(row + " " + note, row), Set.copyOf(fixes));
        fixes.forEach(t -> assertFalse(t.contains("the reply below"), t));
    }
}
