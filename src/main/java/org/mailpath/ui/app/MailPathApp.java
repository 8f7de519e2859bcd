package org.mailpath.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;

/** The JavaFX application: builds the {@link AppContext} and shows the wizard. */
public final class MailPathApp extends Application {

    /** Set once the toolkit has started and made the application: a failure after that is the app's own. */
    private static final AtomicBoolean TOOLKIT_STARTED = new AtomicBoolean();

    /**
     * JavaFX's own logger, held here because java.util.logging keeps its loggers only weakly, and a filter set on one
     * that was let go would be lost.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private AppContext context;

    /**
     * The toolkit creates the application on its own thread once a display was opened, so a failure before this ran
     * is the toolkit's start that failed.
     */
    public MailPathApp() {
        TOOLKIT_STARTED.set(true);
    }

    /**
     * Called by the Launcher with the raw arguments; a file path alone means "open this log". Returns when the window
     * was closed. Throws {@link NoDisplayException} when the toolkit could not start: a DISPLAY or WAYLAND_DISPLAY is
     * set but nothing answers there (an SSH session's forwarding gone stale), which GTK reports as "Unable to open
     * DISPLAY". JavaFX starts the toolkit on its launcher thread and rethrows its failure here, on the caller's.
     */
    public static void launchApp(String[] args) {
        dropClassPathWarning();
        try {
            Application.launch(MailPathApp.class, args);
        } catch (RuntimeException e) {
            if (TOOLKIT_STARTED.get()) {
                throw e; // the app failed, not the display: that stays an internal error with its trace
            }
            throw new NoDisplayException(e);
        }
    }

    /**
     * Keeps JavaFX from warning "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every
     * start: the jar runs JavaFX from the class path on purpose (the Launcher's comment says why), so the warning tells
     * a user nothing they could act on, and it put two timestamped lines before the one line a start that fails gives
     * a script. Only that message is dropped; JavaFX's other warnings stay.
     */
    static void dropClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** The graphical toolkit could not start, so no window can open; the cause says what the toolkit said. */
    public static final class NoDisplayException extends RuntimeException {
        NoDisplayException(RuntimeException cause) {
            super("the graphical toolkit could not start: " + cause.getMessage(), cause);
        }
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
