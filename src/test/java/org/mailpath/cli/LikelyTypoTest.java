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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportOptions;

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
        List<String> rows = new ArrayList<>(List.of(LogFixtures.HEADER));
        int n = 0;
        for (String d : delivered) {
            n++;
            rows.add(LogFixtures.row("11/30/2026 9:00", "R", "alice@" + d, "m" + n, "", ""));
            rows.add(LogFixtures.row("11/30/2026 9:01", "D", "alice@" + d, "m" + n, "250 2.6.0 Queued mail for"
                    + " delivery", LogFixtures.TLS));
        }
        rows.add(LogFixtures.row("11/30/2026 12:00", "R", "henry@contso.example", "m9", "", ""));
        rows.add(LogFixtures.with(LogFixtures.with(LogFixtures.row("11/30/2026 12:00", "P", "henry@contso.example", "m9",
                LOOKUP, ""), 12, ""), 13, ""));
        Path log = LogFixtures.write(dir, "log-" + delivered.length + delivered[0] + ".csv",
                LogFixtures.lines(rows.toArray(String[]::new)));
        return new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
    }
}
