package org.mailpath.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mailpath.ui.common.SettingsStore;

/** Settings for a view-model under test: empty, in a folder of their own, so no test sees another's choices. */
public final class TestSettings {

    private TestSettings() {
    }

    /** An empty store in a new temporary folder, removed when the JVM ends. */
    public static SettingsStore fresh() {
        try {
            Path dir = Files.createTempDirectory("mailpath-settings");
            Path file = dir.resolve("settings.properties");
            // deleteOnExit removes in reverse order of registration: the folder last, once the files beside it are gone
            dir.toFile().deleteOnExit();
            for (String suffix : List.of("", ".lock", ".bad")) {
                dir.resolve(file.getFileName() + suffix).toFile().deleteOnExit();
            }
            return SettingsStore.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
