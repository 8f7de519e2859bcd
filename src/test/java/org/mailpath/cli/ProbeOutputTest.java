package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;

class ProbeOutputTest {

    @Test
    void aProbeThisComputersNetworkKeptFromBeingMadeIsNotCheckedAsInTheCheckOutput() {
        // what --fail-on counts as not checked (4) must not read as a WARNING of the recipient
        Finding blocked = new Finding("SMTP_PORT25_BLOCKED_LOCALLY", Severity.WARNING, "mx.a.test", "Port 25 blocked.",
                List.of(), "Probe from another network.", Actor.LOCAL_NETWORK);
        Finding warning = new Finding("SMTP_NO_STARTTLS", Severity.WARNING, "mx.a.test", "No STARTTLS.", List.of(),
                "Offer STARTTLS.", Actor.RECIPIENT_MAIL_TEAM);
        StringWriter text = new StringWriter();
        ProbeOutput.text(new ProbeReport(List.of(), List.of(blocked, warning)), new PrintWriter(text, true));
        assertEquals("""
                == overall
                  NOT CHECKED SMTP_PORT25_BLOCKED_LOCALLY: Port 25 blocked.
                      What to do (our local network): Probe from another network.
                  WARNING SMTP_NO_STARTTLS: No STARTTLS.
                      What to do (recipient's mail team): Offer STARTTLS.
                """, text.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("NOT CHECKED", CheckReportText.label(blocked));
    }

    @Test
    void anInputsFindingsAreUnderItsNameAndOnlyTheRunsUnderOverall() {
        Finding gone = new Finding("SMTP_DOMAIN_NOT_FOUND", Severity.ERROR, "gone.test", "gone.test does not exist.",
                List.of(), "Check for a typo.", Actor.SENDER_ADMIN);
        Finding noAddress = new Finding("SMTP_NO_ADDRESS", Severity.ERROR, "mx2.b.test", "mx2.b.test has no address.",
                List.of(), "Publish an address.", Actor.RECIPIENT_MAIL_TEAM);
        Finding capped = new Finding("SMTP_TARGETS_CAPPED", Severity.INFO, "a.test, gone.test, b.test", "Capped.",
                List.of(), "", Actor.NOBODY);
        ProbeReport report = new ProbeReport(List.of(), List.of(gone, noAddress, capped), List.of(
                new ProbeReport.ProbedInput("a.test", List.of()),
                new ProbeReport.ProbedInput("gone.test", List.of(gone)),
                new ProbeReport.ProbedInput("b.test", List.of(noAddress))));
        StringWriter text = new StringWriter();
        ProbeOutput.text(report, new PrintWriter(text, true));
        assertEquals("""
                == gone.test
                  ERROR SMTP_DOMAIN_NOT_FOUND: gone.test does not exist.
                      What to do (our Salesforce admin): Check for a typo.

                == b.test
                  ERROR SMTP_NO_ADDRESS: mx2.b.test has no address.
                      What to do (recipient's mail team): Publish an address.

                == overall
                  INFO SMTP_TARGETS_CAPPED: Capped.
                """, text.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(capped), report.runFindings());
    }
}
