package org.mailpath.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;

/** The real app on a test stage: English, a throw-away settings file, the given engine services. */
final class TestApps {

    private TestApps() {
    }

    /** Builds and shows the app; call on the JavaFX thread. */
    static AppContext open(Stage stage, EngineServices services) {
        try {
            Path settings = Files.createTempDirectory("mailpath-ui-test").resolve("settings.properties");
            AppContext app = new AppContext(stage, SettingsStore.open(settings), Messages.forLocale(Locale.ENGLISH),
                    services, javafx.application.Platform::runLater);
            app.show(Optional.empty());
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
