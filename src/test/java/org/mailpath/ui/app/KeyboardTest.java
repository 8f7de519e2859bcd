package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Enter = Next, Ctrl+1…5 = step, as the README promises. */
class KeyboardTest extends RunningAppTest {

    @Test
    void enterGoesOnAndControlDigitsJumpToSteps(FxRobot robot) throws Exception {
        Path withProblems = TestEngines.sampleLog().resolveSibling("synthetic-with-bad-rows.csv");
        robot.interact(() -> app.importModel().importFile(withProblems));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.IMPORT, app.wizard().current(), "a log with problems stays on Import");
        robot.type(KeyCode.ENTER);
        assertEquals(AppContext.EVENTS, app.wizard().current(), "Enter = Next");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertEquals(AppContext.CHECKS, app.wizard().current());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertEquals(AppContext.IMPORT, app.wizard().current());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        assertEquals(AppContext.REPORT, app.wizard().current(), "every step is reachable once the log is read");
        robot.type(KeyCode.ENTER);
        assertEquals(AppContext.REPORT, app.wizard().current(), "nothing after the last step");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        robot.clickOn("#events-search").write("gmail").type(KeyCode.ENTER);
        assertEquals(AppContext.EVENTS, app.wizard().current(), "Enter in the search field searches, it does not leave");
    }

    @Test
    void theMnemonicsOfStepsBuiltAheadDoNothingWhileTheyAreHidden(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get()
                == ImportState.DONE && robot.lookup("#dns-domains").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.EVENTS, app.wizard().current());
        // Alt+T is "Also test the mail servers" on the DNS step, which is built (hidden) but not shown; Alt+B (Back)
        // shows that mnemonics do work here
        boolean before = app.checksModel().probeServersProperty().get();
        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, app.checksModel().probeServersProperty().get(), "a hidden step's check box is not ticked");
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.IMPORT, app.wizard().current(), "Alt+B = Back");
    }

    @Test
    void altTTicksTheMailServerTestOnTheDnsStep(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get()
                == ImportState.DONE && robot.lookup("#dns-domains").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppContext.CHECKS, app.wizard().current());
        boolean before = app.checksModel().probeServersProperty().get();
        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(!before, app.checksModel().probeServersProperty().get(), "Alt+T ticks the shown step's box");
        robot.clickOn("#dns-smtp");
        assertEquals(before, app.checksModel().probeServersProperty().get(), "a click toggles it once, not twice");
        robot.type(KeyCode.SPACE);
        assertEquals(!before, app.checksModel().probeServersProperty().get(), "so does Space");
    }
}
