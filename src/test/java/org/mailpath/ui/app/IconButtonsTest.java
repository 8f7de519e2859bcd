package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.dnscheck.ChecksState;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A button that shows only an icon says what it does to a screen reader too (its accessible text): the tooltip
 * alone reaches only the mouse, and a screen reader read the theme, About, Clear filters, add, remove and copy
 * buttons as "button".
 */
class IconButtonsTest extends RunningAppTest {

    @Test
    void everyIconOnlyButtonOnEveryStepHasAnAccessibleText(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        Set<String> silent = new TreeSet<>();
        for (int step = 0; step < 5; step++) {
            int index = step;
            robot.interact(() -> app.wizard().goTo(index));
            if (index == AppContext.EVENTS) {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.eventsModel().loadingProperty().get());
            }
            if (index == AppContext.CHECKS) {
                // the findings (with their copy buttons) are shown once the checks ran
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.checksModel().canRunProperty().get());
                robot.interact(() -> app.checksModel().run());
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                        () -> app.checksModel().stateProperty().get() == ChecksState.DONE);
            }
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collect(app.scene().getRoot(), "step " + (index + 1), silent));
        }
        assertEquals(Set.of(), silent);
    }

    private static void collect(Parent root, String where, Set<String> silent) {
        root.applyCss();
        root.layout();
        for (Node n : all(root)) {
            if (n instanceof ButtonBase b && shown(b) && !(b instanceof CheckBox && insideCell(b)) && (b.getText() == null || b.getText().isBlank())
                    && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())) {
                silent.add(where + ": " + (b.getId() != null ? "#" + b.getId() : b.getStyleClass().toString())
                        + (b.getTooltip() != null ? " (tooltip \"" + b.getTooltip().getText() + "\")" : ""));
            }
        }
    }

    /** The tick boxes of table and list rows are named by their row. */
    private static boolean insideCell(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Cell<?>) {
                return true;
            }
        }
        return false;
    }
}
