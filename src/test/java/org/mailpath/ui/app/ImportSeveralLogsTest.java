package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Several logs read together: the Import step lists each with its rows, on screen and not only in its model. */
class ImportSeveralLogsTest extends RunningAppTest {

    @Test
    void eachLogIsListedWithItsRows(FxRobot robot) throws Exception {
        Path samples = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("assets/samples");
        List<Path> logs = List.of(samples.resolve("sample-email-log.csv"), samples.resolve("synthetic-no-tls-columns.csv"));
        // a list the view only listens to must outlive a collection of garbage (it once was a throw-away wrapper)
        System.gc();
        robot.interact(() -> app.importModel().importFiles(logs));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        VBox files = robot.lookup("#import-files").queryAs(VBox.class);
        List<String> shownLines = files.getChildren().stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).toList();
        assertEquals(2, app.importModel().fileLines().size());
        assertEquals(app.importModel().fileLines(), shownLines);
        assertTrue(shownLines.getFirst().startsWith("sample-email-log.csv — "), shownLines.getFirst());
        assertTrue(shown(files), "the list of files is on screen");
    }
}
