package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Import step once three logs are read together, one with rows left out, at 1024×700 and 1280×800, in every
 * offered language: the title, the summary, every file's line and the recent files' heading and button are drawn whole.
 * The wrapping texts had no least height, so the list of problems took their lines and each was drawn on one line,
 * cut ("3 loggar är klara, analyserade tillsammans ...", "(99 exakta kopior av rader som ..."), and the side panel's
 * heading was drawn "Senaste fi..." beside "Rensa list...".
 */
@ExtendWith(ApplicationExtension.class)
class ImportResultsFitTest {

    private static final Path SAMPLE = TestEngines.sampleLog();
    private static final List<Path> LOGS = List.of(SAMPLE, SAMPLE.resolveSibling("synthetic-with-bad-rows.csv"),
            SAMPLE.resolveSibling("synthetic-no-tls-columns.csv"));

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void theResultsOfSeveralLogsAreDrawnWhole(String language, FxRobot robot) throws Exception {
        TestApps.Running running = WaitForAsyncUtils.asyncFx(() -> TestApps.Running.open(
                FxToolkit.toolkitContext().getRegisteredStage(), Locale.forLanguageTag(language)))
                .get(180, TimeUnit.SECONDS);
        try {
            AppContext app = running.app();
            robot.interact(() -> app.importModel().importFiles(LOGS));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> app.importModel().stateProperty().get() == ImportState.DONE);
            assertEquals(0, app.wizard().current(), "rows left out: the results stay on Import to be read");
            List<String> cut = new ArrayList<>();
            for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "×" + size[1];
                robot.interact(() -> {
                    Parent root = app.scene().getRoot();
                    NarrowSwedishWindowTest.collectCut(root, where, cut);
                    NarrowSwedishWindowTest.collectClipped(root, where, cut);
                    // the problems still shown as a list that can be read, below the texts
                    ListView<?> problems = (ListView<?>) root.lookup("#import-problems");
                    assertTrue(problems.isVisible() && problems.getHeight() >= 60,
                            where + ": the problems list is " + problems.getHeight() + " px high");
                });
            }
            assertEquals(List.of(), cut);
        } finally {
            running.close();
        }
    }
}
