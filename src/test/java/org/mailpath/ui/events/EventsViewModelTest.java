package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

class EventsViewModelTest {

    private static final String LOOKUP_FAILED = "554 5.4.4 [internal] Domain Lookup Failed";

    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final EventsViewModel model = new EventsViewModel(session, new SyncTaskRunner(), dialogs, Messages.forLocale(Locale.ENGLISH));

    @TempDir
    Path idnDir;

    /**
     * The review: bücher.de, xn--bcher-kva.de and bücher．de were separate domains in the Domains tab and the filter,
     * and раypal.com (Cyrillic р and а) read as paypal.com in the table and the detail.
     */
    @Test
    void theSpellingsOfOneDomainAreOneAndALookAlikeShowsItsAsciiForm() throws Exception {
        Path log = LogFixtures.write(idnDir, "idn.csv", LogFixtures.idnSpellingsLog());
        session.setAnalysis(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()));
        assertEquals(List.of("", "bücher.de", "раypal.com"), model.domainChoices());
        assertEquals(List.of("bücher.de", "раypal.com"), model.domains().stream()
                .map(d -> d.domain()).toList());
        assertEquals("раypal.com (xn--ypal-43d9g.com)", EventsViewModel.shownDomain("раypal.com"));
        assertEquals("bücher.de", EventsViewModel.shownDomain("bücher.de"));

        model.domainFilterProperty().set("bücher.de");
        assertEquals(3, model.visibleRows().size());
        model.domainFilterProperty().set("раypal.com");
        MessageRow lookAlike = model.visibleRows().getFirst();
        assertEquals("d@раypal.com (xn--ypal-43d9g.com)", lookAlike.recipient());
        assertEquals(org.mailpath.engine.address.MixedScripts.shownAddress("d@раypal.com"), lookAlike.recipient(), "one route for the tab");
        assertEquals("d@раypal.com", lookAlike.chain().recipient(), "copied and searched as written");
        model.selectedProperty().set(lookAlike);
        assertTrue(model.addressProblemProperty().get().contains("mixes letters of different scripts"),
                model.addressProblemProperty().get());
    }

    @Test
    void emptyUntilALogIsImported() {
        assertTrue(model.emptyProperty().get());
        assertFalse(model.completeProperty().get());
        assertTrue(model.cards().isEmpty());
        session.setAnalysis(TestAnalyses.day());
        assertFalse(model.emptyProperty().get());
        assertTrue(model.completeProperty().get());
    }

    /** The review: after Import said "3 rows left out", Events did not mention them at all. */
    @Test
    void rowsRejectedAsUnreadableAreMentionedBesideTheCountsUntilALogWithoutThemComes() throws Exception {
        assertEquals("", model.rejectedNoticeProperty().get());
        session.setAnalysis(new EmailLogAnalyzer().analyze(LogFixtures.sample("synthetic-with-bad-rows.csv"),
                ProgressListener.NONE, Cancellation.none()));
        assertEquals("3 rows of the log were rejected as invalid: not counted here. The Import step lists them.",
                model.rejectedNoticeProperty().get());
        session.setAnalysis(TestAnalyses.day());
        assertEquals("", model.rejectedNoticeProperty().get(), "every row of this log was read");
    }

    @Test
    void theSelectedMessageIsSharedWithLaterStepsUntilItIsFilteredAwayOrANewLogComes() {
        session.setAnalysis(TestAnalyses.day());
        MessageRow bounced = model.visibleRows().stream().filter(r -> r.chain().verdict() == Verdict.BOUNCED)
                .findFirst().orElseThrow();
        model.selectedProperty().set(bounced);
        assertEquals(bounced.chain(), session.selectedMessage().orElseThrow());
        model.showOnly(VerdictFilter.DELIVERED);
        assertTrue(session.selectedMessage().isEmpty());
        model.showOnly(VerdictFilter.ALL);
        model.selectedProperty().set(bounced);
        session.setAnalysis(TestAnalyses.small());
        assertTrue(session.selectedMessage().isEmpty());
    }

    @Test
    void theTableAndChartAreBuiltOnAWorkerWhileTheCardsShowAtOnce() {
        ManualTaskRunner runner = new ManualTaskRunner();
        EventsViewModel m = new EventsViewModel(session, runner, dialogs, Messages.forLocale(Locale.ENGLISH));
        session.setAnalysis(TestAnalyses.day());
        assertEquals(4, m.cards().size(), "cards at once");
        assertFalse(m.causes().isEmpty(), "causes at once");
        assertTrue(m.loadingProperty().get());
        assertTrue(m.visibleRows().isEmpty());
        assertEquals("Building the message table…", m.countTextProperty().get());
        assertTrue(m.completeProperty().get(), "Next is not held up by the table");
        runner.runAll();
        assertFalse(m.loadingProperty().get());
        assertEquals(60, m.visibleRows().size());
        assertFalse(m.timeBuckets().isEmpty());
        assertEquals("Showing 60 of 60 messages", m.countTextProperty().get());
    }

    @Test
    void aNewLogWhileTheTableIsBuiltReplacesTheOldOne() {
        ManualTaskRunner runner = new ManualTaskRunner();
        EventsViewModel m = new EventsViewModel(session, runner, dialogs, Messages.forLocale(Locale.ENGLISH));
        session.setAnalysis(TestAnalyses.day());
        session.setAnalysis(TestAnalyses.small());
        runner.runAll();
        assertEquals(TestAnalyses.small().messages(), m.visibleRows().size(), "only the newer log's rows");
    }

    @Test
    void cardsCountEveryVerdictWithItsShare() {
        session.setAnalysis(TestAnalyses.day());
        List<String> cards = model.cards().stream().map(c -> c.title() + "=" + c.count() + "/" + c.percent()
                + (c.note().isEmpty() ? "" : " [" + c.note() + "]")).toList();
        // 48, 7, 4 and 1 of 60 are 80, 11.7, 6.7 and 1.7 %: whole shares by the largest remainder (the report's
        // rule), ties to the earlier card, so they add up to 100 as the report's do, where rounding each gave 101
        assertEquals(List.of("Delivered=48/80 % [of which 6 after retry]", "Bounced=7/12 %", "Deferred=4/7 %",
                "Received only=1/1 %"), cards);
        assertEquals(model.visibleRows().size(), model.cards().stream().mapToLong(SummaryCard::count).sum(),
                "delivered after retry is inside Delivered: the cards add up to all messages");
    }

    @Test
    void inSwedishTheCardsAreWordedInSwedish() {
        EventsViewModel sv = new EventsViewModel(session, new SyncTaskRunner(), dialogs, Messages.forLocale(Locale.of("sv")));
        session.setAnalysis(TestAnalyses.day());
        SummaryCard delivered = sv.cards().getFirst();
        assertEquals("Levererade", delivered.title());
        assertEquals("80 %", delivered.percent());
        assertEquals("varav 6 efter nytt försök", delivered.note());
    }

    /** What the Result column must fit: the log's result texts, each once, in the language of the UI. */
    @Test
    void theResultTextsOfTheLogAreKnownOnceInTheLanguageOfTheUi() {
        session.setAnalysis(TestAnalyses.day());
        assertEquals(Set.of("Delivered", "Delivered after 1 retry", "Bounced", "Deferred", "Received only"),
                Set.copyOf(model.resultTexts()));
        assertEquals(model.resultTexts().size(), Set.copyOf(model.resultTexts()).size(), "each once");
        EventsViewModel sv = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.of("sv")));
        assertTrue(sv.resultTexts().contains("Levererat efter 1 nytt försök"), sv.resultTexts().toString());
        session.setAnalysis(null);
        assertTrue(model.resultTexts().isEmpty());
    }

    @Test
    void causesAreSortedByCountAndNamedInWords() {
        session.setAnalysis(TestAnalyses.day());
        assertEquals(2, model.causes().size());
        assertEquals(Category.RECIPIENT, model.causes().get(0).category());
        assertEquals("Recipient unknown or refused", model.causes().get(0).label());
        // the words of the reports, so the admin sees what the PDF the recipient's mail team gets calls it
        for (Category c : Category.values()) {
            assertEquals(ReportTexts.english().label(c), Messages.forLocale(Locale.ENGLISH).category(c), c.name());
            assertEquals(ReportTexts.of(Locale.forLanguageTag("sv")).label(c),
                    Messages.forLocale(Locale.forLanguageTag("sv")).category(c), c.name());
        }
        assertEquals(7, model.causes().get(0).bounced());
        assertEquals(4, model.causes().get(1).deferred());
    }

    @Test
    void theCauseChartGathersTheLessFrequentCausesSoItsBarsAddUpToEveryFailure() {
        // eight causes, the first with 8 bounces, the next with 7 ... the last with 1: 36 failures
        List<Category> categories = List.of(Category.RECIPIENT, Category.MAILBOX_FULL, Category.DNS, Category.TLS,
                Category.REPUTATION, Category.CONTENT_POLICY, Category.SIZE, Category.RATE_LIMIT);
        List<MessageChain> chains = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            Diagnosis d = new Diagnosis(categories.get(i), "why", "what to do",
                    Actor.RECIPIENT_MAIL_TEAM, "5.0.0");
            for (int n = 0; n < categories.size() - i; n++) {
                chains.add(TestAnalyses.bounced("u" + i + "x" + n + "@example.se", n, "550 5.0.0 no", d));
            }
        }
        session.setAnalysis(TestAnalyses.of(chains));

        assertEquals(8, model.causes().size(), "the filter still offers every cause");
        List<CauseBar> bars = model.causeBars();
        assertEquals(6, bars.size(), "five causes and one bar for the rest");
        assertEquals(36, bars.stream().mapToLong(CauseBar::total).sum(), "the bars add up to every failure");
        CauseBar other = bars.getLast();
        // categories, as each bar is one; the report counts "other reasons" of one outcome, so the words differ
        assertEquals("Other categories (3)", other.label());
        assertEquals(3 + 2 + 1, other.bounced());
        assertTrue(other.gathered());
        assertEquals(List.of(Category.CONTENT_POLICY, Category.SIZE, Category.RATE_LIMIT),
                other.causes().stream().map(CauseCount::category).toList());
        assertEquals("Other categories (3): Bounced 6, Deferred 0\n"
                + model.causeLabel(Category.CONTENT_POLICY) + ": Bounced 3, Deferred 0\n"
                + model.causeLabel(Category.SIZE) + ": Bounced 2, Deferred 0\n"
                + model.causeLabel(Category.RATE_LIMIT) + ": Bounced 1, Deferred 0", other.text());
        assertFalse(bars.getFirst().gathered());
    }

    @Test
    void aSixthCauseGetsItsOwnBarRatherThanAnOtherBarOfOne() {
        session.setAnalysis(TestAnalyses.day());
        assertEquals(model.causes().stream().map(CauseCount::label).toList(),
                model.causeBars().stream().map(CauseBar::label).toList());
        List<Category> categories = List.of(Category.RECIPIENT, Category.MAILBOX_FULL, Category.DNS, Category.TLS,
                Category.REPUTATION, Category.SIZE);
        List<MessageChain> chains = new ArrayList<>();
        for (Category c : categories) {
            chains.add(TestAnalyses.bounced(c.name() + "@example.se", 1, "550 5.0.0 no", new Diagnosis(c, "why", "do",
                    Actor.RECIPIENT_MAIL_TEAM, "5.0.0")));
        }
        session.setAnalysis(TestAnalyses.of(chains));
        assertEquals(6, model.causeBars().size());
        assertTrue(model.causeBars().stream().noneMatch(CauseBar::gathered));
    }

    @Test
    void eventsOverTimeAreBucketedByHourWithoutReceptions() {
        session.setAnalysis(TestAnalyses.small());
        long delivered = model.timeBuckets().stream().mapToLong(TimeBucket::delivered).sum();
        long deferred = model.timeBuckets().stream().mapToLong(TimeBucket::deferred).sum();
        long bounced = model.timeBuckets().stream().mapToLong(TimeBucket::bounced).sum();
        assertEquals(2, delivered);
        assertEquals(4, deferred, "two retries before a delivery and two of the deferred message");
        assertEquals(1, bounced);
        assertEquals("03-06 08:00", model.timeBuckets().getFirst().label());
    }

    @Test
    void aRowDatedYearsOffDoesNotMakeABarOfEveryDayInBetween() {
        // 2026-03-06 and a row 20 years later: daily bars; every day in between would be about 7,300 of them
        session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.bounced("a@x.example", 0),
                TestAnalyses.bounced("b@x.example", 20L * 365 * 24 * 60))));
        List<TimeBucket> buckets = List.copyOf(model.timeBuckets());
        assertEquals(2, buckets.size(), buckets.toString());
        assertEquals(List.of(1L, 1L), buckets.stream().map(TimeBucket::bounced).toList());
    }

    @Test
    void theTimeChartHasABarForEveryHourFromTheFirstEventToTheLastAndAnAxisInUtc() {
        // bounces at 08:00, 08:30 and 11:10: the hours between have no events
        session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.bounced("a@x.example", 0),
                TestAnalyses.bounced("b@x.example", 30), TestAnalyses.bounced("c@x.example", 190))));
        List<TimeBucket> buckets = List.copyOf(model.timeBuckets());
        assertEquals(4, buckets.size(), "08, 09, 10 and 11 o'clock: " + buckets);
        assertEquals(List.of(2L, 0L, 0L, 1L), buckets.stream().map(TimeBucket::bounced).toList());
        for (int i = 1; i < buckets.size(); i++) {
            assertEquals(buckets.get(i - 1).start().plus(Duration.ofHours(1)), buckets.get(i).start(),
                    "bar " + i + " follows the one before by an hour, an hour without events too");
        }
        assertTrue(buckets.stream().anyMatch(b -> b.delivered() + b.deferred() + b.bounced() == 0),
                "the fixture has an hour without events, which keeps its place on the axis");
        TimeAxis axis = model.timeAxisProperty().get();
        assertEquals(Formats.shortTime(buckets.getFirst().start()), axis.start());
        assertEquals(Formats.shortTime(buckets.getLast().start().plus(Duration.ofHours(1))),
                axis.end(), "the axis ends where the last hour ends");
        assertEquals("One bar per hour", axis.step());

        session.setAnalysis(TestAnalyses.small());
        assertEquals("03-06 08:00", model.timeAxisProperty().get().start());
        session.setAnalysis(null);
        assertEquals(TimeAxis.NONE, model.timeAxisProperty().get());
    }

    @Test
    void clearingIsOfferedOnlyWhileSomeSearchOrFilterIsSet() {
        session.setAnalysis(TestAnalyses.day());
        assertFalse(model.canClearFiltersProperty().get());
        model.searchProperty().set("x");
        assertTrue(model.canClearFiltersProperty().get());
        model.clearFilters();
        assertFalse(model.canClearFiltersProperty().get());
        model.verdictFilterProperty().set(VerdictFilter.FAILING);
        assertTrue(model.canClearFiltersProperty().get());
        model.clearFilters();
        model.domainFilterProperty().set("kund.se");
        assertTrue(model.canClearFiltersProperty().get());
        model.clearFilters();
        model.causeFilter().add(Category.RECIPIENT);
        assertTrue(model.canClearFiltersProperty().get());
        model.clearFilters();
        assertFalse(model.canClearFiltersProperty().get());
        model.domainFilterProperty().set(null); // as a combo box may clear its value: no filter
        model.verdictFilterProperty().set(null);
        assertFalse(model.canClearFiltersProperty().get());
        assertEquals(60, model.visibleRows().size());
    }

    @Test
    void searchVerdictAndDomainFiltersCombine() {
        session.setAnalysis(TestAnalyses.day());
        assertEquals(60, model.visibleRows().size());
        assertEquals("Showing 60 of 60 messages", model.countTextProperty().get());
        model.verdictFilterProperty().set(VerdictFilter.FAILING);
        assertEquals(11, model.visibleRows().size());
        model.domainFilterProperty().set("kund.se");
        assertEquals(4, model.visibleRows().size());
        model.searchProperty().set("INFO2");
        assertEquals(1, model.visibleRows().size());
        assertEquals("info2@kund.se", model.visibleRows().getFirst().recipient());
        model.clearFilters();
        assertEquals(60, model.visibleRows().size());
        model.searchProperty().set("user unknown");
        assertEquals(7, model.visibleRows().size(), "the status line is searched too");
        model.clearFilters();
        model.showOnly(VerdictFilter.DELIVERED_AFTER_RETRY);
        assertEquals(6, model.visibleRows().size());
    }

    @Test
    void theCauseFilterShowsTheMessagesOfTheChosenCausesAndCombinesWithTheOthers() {
        session.setAnalysis(TestAnalyses.day());
        assertEquals(List.of(Category.RECIPIENT, Category.MAILBOX_FULL), List.copyOf(model.causeChoices()),
                "the causes of this log, most frequent first");
        assertEquals("All causes", model.causeFilterTextProperty().get());
        model.causeFilter().add(Category.RECIPIENT);
        assertEquals(7, model.visibleRows().size());
        assertTrue(model.visibleRows().stream().allMatch(r -> r.chain().category().orElseThrow() == Category.RECIPIENT));
        assertEquals("Recipient unknown or refused", model.causeFilterTextProperty().get());
        model.causeFilter().add(Category.MAILBOX_FULL);
        assertEquals(11, model.visibleRows().size(), "delivered messages have no cause and are not shown");
        assertEquals("2 causes", model.causeFilterTextProperty().get());
        model.domainFilterProperty().set("kund.se");
        assertEquals(4, model.visibleRows().size());
        model.clearFilters();
        assertTrue(model.causeFilter().isEmpty());
        assertEquals(60, model.visibleRows().size());
        model.causeFilter().add(Category.MAILBOX_FULL);
        assertTrue(model.canClearFiltersProperty().get());
        session.setAnalysis(TestAnalyses.small());
        assertTrue(model.causeFilter().isEmpty(), "a new log starts unfiltered");
    }

    @Test
    void selectingABouncedMessageShowsItsTimelineAndDiagnosis() {
        session.setAnalysis(TestAnalyses.day());
        model.verdictFilterProperty().set(VerdictFilter.BOUNCED);
        model.selectedProperty().set(model.visibleRows().getFirst());
        assertEquals(2, model.timeline().size());
        TimelineEntry failure = model.timeline().get(1);
        assertEquals(MailEvent.PERMANENT_FAILURE, failure.event());
        assertEquals("Bounced", failure.title());
        assertEquals("during RCPT TO", failure.stage());
        assertEquals("mx.example.se [198.51.100.7]", failure.relay());
        assertTrue(failure.status().startsWith("550 5.1.1"));
        assertEquals("The recipient’s server says this mailbox does not exist.", model.explanationProperty().get());
        assertEquals("Who must act: the recipient’s mail team", model.actorProperty().get());
        assertEquals("", model.handOffNoteProperty().get());
    }

    /**
     * Microsoft 365 throttled a message until Salesforce gave up and bounced it as expired: the pane said what the
     * rule says of a passing deferral ("temporarily throttling") and named only you, while the report said the
     * deferrals lasted and named both sides. It reads the chain's words, as the report and analyze do, and names both.
     */
    @Test
    void aThrottlingUntilSalesforceGaveUpIsSaidToHaveLastedAndNamesBothSides(@TempDir Path dir) throws Exception {
        String busy = "451 4.7.500 Server busy. Please try again later from [13.110.74.201]. (S77719)"
                + " [DM6NAM12FT015.eop-nam12.prod.protection.outlook.com]";
        Path log = LogFixtures.write(dir, "log.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("11/30/2026 11:00", "R", "grace@contoso.example", "m1", "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", "grace@contoso.example", "m1", busy, ""),
                LogFixtures.row("12/1/2026 11:01", "P", "grace@contoso.example", "m1",
                        "554 5.4.5 [internal] Delivery not attempted (message expired)", "")));
        session.setAnalysis(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()));
        model.selectedProperty().set(model.visibleRows().getFirst());
        MessageChain c = model.visibleRows().getFirst().chain();
        assertTrue(model.explanationProperty().get().startsWith("The recipient's servers deferred the message at every"
                + " attempt until Salesforce stopped retrying and bounced it as expired, which is more than a passing"
                + " delay. What the reply says: Microsoft 365 is temporarily throttling"),
                model.explanationProperty().get());
        assertEquals(c.explanation(Locale.ENGLISH).orElseThrow(), model.explanationProperty().get());
        assertEquals("Who must act: you (the Salesforce admin) and the recipient’s mail team, whose"
                + " servers kept deferring the message", model.actorProperty().get());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(swedish.visibleRows().getFirst());
        assertTrue(swedish.explanationProperty().get().startsWith("Mottagarens servrar sköt upp meddelandet"),
                swedish.explanationProperty().get());
        assertTrue(swedish.actorProperty().get().startsWith("Vem måste agera: du (Salesforce-administratören)"
                + " och mottagarens e-postteam"), swedish.actorProperty().get());
    }

    /**
     * The postmaster reviewer: henry@contsoo.example bounced "Domain Lookup Failed" in a log that delivered to
     * alice@contoso.example. analyze and the report name our admin first, to check the address for a typo, and say
     * "did you mean contoso.example"; the detail named the recipient's mail team alone and had no such note.
     */
    @Test
    void aLikelyTypoOfADeliveredDomainNamesYouFirstAndTheDomainLikelyMeant(@TempDir Path dir) throws Exception {
        session.setAnalysis(typoAnalysis(dir, "contoso.example"));
        model.selectedProperty().set(row(model, "henry@contsoo.example"));
        MessageChain henry = row(model, "henry@contsoo.example").chain();
        String note = "contsoo.example is one typing slip from contoso.example, to which this log shows mail"
                + " delivered: check the address for a typo first.";
        assertEquals(henry.remediation(Locale.ENGLISH).orElseThrow() + " " + note, model.remediationProperty().get());
        assertEquals("Who must act: you (the Salesforce admin) first, to check the address for a typo,"
                + " then the recipient’s mail team", model.actorProperty().get());
        // the report's message says the same to our admin
        assertEquals(model.remediationProperty().get(), ReportFixture.messageTo(new ReportBuilder(session.analysis()
                .orElseThrow(), ReportOptions.defaults()).build(), "henry@contsoo.example").remediation());
        // the delivered message has nothing of it
        model.selectedProperty().set(row(model, "alice@contoso.example"));
        assertFalse(model.remediationProperty().get().contains("typing slip"), model.remediationProperty().get());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(row(swedish, "henry@contsoo.example"));
        assertTrue(swedish.remediationProperty().get().endsWith(" contsoo.example skiljer sig med ett tangentfel från"
                + " contoso.example, dit loggen visar levererad e-post: kontrollera först om adressen är felstavad."),
                swedish.remediationProperty().get());
        assertEquals("Vem måste agera: du (Salesforce-administratören) först, för att kontrollera om"
                + " adressen är felstavad, sedan mottagarens e-postteam", swedish.actorProperty().get());

        // a domain one slip from no delivered one keeps its reply's words and actor
        session.setAnalysis(typoAnalysis(dir, "fabrikam.example"));
        model.selectedProperty().set(row(model, "henry@contsoo.example"));
        assertEquals(row(model, "henry@contsoo.example").chain().remediation(Locale.ENGLISH).orElseThrow(),
                model.remediationProperty().get());
        assertEquals("Who must act: the recipient’s mail team", model.actorProperty().get());
    }

    /**
     * henry@contsoo.example's Domain Lookup Failed at 12:00 between deferrals from a server of contsoo.example at 11:00
     * and 13:00, in a log that delivered to contoso.example: a likely typo and a lookup failure that came and went at
     * once. The report's rule (DomainFacts.actor) asks of the typo first and names our admin first, then the
     * recipient's side; the detail asked of the passing failure first and said "to send it again".
     */
    @Test
    void aLikelyTypoThatIsAlsoAPassingLookupFailureNamesWhoActsAsTheReportDoes(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "typo-passing.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("11/30/2026 9:00", "R", "alice@contoso.example", "m1", "", ""),
                LogFixtures.row("11/30/2026 9:01", "D", "alice@contoso.example", "m1", "250 2.6.0 Queued mail for"
                        + " delivery", LogFixtures.TLS),
                LogFixtures.row("11/30/2026 11:00", "R", "kim@contsoo.example", "m3", "", ""),
                LogFixtures.row("11/30/2026 11:00", "T", "kim@contsoo.example", "m3", "451 4.7.1 Try again later", ""),
                LogFixtures.row("11/30/2026 12:00", "R", "henry@contsoo.example", "m2", "", ""),
                noRelay(LogFixtures.row("11/30/2026 12:00", "P", "henry@contsoo.example", "m2", LOOKUP_FAILED, "")),
                LogFixtures.row("11/30/2026 13:00", "R", "lee@contsoo.example", "m4", "", ""),
                LogFixtures.row("11/30/2026 13:00", "T", "lee@contsoo.example", "m4", "451 4.7.1 Try again later", "")));
        session.setAnalysis(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()));
        MessageChain henry = row(model, "henry@contsoo.example").chain();
        // both at once, by the engine's own tests of them
        LogEvidence evidence = LogEvidence.of(session.analysis().orElseThrow().chains());
        assertTrue(evidence.passing().passed(henry), "a lookup failure that came and went");
        assertEquals(Optional.of("contoso.example"), evidence.typos().intended(henry), "a likely typo");
        // the report: our admin first (the typo), what stopped it the recipient's (their name servers)
        MessageEntry inReport = ReportFixture.messageTo(new ReportBuilder(session.analysis().orElseThrow(),
                ReportOptions.defaults()).build(), "henry@contsoo.example");
        assertEquals(Actor.SENDER_ADMIN, inReport.actor());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, inReport.stoppedBy());

        model.selectedProperty().set(row(model, "henry@contsoo.example"));
        assertEquals("Who must act: you (the Salesforce admin) first, to check the address for a typo,"
                + " then the recipient’s mail team", model.actorProperty().get());
        // its words are the passing failure's and then the domain likely meant, as the report's message and
        // analyze have them: who acts names the typo first
        assertEquals(inReport.remediation(), model.remediationProperty().get());
        assertTrue(model.remediationProperty().get().startsWith(ReportTexts.english()
                .get("lookupFailed.passing.remediation") + " "), model.remediationProperty().get());
        assertTrue(model.remediationProperty().get().endsWith("contsoo.example is one typing slip from"
                + " contoso.example, to which this log shows mail delivered: check the address for a typo first."),
                model.remediationProperty().get());
        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(row(swedish, "henry@contsoo.example"));
        assertEquals("Vem måste agera: du (Salesforce-administratören) först, för att kontrollera om"
                + " adressen är felstavad, sedan mottagarens e-postteam", swedish.actorProperty().get());
    }

    /** A delivery to alice at {@code delivered} at 09:01, henry@contsoo.example's Domain Lookup Failed at 12:00. */
    private static LogAnalysis typoAnalysis(Path dir, String delivered) throws Exception {
        Path log = LogFixtures.write(dir, "typo-" + delivered + ".csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("11/30/2026 9:00", "R", "alice@" + delivered, "m1", "", ""),
                LogFixtures.row("11/30/2026 9:01", "D", "alice@" + delivered, "m1", "250 2.6.0 Queued mail for"
                        + " delivery", LogFixtures.TLS),
                LogFixtures.row("11/30/2026 12:00", "R", "henry@contsoo.example", "m2", "", ""),
                noRelay(LogFixtures.row("11/30/2026 12:00", "P", "henry@contsoo.example", "m2", LOOKUP_FAILED, ""))));
        return new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    /**
     * Domain Lookup Failed to dan@contoso.example at 08:30 while contoso's server took ann's message at 08:01 and
     * eve's at 09:00: the failure came and went, as analyze and the report say, not the reply's "it does not exist".
     */
    @Test
    void aLookupFailureBetweenDeliveriesToTheDomainIsSaidToHaveComeAndGone(@TempDir Path dir) throws Exception {
        Path log = LogFixtures.write(dir, "passing.csv", LogFixtures.lines(LogFixtures.HEADER,
                LogFixtures.row("12/1/2026 8:00", "R", "ann@contoso.example", "m1", "", ""),
                LogFixtures.row("12/1/2026 8:01", "D", "ann@contoso.example", "m1", "250 2.6.0 Queued mail for"
                        + " delivery", LogFixtures.TLS),
                LogFixtures.row("12/1/2026 8:30", "R", "dan@contoso.example", "m2", "", ""),
                noRelay(LogFixtures.row("12/1/2026 8:30", "P", "dan@contoso.example", "m2", LOOKUP_FAILED, "")),
                LogFixtures.row("12/1/2026 9:00", "R", "eve@contoso.example", "m3", "", ""),
                LogFixtures.row("12/1/2026 9:00", "D", "eve@contoso.example", "m3", "250 2.6.0 Queued mail for"
                        + " delivery", LogFixtures.TLS)));
        session.setAnalysis(new EmailLogAnalyzer().analyze(log, ProgressListener.NONE, Cancellation.none()));
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("sv")}) {
            EventsViewModel m = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                    Messages.forLocale(language));
            m.selectedProperty().set(row(m, "dan@contoso.example"));
            ReportTexts texts = ReportTexts.of(language);
            assertEquals(texts.get("lookupFailed.passing.meaning"), m.explanationProperty().get());
            assertEquals(texts.get("lookupFailed.passing.remediation"), m.remediationProperty().get());
        }
        model.selectedProperty().set(row(model, "dan@contoso.example"));
        assertTrue(model.explanationProperty().get().contains("the failure came and went"),
                model.explanationProperty().get());
        // yours to send again, their name servers' that stopped it: both named, as analyze and the report do
        assertEquals("Who must act: you (the Salesforce admin), to send it again, and the recipient’s mail"
                + " team, whose name servers failed to answer for a while", model.actorProperty().get());
    }

    @Test
    void theDiagnosisIsExplainedInTheLanguageOfTheUi() {
        String status = "550 5.1.1 user unknown";
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(status));
        session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.bounced("gone@example.se", 0, status, d))));
        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(swedish.visibleRows().getFirst());
        assertEquals("Mottagarens brevlåda finns inte på den mottagande servern.", swedish.explanationProperty().get());
        assertEquals("Rätta adressen eller ta bort den från kontakten; skicka inte till den igen.",
                swedish.remediationProperty().get());
        swedish.copyDetails();
        assertTrue(dialogs.lastCopied().contains("Mottagarens brevlåda finns inte"), "the copied details say the same");

        model.selectedProperty().set(model.visibleRows().getFirst());
        assertEquals("The recipient mailbox does not exist on the receiving server.", model.explanationProperty().get());
        assertEquals(d.remediation(), model.remediationProperty().get());
    }

    @Test
    void anInvalidRecipientAddressIsSaidWithWhyInTheLanguageOfTheUi() {
        String status = "553 5.1.3 Bad destination mailbox address syntax";
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(status));
        session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.bounced("jane doe@kund.se", 0, status, d),
                TestAnalyses.bounced("jane@kund.se", 0, status, d))));
        model.selectedProperty().set(row(model, "jane doe@kund.se"));
        assertEquals("This address is not valid: the part before the @ contains a space. Correct it in Salesforce.",
                model.addressProblemProperty().get());
        model.copyDetails();
        assertTrue(dialogs.lastCopied().contains("This address is not valid: the part before the @ contains a space"),
                "the copied details say it too");

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(row(swedish, "jane doe@kund.se"));
        assertEquals("Adressen är inte giltig: delen före @ innehåller ett mellanslag. Rätta den i Salesforce.",
                swedish.addressProblemProperty().get());

        model.selectedProperty().set(row(model, "jane@kund.se"));
        assertEquals("", model.addressProblemProperty().get(), "a valid address has nothing to say");
    }

    private static MessageRow row(EventsViewModel m, String recipient) {
        return m.visibleRows().stream().filter(r -> r.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    @Test
    void aStaleDeferralSaysSalesforceHasStoppedRetryingInTheLanguageOfTheUi() {
        MessageChain d = TestAnalyses.deferred("full@kund.se", 0);
        MessageChain stale = new MessageChain(d.messageIdHeader(), d.internalMessageId(), d.recipient(), d.sender(),
                d.userId(), d.events(), d.verdict(), d.retries(), d.status(), d.diagnosis(), d.addressProblem(), 0,
                true, d.staleReceived(), false);
        session.setAnalysis(TestAnalyses.of(List.of(stale)));
        MessageRow row = model.visibleRows().getFirst();
        assertEquals("Deferred, no outcome after 24 hours", row.verdict());
        model.selectedProperty().set(row);
        assertEquals(d.diagnosis().orElseThrow().explanation(), model.explanationProperty().get(), "the cause stays");
        assertTrue(model.remediationProperty().get().startsWith("Salesforce stops retrying after 24 hours, and this"
                + " message’s last deferral (2026-03-06 08:05"), model.remediationProperty().get());
        assertTrue(model.remediationProperty().get().contains("Request a log that covers the day after the last"
                + " deferral"), model.remediationProperty().get());
        // the note asks you for that log: you act on it, whoever the reply's cause names
        assertTrue(model.actorProperty().get().startsWith("Who must act: you"), model.actorProperty().get());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(swedish.visibleRows().getFirst());
        assertEquals("Fördröjt, inget utfall efter 24 timmar", swedish.visibleRows().getFirst().verdict());
        assertTrue(swedish.remediationProperty().get().startsWith("Salesforce slutar försöka efter 24 timmar"),
                swedish.remediationProperty().get());
    }

    /**
     * A search for a whole address or Message ID Header that no row of the log holds said only "No message matches
     * these filters.": it now adds what analyze --message-id says of such a message (cli.messageId.noRows). A part of
     * one, or one the other filters hide, keeps the plain words.
     */
    @Test
    void aWholeAddressOrMessageIdInNoRowSaysSalesforceDidNotSendItAndWhereToLook() {
        session.setAnalysis(TestAnalyses.day());
        String none = "No message matches these filters.";
        String why = ReportTexts.english().get("cli.messageId.noRows");
        model.searchProperty().set("nobody@nowhere.example");
        assertTrue(model.visibleRows().isEmpty());
        assertEquals(none + " " + why, model.noMatchTextProperty().get());
        model.searchProperty().set("<1234.5678.JavaMail.sfdc@example.org>");
        assertEquals(none + " " + why, model.noMatchTextProperty().get());
        model.searchProperty().set("nowhere.example");
        assertTrue(model.visibleRows().isEmpty());
        assertEquals(none, model.noMatchTextProperty().get(), "a part of an address: it may be typed further");
        // in the log, but hidden by the verdict filter: the filters, not Salesforce, hide it
        model.searchProperty().set("info2@kund.se");
        model.verdictFilterProperty().set(VerdictFilter.RECEIVED_ONLY);
        assertTrue(model.visibleRows().isEmpty());
        assertEquals(none, model.noMatchTextProperty().get());
        // an address in the log written in angle brackets, as Message ID Headers are in mail headers, is found: the
        // final reading found it said to be in no row, the brackets searched for as written
        model.verdictFilterProperty().set(VerdictFilter.ALL);
        model.searchProperty().set("<info2@kund.se>");
        assertEquals(1, model.visibleRows().size());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.searchProperty().set("nobody@nowhere.example");
        assertTrue(swedish.noMatchTextProperty().get().endsWith(ReportTexts.of(Locale.forLanguageTag("sv"))
                .get("cli.messageId.noRows")), swedish.noMatchTextProperty().get());
    }

    /** A log of only R rows left "Events over time" blank with no word: it plots D, T and P, and says it has none. */
    @Test
    void aLogOfOnlyReceivedRowsSaysWhyTheChartOverTimeIsBlank() {
        session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.receivedOnly("a@acme.com", 0),
                TestAnalyses.receivedOnly("b@acme.com", 5))));
        assertTrue(model.timeBuckets().isEmpty());
        assertEquals("Nothing to plot: the chart counts deliveries (D), deferral attempts (T) and bounces (P), and the"
                + " log has none yet, only messages received by Salesforce (R) and hand-offs between its own servers.",
                model.timeChartNoteProperty().get());
        session.setAnalysis(TestAnalyses.day());
        assertFalse(model.timeBuckets().isEmpty());
        assertEquals("", model.timeChartNoteProperty().get());
    }

    /**
     * A received-only message whose last row is more than 24 hours before the log's end (staleReceived) is past the
     * time Salesforce delivers or bounces in: the list and the pane say the log may miss its outcome, as for a stale
     * deferral, where they said it may still be queued.
     */
    @Test
    void aStaleReceivedOnlyMessageSaysTheLogMayBeCutOffInTheLanguageOfTheUi() {
        MessageChain r = TestAnalyses.receivedOnly("old@acme.com", 0);
        MessageChain old = new MessageChain(r.messageIdHeader(), r.internalMessageId(), r.recipient(), r.sender(),
                r.userId(), r.events(), r.verdict(), r.retries(), r.status(), r.diagnosis(), r.addressProblem(), 0,
                false, true, false);
        MessageChain fresh = TestAnalyses.receivedOnly("fresh@acme.com", 3000);
        session.setAnalysis(TestAnalyses.of(List.of(old, fresh)));
        assertEquals("Received only, no outcome after 24 hours", row(model, "old@acme.com").verdict());
        assertEquals("Received only", row(model, "fresh@acme.com").verdict(), "not flagged: may still be queued");
        model.selectedProperty().set(row(model, "old@acme.com"));
        String lastRow = Formats.time(r.events().getLast().time());
        String end = Formats.time(session.analysis().orElseThrow().lastEvent().orElseThrow());
        assertTrue(model.explanationProperty().get().startsWith("Salesforce accepted this message from your org"),
                model.explanationProperty().get());
        assertTrue(model.remediationProperty().get().contains("Its last row (" + lastRow + ") is more than"
                + " 24 hours before the log’s last event (" + end + ")"), model.remediationProperty().get());
        // the report's reason and advice (receivedOnly.stale): Salesforce hands a message on within 24 hours
        assertTrue(model.remediationProperty().get().startsWith("Salesforce hands a message on as it receives it, and"
                + " defers or bounces it when it cannot deliver it"), model.remediationProperty().get());
        assertTrue(model.remediationProperty().get().contains("it may have been cut off"),
                model.remediationProperty().get());
        assertTrue(model.remediationProperty().get().endsWith("ask Salesforce support about it, giving its Message ID"
                + " Header."), model.remediationProperty().get());
        assertFalse(model.remediationProperty().get().contains("queued"), model.remediationProperty().get());
        assertTrue(model.actorProperty().get().startsWith("Who must act: you"), model.actorProperty().get());
        model.selectedProperty().set(row(model, "fresh@acme.com"));
        assertTrue(model.remediationProperty().get().contains("queued at Salesforce"), model.remediationProperty().get());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        assertEquals("Endast mottaget, inget utfall efter 24 timmar", row(swedish, "old@acme.com").verdict());
        swedish.selectedProperty().set(row(swedish, "old@acme.com"));
        assertTrue(swedish.remediationProperty().get().contains("den kan ha klippts av"),
                swedish.remediationProperty().get());
    }

    /**
     * Received only ("your email never reached us"): Salesforce took the message, the log shows no attempt to hand it
     * to the recipient's server. The pane says so, what to do and who acts, as for a bounce, in the UI's language.
     */
    @Test
    void aReceivedOnlyMessageSaysItNeverReachedTheRecipientsServerWhatToDoAndWhoActs() {
        session.setAnalysis(TestAnalyses.day());
        model.verdictFilterProperty().set(VerdictFilter.RECEIVED_ONLY);
        MessageRow row = model.visibleRows().getFirst();
        model.selectedProperty().set(row);
        assertTrue(model.explanationProperty().get().startsWith("Salesforce accepted this message from your org"),
                model.explanationProperty().get());
        assertTrue(model.explanationProperty().get().contains("no attempt to deliver it to the recipient's mail"
                + " server"), model.explanationProperty().get());
        // the words analyze's text and JSON give it too: one source (NotYetHandedOn)
        assertEquals(ReportTexts.english().get("receivedOnly.meaning"), model.explanationProperty().get());
        String lastEvent = Formats.time(session.analysis().orElseThrow().lastEvent()
                .orElseThrow());
        assertTrue(model.remediationProperty().get().contains("queued at Salesforce")
                && model.remediationProperty().get().contains("(" + lastEvent + ")")
                && model.remediationProperty().get().contains("Request a log"), model.remediationProperty().get());
        assertEquals(ReportTexts.english().format("receivedOnly.todo", lastEvent), model.remediationProperty().get());
        assertTrue(model.actorProperty().get().startsWith("Who must act: you"), model.actorProperty().get());
        assertEquals("", model.handOffNoteProperty().get(), "nothing to hand to the recipient's mail team");
        model.copyDetails();
        assertTrue(dialogs.lastCopied().contains(model.remediationProperty().get()), "the copied details say it too");

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.verdictFilterProperty().set(VerdictFilter.RECEIVED_ONLY);
        swedish.selectedProperty().set(swedish.visibleRows().getFirst());
        assertTrue(swedish.explanationProperty().get().startsWith("Salesforce tog emot meddelandet"),
                swedish.explanationProperty().get());
        assertTrue(swedish.actorProperty().get().startsWith("Vem måste agera: du"), swedish.actorProperty().get());
    }

    /**
     * A D row with TLS_Cipher None only handed the message between Salesforce's own servers: the table and the
     * timeline mark it "h", never "D", which an admin would pass on as "delivered". The analysis' letters (the JSON's
     * {@code events}) keep the log's D.
     */
    @Test
    void aHandOffBetweenSalesforceServersIsMarkedHNotDInTheTableAndTheTimeline() {
        MessageChain d = TestAnalyses.delivered("ann@acme.com", 0, 0);
        ChainEvent r = d.events().getFirst();
        ChainEvent handOff = new ChainEvent(2,
                r.time().plusSeconds(1), MailEvent.DELIVERED, "10.0.0.1", 11856, 0, 0, "", "10.1.2.3",
                "mta2.internal", "250 ok", "None", "");
        MessageChain handedOn = new MessageChain(d.messageIdHeader(), d.internalMessageId(), d.recipient(),
                d.sender(), d.userId(), List.of(r, handOff, d.events().getLast()), d.verdict(), d.retries(),
                d.status(), d.diagnosis(), d.addressProblem(), 0, false, d.staleReceived(), false);
        MessageChain stuck = TestAnalyses.receivedOnly("bo@acme.com", 5);
        MessageChain stuckHandedOn = new MessageChain(stuck.messageIdHeader(), stuck.internalMessageId(),
                stuck.recipient(), stuck.sender(), stuck.userId(), List.of(stuck.events().getFirst(), handOff),
                stuck.verdict(), 0, "", Optional.empty(), stuck.addressProblem(), 0, false,
                stuck.staleReceived(), false);
        session.setAnalysis(TestAnalyses.of(List.of(handedOn, stuckHandedOn)));
        assertEquals("RDD", handedOn.eventLetters(), "the analysis' letters are the log's");
        assertEquals("RhD", row(model, "ann@acme.com").events());
        assertEquals("Rh", row(model, "bo@acme.com").events(), "no D where nothing was delivered");
        model.selectedProperty().set(row(model, "ann@acme.com"));
        assertEquals(List.of("R", "h", "D"), model.timeline().stream().map(TimelineEntry::sign).toList(),
                "the timeline marks its steps as the table does");
        assertEquals("Handed between Salesforce servers", model.timeline().get(1).title());
    }

    @Test
    void aDeliveredMessageIsMarkedForTheRecipientsMailTeamWithItsMessageIdOneClickAway() {
        session.setAnalysis(TestAnalyses.day());
        model.verdictFilterProperty().set(VerdictFilter.DELIVERED);
        MessageRow row = model.visibleRows().getFirst();
        assertTrue(row.handToRecipient());
        assertFalse(model.canCopyMessageIdProperty().get());
        model.selectedProperty().set(row);
        assertTrue(model.handOffNoteProperty().get().startsWith("Salesforce handed this message to mx1.acme.com at 2026-03-06"));
        TimelineEntry delivery = model.timeline().getLast();
        assertEquals("TLS TLSv1.3:TLS_AES_256_GCM_SHA384 (Verified)", delivery.tls());
        assertTrue(model.canCopyMessageIdProperty().get());
        model.copyMessageId();
        assertEquals(row.chain().messageIdHeader(), dialogs.lastCopied());
        model.copyDetails();
        assertTrue(dialogs.lastCopied().contains("Message ID Header: " + row.chain().messageIdHeader()));
    }

    /** A message of a log without the Message ID Header column: nothing to copy, its Internal Message ID said. */
    @Test
    void aMessageWithoutAMessageIdHeaderHasNoneToCopyButItsDetailsCanBe() {
        MessageChain d = TestAnalyses.delivered("ann@acme.com", 1, 0);
        MessageChain withoutHeader = new MessageChain("", d.internalMessageId(), d.recipient(), d.sender(),
                d.userId(), d.events(), d.verdict(), d.retries(), d.status(), d.diagnosis(), d.addressProblem(),
                d.retriesBeforeDelivery(), d.stale(), d.staleReceived(), d.viaRelay());
        session.setAnalysis(TestAnalyses.of(List.of(withoutHeader)));
        MessageRow row = model.visibleRows().getFirst();
        model.selectedProperty().set(row);
        assertFalse(model.canCopyMessageIdProperty().get(), "an empty Message ID Header is not copied");
        assertTrue(model.canCopyDetailsProperty().get());
        assertEquals("Message ID Header: none in the log; Internal Message ID " + d.internalMessageId(),
                model.messageIdLine(row));
        model.copyMessageId();
        assertEquals("", model.copiedProperty().get(), "nothing was copied, so nothing is said to be");
        model.copyDetails();
        assertTrue(dialogs.lastCopied().contains("Message ID Header: none in the log"), dialogs.lastCopied());
    }

    /**
     * Logs sharing no ID column: a message joined from them by a guess, and one left apart that may count twice, say
     * so in the details (and the copied details), in the language of the UI; the others say nothing.
     */
    @Test
    void aMessageWhoseCountRestsOnAGuessSaysSo() {
        MessageChain joined = TestAnalyses.delivered("ann@acme.com", 0, 0);
        MessageChain apart = TestAnalyses.receivedOnly("bo@acme.com", 1);
        MessageChain sure = TestAnalyses.delivered("cy@acme.com", 2, 0);
        session.setAnalysis(TestAnalyses.withGuesses(TestAnalyses.of(List.of(joined, apart, sure)),
                Map.of(joined, UnsharedIdGuess.JOINED, apart, UnsharedIdGuess.LEFT_APART)));
        model.selectedProperty().set(row(model, "ann@acme.com"));
        assertEquals("Joined from two logs by a best guess: they share no ID column, so its rows there were matched by"
                + " recipient, Sender, User ID and time (see the Import step’s warnings).", model.guessNoteProperty().get());
        model.copyDetails();
        assertTrue(dialogs.lastCopied().contains("Joined from two logs by a best guess"), dialogs.lastCopied());
        model.selectedProperty().set(row(model, "bo@acme.com"));
        assertEquals("May be counted twice: its rows in two logs that share no ID column could not be joined, as they"
                + " match more than one message (see the Import step’s warnings).", model.guessNoteProperty().get());
        model.selectedProperty().set(row(model, "cy@acme.com"));
        assertEquals("", model.guessNoteProperty().get(), "a message joined by its ID has nothing to say");
        model.selectedProperty().set(null);
        assertEquals("", model.guessNoteProperty().get());

        EventsViewModel swedish = new EventsViewModel(session, new SyncTaskRunner(), dialogs,
                Messages.forLocale(Locale.forLanguageTag("sv")));
        swedish.selectedProperty().set(row(swedish, "ann@acme.com"));
        assertTrue(swedish.guessNoteProperty().get().startsWith("Sammanslaget från två loggar efter en bästa"
                + " gissning"), swedish.guessNoteProperty().get());
        swedish.selectedProperty().set(row(swedish, "bo@acme.com"));
        assertTrue(swedish.guessNoteProperty().get().startsWith("Kan räknas två gånger"),
                swedish.guessNoteProperty().get());

        session.setAnalysis(TestAnalyses.of(List.of(joined)));
        model.selectedProperty().set(row(model, "ann@acme.com"));
        assertEquals("", model.guessNoteProperty().get(), "the same message analysed alone rests on no guess");
    }

    @Test
    void copyingSaysItWasCopiedUntilAnotherMessageIsChosen() {
        session.setAnalysis(TestAnalyses.day());
        model.selectedProperty().set(model.visibleRows().getFirst());
        assertEquals("", model.copiedProperty().get());
        model.copyMessageId();
        assertEquals("Copied", model.copiedProperty().get());
        model.selectedProperty().set(model.visibleRows().get(1));
        assertEquals("", model.copiedProperty().get(), "the word belongs to the message it was said for");
        model.copyDetails();
        assertEquals("Copied", model.copiedProperty().get());
    }

    @Test
    void aSelectionHiddenByAFilterIsCleared() {
        session.setAnalysis(TestAnalyses.day());
        model.selectedProperty().set(model.visibleRows().getFirst());
        model.verdictFilterProperty().set(VerdictFilter.BOUNCED);
        assertEquals(null, model.selectedProperty().get());
        assertTrue(model.timeline().isEmpty());
    }

    @Test
    void aNewLogReplacesTheOldOne() {
        session.setAnalysis(TestAnalyses.day());
        model.searchProperty().set("example.se");
        session.setAnalysis(TestAnalyses.small());
        assertEquals(5, model.visibleRows().size());
        assertEquals("", model.searchProperty().get());
        assertEquals(Verdict.DELIVERED, model.visibleRows().getFirst().chain().verdict());
        assertEquals("Delivered after 2 retries", model.visibleRows().get(1).verdict());
    }
}
