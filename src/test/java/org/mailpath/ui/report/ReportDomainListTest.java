package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step's domain list on arrival with a message selected in Events (its domain ticked alone), with the
 * repository's sample of 17 recipient domains, more than the list shows: no domain shown is cut off at the top, and the
 * ticked one is wholly in view (headless, Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ReportDomainListTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static LogAnalysis sample() throws Exception {
        return new EmailLogAnalyzer().analyze(LogFixtures.sample("synthetic-with-bad-rows.csv"), ProgressListener.NONE,
                Cancellation.none());
    }

    /** The domains in the list's order, as the step lists them. */
    private static List<String> domainOrder(LogAnalysis analysis) {
        WizardSession session = new WizardSession();
        session.setAnalysis(analysis);
        ReportViewModel m = model(session, Messages.forLocale(Locale.ENGLISH));
        m.entered();
        return m.domains().stream().map(DomainChoice::domain).toList();
    }

    private static ReportViewModel model(WizardSession session, Messages messages) {
        return new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(), new FakeDialogs(),
                TestSettings.fresh(), session, messages,
                Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * Arrives at the step with a message to {@code domain} selected in Events, as the wizard does: the view is built
     * and shown, then the step entered. Returns the domain list.
     */
    private ListView<?> arrive(FxRobot robot, LogAnalysis analysis, String domain) {
        WizardSession session = new WizardSession();
        session.setAnalysis(analysis);
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        ReportViewModel m = model(session, messages);
        robot.interact(() -> {
            stage.setScene(new Scene((javafx.scene.Parent) new ReportView(m, messages).root(), 1280, 800));
            stage.sizeToScene();
            stage.show();
            session.setSelectedMessage(messageTo(analysis, domain));
            m.entered();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(domain), ticked(m), "the selected message's domain is ticked alone");
        return robot.lookup("#report-domains").queryAs(ListView.class);
    }

    private static MessageChain messageTo(LogAnalysis analysis, String domain) {
        return analysis.chains().stream().filter(c -> c.recipient().toLowerCase(Locale.ROOT).endsWith("@" + domain))
                .findFirst().orElseThrow();
    }

    private static List<String> ticked(ReportViewModel m) {
        return m.domains().stream().filter(DomainChoice::included).map(DomainChoice::domain).toList();
    }

    /** The list's cells with a domain that show at least a pixel of themselves, top first. */
    private static List<ListCell<?>> shown(ListView<?> list) {
        Bounds view = viewport(list);
        return list.lookupAll(".list-cell").stream().<ListCell<?>>map(n -> (ListCell<?>) n)
                .filter(c -> c.isVisible() && c.getItem() != null)
                .filter(c -> {
                    Bounds b = c.localToScene(c.getBoundsInLocal());
                    return b.getMaxY() > view.getMinY() + 0.5 && b.getMinY() < view.getMaxY() - 0.5;
                })
                .sorted(Comparator.comparingDouble(c -> c.localToScene(c.getBoundsInLocal()).getMinY()))
                .toList();
    }

    /** Where the list shows its rows, in the scene: the clipped container of its flow. */
    private static Bounds viewport(ListView<?> list) {
        Node clip = list.lookup(".clipped-container");
        return clip.localToScene(clip.getBoundsInLocal());
    }

    private static boolean whollyShown(ListView<?> list, ListCell<?> cell) {
        Bounds view = viewport(list);
        Bounds b = cell.localToScene(cell.getBoundsInLocal());
        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }

    private static void assertTickedAndTopWhollyShown(ListView<?> list, String domain) {
        List<ListCell<?>> shown = shown(list);
        assertTrue(shown.size() >= 2, "several domains shown: " + shown.size());
        ListCell<?> top = shown.getFirst();
        assertTrue(whollyShown(list, top), "the first domain shown is cut off at the top: "
                + ((DomainChoice) top.getItem()).domain());
        ListCell<?> ticked = shown.stream().filter(c -> ((DomainChoice) c.getItem()).domain().equals(domain))
                .findFirst().orElseThrow(() -> new AssertionError(domain + " is not shown"));
        assertTrue(whollyShown(list, ticked), domain + " is not wholly shown");
    }

    @Test
    void aTickedDomainAmongTheFirstLeavesTheListAtItsTop(FxRobot robot) throws Exception {
        LogAnalysis analysis = sample();
        String second = domainOrder(analysis).get(1);
        ListView<?> list = arrive(robot, analysis, second);
        assertTickedAndTopWhollyShown(list, second);
        assertEquals(0, list.getItems().indexOf(shown(list).getFirst().getItem()), "the list opens at its top");
    }

    @Test
    void aTickedDomainFarDownIsScrolledToWhollyInViewWithNoneCutOffAboveIt(FxRobot robot) throws Exception {
        LogAnalysis analysis = sample();
        List<String> order = domainOrder(analysis);
        assertTrue(order.size() > 8, "more domains than the list shows: " + order);
        String far = order.get(order.size() / 2);
        assertTickedAndTopWhollyShown(arrive(robot, analysis, far), far);
    }
}
