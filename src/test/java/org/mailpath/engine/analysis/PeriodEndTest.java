package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.writeLog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;

/**
 * The end of the log's period for the checks of messages Salesforce stopped retrying: a row dated implausibly (2060)
 * does not make every deferral stale, and a last row far after the others is named.
 */
class PeriodEndTest {

    private static final String DNS_T = "421 4.4.0 [internal] no mail servers for this domain could be reached at "
            + "this time";

    @TempDir
    Path dir;

    private LogAnalysis analyze(String... rows) throws UnusableLogException {
        return LogFixtures.analyze(writeLog(dir, "log.csv", rows));
    }

    private static List<FileProblem> about(LogAnalysis a, String text) {
        return a.problems().stream().filter(p -> p.message().contains(text)).toList();
    }

    @Test
    void aRowDatedImplausiblyDoesNotMakeTheDeferralsStale() throws Exception {
        LogAnalysis a = analyze(row("11/16/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("11/16/2026 8:00", "T", "a@acme.example", "m1", DNS_T, ""),
                row("11/16/2026 9:00", "R", "b@acme.example", "m2", "", ""),
                row("11/16/2060 8:04", "D", "c@acme.example", "m3", "250 OK", "TLSv1.3"));
        assertEquals(0, a.staleDeferrals(), "2060 is no end of the log to judge retries against");
        assertEquals(0, a.staleReceived());
        assertFalse(a.chains().getFirst().stale());
        // the row stays, with its date as written
        assertEquals(Instant.parse("2060-11-16T08:04:00Z"), a.chains().getLast().events().getLast().time());
        List<FileProblem> said = about(a, "sets the end of its period, but its date is implausible");
        assertEquals(1, said.size(), a.problems().toString());
        assertEquals(5, said.getFirst().line(), "the row that sets the end");
    }

    @Test
    void aPlausibleLastRowFarAfterTheOthersIsNamedWithTheMessagesOnlyItMakesStale() throws Exception {
        LogAnalysis a = analyze(row("11/10/2026 8:00", "T", "a@acme.example", "m1", DNS_T, ""),
                row("11/10/2026 9:00", "R", "b@acme.example", "m2", "", ""),
                row("11/14/2026 9:00", "R", "c@acme.example", "m3", "", ""));
        // judged against it still: the row may be true
        assertEquals(1, a.staleDeferrals());
        assertEquals(1, a.staleReceived());
        List<FileProblem> said = about(a, "hours after every other row of the log and sets the end of its period:");
        assertEquals(1, said.size(), a.problems().toString());
        FileProblem p = said.getFirst();
        assertEquals(4, p.line());
        assertEquals("Line 4 (2026-11-14T09:00:00Z) is 96 hours after every other row of the log and sets the end of"
                + " its period: 2 messages deferred or only received are marked as no longer retried only because of"
                + " that row; against the latest other row (2026-11-10T09:00:00Z) they would not be. Check that row's"
                + " date.", p.message(Locale.ENGLISH));
        assertEquals("Rad 4 (2026-11-14T09:00:00Z) ligger 96 timmar efter alla andra rader i loggen och blir därför"
                + " slutet på loggens period: 2 fördröjda eller endast mottagna meddelanden markeras med ”inget utfall"
                + " efter 24 timmar” enbart på grund av den raden; mot den senaste andra raden"
                + " (2026-11-10T09:00:00Z) skulle de inte markeras så. Kontrollera radens datum.",
                p.message(Locale.forLanguageTag("sv")));
    }

    @Test
    void onlyTheMessagesTheFarRowAloneMakesStaleAreCounted() throws Exception {
        // m1's deferral is stale against the latest other row (11/12 9:01) already; m2's R, 2 hours before it, is not
        LogAnalysis a = analyze(row("11/10/2026 8:00", "T", "a@acme.example", "m1", DNS_T, ""),
                row("11/12/2026 7:00", "R", "b@acme.example", "m2", "", ""),
                row("11/12/2026 9:00", "R", "d@acme.example", "m4", "", ""),
                row("11/12/2026 9:01", "D", "d@acme.example", "m4", "250 OK", "TLSv1.3"),
                row("11/14/2026 10:00", "D", "c@acme.example", "m3", "250 OK", "TLSv1.3"));
        assertEquals(1, a.staleDeferrals());
        assertEquals(1, a.staleReceived());
        List<FileProblem> said = about(a, "sets the end of its period:");
        assertEquals(1, said.size(), a.problems().toString());
        assertEquals(6, said.getFirst().line());
        assertTrue(said.getFirst().message(Locale.ENGLISH).contains(": 1 message deferred or only received is marked"
                + " as no longer retried only because of that row; against the latest other row"
                + " (2026-11-12T09:01:00Z) it would not be."), said.getFirst().message(Locale.ENGLISH));
        assertTrue(said.getFirst().message(Locale.forLanguageTag("sv")).contains(": 1 fördröjt eller endast"
                + " mottaget meddelande markeras med ”inget utfall efter 24 timmar”"),
                said.getFirst().message(Locale.forLanguageTag("sv")));
    }

    @Test
    void aFarLastRowThatChangesNoMessageIsNotSaid() throws Exception {
        // a quiet org: its last mail 49 hours after the one before; m1's deferral is stale against either row
        LogAnalysis a = analyze(row("11/10/2026 8:00", "T", "a@acme.example", "m1", DNS_T, ""),
                row("11/12/2026 9:00", "R", "b@acme.example", "m2", "", ""),
                row("11/12/2026 9:01", "D", "b@acme.example", "m2", "250 OK", "TLSv1.3"),
                row("11/14/2026 10:01", "R", "c@acme.example", "m3", "", ""));
        assertEquals(1, a.staleDeferrals(), "m1, 49 hours before the latest other row too");
        assertEquals(0, a.staleReceived(), "m3's R is the last row");
        assertTrue(about(a, "sets the end of its period").isEmpty(), a.problems().toString());
        assertTrue(a.problems().isEmpty(), "nothing holds the admin on the import step: " + a.problems());
    }

    @Test
    void anHonestWeekSaysNothingOfItsEnd() throws Exception {
        String[] rows = new String[8];
        for (int d = 0; d < 8; d++) {
            rows[d] = row("11/" + (10 + d) + "/2026 8:00", d == 0 ? "T" : "R", "x" + d + "@acme.example", "m" + d,
                    d == 0 ? DNS_T : "", "");
        }
        LogAnalysis a = analyze(rows);
        assertEquals(1, a.staleDeferrals(), "the week's first deferral is judged against its last day");
        assertTrue(about(a, "sets the end of its period").isEmpty(), a.problems().toString());
    }

    @Test
    void aLowVolumeWeekWithALastRowThirtyHoursAfterTheOneBeforeSaysNothing() throws Exception {
        // a few mails a day, each delivered; the last 30 hours after the one before it
        LogAnalysis a = analyze(row("11/10/2026 8:00", "R", "a@acme.example", "m1", "", ""),
                row("11/10/2026 8:01", "D", "a@acme.example", "m1", "250 OK", "TLSv1.3"),
                row("11/11/2026 15:00", "R", "b@acme.example", "m2", "", ""),
                row("11/11/2026 15:01", "D", "b@acme.example", "m2", "250 OK", "TLSv1.3"),
                row("11/12/2026 21:00", "R", "c@acme.example", "m3", "", ""),
                row("11/12/2026 21:01", "D", "c@acme.example", "m3", "250 OK", "TLSv1.3"),
                row("11/14/2026 3:01", "D", "d@acme.example", "m4", "250 OK", "TLSv1.3"));
        assertEquals(0, a.staleDeferrals());
        assertEquals(0, a.staleReceived());
        assertTrue(a.problems().isEmpty(), a.problems().toString());
    }
}
