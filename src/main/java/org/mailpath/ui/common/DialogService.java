package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What view-models may ask of the desktop without touching a Stage, a FileChooser or the clipboard themselves. */
public interface DialogService {

    /**
     * Asks for one or more Email Logs (.csv, .csv.gz, .zip) to analyse together (one per request of at most 7 days);
     * empty when the user cancels.
     */
    List<Path> chooseLogFiles(Optional<Path> initialFolder);

    /** Asks where to save a file, suggesting {@code suggestedName}; {@code extension} without the dot. */
    Optional<Path> chooseSaveFile(String suggestedName, String extension);

    /** Puts plain text on the system clipboard. */
    void copyToClipboard(String text);
}
