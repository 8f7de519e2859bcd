package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.report.IntroLogs.NO_RELAY;
import static org.mailpath.report.IntroLogs.forAllDomains;
import static org.mailpath.report.IntroLogs.row;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.report.ReportModel;

/**
 * The intro-consistency review: a report on several recipient domains asked each team to "search your mail transport
 * logs for the Message ID Headers listed under your own domain" where a domain's only message was refused by our own
 * Email Relay ("550 5.7.1 Relaying denied") or only received, so nothing of it can be in that team's logs. The
 * one-domain intro already said "nothing is needed from you".
 */
class SeveralTeamsNothingToSearchTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final RelayHosts OUR_RELAY = RelayHosts.of(List.of("smtp-relay.acme.example"));
    private static final String AT_OUR_RELAY = "\"198.51.100.7\",\"smtp-relay.acme.example\"";

    /** The report on every domain of {@code rows}, analysed with our Email Relay named. */
    private static ReportModel report(Path dir, String name, Locale language, String... rows) throws Exception {
        return forAllDomains(dir, name, OUR_RELAY, language, rows);
    }

    /** alpha.example's message refused by our relay, beta.example's only received. */
    private static String[] refusedAndReceived() {
        return new String[] {
            row("11/16/2026 8:00:00", "R", "a1@alpha.example", "A1", "", NO_RELAY, ""),
            row("11/16/2026 8:00:02", "P", "a1@alpha.example", "A1", "during RCPT TO", AT_OUR_RELAY,
                    "550 5.7.1 Relaying denied"),
            row("11/16/2026 8:01:00", "R", "b1@beta.example", "B1", "", NO_RELAY, "")};
    }

    @Test
    void noTeamIsAskedToSearchWhenNoMessageReachedAnyOfTheirServers(@TempDir Path dir) throws Exception {
        ReportModel m = report(dir, "none-en.csv", Locale.ENGLISH, refusedAndReceived());
        assertTrue(ReportWording.forSeveralMailTeams(m));
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.startsWith("For the mail teams of the domains below: the messages to each domain are listed"
                + " under the domain's name. The message Salesforce tried to deliver has not reached your mail"
                + " servers: every attempt to deliver it ended at our own Email Relay (smtp-relay.acme.example), which"
                + " did not take it, so your mail transport logs will not have it. What stopped it is ours to look"
                + " into, in the relay's own logs first: nothing is needed from you."), en);
        assertTrue(en.contains("there is nothing for you to search for"), en);
        assertFalse(en.contains("Please search"), en);
        assertFalse(en.contains("the search is only for the other messages"), en);

        ReportModel s = report(dir, "none-sv.csv", SWEDISH, refusedAndReceived());
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertTrue(sv.startsWith("Till e-postteamen för domänerna nedan"), sv);
        assertTrue(sv.contains("ni behöver inte göra något"), sv);
        assertFalse(sv.contains("Sök gärna"), sv);
    }

    @Test
    void theRequestToSearchLeavesOutTheDomainsWhoseMessagesNeverReachedThem(@TempDir Path dir) throws Exception {
        String[] rows = List.of(refusedAndReceived(), new String[] {
            row("11/16/2026 8:02:00", "R", "c1@gamma.example", "C1", "", NO_RELAY, ""),
            row("11/16/2026 8:02:01", "D", "c1@gamma.example", "C1", "", "\"192.0.2.30\",\"mx.gamma.example\"",
                    "250 2.0.0 Ok")}).stream().flatMap(java.util.Arrays::stream).toArray(String[]::new);
        ReportModel m = report(dir, "some-en.csv", Locale.ENGLISH, rows);
        String en = ReportWording.of(m).mailTeamIntro(m);
        assertTrue(en.contains("Please search your mail transport logs for the Message ID Headers listed under your"
                + " own domain."), en);
        assertTrue(en.contains(" No message listed under alpha.example, beta.example reached a server of those"
                + " domains: each was either stopped at our own Email Relay or not yet handed to any mail server"
                + " outside Salesforce when the log ended, so there is nothing for their mail teams to search for,"
                + " and the next step for those messages is ours."), en);
        assertFalse(en.contains("gamma.example"), en);

        ReportModel s = report(dir, "some-sv.csv", SWEDISH, rows);
        String sv = ReportWording.of(s).mailTeamIntro(s);
        assertTrue(sv.contains("Inget meddelande under alpha.example, beta.example nådde någon server hos de"
                + " domänerna"), sv);
    }
}
