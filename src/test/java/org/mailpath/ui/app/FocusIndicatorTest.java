package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A button shows that it has the keyboard focus (WCAG 2.2 SC 2.4.7 Focus Visible,
 * https://www.w3.org/TR/WCAG22/#focus-visible), and what shows it has 3:1 against what is around the button
 * (SC 1.4.11 Non-text Contrast, https://www.w3.org/TR/WCAG22/#non-text-contrast): some band of its background
 * changes colour when it is focused, and that band in the focused colour has 3:1 against the colour behind the button.
 * Primer's flat buttons (the header's theme and About buttons, the step buttons, copy and remove buttons) looked
 * the same focused and not.
 */
class FocusIndicatorTest extends RunningAppTest {

    @Test
    void everyButtonOnEveryStepShowsItsFocusInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        List<String> unseen = new ArrayList<>();
        int[] buttons = {0};
        inBothThemes(robot, theme -> {
            for (int step = 0; step < 5; step++) {
                int index = step;
                showStep(robot, index);
                String where = theme + ", step " + (index + 1) + ": ";
                robot.interact(() -> {
                    for (Node n : all(app.scene().getRoot())) {
                        if ((n instanceof Button || n instanceof ToggleButton || n instanceof MenuButton) && shown(n)
                                && !n.isDisabled() && n.isFocusTraversable()) {
                            buttons[0]++;
                            check((Region) n).ifPresent(problem -> unseen.add(where + TextContrast.where(n)
                                    + " " + problem));
                        }
                    }
                });
            }
        });
        System.out.println("FocusIndicatorTest: " + buttons[0] + " buttons focused, " + unseen.size() + " without a visible focus");
        assertTrue(buttons[0] > 40, "buttons: " + buttons[0]);
        assertEquals("", String.join("\n", unseen));
    }

    /** Empty if focusing {@code b} shows; otherwise what is wrong. Call on the JavaFX thread. */
    private java.util.Optional<String> check(Region b) {
        Node before = app.scene().getFocusOwner();
        Color behind = TextContrast.behind(b);
        if (before == b) {
            // a step shown focuses its main control (the drop zone's Open, Events' first card): unfocused first, to
            // compare it with itself focused
            app.scene().getRoot().requestFocus();
        }
        app.scene().getRoot().applyCss();
        List<Color> plain = TextContrast.bands(b, behind);
        b.requestFocus();
        app.scene().getRoot().applyCss();
        boolean focused = b.isFocused();
        List<Color> lit = TextContrast.bands(b, behind);
        if (before != null) {
            before.requestFocus();
        }
        app.scene().getRoot().applyCss();
        if (!focused) {
            return java.util.Optional.of("did not take the focus");
        }
        double best = 0;
        for (int i = 0; i < lit.size(); i++) {
            if (i >= plain.size() || !lit.get(i).equals(plain.get(i))) {
                best = Math.max(best, Wcag.contrast(lit.get(i), behind));
            }
        }
        if (best == 0) {
            return java.util.Optional.of("looks the same focused and not");
        }
        return best >= Wcag.LARGE_TEXT_OR_NON_TEXT ? java.util.Optional.empty()
                : java.util.Optional.of(String.format(Locale.ROOT, "focus shown with %.2f:1 against %s", best,
                        Wcag.hex(behind)));
    }
}
