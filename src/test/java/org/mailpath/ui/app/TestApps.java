package org.mailpath.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;

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

        @Override
        public void close() throws Exception {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> app.shutdown())
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            engine.close();
        }
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
