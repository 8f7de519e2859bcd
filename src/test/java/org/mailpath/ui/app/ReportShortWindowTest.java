package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step in a short window: 1093×566 (a 1366×708 screen at 125 %) and 960×540 (1920×1080 at 200 %), the
 * skipped-steps notice above. A reviewer saw no whole row of the message table there (the sideways scroll bar cut
 * the first), and the hint under it ("Space includes or leaves out…") half covered by the split's divider.
 */
@ExtendWith(ApplicationExtension.class)
class ReportShortWindowTest {

    @ParameterizedTest
    @CsvSource({"1093, 566", "960, 540"})
    void theTableShowsWholeRowsAndTheHintUnderItIsNotCovered(int width, int height, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.ENGLISH, robot);
        try {
            AppContext app = running.app();
            robot.interact(() -> app.wizard().goTo(4));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.reportModel().messagesLoadingProperty().get());
            robot.interact(() -> {
                app.reportModel().selectAllDomains(true);
                Window window = app.scene().getWindow();
                if (window instanceof javafx.stage.Stage stage) {
                    // the screen's own height is the limit there (WindowPlacement), not the usual 600 px
                    stage.setMinWidth(0);
                    stage.setMinHeight(0);
                }
            });
            TestApps.resize(robot, app, width, height);
            WaitForAsyncUtils.waitForFxEvents();
            String where = width + "×" + height;

            @SuppressWarnings("unchecked")
            TableView<Object> table = robot.lookup("#report-messages").queryAs(TableView.class);
            int whole = WaitForAsyncUtils.asyncFx(() -> wholeRows(table)).get(5, TimeUnit.SECONDS);
            assertTrue(whole >= 3, where + ": whole rows in view " + whole + " (table " + table.getHeight() + " px)");

            Node keys = robot.lookup("#report-messages-keys").query();
            Node messagesPane = keys.getParent();
            Node divider = robot.lookup("#report-right .split-pane-divider").query();
            Bounds keysBox = keys.localToScene(keys.getLayoutBounds());
            Bounds dividerBox = divider.localToScene(divider.getLayoutBounds());
            Bounds paneBox = messagesPane.localToScene(messagesPane.getLayoutBounds());
            assertTrue(keysBox.getMaxY() <= dividerBox.getMinY() + 0.5,
                    where + ": the hint ends at " + keysBox.getMaxY() + ", the divider starts at " + dividerBox.getMinY());
            assertTrue(keysBox.getMaxY() <= paneBox.getMaxY() + 0.5,
                    where + ": the hint ends at " + keysBox.getMaxY() + ", its pane at " + paneBox.getMaxY());
            Node hint = robot.lookup("#report-domains-hint").query();
            if (hint.getParent().isVisible()) {
                Bounds hintBox = hint.getParent().localToScene(hint.getParent().getLayoutBounds());
                assertTrue(hintBox.getMinY() >= dividerBox.getMaxY() - 0.5,
                        where + ": the scope box starts at " + hintBox.getMinY() + ", the divider ends at "
                                + dividerBox.getMaxY());
                assertTrue(keysBox.getMaxY() <= hintBox.getMinY(),
                        where + ": the hint ends at " + keysBox.getMaxY() + ", the scope box starts at "
                                + hintBox.getMinY());
            }
        } finally {
            running.close();
        }
    }

    /** Rows drawn whole between the column headers and the sideways scroll bar (or the table's bottom). */
    private static int wholeRows(TableView<?> table) {
        Node header = table.lookup(".column-header-background");
        double top = header.localToScene(header.getLayoutBounds()).getMaxY();
        double bottom = table.localToScene(table.getLayoutBounds()).getMaxY();
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                    && bar.isVisible()) {
                bottom = Math.min(bottom, bar.localToScene(bar.getLayoutBounds()).getMinY());
            }
        }
        int whole = 0;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof IndexedCell<?> row && row.isVisible() && !row.isEmpty()
                    && row.getIndex() < table.getItems().size()) {
                Bounds b = row.localToScene(row.getLayoutBounds());
                if (b.getMinY() >= top - 0.5 && b.getMaxY() <= bottom + 0.5) {
                    whole++;
                }
            }
        }
        return whole;
    }
}
