package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Several logs read together: the Import step lists each with its rows, on screen and not only in its model. */
class ImportSeveralLogsTest extends RunningAppTest {

    private static final List<Path> LOGS = List.of(TestEngines.sampleLog(),
            TestEngines.sampleLog().resolveSibling("synthetic-no-tls-columns.csv"));

    @Test
    void eachLogIsListedWithItsRows(FxRobot robot) throws Exception {
        // a list the view only listens to must outlive a collection of garbage (it once was a throw-away wrapper)
        System.gc();
        readTogether(robot);
        VBox files = robot.lookup("#import-files").queryAs(VBox.class);
        List<String> shownLines = files.getChildren().stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).toList();
        assertEquals(2, app.importModel().fileLines().size());
        assertEquals(app.importModel().fileLines(), shownLines);
        assertTrue(shownLines.getFirst().startsWith("sample-email-log.csv — "), shownLines.getFirst());
        assertTrue(shown(files), "the list of files is on screen");
    }

    @Test
    void logsOpenedTogetherAreOneRecentEntryThatFitsTheList(FxRobot robot) throws Exception {
        // the reviewer's order, the longer name first, in the narrowest window the app is made for
        List<Path> logs = LOGS.reversed();
        TestApps.resize(robot, app, 1024, 700);
        readTogether(robot, logs);

        ListView<?> recent = robot.lookup("#recent-files").queryAs(ListView.class);
        assertEquals(logs.stream().map(Path::toAbsolutePath).toList(),
                ((List<?>) recent.getItems().getFirst()).stream().map(p -> ((Path) p).toAbsolutePath()).toList());
        ListCell<?> first = robot.lookup("#recent-files .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == 0).findFirst().orElseThrow();
        List<String> texts = first.lookupAll(".label").stream().map(n -> ((Labeled) n).getText()).toList();
        assertEquals("synthetic-no-tls-columns.csv\nsample-email-log.csv", texts.getFirst());
        Labeled name = (Labeled) first.lookupAll(".label").iterator().next();
        Text shown = (Text) name.lookup(".text");
        // the lines as drawn: each name whole on a line of its own, none cut off, no line begun by a separator
        List<String> drawn = WaitForAsyncUtils.asyncFx(() -> shown.getLayoutInfo().getTextLines(false).stream()
                .map(l -> shown.getText().substring(l.start(), l.end()).strip()).toList()).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("synthetic-no-tls-columns.csv", "sample-email-log.csv"), drawn);
        assertTrue(texts.get(1).startsWith("2 logs, opened together, in "), texts.get(1));
        // the entry is longer than the list is wide: it wraps instead of widening the cell
        assertTrue(first.getWidth() <= recent.getWidth(), first.getWidth() + " > " + recent.getWidth());
        assertTrue(recent.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .noneMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()),
                "no sideways scroll bar under the recent files");
    }

    /** Reads {@link #LOGS} together, as the app does with logs chosen or dropped together, and waits till done. */
    private void readTogether(FxRobot robot) throws TimeoutException {
        readTogether(robot, LOGS);
    }

    private void readTogether(FxRobot robot, List<Path> logs) throws TimeoutException {
        robot.interact(() -> app.importModel().importFiles(logs));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
