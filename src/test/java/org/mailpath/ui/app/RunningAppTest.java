package org.mailpath.ui.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX test of the whole app: before each test the real app is shown on TestFX's stage with its own loopback
 * test engine ({@link TestApps.Running}), in {@link #locale()}; after it both are shut down.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RunningAppTest {

    /** The app under test; a test may replace it (a second context on the same stage). */
    protected AppContext app;
    private TestApps.Running running;

    /** The app's language; English unless a test says otherwise. */
    protected Locale locale() {
        return Locale.ENGLISH;
    }

    @BeforeEach
    final void startApp() throws Exception {
        // after ApplicationExtension's own set-up, which registered the stage; the limit only ends a hang: with five
        // builds on two cores the first window once took 62 s
        running = WaitForAsyncUtils.asyncFx(() -> TestApps.Running.open(FxToolkit.toolkitContext().getRegisteredStage(),
                locale())).get(180, TimeUnit.SECONDS);
        app = running.app();
    }

    @AfterEach
    final void stopApp() throws Exception {
        running.close();
    }

    /** Work a test does in one theme ("light" or "dark"). */
    @FunctionalInterface
    interface ThemeWork {
        void run(String theme) throws Exception;
    }

    /**
     * Runs {@code work} in the light theme, then in the dark one. The theme is the whole application's, so it is
     * light again afterwards, also when the work fails: the next test starts light.
     */
    protected final void inBothThemes(FxRobot robot, ThemeWork work) throws Exception {
        try {
            for (String theme : List.of("light", "dark")) {
                if (theme.equals("dark")) {
                    robot.interact(() -> app.appearance().toggle());
                }
                work.run(theme);
            }
        } finally {
            if (app.appearance().darkProperty().get()) {
                robot.interact(() -> app.appearance().toggle());
            }
        }
    }

    /** Reads the sample log, shows the Events step once its analysis is loaded, and lets its layout settle. */
    protected final void showSampleEvents(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> app.wizard().goTo(AppContext.EVENTS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.eventsModel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows wizard step {@code index} (0 = Import) and lets its layout settle. */
    protected final void showStep(FxRobot robot, int index) {
        robot.interact(() -> app.wizard().goTo(index));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
