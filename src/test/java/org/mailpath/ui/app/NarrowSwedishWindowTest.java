package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;
import static org.mailpath.ui.app.SceneNodes.squash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Swedish (the longer texts) in a 1024×700 window: no button, title, step name or text field's prompt on any step
 * may be cut short, with the ellipsis or by a pane that does not show its end. Table cells and combo boxes are left out: those are cut by
 * design and show the whole text elsewhere.
 */
class NarrowSwedishWindowTest extends RunningAppTest {

    @Override
    protected Locale locale() {
        return Locale.forLanguageTag("sv");
    }

    @Test
    void noButtonOrTitleIsCutOnAnyStepAt1024x700(FxRobot robot) throws Exception {
        assertEquals(List.of(), cutTextsOnEveryStep(robot, 1024, 700));
    }

    @Test
    void noButtonOrTitleIsCutOnAnyStepAtTheSmallestWindow(FxRobot robot) throws Exception {
        assertEquals(List.of(), cutTextsOnEveryStep(robot, 900, 600), "the window's minimum size is 900×600");
        // the Report step (shown last) keeps its domain list readable: it scrolls its side instead
        javafx.scene.control.ListView<?> domains = robot.lookup("#report-domains").queryAs(
                javafx.scene.control.ListView.class);
        assertTrue(domains.getHeight() >= 130, "domain list " + domains.getHeight() + " px high");
    }

    private List<String> cutTextsOnEveryStep(FxRobot robot, int width, int height) throws Exception {
        TestApps.resize(robot, app, width, height);
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        robot.interact(() -> app.wizard().goTo(1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.eventsModel().loadingProperty().get());
        // a message chosen in Events shows the Report step's longest button ("only the one selected in Events")
        robot.interact(() -> app.eventsModel().selectedProperty().set(app.eventsModel().visibleRows().getFirst()));
        robot.interact(() -> app.wizard().goTo(0));
        List<String> cut = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            int index = step;
            robot.interact(() -> app.wizard().goTo(index));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.reportModel().previewingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collectCut(app.scene().getRoot(), "step " + (index + 1), cut));
            robot.interact(() -> collectClipped(app.scene().getRoot(), "step " + (index + 1), cut));
            robot.interact(() -> collectCutPrompts(app.scene().getRoot(), "step " + (index + 1), cut));
        }
        return cut;
    }

    /** Every shown button and label whose text is drawn shorter than it is (cut with the ellipsis). */
    static void collectCut(Parent root, String where, List<String> cut) {
        root.applyCss();
        root.layout();
        for (Node n : all(root)) {
            if (!(n instanceof Labeled l) || !shown(l) || insideCellOrCombo(l) || l.getText() == null) {
                continue;
            }
            String full = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.getText() != null && l.getEllipsisString() != null
                        && t.getText().endsWith(l.getEllipsisString())
                        && !squash(t.getText()).equals(squash(full)) && !full.endsWith(l.getEllipsisString())) {
                    cut.add(where + ": " + (l instanceof ButtonBase ? "button " : "label ") + "\"" + full
                            + "\" drawn as \"" + t.getText() + "\"");
                }
            }
        }
    }

    /**
     * Every shown button and label that sticks out sideways past what shows it: the window, or a pane that clips
     * (a split pane's side, a scroll pane's viewport) and cannot be scrolled sideways. Such a text is not cut with
     * the ellipsis, its end is simply not drawn (the Report step's side lost the ends of its lines so).
     */
    static void collectClipped(Parent root, String where, List<String> cut) {
        root.applyCss();
        root.layout();
        double sceneWidth = root.getScene().getWidth();
        for (Node n : all(root)) {
            if (!(n instanceof Labeled l) || !shown(l) || insideCellOrCombo(l) || l.getText() == null
                    || l.getText().isBlank() || l.getWidth() <= 0) {
                continue;
            }
            Bounds b = l.localToScene(l.getLayoutBounds());
            String what = (l instanceof ButtonBase ? "button " : "label ") + "\""
                    + (l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText()) + "\"";
            if (b.getMaxX() > sceneWidth + 0.5) {
                cut.add(where + ": " + what + " ends at x=" + Math.round(b.getMaxX()) + ", past the window's "
                        + Math.round(sceneWidth));
                continue;
            }
            for (Node p = l.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp && scrollsSideways(sp)) {
                    break;
                }
                if (p.getClip() != null) {
                    Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                    if (b.getMaxX() > c.getMaxX() + 0.5 || b.getMinX() < c.getMinX() - 0.5) {
                        cut.add(where + ": " + what + " spans x=" + Math.round(b.getMinX()) + ".."
                                + Math.round(b.getMaxX()) + ", its " + p.getClass().getName() + " shows "
                                + Math.round(c.getMinX()) + ".." + Math.round(c.getMaxX()));
                        break;
                    }
                }
            }
        }
    }

    /**
     * Every shown empty text field whose prompt is wider than the field: a prompt is not cut with the ellipsis, its
     * end is simply not drawn (the Report step's search showed "Sök mottagare, Mess").
     */
    static void collectCutPrompts(Parent root, String where, List<String> cut) {
        root.applyCss();
        root.layout();
        for (Node n : all(root)) {
            if (n instanceof TextField f && shown(f) && f.getWidth() > 0 && f.getPromptText() != null
                    && !f.getPromptText().isBlank() && (f.getText() == null || f.getText().isEmpty())) {
                Text prompt = new Text(f.getPromptText());
                prompt.setFont(f.getFont());
                double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                if (prompt.getLayoutBounds().getWidth() > room + 0.5) {
                    cut.add(where + ": the prompt \"" + f.getPromptText() + "\" needs "
                            + Math.round(prompt.getLayoutBounds().getWidth()) + " px, its field has "
                            + Math.round(room));
                }
            }
        }
    }

    private static boolean scrollsSideways(ScrollPane pane) {
        return pane.getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private static boolean insideCellOrCombo(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Cell<?> || p instanceof ComboBoxBase<?> || p instanceof javafx.scene.control.ChoiceBox<?>
                    || p.getStyleClass().contains("column-header") || p.getStyleClass().contains("tab")) {
                return true;
            }
        }
        return false;
    }
}
