package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;

/**
 * What the tests of our side's cause words (OurSendingLimitedConclusionTest, OurSideCauseWordsTest) share: a log of
 * messages analysed, and the two reports of one failing domain whose single cause row is ours, asserted to agree.
 */
final class OurSideReports {

    private OurSideReports() {
    }

    /** The mail team's report of {@code domain} and our admin's report, each in {@code language}. */
    record Both(ReportModel team, ReportModel admin) {
    }

    static LogAnalysis analyse(Path dir, List<List<String>> messages) throws Exception {
        List<String> lines = new ArrayList<>(List.of(LogFixtures.HEADER));
        messages.forEach(lines::addAll);
        return LogFixtures.analyze(LogFixtures.write(dir, "log.csv", String.join("\n", lines) + "\n"));
    }

    static ResourceBundle texts(Locale language) {
        return ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language);
    }

    /**
     * Builds both reports and asserts that {@code category}'s words for our side ({@code cause.ours.CATEGORY}) stand in
     * both conclusions instead of the category's own, and that the team's one causes row says them and asks nothing
     * of the team.
     */
    static Both assertOursInBoth(LogAnalysis analysis, Locale language, Category category, String domain) {
        ResourceBundle texts = texts(language);
        String ours = texts.getString("cause.ours." + category);
        ReportModel team = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)
                .withDomains(Set.of(domain))).build();
        assertTrue(team.addressedToMailTeam());
        assertTrue(team.conclusion().contains(ours), team.conclusion());
        assertFalse(team.conclusion().contains(texts.getString("cause." + category + ".you")), team.conclusion());
        assertEquals(1, team.summary().causes().size(), team.summary().causes().toString());
        CauseRow row = team.summary().causes().getFirst();
        assertEquals(Actor.SENDER_ADMIN, row.actor());
        assertEquals(texts.getString("mailTeam.advice.SENDER_ADMIN"), row.mailTeamRemediation(),
                "the row tells the team nothing is needed of them, which the conclusion now agrees with");
        assertEquals(ours, row.explanation());

        ReportModel admin = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)).build();
        assertFalse(admin.addressedToMailTeam());
        assertTrue(admin.conclusion().contains(ours), admin.conclusion());
        assertFalse(admin.conclusion().contains(texts.getString("cause." + category)), admin.conclusion());
        return new Both(team, admin);
    }
}
