package org.mailpath.ui.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;

/** The JavaFX application: builds the {@link AppContext} and shows the wizard. */
public final class MailPathApp extends Application {

    private AppContext context;

    /** Called by the Launcher with the raw arguments; a file path alone means "open this log". */
    public static void launchApp(String[] args) {
        Application.launch(MailPathApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        SettingsStore settings = SettingsStore.open(SettingsStore.defaultFile(), SettingsStore.backgroundWrites());
        Messages messages = Messages.forLocale(OfferedLanguages.atStart(settings));
        context = new AppContext(stage, settings, messages, ProductionEngine.create(), Platform::runLater);
        context.show(fileArguments(getParameters().getRaw()));
        OpenFileRequests.install(files -> Platform.runLater(() -> context.open(files)));
    }

    @Override
    public void stop() {
        if (context != null) {
            context.shutdown();
        }
    }

    /** The arguments that are no options, as paths: several logs are analysed together. */
    static List<Path> fileArguments(List<String> args) {
        return args.stream().filter(a -> !a.startsWith("-") && !a.isBlank()).map(Path::of).toList();
    }
}
