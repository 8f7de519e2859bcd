package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.ui.app.SceneNodes.shown;
import static org.mailpath.ui.app.SceneNodes.squash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.ui.importing.ImportState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Import step's list of problems in the file shows every problem whole: the long note on a file without a header
 * row was cut after two lines ("… then TLS_Cipher and …"), the rest of it not to be read anywhere.
 */
class ImportProblemsTest extends RunningAppTest {

    @org.junit.jupiter.api.Test
    void rowsLeftOutTakeTheGreenCheckMarkAwayAndEachProblemsSignMatchesItsWord(FxRobot robot) throws Exception {
        Path samples = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("assets/samples");
        for (String sample : List.of("synthetic-with-bad-rows.csv", "sample-email-log.csv")) {
            robot.interact(() -> app.importModel().importFile(samples.resolve(sample)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> app.importModel().stateProperty().get() == ImportState.DONE);
            WaitForAsyncUtils.waitForFxEvents();
            boolean rejected = sample.contains("bad-rows");
            robot.interact(() -> app.wizard().goTo(0)); // a log without problems goes on to the events
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                FontIcon hero = (FontIcon) app.scene().getRoot().lookup("#import-done-icon");
                assertEquals(rejected ? Material2MZ.WARNING : Material2AL.CHECK_CIRCLE, hero.getIconCode(), sample);
                assertEquals(rejected, hero.getStyleClass().contains("warning"), sample);
                assertEquals(!rejected, hero.getStyleClass().contains("success"), sample);
                for (Node n : app.scene().getRoot().lookupAll("#import-problems .list-cell")) {
                    ListCell<?> cell = (ListCell<?>) n;
                    if (cell.getGraphic() instanceof FontIcon sign && cell.getText() != null) {
                        boolean leftOut = sign.getIconCode() == Material2MZ.REMOVE_CIRCLE_OUTLINE;
                        assertEquals(leftOut, cell.getText().endsWith("(row rejected as invalid)"), cell.getText());
                        assertEquals(!leftOut, cell.getText().endsWith("(warning)"), cell.getText());
                        assertEquals(!leftOut, sign.getIconCode() == Material2MZ.WARNING, cell.getText());
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 1024, 900})
    void everyProblemIsShownWhole(int width, FxRobot robot) throws Exception {
        TestApps.resize(robot, app, width, width * 10 / 16);
        for (String sample : List.of("synthetic-no-header.csv", "synthetic-with-bad-rows.csv")) {
            Path log = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("assets/samples").resolve(sample);
            robot.interact(() -> app.importModel().importFile(log));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> app.importModel().stateProperty().get() == ImportState.DONE);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new ArrayList<>();
            robot.interact(() -> {
                app.scene().getRoot().applyCss();
                app.scene().getRoot().layout();
                for (Node n : app.scene().getRoot().lookupAll("#import-problems .list-cell")) {
                    ListCell<?> cell = (ListCell<?>) n;
                    if (shown(cell) && cell.getText() != null) {
                        for (Node child : cell.getChildrenUnmodifiable()) {
                            // the cell's own text, not its icon (a FontIcon is a Text too)
                            if (child instanceof Text t && !(child instanceof FontIcon)
                                    && !squash(t.getText()).equals(squash(cell.getText()))) {
                                cut.add(sample + ": \"" + cell.getText() + "\" drawn as \"" + t.getText() + "\"");
                            }
                        }
                    }
                }
            });
            assertEquals(List.of(), cut, "at " + width + " px");
        }
    }
}
