package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportWording.Fact;

class ReportWordingTest {

    private static final ReportWording ENGLISH = ReportWording.of(ReportTexts.english());

    @Test
    void barsAreTheSharesOfTheTotalNotOfTheLargestCount() {
        // HTML and PDF draw the summary's bars at these lengths: 11 of 50 is 22 % long, not 11/27 of the track
        assertArrayEquals(new double[] {0.54, 0.22, 0.14, 0.10}, ReportWording.shares(27, 11, 7, 5), 1e-12);
        assertArrayEquals(new double[] {0, 0}, ReportWording.shares(0, 0), 0);
    }

    @Test
    void titleFactsAreTheSameLinesForEveryFormat() {
        TitleBlock t = new TitleBlock("Email delivery report", "EmailLog.csv",
                Optional.of(Instant.parse("2026-11-20T08:00:00Z")), Optional.of(Instant.parse("2026-11-21T09:30:00Z")),
                1204, 3, 450, 12, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", true,
                List.of("Recipient domains: a.example, b.example", "no colon here"));
        // the same label and value for every format; the values from outside are named for the HTML's bidi isolation
        assertEquals(List.of(new Fact("File", "EmailLog.csv", List.of("EmailLog.csv")),
                new Fact("Period covered", "20 November 2026, 08:00 UTC – 21 November 2026, 09:30 UTC"),
                new Fact("Rows read", "1,204 (3 rejected as invalid)"),
                new Fact("Messages", "12 in this report (of 450 in the file)"),
                new Fact("Generated", "23 November 2026, 16:00 UTC by MailPath 1.2.3"),
                new Fact("Recipient domains", "a.example, b.example", List.of("a.example", "b.example")),
                new Fact("Scope", "no colon here")), ENGLISH.titleFacts(t));
    }

    /** One rejected row reads as one in Swedish: "(1 utelämnade som ogiltiga)" was plural. */
    @Test
    void oneRejectedRowIsSingularInSwedish() {
        ReportWording swedish = ReportWording.of(ReportTexts.of(Locale.forLanguageTag("sv")));
        assertEquals("100 (1 utelämnad som ogiltig)", swedish.titleFacts(rows(100, 1)).get(2).value());
        assertEquals("100 (3 utelämnade som ogiltiga)", swedish.titleFacts(rows(100, 3)).get(2).value());
        assertEquals("100 (1 rejected as invalid)", ENGLISH.titleFacts(rows(100, 1)).get(2).value());
    }

    /**
     * The review: "Rows read 198" of two logs half of whose rows were copies of the other's, while the console said
     * "99 left out as copies". The copies are said beside the rows as the rejected ones are, in both languages.
     */
    @Test
    void rowsLeftOutAsCopiesAreSaidBesideTheRowsRead() {
        ReportWording swedish = ReportWording.of(ReportTexts.of(Locale.forLanguageTag("sv")));
        assertEquals("198 (99 left out as copies)", ENGLISH.titleFacts(rows(198, 0, 99)).get(2).value());
        assertEquals("100 (1 left out as a copy)", ENGLISH.titleFacts(rows(100, 0, 1)).get(2).value());
        assertEquals("1,204 (3 rejected as invalid, 2 left out as copies)",
                ENGLISH.titleFacts(rows(1204, 3, 2)).get(2).value());
        assertEquals("198 (99 utelämnade som kopior)", swedish.titleFacts(rows(198, 0, 99)).get(2).value());
        assertEquals("100 (1 utelämnad som ogiltig, 1 utelämnad som kopia)",
                swedish.titleFacts(rows(100, 1, 1)).get(2).value());
        assertEquals("100", ENGLISH.titleFacts(rows(100, 0, 0)).get(2).value());
    }

    /**
     * The review's case: the sample log and the log without the TLS columns, whose 99 rows are copies of the
     * sample's; and one log with a row twice. The report's facts (PDF and HTML) say the copies beside the rows.
     */
    @Test
    void theReportOfLogsWithCopiedRowsSaysSoInItsFacts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ReportModel both = new ReportBuilder(new org.mailpath.engine.analysis.EmailLogAnalyzer().analyze(List.of(
                org.mailpath.engine.log.LogFixtures.sample("sample-email-log.csv"),
                org.mailpath.engine.log.LogFixtures.sample("synthetic-no-tls-columns.csv")),
                org.mailpath.engine.common.ProgressListener.NONE, org.mailpath.engine.common.Cancellation.none()),
                ReportOptions.defaults().withDomains(java.util.Set.of("fabrikam.example"))).build();
        assertEquals(99, both.title().copiesLeftOut());
        String html = new String(ReportTestSupport.render(ReportFormat.HTML, both, "multi"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.contains("<dt>Rows read</dt><dd>198 (99 left out as copies)</dd>"), html);

        String row = org.mailpath.engine.log.LogFixtures.row("3/6/2009 8:00", "R", "a@corp.example", "m1", "", "");
        java.nio.file.Path log = org.mailpath.engine.log.LogFixtures.write(dir, "log.csv",
                org.mailpath.engine.log.LogFixtures.lines(org.mailpath.engine.log.LogFixtures.HEADER, row, row));
        ReportModel one = new ReportBuilder(new org.mailpath.engine.analysis.EmailLogAnalyzer().analyze(log,
                org.mailpath.engine.common.ProgressListener.NONE, org.mailpath.engine.common.Cancellation.none()),
                ReportOptions.defaults()).build();
        assertEquals("2 (1 left out as a copy)", ReportWording.of(one).titleFacts(one).get(2).value());
    }

    private static TitleBlock rows(long rows, long rejected, long copies) {
        return new TitleBlock("Email delivery report", "EmailLog.csv", Optional.empty(), Optional.empty(), rows,
                rejected, 40, 40, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of(), List.of(), 0, 0,
                false, 0, false, copies);
    }

    private static TitleBlock rows(long rows, long rejected) {
        return new TitleBlock("Email delivery report", "EmailLog.csv", Optional.empty(), Optional.empty(), rows,
                rejected, 40, 40, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of());
    }

    @Test
    void aLogWithoutTheTlsColumnGetsACaveatAmongTheFactsOfTheLog() {
        TitleBlock t = new TitleBlock("Email delivery report", "EmailLog.csv",
                Optional.of(Instant.parse("2026-11-20T08:00:00Z")), Optional.of(Instant.parse("2026-11-21T09:30:00Z")),
                1204, 0, 450, 450, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of(),
                List.of("EmailLog.csv"), 0, 0, true, 3);
        String caveat = "The log has no TLS_Cipher column (an older export), so Salesforce's hand-offs between its"
                + " own mail servers can be told from deliveries only where the relay address is private: 3"
                + " messages counted as delivered, handed to hosts outside the recipient domain, may only have reached"
                + " another Salesforce server.";
        assertEquals(List.of("File", "Period covered", "Rows read", "Messages", "Caveat", "Generated"),
                ENGLISH.titleFacts(t).stream().map(Fact::label).toList());
        assertEquals(new Fact("Caveat", caveat), ENGLISH.titleFacts(t).get(4));
        assertEquals(Optional.of(caveat), ENGLISH.tlsCaveat(t));
        ReportWording swedish = ReportWording.of(ReportTexts.of(Locale.forLanguageTag("sv")));
        assertEquals("Förbehåll", swedish.titleFacts(t).get(4).label());
        assertTrue(swedish.titleFacts(t).get(4).value().startsWith("Loggen har ingen TLS_Cipher-kolumn"));
        TitleBlock withColumn = new TitleBlock("Email delivery report", "EmailLog.csv", Optional.empty(),
                Optional.empty(), 1, 0, 1, 1, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of());
        assertEquals(Optional.empty(), ENGLISH.tlsCaveat(withColumn));
        assertTrue(ENGLISH.titleFacts(withColumn).stream().noneMatch(f -> f.label().equals("Caveat")));
        // one such delivery is counted as one
        TitleBlock one = new TitleBlock("Email delivery report", "EmailLog.csv", Optional.empty(), Optional.empty(),
                1, 0, 1, 1, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of(), List.of(), 0, 0, true, 1);
        assertTrue(ENGLISH.tlsCaveat(one).orElseThrow().endsWith(": 1 message counted as delivered, handed to a host"
                + " outside the recipient domain, may only have reached another Salesforce server."));
    }

    /**
     * The review: the caveat said "some messages counted as delivered may only have reached another Salesforce server"
     * of a log without the column whose conclusion hedged nothing (every delivery to a host of the recipient's own, or
     * none at all). Where the conclusion hedges none, there is no caveat either.
     */
    @Test
    void noCaveatWhereNoDeliveryMayBeAHandoff() {
        TitleBlock t = new TitleBlock("Email delivery report", "EmailLog.csv", Optional.empty(), Optional.empty(),
                1204, 0, 450, 450, Instant.parse("2026-11-23T16:00:00Z"), "1.2.3", false, List.of(),
                List.of("EmailLog.csv"), 0, 0, true, 0);
        assertEquals(Optional.empty(), ENGLISH.tlsCaveat(t));
        assertTrue(ENGLISH.titleFacts(t).stream().noneMatch(f -> f.label().equals("Caveat")));
    }

    @Test
    void aDeliveredMessagesRetriesAreTheTransientFailuresBeforeItsDelivery() {
        String busy = "451 4.7.500 Server busy";
        String ok = "250 2.0.0 queued";
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<rtd@x>", "a@d.example").received().transientFailure("mx.d.example", "192.0.2.1", busy)
                .delivery("mx.d.example", "192.0.2.1", ok, "TLSv1.3").delivered();
        // a T logged after the delivery (another hop's late report) retried nothing of it
        f.message("<rdt@x>", "b@d.example").received().delivery("mx.d.example", "192.0.2.1", ok, "TLSv1.3")
                .transientFailure("mx.d.example", "192.0.2.1", busy).delivered();
        // a deferral's one T is a failed attempt; no retry of it is logged (yet)
        f.message("<rt@x>", "c@d.example").received().transientFailure("mx.d.example", "192.0.2.1", busy)
                .deferred(org.mailpath.engine.status.StatusKnowledgeBase.standard()
                        .diagnose(org.mailpath.engine.status.SmtpReply.parse(busy)));
        // deferred until Salesforce gave up: two T rows, then a P that only says it expired, after which no attempt
        f.message("<rttp@x>", "e@d.example").received().transientFailure("mx.d.example", "192.0.2.1", busy)
                .transientFailure("mx.d.example", "192.0.2.1", busy)
                .permanentFailure("", "", "554 5.4.5 [internal] Delivery not attempted (message expired)")
                .bounced(org.mailpath.engine.status.StatusKnowledgeBase.standard()
                        .diagnose(org.mailpath.engine.status.SmtpReply.parse(busy)));
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED)).build();
        List<MessageEntry> messages = model.recipientDomains().getFirst().messages();
        MessageEntry rttp = messages.stream().filter(m -> m.messageIdHeader().equals("<rttp@x>")).findFirst()
                .orElseThrow();
        assertTrue(ENGLISH.outcome(rttp).startsWith("Bounced – "), ENGLISH.outcome(rttp));
        assertTrue(ENGLISH.outcome(rttp).endsWith(" (after 2 failed attempts)"), ENGLISH.outcome(rttp));
        assertEquals(2, rttp.retries(), "the JSON's retries still counts every T row");
        MessageEntry rtd = messages.stream().filter(m -> m.messageIdHeader().equals("<rtd@x>")).findFirst()
                .orElseThrow();
        MessageEntry rdt = messages.stream().filter(m -> m.messageIdHeader().equals("<rdt@x>")).findFirst()
                .orElseThrow();
        assertEquals("Delivered (after 1 failed attempt)", ENGLISH.outcome(rtd));
        assertEquals("Delivered", ENGLISH.outcome(rdt));
        assertEquals(1, rdt.retries(), "the JSON's retries still counts every T row");
        MessageEntry rt = messages.stream().filter(m -> m.messageIdHeader().equals("<rt@x>")).findFirst()
                .orElseThrow();
        assertTrue(ENGLISH.outcome(rt).endsWith(" (1 failed attempt)"), ENGLISH.outcome(rt));
        assertEquals(1, rt.retries(), "the JSON's retries still counts every T row");
    }

    @Test
    void percentagesAddUpTo100() {
        // rounded alone: 38 + 50 + 8 + 5 = 101; of the two halves (37.5 and 7.5) the earlier one is rounded up
        assertArrayEquals(new long[] {38, 50, 7, 5}, ReportWording.percentages(15, 20, 3, 2));
        assertArrayEquals(new long[] {34, 33, 33}, ReportWording.percentages(1, 1, 1));
        assertArrayEquals(new long[] {0, 100, 0}, ReportWording.percentages(0, 7, 0));
        assertArrayEquals(new long[] {0, 0}, ReportWording.percentages(0, 0));
        long[] many = ReportWording.percentages(LongStream.generate(() -> 1).limit(130).toArray());
        assertEquals(100, LongStream.of(many).sum());
    }

    @Test
    void aCauseWithoutAMeaningIsSaidAsAWholeSentenceNotAsTheEndOfOne() {
        // the cause.* phrases only complete "… bounced because …": alone, "of a reason the log does not make clear"
        String unknown = "of a reason the log does not make clear";
        assertEquals("Bounced because of a reason the log does not make clear.",
                ENGLISH.causeMeaning(cause(1, 0, unknown, "")));
        assertEquals("Deferred because of a reason the log does not make clear.",
                ENGLISH.causeMeaning(cause(0, 2, unknown, "")));
        assertEquals("Bounced or deferred because of a reason the log does not make clear.",
                ENGLISH.causeMeaning(cause(1, 2, unknown, "")));
        assertEquals("Studsade eftersom orsaken är oklar utifrån loggen.",
                ReportWording.of(ReportTexts.of(Locale.of("sv")))
                        .causeMeaning(cause(1, 0, "orsaken är oklar utifrån loggen", "")));
        assertEquals("The mailbox is full.", ENGLISH.causeMeaning(cause(1, 0, "the mailbox is full",
                "The mailbox is full.")), "the knowledge base's words when there are some");
    }

    private static CauseRow cause(long bounced, long deferred, String explanation, String meaning) {
        return new CauseRow(Category.UNKNOWN, "Unknown", bounced, deferred, Actor.NOBODY, explanation, "", meaning,
                List.of("d.example"), List.of(), "", "");
    }
}
