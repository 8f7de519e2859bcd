package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.log.LogFixtures.noRelay;
import static org.mailpath.engine.report.ReportFixture.nxdomain;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.log.LogFixtures;

/**
 * The DOMAIN_NXDOMAIN card of a recipient domain names who acts as its messages do. The review: a bounce whose row
 * named the relay mx.nxrelay.example ("550 4.4.0 [internal] no mail servers …") kept its reply's advice for the
 * recipient's mail team (a server of the domain was tried, so it existed then), while the card said our admin.
 */
class NoMailDomainCardActorTest {

    private static final String NO_SERVERS =
            "550 4.4.0 [internal] no mail servers for this domain could be reached at this time";

    private static RecipientDomainSection section(ReportModel m, String domain) {
        return m.recipientDomains().stream().filter(s -> s.domain().equals(domain)).findFirst().orElseThrow();
    }

    private static Actor card(ReportModel m, String domain) {
        return section(m, domain).findings().stream()
                .filter(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)).findFirst().orElseThrow().actor();
    }

    @Test
    void theCardFollowsItsMessages(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                // the relay named: tried
                LogFixtures.with(LogFixtures.row("3/7/2009 8:00", "P", "a@nxrelay.example", "m1", NO_SERVERS, ""),
                        13, "mx.nxrelay.example"),
                // none named: the fact's advice
                noRelay(LogFixtures.row("3/7/2009 8:01", "P", "b@gone.example", "m2", NO_SERVERS, "")),
                // one of each
                noRelay(LogFixtures.row("3/7/2009 8:02", "P", "c@mixed.example", "m3", NO_SERVERS, "")),
                LogFixtures.row("3/7/2009 8:03", "P", "d@mixed.example", "m4", NO_SERVERS, ""),
                // delivered only: no advice names anyone
                LogFixtures.row("3/7/2009 8:04", "D", "e@lapsed.example", "m5", "250 2.0.0 Ok", ""));
        LogAnalysis a = LogFixtures.analyze(log);
        List<String> domains = List.of("nxrelay.example", "gone.example", "mixed.example", "lapsed.example");
        CheckReport checks = new CheckReport(domains.stream()
                .map(d -> new DomainCheckResult(d, List.of(nxdomain(d)), List.of())).toList());
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build();

        MessageEntry tried = section(m, "nxrelay.example").messages().getFirst();
        assertEquals("mx.nxrelay.example", tried.relayHost());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, tried.actor());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, card(m, "nxrelay.example"));

        assertEquals(Actor.SENDER_ADMIN, section(m, "gone.example").messages().getFirst().actor());
        assertEquals(Actor.SENDER_ADMIN, card(m, "gone.example"));

        assertEquals(List.of(Actor.SENDER_ADMIN, Actor.RECIPIENT_MAIL_TEAM), section(m, "mixed.example").messages()
                .stream().map(MessageEntry::actor).sorted().toList());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, card(m, "mixed.example"));

        assertEquals(Actor.RECIPIENT_MAIL_TEAM, card(m, "lapsed.example"));
    }

    private static Finding cardFinding(ReportModel m, String domain) {
        return section(m, domain).findings().stream()
                .filter(f -> f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)).findFirst().orElseThrow();
    }

    /**
     * The card's fix says what its messages' blocks say. The review: contso.example's card named our admin while its
     * fix asked the team to restore the domain ("If contso.example is your domain …"), below messages saying
     * "nothing is needed from your mail team". A card that stays the team's keeps the finding's words for them.
     */
    @Test
    void theCardsFixFollowsItsActor(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.with(LogFixtures.row("3/7/2009 8:00", "P", "a@nxrelay.example", "m1", NO_SERVERS, ""),
                        13, "mx.nxrelay.example"),
                noRelay(LogFixtures.row("3/7/2009 8:01", "P", "b@gone.example", "m2", NO_SERVERS, "")));
        LogAnalysis a = LogFixtures.analyze(log);
        CheckReport checks = new CheckReport(List.of("nxrelay.example", "gone.example").stream()
                .map(d -> new DomainCheckResult(d, List.of(nxdomain(d)), List.of())).toList());
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build();

        Finding gone = cardFinding(m, "gone.example");
        assertEquals(Actor.SENDER_ADMIN, gone.actor());
        assertEquals(ReportTexts.english().format("domainFact.NO_SUCH_DOMAIN.mailTeam", "gone.example"),
                gone.mailTeamRemediation());
        assertEquals(section(m, "gone.example").messages().getFirst().mailTeamRemediation(),
                gone.mailTeamRemediation());

        Finding tried = cardFinding(m, "nxrelay.example");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, tried.actor());
        assertEquals(nxdomain("nxrelay.example").mailTeamRemediation(java.util.Locale.ENGLISH).orElseThrow(),
                tried.mailTeamRemediation());
    }

    /**
     * A stale deferral is left out message by message: beside a bounce that names our admin (correct the address),
     * it no longer keeps the card from following that bounce (it did, for the whole domain), and alone it moves
     * nothing. Its own row still names our admin for its missing outcome.
     */
    @Test
    void aStaleDeferralNeitherAgreesNorDisagreesWithTheFact(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                noRelay(LogFixtures.row("3/5/2009 8:00", "T", "a@gone.example", "m1",
                        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", "")),
                noRelay(LogFixtures.row("3/7/2009 8:01", "P", "b@gone.example", "m2", NO_SERVERS, "")),
                noRelay(LogFixtures.row("3/5/2009 8:02", "T", "c@staleonly.example", "m3",
                        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", "")),
                LogFixtures.row("3/7/2009 8:04", "D", "e@fine.example", "m5", "250 2.0.0 Ok", ""));
        LogAnalysis a = LogFixtures.analyze(log);
        CheckReport checks = new CheckReport(List.of("gone.example", "staleonly.example").stream()
                .map(d -> new DomainCheckResult(d, List.of(nxdomain(d)), List.of())).toList());
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults()).checks(checks).build();
        MessageEntry stale = section(m, "gone.example").messages().stream().filter(MessageEntry::stale).findFirst()
                .orElseThrow();
        assertEquals(Actor.SENDER_ADMIN, stale.actor());
        assertEquals(Actor.SENDER_ADMIN, card(m, "gone.example"));
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, card(m, "staleonly.example"));
    }
}
