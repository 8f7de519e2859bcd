package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ReportWording.Fact;

class ReportWordingTest {

    @Test
    void titleFactsAreTheSameLinesForEveryFormat() {
        TitleBlock t = new TitleBlock("Email delivery report", "EmailLog.csv",
                Optional.of(Instant.parse("2026-11-20T08:00:00Z")), Optional.of(Instant.parse("2026-11-21T09:30:00Z")),
                1204, 3, 450, 12, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", true,
                List.of("Recipient domains: a.example, b.example", "no colon here"));
        // the same label and value for every format; the values from outside are named for the HTML's bidi isolation
        assertEquals(List.of(new Fact("File", "EmailLog.csv", List.of("EmailLog.csv")),
                new Fact("Period covered", "20 November 2026, 08:00 UTC – 21 November 2026, 09:30 UTC"),
                new Fact("Rows read", "1,204 (3 rejected as unreadable)"),
                new Fact("Messages", "12 in this report (of 450 in the file)"),
                new Fact("Generated", "23 November 2026, 16:00 UTC by MailPath 1.2.3"),
                new Fact("Recipient domains", "a.example, b.example", List.of("a.example", "b.example")),
                new Fact("Scope", "no colon here")), ReportWording.titleFacts(t));
    }
}
