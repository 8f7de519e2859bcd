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
    void evidenceLeftOutIsCountedInEnglish() {
        for (int more : new int[] {1, 2}) {
            List<String> evidence = java.util.stream.IntStream.range(0, CheckReportText.MAX_EVIDENCE + more)
                    .mapToObj(i -> "line " + i).toList();
            String text = text(List.of(new Finding("DNS_TIMEOUT", Severity.ERROR, "example.test", "m", evidence, "r",
                    Actor.RECIPIENT_MAIL_TEAM)));
            assertTrue(text.contains("| … " + (more == 1 ? "1 more line " : "2 more lines ") + "(use --format json)"),
                    text);
        }
    }

    @Test
    void aStepThatNobodyMustTakeIsOptionalNotATaskForNobody() {
        String text = text(List.of(new Finding("PTR_NOT_CHECKED", Severity.INFO, "example.test",
                "Reverse DNS not checked: no sending IP given", List.of(), "Give the sending IP with --ip.",
                Actor.NOBODY)));
        assertTrue(text.contains("What to do (optional): Give the sending IP with --ip."), text);
        assertFalse(text.contains("(nobody)"), text);
        assertEquals("Salesforce support", ActorWords.inLine(Actor.SALESFORCE_SUPPORT));
    }

    @Test
    void countsOfNouns() {
        assertEquals("0 messages", Counts.of(0, "message"));
        assertEquals("1 message", Counts.of(1, "message"));
        assertEquals("2 messages", Counts.of(2, "message"));
    }

    @Test
    void aReportOfOneMessageSaysOneMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun run = CliRun.of("analyze",
                org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv").toString(), "--report",
                dir.resolve("one.txt").toString(), "--message-id",
                "21749386.106091224027705044.JavaMail.sfdc@synthetic-sample.example");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains(" (1 message, "), run.err());
    }

    @Test
    void aDomainThatIsBothRecipientAndSenderIsSaidInWords() {
        var chain = new org.mailpath.engine.check.AnalysisDnsChecks.ChainRef("<1@x>", "bob@example.test",
                org.mailpath.engine.status.Category.AUTHENTICATION);
        var linked = new org.mailpath.engine.check.AnalysisDnsChecks.LinkedFinding("example.test",
                org.mailpath.engine.check.AnalysisDnsChecks.Role.BOTH, finding("SPF_MISSING", Severity.ERROR),
                List.of(chain));
        var plan = new org.mailpath.engine.check.AnalysisDnsChecks.Plan(List.of(), java.util.Map.of(),
                java.util.Map.of());
        StringWriter out = new StringWriter();
        CheckReportText.printAnalysisChecks(new org.mailpath.engine.check.AnalysisDnsChecks.Result(plan,
                CheckReport.empty(), List.of(linked)), new PrintWriter(out, true));
        assertTrue(out.toString().contains("SPF_MISSING example.test (recipient and sender domain example.test):"
                + " 1 message (AUTHENTICATION), e.g. bob@example.test"), out.toString());
    }

    @Test
    void aRecipientDomainThatIsNoDomainNameIsSaidOnceToBeSkipped() {
        var plan = new org.mailpath.engine.check.AnalysisDnsChecks.Plan(List.of(), java.util.Map.of(),
                java.util.Map.of(), 0, List.of("xn--zz.example"), List.of(), List.of());
        StringWriter out = new StringWriter();
        CheckReportText.printAnalysisChecks(new org.mailpath.engine.check.AnalysisDnsChecks.Result(plan,
                CheckReport.empty(), List.of()), new PrintWriter(out, true));
        assertTrue(out.toString().contains("Not checked: xn--zz.example is not a valid domain name (an xn-- label"
                + " must be a valid internationalized name, IDNA2008, RFC 5891 §5.4), so no DNS lookups were made for"
                + " it; correct the address in Salesforce."), out.toString());
        assertEquals(1, out.toString().split("xn--zz", -1).length - 1, out.toString());
    }

    @Test
    void probeHeadingsSayWhichDomainAnMxHostServes() {
        var mx = new org.mailpath.engine.smtp.ProbeTarget("example.test", "mx.example.test",
                java.net.InetAddress.getLoopbackAddress(), 25, java.util.OptionalInt.of(10));
        var direct = new org.mailpath.engine.smtp.ProbeTarget("[mx.example.test]", "mx.example.test",
                java.net.InetAddress.getLoopbackAddress(), 25, java.util.OptionalInt.empty(),
                org.mailpath.engine.smtp.ProbeTarget.Source.NAMED);
        var report = new org.mailpath.engine.smtp.ProbeReport(List.of(
                new org.mailpath.engine.smtp.TargetResult(mx, List.of(), List.of(),
                        org.mailpath.engine.smtp.Capabilities.NONE, java.util.Optional.empty(),
                        new org.mailpath.engine.smtp.TlsFacts.NotReached()),
                new org.mailpath.engine.smtp.TargetResult(direct, List.of(), List.of(),
                        org.mailpath.engine.smtp.Capabilities.NONE, java.util.Optional.empty(),
                        new org.mailpath.engine.smtp.TlsFacts.NotReached())), List.of());
        StringWriter out = new StringWriter();
        ProbeOutput.text(report, new PrintWriter(out, true));
        assertTrue(out.toString().contains("== mx.example.test [127.0.0.1]:25 (MX of example.test, preference 10)\n"),
                out.toString());
        assertTrue(out.toString().contains(
                "== mx.example.test [127.0.0.1]:25 (named directly, not found through MX records)\n"), out.toString());
    }

    @Test
    void anInternationalDomainIsHeadedInBothForms() {
        StringWriter out = new StringWriter();
        CheckReportText.print(new CheckReport(List.of(new DomainCheckResult("xn--bcher-kva.example", List.of(),
                List.of()))), new PrintWriter(out, true));
        assertTrue(out.toString().startsWith("== xn--bcher-kva.example (b\u00fccher.example) ==\n"), out.toString());
        assertTrue(text(List.of()).startsWith("== example.test ==\n"), text(List.of()));
    }
}
