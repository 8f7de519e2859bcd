package org.mailpath.ui.app;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * macOS delivers "Open with" and double-clicked files as events, not arguments; other systems start the app
 * with the path as an argument (handled by {@link MailPathApp}). AWT is touched only on macOS, so elsewhere
 * start-up does not pay for it.
 */
final class OpenFileRequests {

    private OpenFileRequests() {
    }

    static void install(Consumer<List<Path>> open) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
                // several files opened at once are analysed together, as when dropped together
                Desktop.getDesktop().setOpenFileHandler(e -> {
                    List<Path> files = e.getFiles().stream().map(File::toPath).toList();
                    if (!files.isEmpty()) {
                        open.accept(files);
                    }
                });
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            System.getLogger(OpenFileRequests.class.getName()).log(System.Logger.Level.DEBUG, "no open-file events", e);
        }
    }
}
