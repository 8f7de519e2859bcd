package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What view-models may ask of the desktop without touching a Stage, a FileChooser or the clipboard themselves. */
public interface DialogService {

    /** Asks for an Email Log to open (.csv, .csv.gz, .zip); empty when the user cancels. */
    Optional<Path> chooseLogFile(Optional<Path> initialFolder);

    /**
     * Asks for one or more Email Logs to analyse together (one per request of at most 7 days); empty when the user
     * cancels. By default one file, as {@link #chooseLogFile}.
     */
    default List<Path> chooseLogFiles(Optional<Path> initialFolder) {
        return chooseLogFile(initialFolder).map(List::of).orElse(List.of());
    }

    /** Asks where to save a file, suggesting {@code suggestedName}; {@code extension} without the dot. */
    Optional<Path> chooseSaveFile(String suggestedName, String extension);

    /** Puts plain text on the system clipboard. */
    void copyToClipboard(String text);
}
