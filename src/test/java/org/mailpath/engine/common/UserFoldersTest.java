package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TestLogFile;

/** The log folder on each system, as the XDG Base Directory Specification, Apple and Microsoft place such files. */
class UserFoldersTest {

    private static final String USER_HOME = "/root";

    @Test
    void linuxUsesTheXdgStateFolder() {
        Map<String, String> env = new HashMap<>();
        assertEquals(Path.of("/root/.local/state/mailpath"), UserFolders.logFolder(env::get, "Linux", USER_HOME));
        env.put("HOME", "/tmp/sandbox");
        assertEquals(Path.of("/tmp/sandbox/.local/state/mailpath"), UserFolders.logFolder(env::get, "Linux",
                USER_HOME), "$HOME, not the password database's");
        env.put("XDG_STATE_HOME", "relative/state");
        assertEquals(Path.of("/tmp/sandbox/.local/state/mailpath"), UserFolders.logFolder(env::get, "Linux",
                USER_HOME), "a relative XDG_STATE_HOME is ignored, as the specification says");
        env.put("XDG_STATE_HOME", "/tmp/state");
        assertEquals(Path.of("/tmp/state/mailpath"), UserFolders.logFolder(env::get, "Linux", USER_HOME));
        env.put("XDG_CONFIG_HOME", "/tmp/config");
        assertEquals(Path.of("/tmp/state/mailpath"), UserFolders.logFolder(env::get, "Linux", USER_HOME),
                "logs are state, not configuration");
    }

    @Test
    void macOsUsesLibraryLogs() {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/Users/ann", "XDG_STATE_HOME", "/tmp/state"));
        assertEquals(Path.of("/Users/ann/Library/Logs/MailPath"), UserFolders.logFolder(env::get, "Mac OS X",
                "/Users/other"));
    }

    @Test
    void windowsUsesTheLocalAppDataFolder() {
        Map<String, String> env = new HashMap<>(Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local",
                "APPDATA", "/c/Users/ann/AppData/Roaming", "HOME", "/home/cygwin"));
        assertEquals(Path.of("/c/Users/ann/AppData/Local/MailPath/logs"), UserFolders.logFolder(env::get,
                "Windows 11", "/c/Users/ann"));
        env.remove("LOCALAPPDATA");
        assertEquals(Path.of("/c/Users/ann/AppData/Local/MailPath/logs"), UserFolders.logFolder(env::get,
                "Windows 11", "/c/Users/ann"), "without the variable, where Windows keeps it");
    }

    @Test
    void aSystemPropertyNamesAnotherFolder() {
        String before = System.getProperty(UserFolders.LOG_DIR_PROPERTY);
        try {
            System.setProperty(UserFolders.LOG_DIR_PROPERTY, "/tmp/mailpath-test-logs");
            assertEquals(Path.of("/tmp/mailpath-test-logs"), UserFolders.logFolder());
        } finally {
            if (before == null) {
                System.clearProperty(UserFolders.LOG_DIR_PROPERTY);
            } else {
                System.setProperty(UserFolders.LOG_DIR_PROPERTY, before);
            }
        }
    }

    /** The file named is the one a handler really writes; with none (no folder could be written) none is named. */
    @Test
    void theLogFileIsTheOneWrittenOrNone() {
        assertEquals(Optional.empty(), UserFolders.logFile(), "no log was set up");
        try (var log = TestLogFile.on(Path.of("/var/tmp/logs/mailpath0-2.log"))) {
            assertEquals(Optional.of(Path.of("/var/tmp/logs/mailpath0-2.log")), UserFolders.logFile());
        }
        assertEquals(Optional.empty(), UserFolders.logFile());
    }
}
