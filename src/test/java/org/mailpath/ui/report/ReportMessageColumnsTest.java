package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TippedCell;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TableScan;
import org.mailpath.ui.testing.TestEngines;
import org.mailpath.ui.testing.TestSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step's messages table in a window 1024 px wide, on the sample log with every domain ticked, in English
 * and Swedish: the Recipient, Result and Cause columns are all in view without scrolling sideways (the Result column,
 * as wide as the longest result, pushed Cause out of view), every result is drawn whole, and a recipient or cause
 * drawn cut is shown whole in its cell's tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ReportMessageColumnsTest {

    private static final List<String> KEY_COLUMNS = List.of("report-col-time", "report-col-recipient",
            "report-col-verdict", "report-col-cause");

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theKeyColumnsAreInViewAt1024Px(String language, FxRobot robot) throws Exception {
        LogAnalysis analysis = new EmailLogAnalyzer().analyze(TestEngines.sampleLog(), ProgressListener.NONE,
                Cancellation.none());
        WizardSession session = new WizardSession();
        session.setAnalysis(analysis);
        Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
        ReportViewModel model = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(),
                new FakeDialogs(), TestSettings.fresh(), session, messages,
                Clock.fixed(Instant.parse("2026-11-18T10:00:00Z"), ZoneOffset.UTC));
        robot.interact(() -> {
            model.entered();
            model.selectAllDomains(true);
            Stage stage = new Stage();
            // the wizard's window at 1024 x 700 gives the step its whole width, and its height less the step bar
            stage.setScene(new Scene((Parent) new ReportView(model, messages).root(), 1024, 590));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<MessageChoice> table = robot.lookup("#report-messages").queryAs(TableView.class);
        try {
            assertTrue(table.getItems().size() >= 30, table.getItems().size() + " messages");
            List<String> problems = new ArrayList<>();
            TableScan.everyThirdRow(robot, table, () -> {
                double visibleRight = visibleRight(table);
                for (String id : KEY_COLUMNS) {
                    Bounds header = table.lookup("#" + id).localToScene(table.lookup("#" + id).getLayoutBounds());
                    if (header.getMaxX() > visibleRight + 0.5) {
                        problems.add(id + " ends at " + header.getMaxX() + ", the table's view at " + visibleRight);
                    }
                }
                for (Node n : table.lookupAll(".table-cell")) {
                    if (!(n instanceof TippedCell<?> cell) || !cell.isVisible() || cell.isEmpty()
                            || cell.getText() == null || cell.getText().isEmpty()) {
                        continue;
                    }
                    String id = cell.getTableColumn().getId();
                    String drawn = TableScan.drawn(cell);
                    if (drawn.equals(cell.getText())) {
                        continue;
                    }
                    if ("report-col-verdict".equals(id)) {
                        problems.add("the result \"" + cell.getText() + "\" drawn as \"" + drawn + "\"");
                    } else if (!cell.getText().equals(cell.tip())) {
                        problems.add(id + ": \"" + cell.getText() + "\" drawn as \"" + drawn
                                + "\" with the tooltip \"" + cell.tip() + "\"");
                    }
                }
            });
            assertEquals(List.of(), problems.stream().distinct().toList());
            assertEquals(0, horizontalScroll(table), "nothing scrolled sideways");
        } finally {
            robot.interact(() -> table.getScene().getWindow().hide());
        }
    }

    /** The right edge of what the table shows of its columns, beside its vertical scroll bar. */
    private static double visibleRight(TableView<?> table) {
        double right = table.localToScene(table.getLayoutBounds()).getMaxX() - table.snappedRightInset();
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                right -= bar.getWidth();
            }
        }
        return right;
    }

    private static double horizontalScroll(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar.getValue();
            }
        }
        return 0;
    }
}
