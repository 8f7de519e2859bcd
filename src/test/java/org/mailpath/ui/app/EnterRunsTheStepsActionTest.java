package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.dnscheck.ChecksState;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Enter in a field of the DNS and DKIM steps runs that step's action, as Enter in their add-a-domain and selectors
 * fields did: the review found Enter in the sending domain (and the DKIM domain) pressed the default Next button and
 * left the step without running anything.
 */
class EnterRunsTheStepsActionTest extends RunningAppTest {

    private void readTheSampleAndShow(FxRobot robot, int step) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get()
                == ImportState.DONE);
        showStep(robot, step);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> step != AppContext.CHECKS
                || !app.checksModel().prefillingProperty().get() && !app.checksModel().recipientDomains().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForTheChecksToEnd() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.checksModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void enterInTheSendingDomainOrTheResolversRunsTheChecksAndStaysOnTheStep(FxRobot robot) throws Exception {
        readTheSampleAndShow(robot, AppContext.CHECKS);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> app.checksModel().stateProperty().addListener((o, a, b) -> {
            if (b == ChecksState.RUNNING) {
                runs.incrementAndGet();
            }
        }));
        assertEquals(ChecksState.READY, app.checksModel().stateProperty().get());
        assertEquals("dns-domains", app.scene().getFocusOwner().getId(), "the step shown focuses its domain list");
        robot.clickOn("#dns-sender").type(KeyCode.ENTER);
        assertEquals(AppContext.CHECKS, app.wizard().current(), "Enter in the sending domain does not leave the step");
        assertEquals(1, runs.get(), "it runs the checks");
        waitForTheChecksToEnd();

        robot.interact(() -> robot.lookup(".titled-pane").queryAllAs(TitledPane.class)
                .forEach(p -> p.setExpanded(true)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#dns-resolvers").type(KeyCode.ENTER);
        assertEquals(AppContext.CHECKS, app.wizard().current(), "Enter in the resolvers does not leave the step");
        assertEquals(2, runs.get(), "it runs the checks again");
        waitForTheChecksToEnd();

        javafx.scene.control.Spinner<?> timeout = robot.lookup("#dns-timeout").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(timeout::requestFocus);
        assertEquals(timeout, app.scene().getFocusOwner());
        robot.type(KeyCode.ENTER);
        assertEquals(AppContext.CHECKS, app.wizard().current(), "Enter in the timeout does not leave the step");
        assertEquals(3, runs.get(), "it runs the checks again");
        waitForTheChecksToEnd();
    }

    @Test
    void theEventsStepFocusesItsMessageList(FxRobot robot) throws Exception {
        readTheSampleAndShow(robot, AppContext.EVENTS);
        assertEquals("message-table", app.scene().getFocusOwner().getId(), "not the first count card");
    }

    @Test
    void enterInTheDkimDomainLooksItUpAndStaysOnTheStep(FxRobot robot) throws Exception {
        readTheSampleAndShow(robot, AppContext.DKIM);
        robot.interact(() -> {
            app.dkimModel().domainProperty().set("example.com");
            app.dkimModel().selectorsProperty().set("s1");
        });
        assertEquals("dkim-domain", app.scene().getFocusOwner().getId(), "the step shown focuses its first field");
        DkimViewModel.State before = app.dkimModel().stateProperty().get();
        robot.clickOn("#dkim-domain").type(KeyCode.ENTER);
        assertEquals(AppContext.DKIM, app.wizard().current(), "Enter in the DKIM domain does not leave the step");
        assertNotEquals(before, app.dkimModel().stateProperty().get(), "it looks the selectors up");
    }
}
