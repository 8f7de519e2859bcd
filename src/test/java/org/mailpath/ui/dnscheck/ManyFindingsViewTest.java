package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeChecker;
import org.mailpath.ui.testing.FakeDialogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review: 300 failing domains' findings drawn as a card each, all at once (~16,000 labels), ran a 256 MB heap out
 * and froze the window for 20 s. The findings area costs what is in sight, however many findings there are.
 */
@ExtendWith(ApplicationExtension.class)
class ManyFindingsViewTest {

    private static final int DOMAINS = 300;
    private static final int PER_CHECK = 5;

    private DnsCheckViewModel model;
    private final FakeDialogs dialogs = new FakeDialogs();

    /** {@link #PER_CHECK} findings of each check of each domain, of each severity by turns, with evidence. */
    private static List<Finding> many(String domain, CheckKind kind) {
        Severity[] severities = {Severity.ERROR, Severity.WARNING, Severity.INFO};
        return IntStream.range(0, PER_CHECK).mapToObj(i -> new Finding(kind + "_" + i, severities[i % 3], domain,
                "Finding " + i + " of the " + kind + " check of " + domain, List.of(";; line one", ";; line two"),
                "Fix it.", Actor.RECIPIENT_MAIL_TEAM)).toList();
    }

    @Start
    void start(Stage stage) throws Exception {
        model = DnsCheckStepFixture.model(FakeChecker.synchronous((domain, kind, o) -> many(domain, kind)),
                (domain, rcpt, options, listener, cancellation) ->
                        new org.mailpath.engine.smtp.ProbeReport(List.of(), List.of()),
                dialogs, new WizardSession());
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < DOMAINS; i++) {
            domains.add(String.format("d%03d.example", i));
        }
        model.recipientDomains().setAll(domains);
        DnsCheckStepFixture.show(stage, model);
    }

    @Test
    void theFindingsOfHundredsOfDomainsBuildNodesOnlyForTheLinesInSight(FxRobot robot) throws Exception {
        robot.clickOn("#dns-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stateProperty().get() == ChecksState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        int findings = model.groups().stream().mapToInt(g -> g.findings().size()).sum();
        assertEquals(DOMAINS * CheckKind.RECIPIENT.size() * PER_CHECK, findings);

        ListView<?> list = robot.lookup("#dns-findings").queryListView();
        assertEquals(FindingLine.of(model.groups()), list.getItems(), "every finding is in the list, under headings");
        int atTop = labels(list);
        System.getLogger(ManyFindingsViewTest.class.getName()).log(System.Logger.Level.INFO,
                "labels in the findings list for {0} findings: {1}", findings, atTop);
        assertTrue(atTop > 0, "the first findings are drawn");
        assertTrue(atTop < 300, atTop + " labels for " + findings + " findings: not only those in sight");

        // the end of the list: the last domain's findings drawn, still only as many nodes as there is room for
        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        int atEnd = labels(list);
        assertTrue(atEnd < 300, atEnd + " labels at the end of the list");
        String last = String.format("d%03d.example", DOMAINS - 1);
        assertTrue(robot.lookup("#dns-findings .list-cell").queryAll().stream()
                        .map(n -> String.valueOf(n.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT)))
                        .anyMatch(t -> t.endsWith("(" + last + ")")),
                "a screen reader is told the finding of each drawn line");

        // a card's wrapped lines are not cut: each drawn line is as tall as its card asks at the list's width
        for (Node n : list.lookupAll(".finding-line")) {
            javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) n;
            if (cell.isVisible() && cell.getItem() instanceof FindingLine.Entry && cell.getGraphic() != null) {
                Node card = cell.getGraphic();
                assertTrue(card.getLayoutBounds().getHeight() + 1 >= card.prefHeight(card.getLayoutBounds().getWidth()),
                        cell.getItem() + ": " + card.getLayoutBounds());
            }
        }

        // by keyboard: the selected finding's line copied with the copy keys
        FindingLine.Entry entry = (FindingLine.Entry) list.getItems().getLast();
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(list.getItems().size() - 1);
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.lastCopied().contains(entry.finding().message(Locale.ENGLISH)), dialogs.clipboard.toString());
    }

    /** The labels drawn in the findings list, its cells' and those of the cards in them. */
    private static int labels(Node list) {
        return list.lookupAll(".label").size();
    }
}
