package org.mailpath.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The recent-files panel keeps its place and width in every state of the Import step (nothing opened, reading, read
 * with problems to show), at 1024 and 1280 px, in English and Swedish: it was given what the drop zone beside it left
 * over, so a long line there (a read's progress, a log's problems) narrowed it and moved its left edge as a log was
 * read (headless, Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ImportViewRecentPaneTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theRecentFilesKeepTheirPlaceInEveryState(String language, FxRobot robot) throws Exception {
        LogAnalysis read = new EmailLogAnalyzer().analyze(LogFixtures.sample("synthetic-with-bad-rows.csv"),
                ProgressListener.NONE, Cancellation.none());
        // a long progress line, as a second read of several files gives
        LogAnalyzer analyzer = (file, progress, cancellation) -> {
            progress.onProgress(new Progress(5_000_000, 20_000_000, "a-rather-long-email-log-name-2026-11.csv",
                    123_456));
            return read;
        };
        ManualTaskRunner runner = new ManualTaskRunner();
        // the file is there: one that is not would be listed as missing
        java.nio.file.Files.writeString(dir.resolve("a-rather-long-email-log-name-2026-11.csv"), "");
        Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
        ImportViewModel model = new ImportViewModel(analyzer, runner, new FakeDialogs(),
                SettingsStore.open(dir.resolve("settings.properties")), new WizardSession(), messages,
                Optional::empty);
        ImportView view = new ImportView(model, messages, () -> { });
        Map<String, Bounds> seen = new LinkedHashMap<>();
        robot.interact(() -> {
            Scene scene = new Scene((Parent) view.root(), 1024, 640);
            scene.getStylesheets().add(ImportView.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        for (int width : new int[] {1024, 1280}) {
            robot.interact(() -> stage.setWidth(width));
            seen.put(width + " empty", panel(robot));
            robot.interact(() -> model.importFile(dir.resolve("a-rather-long-email-log-name-2026-11.csv")));
            robot.interact(runner::runAll);
            seen.put(width + " done", panel(robot));
            // the entry's name and folder sit in its graphic: its accessible text says them (it said nothing)
            String[] spoken = new String[1];
            robot.interact(() -> spoken[0] = String.valueOf(robot.lookup("#recent-files .list-cell").queryAll()
                    .stream().filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null).findFirst()
                    .orElseThrow().queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT)));
            String name = "a-rather-long-email-log-name-2026-11.csv";
            assertEquals(messages.format("import.recent.spoken", name, dir.toAbsolutePath()), spoken[0]);
            robot.interact(() -> model.importFile(dir.resolve("b.csv")));
            seen.put(width + " reading", panel(robot));
            robot.interact(model::cancel);
            robot.interact(runner::runAll);
        }
        for (int width : new int[] {1024, 1280}) {
            List<Bounds> states = seen.entrySet().stream().filter(e -> e.getKey().startsWith(width + " "))
                    .map(Map.Entry::getValue).toList();
            for (Bounds b : states) {
                assertEquals(states.getFirst().getMinX(), b.getMinX(), 0.5, width + " px: " + seen);
                assertEquals(states.getFirst().getWidth(), b.getWidth(), 0.5, width + " px: " + seen);
            }
        }
    }

    /** The recent-files panel's bounds in the scene, once laid out. */
    private static Bounds panel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds[] b = new Bounds[1];
        robot.interact(() -> {
            Node list = robot.lookup("#recent-files").query();
            list.getScene().getRoot().applyCss();
            list.getScene().getRoot().layout();
            Node panel = list.getParent();
            b[0] = panel.localToScene(panel.getLayoutBounds());
        });
        return b[0];
    }
}
