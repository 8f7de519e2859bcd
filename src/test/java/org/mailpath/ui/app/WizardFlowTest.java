package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.ui.common.ThreadTaskRunner;
import org.mailpath.ui.dnscheck.ChecksState;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the whole wizard headless (Monocle) with the sample log, as a user would. */
class WizardFlowTest extends RunningAppTest {

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        // a limit that only ends a hang, not a speed check
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fromADroppedSampleToTheChecks(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("Open a Salesforce Email Log").tryQuery().isPresent());
        assertTrue(robot.lookup("#wizard-next").queryButton().isDisabled());
        // a disabled button shows no tooltip: the reason is written beside it
        Label locked = robot.lookup("#wizard-next-locked").queryAs(Label.class);
        assertTrue(locked.isVisible());
        assertEquals("Import a log first", locked.getText());

        robot.interact(() -> assertTrue(app.importModel().drop(List.of(TestEngines.sampleLog()))));
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.DONE);
        assertFalse(locked.isVisible());
        if (app.wizard().current() == AppContext.IMPORT) {
            robot.clickOn("See the events");
        }
        waitUntil(() -> app.wizard().current() == AppContext.EVENTS);

        long bounced = app.session().analysis().orElseThrow().count(Verdict.BOUNCED);
        assertTrue(bounced > 0);
        Button card = robot.lookup("#card-BOUNCED").queryButton();
        String cardText = ((VBox) card.getGraphic()).lookupAll(".card-count").stream()
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow();
        assertEquals(String.format("%,d", bounced), cardText);

        robot.clickOn(card);
        TableView<?> table = robot.lookup("#message-table").queryTableView();
        assertEquals(bounced, table.getItems().size());
        // A click can land while the filtered table is still laid out anew (once seen under load: nothing selected);
        // the row is looked up again and clicked again then, as a user would.
        for (int attempt = 0; attempt < 3 && table.getSelectionModel().isEmpty(); attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node firstRow = robot.lookup("#message-table .table-row-cell").queryAll().stream()
                    .filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null)
                    .min(java.util.Comparator.comparingDouble(n -> n.localToScreen(n.getBoundsInLocal()).getMinY()))
                    .orElseThrow();
            robot.clickOn(firstRow);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("Bounced", robot.lookup("#detail-verdict").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#timeline").queryAs(VBox.class).getChildren().isEmpty());

        robot.clickOn("#copy-message-id");
        robot.clickOn("#wizard-next");
        waitUntil(() -> app.wizard().current() == AppContext.CHECKS);
        // the failing domains are found on a worker once the step is entered
        waitUntil(() -> !app.checksModel().prefillingProperty().get());
        assertFalse(app.checksModel().recipientDomains().isEmpty(), "failing recipient domains are pre-filled");

        robot.clickOn("#dns-run");
        waitUntil(() -> app.checksModel().stateProperty().get() == ChecksState.DONE);
        TableView<?> rows = robot.lookup("#check-table").queryTableView();
        assertEquals(app.checksModel().rows().size(), rows.getItems().size());
        assertTrue(robot.lookup("#dns-progress").queryAs(Label.class).getText().matches("(\\d+) of \\1 checks done"));

        robot.clickOn("#wizard-next");
        waitUntil(() -> app.wizard().current() == AppContext.DKIM);
        robot.clickOn("#wizard-next");
        waitUntil(() -> app.wizard().current() == AppContext.REPORT && !app.reportModel().previewingProperty().get());
        String preview = robot.lookup("#report-preview").queryAs(javafx.scene.control.TextArea.class).getText();
        // arrived with a message selected in Events: the report holds its domain only, and says how to have the others
        String domain = app.session().selectedMessage().orElseThrow().recipientDomain();
        assertEquals(List.of(domain), app.reportModel().domains().stream().filter(d -> d.included())
                .map(d -> d.domain()).toList());
        assertTrue(preview.contains(domain), preview);
        assertTrue(robot.lookup("#report-domains-hint").queryAs(Label.class).getText()
                .startsWith("Only " + domain + " is ticked"));
        assertTrue(robot.lookup("#report-domains-usual").queryButton().isVisible());
        assertFalse(robot.lookup("#report-export-pdf").queryButton().isDisabled());

        // The message picked on the Events step can be the whole report.
        String picked = app.session().selectedMessage().orElseThrow().messageIdHeader();
        robot.clickOn("#report-only-selected");
        waitUntil(() -> !app.reportModel().previewingProperty().get());
        assertEquals(1, app.reportModel().includedCountProperty().get());
        String only = robot.lookup("#report-preview").queryAs(javafx.scene.control.TextArea.class).getText();
        // wrapped at the window's width, a long ID may be cut over two lines: compared without the breaks
        assertTrue(only.replaceAll("\\s+", "").contains(picked.replaceAll("\\s+", "")), only);
    }

    @Test
    void theLaterStepsAreBuiltWhileTheWindowIsIdleAndShownAsBuilt(FxRobot robot) throws Exception {
        // before any log: the Events table and the DNS step exist, hidden, so the end of an import does not build them
        waitUntil(() -> robot.lookup("#message-table").tryQuery().isPresent()
                && robot.lookup("#dns-domains").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#message-table").queryAs(TableView.class);
        assertFalse(shown(table));
        assertEquals(AppContext.IMPORT, app.wizard().current());
        assertTrue(robot.lookup("Open a Salesforce Email Log").tryQuery().isPresent());

        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        waitUntil(() -> app.wizard().current() == AppContext.EVENTS && !app.eventsModel().loadingProperty().get());
        assertTrue(shown(table), "the table built ahead is the one shown");
        assertEquals(1, robot.lookup("#message-table").queryAll().size());
        assertFalse(table.getItems().isEmpty());
    }

    @Test
    void aWrongFileKindIsRefusedWhileDraggingWithAHint(FxRobot robot) throws Exception {
        robot.interact(() -> assertFalse(app.importModel().dragOver(List.of(Path.of("/home/u/holiday.png")))));
        Label hint = robot.lookup(".drop-hint").queryAs(Label.class);
        assertTrue(hint.isVisible() && hint.getParent().isVisible());
        assertTrue(hint.getText().contains("holiday.png is not one of them"));
        assertTrue(robot.lookup("#drop-zone").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("refuse")));
        robot.interact(() -> assertFalse(app.importModel().drop(List.of(Path.of("/home/u/holiday.png")))));
        assertFalse(hint.getParent().isVisible());
        assertEquals(ImportState.EMPTY, app.importModel().stateProperty().get());
    }

    @Test
    void escapeCancelsAReadAndLeavesNoWorkerThread(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().cancel());
        AppContext slow = app;
        // Replace the analyser by a slow one through a second context on the same stage.
        robot.interact(() -> {
            Stage stage = (Stage) slow.scene().getWindow();
            app.shutdown();
            // ten steps of a minute each: the reading thread ends in time only if Escape cancelled it
            app = TestApps.open(stage, TestEngines.with(TestEngines.slowAnalyzer(60_000)).services());
        });
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.LOADING);
        assertTrue(workerThreads() > 0);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.EMPTY);
        // no bound of a second: how soon the thread ends depends on the machine's load, not on the code
        waitUntil(() -> workerThreads() == 0);
    }

    @Test
    void logTextIsShownVerbatimWithoutMnemonicsOrMarkup(FxRobot robot) throws Exception {
        org.mailpath.engine.analysis.MessageChain odd = org.mailpath.ui.testing.TestAnalyses.bounced("_x_@ex_ample.se", 5);
        org.mailpath.engine.analysis.LogAnalysis analysis = org.mailpath.ui.testing.TestAnalyses.of(List.of(odd));
        robot.interact(() -> app.session().setAnalysis(analysis));
        robot.interact(() -> app.wizard().goTo(AppContext.EVENTS));
        robot.interact(() -> app.eventsModel().selectedProperty().set(app.eventsModel().visibleRows().getFirst()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("_x_@ex_ample.se", robot.lookup("#detail-recipient").queryAs(Label.class).getText());
        List<javafx.scene.control.Labeled> withLogText = robot.lookup(".label").queryAllAs(javafx.scene.control.Labeled.class)
                .stream().filter(l -> l.getText() != null && l.getText().contains("_x_@ex_ample.se")).toList();
        assertFalse(withLogText.isEmpty());
        assertTrue(withLogText.stream().noneMatch(javafx.scene.control.Labeled::isMnemonicParsing),
                "underscores in log text must not turn into keyboard mnemonics");
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(ThreadTaskRunner.THREAD_PREFIX) && t.isAlive()).count();
    }
}
