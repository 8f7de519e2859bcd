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
}
