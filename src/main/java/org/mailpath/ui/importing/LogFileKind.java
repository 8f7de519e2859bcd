package org.mailpath.ui.importing;

import java.util.List;
import java.util.Locale;

/**
 * Which files the Import step takes, decided from the name alone: drag-over events fire continuously on the
 * UI thread, so nothing here may touch the disk. The content is checked in the background after the drop.
 */
public final class LogFileKind {

    private static final List<String> ENDINGS = List.of(".csv", ".csv.gz", ".zip");

    private LogFileKind() {
    }

    public static boolean accepts(String fileName) {
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        return ENDINGS.stream().anyMatch(e -> name.endsWith(e) && name.length() > e.length());
    }

    /** The endings as shown to the user and used by the file chooser, e.g. {@code *.csv}. */
    public static List<String> patterns() {
        return ENDINGS.stream().map(e -> "*" + e).toList();
    }
}
