package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;
import static org.mailpath.engine.report.ReportFixture.nxdomain;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;

/**
 * A domain the DNS checks find does not exist, to which the same log delivered mail: it existed then, so its name is
 * no typo. The review: lapsed.example delivered to at 08:00 and 10:00, Domain Lookup Failed at 09:00, NXDOMAIN now;
 * the report put the bounce on our admin as an address to correct ("nothing is needed from your mail team"). Its
 * owners must restore it, in the report and in analyze's advice alike.
 */
class LapsedDomainTest {

    private static final String LOOKUP_FAILED = "554 5.4.4 [internal] Domain Lookup Failed";

    private static LogAnalysis analysis(Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("11/16/2026 8:00", "D", "ann@lapsed.example", "l0", "250 2.0.0 OK", ""),
                noRelay(LogFixtures.row("11/16/2026 9:00", "P", "ben@lapsed.example", "l1", LOOKUP_FAILED, "")),
                LogFixtures.row("11/16/2026 10:00", "D", "cid@lapsed.example", "l2", "250 2.0.0 OK", ""),
                // never delivered to: the fact stays an address for our admin to correct
                noRelay(LogFixtures.row("11/16/2026 9:30", "P", "dan@gone.example", "g1", LOOKUP_FAILED, "")));
        return LogFixtures.analyze(log);
    }

    private static CheckReport checks() {
        return new CheckReport(List.of("lapsed.example", "gone.example").stream()
                .map(d -> new DomainCheckResult(d, List.of(nxdomain(d)), List.of())).toList());
    }

    private static RecipientDomainSection section(ReportModel m, String domain) {
        return m.recipientDomains().stream().filter(s -> s.domain().equals(domain)).findFirst().orElseThrow();
    }

    private static MessageEntry bounced(ReportModel m, String domain) {
        return section(m, domain).messages().stream().filter(e -> e.verdict() == Verdict.BOUNCED).findFirst()
                .orElseThrow();
    }

    private static Actor card(ReportModel m, String domain) {
        return section(m, domain).findings().stream()
                .filter(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)).findFirst().orElseThrow().actor();
    }

    @Test
    void aDomainTheLogDeliveredToIsItsOwnersToRestore(@TempDir Path dir) throws Exception {
        ReportModel m = new ReportBuilder(analysis(dir), ReportOptions.defaults()).checks(checks()).build();
        MessageEntry lapsed = bounced(m, "lapsed.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, lapsed.actor());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, card(m, "lapsed.example"));
        ReportTexts en = ReportTexts.english();
        assertEquals(en.format("domainFact.NO_SUCH_DOMAIN.lapsed", "lapsed.example"), lapsed.remediation());
        assertEquals(en.format("domainFact.NO_SUCH_DOMAIN.mailTeam.own", "lapsed.example"),
                lapsed.mailTeamRemediation());

        MessageEntry gone = bounced(m, "gone.example");
        assertEquals(Actor.SENDER_ADMIN, gone.actor());
        assertEquals(Actor.SENDER_ADMIN, card(m, "gone.example"));
        assertEquals(en.format("domainFact.NO_SUCH_DOMAIN.mailTeam", "gone.example"), gone.mailTeamRemediation());
    }

    @Test
    void analyzeSaysTheSame(@TempDir Path dir) throws Exception {
        LogAnalysis a = analysis(dir);
        DomainFacts facts = DomainFacts.of(checks()).withLog(a.chains());
        MessageChain lapsed = a.chains().stream().filter(c -> c.recipient().equals("ben@lapsed.example"))
                .findFirst().orElseThrow();
        MessageChain gone = a.chains().stream().filter(c -> c.recipient().equals("dan@gone.example"))
                .findFirst().orElseThrow();
        LogEvidence log = LogEvidence.of(a.chains());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, facts.forChain(lapsed).actor(log).orElseThrow());
        assertEquals(Actor.SENDER_ADMIN, facts.forChain(gone).actor(log).orElseThrow());
        assertTrue(facts.forChain(lapsed).remediation(java.util.Optional.of("")).orElseThrow()
                .contains("not misspelt"));
    }
}
