package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/**
 * On a 300,000-row log the report's build takes many seconds, which the app's step showed only as busy: the build
 * tells how far it got over its passes, at coarse steps, never backwards, and the whole once the report is built.
 */
class ReportBuildProgressTest {

    private static final int MESSAGES = 400;

    /** Bounced and delivered messages to two domains, each with a row of the log to quote. */
    private static ReportFixture log() {
        ReportFixture log = new ReportFixture("big.csv");
        for (int i = 0; i < MESSAGES; i++) {
            String domain = i % 2 == 0 ? "contoso.example" : "fabrikam.example";
            var message = log.message("<m" + i + "@acme.example>", "user" + i + "@" + domain).received();
            if (i % 3 == 0) {
                message.permanentFailure("mx." + domain, "192.0.2.25", "550 5.1.1 no such user")
                        .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "no such user", "fix the address");
            } else {
                message.delivery("mx." + domain, "192.0.2.25", "250 2.0.0 OK", "TLSv1.3").delivered();
            }
        }
        return log;
    }

    @Test
    void theBuildTellsRisingProgressAtCoarseStepsEndingAtTheWhole() {
        ReportFixture log = log();
        List<Progress> told = new ArrayList<>();
        ReportModel model = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(log.rawRows())
                .build(told::add, new Cancellation());

        assertEquals(MESSAGES, model.title().messagesIncluded());
        assertTrue(told.size() > 20, "told along the way, not only at the end: " + told.size());
        // coarse: about fifty steps a pass, not one for each time a chain is made
        assertTrue(told.size() <= BuildProgress.Pass.values().length * 52, "at coarse steps: " + told.size());
        assertEquals(0, told.getFirst().fraction());
        for (int i = 1; i < told.size(); i++) {
            assertTrue(told.get(i).fraction() > told.get(i - 1).fraction(),
                    "never backwards, nor the same again: " + told.get(i - 1) + " then " + told.get(i));
        }
        assertEquals(1.0, told.getLast().fraction(), "the whole once the report is built");
    }

    /** The signatures without a listener build the same report, telling nobody. */
    @Test
    void aBuildWithoutAListenerIsTheSameReport() {
        ReportFixture log = log();
        ReportOptions options = ReportOptions.defaults();
        List<Progress> told = new ArrayList<>();
        ReportModel heard = new ReportBuilder(log.analysis(), options).rawRows(log.rawRows())
                .build(told::add, Cancellation.none());
        assertEquals(heard, new ReportBuilder(log.analysis(), options).rawRows(log.rawRows()).build());
        assertEquals(heard, new ReportBuilder(log.analysis(), options).rawRows(log.rawRows())
                .build(new Cancellation()));
    }

    /** A cancelled build gives no report and never tells the whole. */
    @Test
    void aCancelledBuildNeverTellsTheWhole() {
        ReportFixture log = log();
        Cancellation cancellation = new Cancellation();
        List<Progress> told = new ArrayList<>();
        ReportBuilder builder = new ReportBuilder(log.analysis(), ReportOptions.defaults()).rawRows(log.rawRows());

        assertThrows(CancelledException.class, () -> builder.build(p -> {
            told.add(p);
            if (p.fraction() >= 0.5) {
                cancellation.cancel();
            }
        }, cancellation));
        assertTrue(told.getLast().fraction() < 1, "cancelled half way: " + told.getLast());
    }
}
