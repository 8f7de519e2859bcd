package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A clean import moves on to the events; a read that ends otherwise with an earlier log open does not. The app took
 * the Import state's LOADING -> DONE for a clean import, and a cancelled read goes there too (the earlier log's done
 * screen, with a notice saying what became of the read): the notice was never seen, the Events step shown instead.
 */
class CancelledReadStaysOnImportTest extends RunningAppTest {

    @TempDir
    Path dir;
    private Path fast;

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        // a limit that only ends a hang, not a speed check
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The app with an analyser that reads fast.csv at once and a file named slow… in ten minutes, unless cancelled. */
    @BeforeEach
    void slowForSomeFiles(FxRobot robot) throws Exception {
        fast = Files.writeString(dir.resolve("fast.csv"), "x");
        LogAnalyzer quick = TestEngines.slowAnalyzer(1);
        LogAnalyzer slow = TestEngines.slowAnalyzer(60_000);
        LogAnalyzer both = (file, progress, cancellation) -> file.getFileName().toString().startsWith("slow")
                ? slow.analyze(file, progress, cancellation) : quick.analyze(file, progress, cancellation);
        robot.interact(() -> {
            Stage stage = (Stage) app.scene().getWindow();
            app.shutdown();
            app = TestApps.open(stage, TestEngines.with(both).services());
        });
        robot.interact(() -> app.importModel().importFile(fast));
        waitUntil(() -> app.wizard().current() == AppContext.EVENTS);
        robot.interact(() -> app.wizard().goTo(AppContext.IMPORT));
    }

    @Test
    void cancellingASecondReadStaysOnImportWithTheNotice(FxRobot robot) throws Exception {
        Path slow = Files.writeString(dir.resolve("slow.csv"), "x");
        robot.interact(() -> app.importModel().importFile(slow));
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.LOADING);
        robot.interact(() -> app.importModel().cancel());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.IMPORT, app.wizard().current());
        assertEquals(ImportState.DONE, app.importModel().stateProperty().get());
        assertEquals("Reading slow.csv was cancelled; fast.csv is still open.",
                app.importModel().noticeTextProperty().get());
    }

    @Test
    void aFileOpenedFromTheSystemDuringAReadIsReadOnTheImportStep(FxRobot robot) throws Exception {
        Path slow = Files.writeString(dir.resolve("slow.csv"), "x");
        Path slowToo = Files.writeString(dir.resolve("slow-too.csv"), "x");
        robot.interact(() -> app.importModel().importFile(slow));
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.LOADING);
        robot.interact(() -> app.open(List.of(slowToo)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.IMPORT, app.wizard().current(), "the new log is being read: its progress is shown");
        assertEquals(ImportState.LOADING, app.importModel().stateProperty().get());
        assertEquals("slow-too.csv", app.importModel().fileNameProperty().get());
        robot.interact(() -> app.importModel().cancel());
    }
}
