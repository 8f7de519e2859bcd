package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;

/**
 * A Yahoo-hosted domain whose messages Yahoo deferred with {@code [TSS04]} (the sending IP's volume or complaints)
 * until Salesforce gave up: the report to that domain's mail team said in its conclusion "all 2 bounced because your
 * servers throttled or greylisted the delivery", the words of the category, while the causes row said "nothing is
 * needed from your mail team", the rule's (yahoo.temporarily-deferred names our admin). A rate limit whose rule names
 * our side to act is said as ours in the conclusion and the row's words, in our admin's report too and in Swedish;
 * Comcast's throttling until Salesforce gave up (a rule that names no one) still puts it on the recipient's servers,
 * and so does a mix of the two counted per category.
 */
class OurSendingLimitedConclusionTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final String TSS04 = "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to"
            + " unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes";
    private static final String COMCAST = "421 4.1.0 192.0.2.9 Throttled - try again later. Please see"
            + " https://postmaster.comcast.net/smtp-error-codes.php#RL000001";
    private static final String EXPIRED = "554 5.4.5 [internal] Delivery not attempted (message expired)";

    /** Deferred twice with {@code reply}, then bounced as expired by Salesforce a day later. */
    private static List<String> untilExpiry(String recipient, String msg, String reply) {
        return List.of(LogFixtures.row("11/30/2026 11:00", "R", recipient, msg, "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", recipient, msg, reply, ""),
                LogFixtures.row("11/30/2026 15:00", "T", recipient, msg, reply, ""),
                LogFixtures.row("12/1/2026 11:01", "P", recipient, msg, EXPIRED, ""));
    }

    @Test
    void yahooDeferralsUntilExpiryAreOursInTheConclusionAsInTheCausesRow(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(untilExpiry("al@yahoo-hosted.example", "m1", TSS04),
                untilExpiry("bo@yahoo-hosted.example", "m2", TSS04),
                List.of(LogFixtures.row("11/30/2026 10:00", "D", "ann@fabrikam.example", "m0", "250 2.0.0 Ok",
                        LogFixtures.TLS))));
        MessageChain al = analysis.chains().stream().filter(c -> c.recipient().startsWith("al@")).findFirst()
                .orElseThrow();
        assertEquals("yahoo.temporarily-deferred", al.diagnosis().orElseThrow().ruleId());
        assertEquals(Category.RATE_LIMIT, al.category().orElseThrow());
        assertFalse(al.deferredUntilExpiry(), "a rule that names our admin: no throttling of theirs to look at");
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            OurSideReports.Both both = OurSideReports.assertOursInBoth(analysis, language, Category.RATE_LIMIT,
                    "yahoo-hosted.example");
            assertEquals(Actor.SENDER_ADMIN, both.team().summary().causes().getFirst().stoppedBy());
        }
    }

    @Test
    void comcastThrottlingUntilExpiryStaysTheRecipientsServers(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(untilExpiry("al@comcast.example", "m1", COMCAST)));
        assertTrue(analysis.chains().getFirst().deferredUntilExpiry());
        ReportModel team = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH)).build();
        assertTrue(team.addressedToMailTeam());
        assertTrue(team.conclusion().contains("bounced because your servers throttled or greylisted the delivery"),
                team.conclusion());
        assertFalse(team.conclusion().contains(OurSideReports.texts(Locale.ENGLISH).getString("cause.ours.RATE_LIMIT")));
    }

    /**
     * More causes than the conclusion names one by one are counted per category: Yahoo's and Comcast's rate limits
     * then stay apart, each in its own words, rather than all being "the recipient's servers throttled …".
     */
    @Test
    void countedPerCategoryOurLimitsStayApartFromTheirThrottling(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(untilExpiry("al@yahoo.example", "m1", TSS04),
                untilExpiry("bo@yahoo.example", "m2", TSS04),
                untilExpiry("cy@comcast.example", "m3", COMCAST),
                List.of(LogFixtures.row("11/30/2026 12:00", "P", "di@contoso.example", "m4",
                        "550 5.1.1 <di@contoso.example>: Recipient address rejected: User unknown", "")),
                List.of(LogFixtures.row("11/30/2026 12:00", "P", "ed@fabrikam.example", "m5",
                        "552 5.2.2 <ed@fabrikam.example>: Mailbox full", ""))));
        String c = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH)).build()
                .conclusion();
        ResourceBundle texts = OurSideReports.texts(Locale.ENGLISH);
        assertTrue(c.contains("For 2 of them, " + texts.getString("cause.ours.RATE_LIMIT") + "."), c);
        assertTrue(c.contains("For 1 of them, " + texts.getString("cause.RATE_LIMIT") + "."), c);
    }
}
