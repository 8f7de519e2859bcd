package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** Counts in the text output read as English: {@code 1 problem found.}, {@code 2 problems found.}, no "(s)". */
class TextCountsTest {

    static Finding finding(String code, Severity severity) {
        return new Finding(code, severity, "example.test", "m", List.of(), "r", Actor.SENDER_ADMIN);
    }

    static String text(List<Finding> findings) {
        StringWriter out = new StringWriter();
        CheckReportText.print(new CheckReport(List.of(new DomainCheckResult("example.test", findings, List.of()))),
                new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void oneProblemIsSingular() {
        String text = text(List.of(finding("SPF_MISSING", Severity.ERROR), finding("MX_OK", Severity.OK)));
        assertTrue(text.contains("\n1 problem found.\n"), text);
        assertFalse(text.contains("(s)"), text);
    }

    @Test
    void twoProblemsArePlural() {
        String text = text(List.of(finding("SPF_MISSING", Severity.ERROR), finding("DMARC_MISSING", Severity.WARNING)));
        assertTrue(text.contains("\n2 problems found.\n"), text);
    }

    @Test
    void countsOfNouns() {
        assertEquals("0 messages", Counts.of(0, "message"));
        assertEquals("1 message", Counts.of(1, "message"));
        assertEquals("2 messages", Counts.of(2, "message"));
    }

    @Test
    void aReportOfOneMessageSaysOneMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MailPathCommand.run(new PrintWriter(out), new PrintWriter(err), "analyze",
                org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv").toString(), "--report",
                dir.resolve("one.txt").toString(), "--message-id",
                "21749386.106091224027705044.JavaMail.sfdc@synthetic-sample.example");
        assertEquals(0, exit, err.toString());
        assertTrue(err.toString().contains(" (1 message, "), err.toString());
    }
}
