package org.mailpath.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app on a test stage: a throw-away settings file, the given engine services (see {@link RunningAppTest}). */
final class TestApps {

    private TestApps() {
    }

    /** The app on a stage with its own loopback test engine; {@link #close()} shuts both down. */
    record Running(AppContext app, org.mailpath.ui.testing.TestEngines.Running engine) implements AutoCloseable {

        /** Call on the JavaFX thread. */
        static Running open(Stage stage, Locale locale) throws Exception {
            org.mailpath.ui.testing.TestEngines.Running engine = org.mailpath.ui.testing.TestEngines.start();
            return new Running(TestApps.open(stage, engine.services(), locale), engine);
        }

        /**
         * The app in {@code locale} on the test stage, the sample log imported and its Events step shown with the
         * messages loaded. Call from the test thread.
         */
        static Running onEventsOfTheSample(Locale locale, FxRobot robot) throws Exception {
            return onEventsOf(TestEngines.sampleLog(), locale, robot);
        }

        /** As {@link #onEventsOfTheSample}, with the log {@code log}. */
        static Running onEventsOf(Path log, Locale locale, FxRobot robot) throws Exception {
            Running running = WaitForAsyncUtils.asyncFx(() -> open(
                    FxToolkit.toolkitContext().getRegisteredStage(), locale))
                    .get(30, TimeUnit.SECONDS);
            AppContext app = running.app();
            robot.interact(() -> app.importModel().importFile(log));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> app.importModel().stateProperty().get() == ImportState.DONE);
            robot.interact(() -> app.wizard().goTo(1));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> !app.eventsModel().loadingProperty().get());
            return running;
        }

        @Override
        public void close() throws Exception {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> app.shutdown())
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            engine.close();
        }
    }

    /** Sets the app's window to {@code width} × {@code height}, on the JavaFX thread. */
    static void resize(FxRobot robot, AppContext app, int width, int height) {
        robot.interact(() -> {
            app.scene().getWindow().setWidth(width);
            app.scene().getWindow().setHeight(height);
        });
    }

    /** Builds and shows the app in English; call on the JavaFX thread. */
    static AppContext open(Stage stage, EngineServices services) {
        return open(stage, services, Locale.ENGLISH);
    }

    /** Builds and shows the app; call on the JavaFX thread. */
    static AppContext open(Stage stage, EngineServices services, Locale locale) {
        try {
            Path settings = Files.createTempDirectory("mailpath-ui-test").resolve("settings.properties");
            AppContext app = new AppContext(stage, SettingsStore.open(settings), Messages.forLocale(locale),
                    services, javafx.application.Platform::runLater);
            app.show(List.of());
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
