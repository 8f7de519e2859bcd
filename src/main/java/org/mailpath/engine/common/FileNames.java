package org.mailpath.engine.common;

import java.nio.file.Path;

/** How a file is named in messages, reports and the UI. */
public final class FileNames {

    private FileNames() {
    }

    /** The file's own name, without its folder (which may hold the user's name); a root path as it is. */
    public static String nameOf(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
