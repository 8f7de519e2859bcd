package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.report.ReportWording;

/**
 * The mail team's intro said a fresh received-only message was "not yet handed to any mail server outside Salesforce
 * when the log ended", while the report's conclusion and {@code analyze}'s "What to do" still said "not yet handed on
 * within the log", which reads as if Salesforce's own servers had not passed it on. All three say the intro's words,
 * the conclusion in Swedish too.
 */
class ReceivedOnlyWordsTest {

    private static final String MEANING = "not yet handed to any mail server outside Salesforce when the log ended";
    private static final String MEANING_SV = "ännu inte lämnats till någon e-postserver utanför Salesforce när loggen"
            + " slutade";

    @Test
    void theConclusionAndTheCliLabelSayWhatTheIntroSays(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.writeLog(dir, "log.csv",
                LogFixtures.row("3/7/2009 8:30", "R", "new@corp.example", "m1", "", ""),
                LogFixtures.row("3/7/2009 9:00", "D", "r@corp.example", "m2", "250 2.0.0 Ok", ""));
        LogAnalysis a = LogFixtures.analyze(log);
        ReportOptions toTeam = ReportOptions.defaults().withDomains(Set.of("corp.example"));
        ReportModel m = new ReportBuilder(a, toTeam).build();

        String intro = ReportWording.of(ReportTexts.english()).mailTeamIntro(m);
        String todo = CliRun.of("analyze", log.toString()).out();
        for (String text : List.of(intro, m.conclusion(), todo)) {
            assertTrue(text.contains(MEANING), text);
            assertFalse(text.contains("handed on within the log"), text);
        }
        assertTrue(m.conclusion().contains("1 was received by Salesforce but " + MEANING + "."), m.conclusion());
        assertTrue(todo.contains("    Received only, " + MEANING + " (RECEIVED_ONLY): 1 received only\n"), todo);

        Locale sv = Locale.forLanguageTag("sv");
        ReportModel swedish = new ReportBuilder(a, toTeam.withLanguage(sv)).build();
        String introSv = ReportWording.of(ReportTexts.of(sv)).mailTeamIntro(swedish);
        for (String text : List.of(introSv, swedish.conclusion())) {
            assertTrue(text.contains(MEANING_SV), text);
            assertFalse(text.contains("inom loggens tidsram"), text);
        }
    }
}
