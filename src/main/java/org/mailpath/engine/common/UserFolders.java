package org.mailpath.engine.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Where MailPath keeps its own files on each system: settings (the configuration folder) and its log (the state
 * folder). Shared by the app, the command line and the launcher, so that the path a message names is the one written.
 * On Linux and macOS {@code $HOME} comes before Java's {@code user.home}, which is read from the password database: a
 * user who set HOME (a sandbox, a test) still had the real folder written. The XDG variables count only as absolute
 * paths, as the XDG Base Directory Specification says.
 */
public final class UserFolders {

    /** A system property naming the log folder instead (tests, or a user who wants the log elsewhere). */
    public static final String LOG_DIR_PROPERTY = "mailpath.logDir";

    /**
     * A log handler that knows the file it writes: the launcher's, on the root logger. The file's name depends on
     * which other MailPaths run at the same time, so only the handler can say it.
     */
    public interface WrittenLog {
        Path file();
    }

    private UserFolders() {
    }

    /**
     * {@code $XDG_CONFIG_HOME/mailpath}, or {@code $HOME/.config/mailpath} ({@code ~/Library/Application Support/MailPath}
     * on macOS); {@code %APPDATA%\MailPath} on Windows.
     */
    public static Path configFolder(UnaryOperator<String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Optional<String> appData = set(env.apply("APPDATA"));
        if (os.contains("win") && appData.isPresent()) {
            return Path.of(appData.get(), "MailPath");
        }
        String home = home(env, os, userHome);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "MailPath");
        }
        return absolute(env.apply("XDG_CONFIG_HOME")).map(d -> Path.of(d, "mailpath"))
                .orElse(Path.of(home, ".config", "mailpath"));
    }

    /**
     * {@code $XDG_STATE_HOME/mailpath}, or {@code $HOME/.local/state/mailpath} (the XDG Base Directory Specification's
     * state data, whose example is logs); {@code ~/Library/Logs/MailPath} on macOS, where Console.app looks;
     * {@code %LOCALAPPDATA%\MailPath\logs} on Windows (local: a log has no place in a roaming profile).
     */
    public static Path logFolder(UnaryOperator<String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return set(env.apply("LOCALAPPDATA")).map(d -> Path.of(d, "MailPath", "logs"))
                    .orElse(Path.of(userHome, "AppData", "Local", "MailPath", "logs"));
        }
        String home = home(env, os, userHome);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Logs", "MailPath");
        }
        return absolute(env.apply("XDG_STATE_HOME")).map(d -> Path.of(d, "mailpath"))
                .orElse(Path.of(home, ".local", "state", "mailpath"));
    }

    /** This system's log folder, or the one {@link #LOG_DIR_PROPERTY} names. */
    public static Path logFolder() {
        Optional<String> given = set(System.getProperty(LOG_DIR_PROPERTY));
        return given.map(Path::of).orElseGet(() -> logFolder(System::getenv, System.getProperty("os.name", ""),
                System.getProperty("user.home", "")));
    }

    /**
     * The log file this process writes now, as the messages that point the user to it name it; empty when it writes
     * none (its folder could not be made or written, or no log was set up), so that no message names a file that
     * does not exist or holds another process's log. Read from the root logger's handlers, where the log is really
     * written, rather than kept a second time.
     */
    public static Optional<Path> logFile() {
        return Arrays.stream(Logger.getLogger("").getHandlers()).filter(WrittenLog.class::isInstance)
                .map(h -> ((WrittenLog) h).file()).findFirst();
    }

    private static String home(UnaryOperator<String> env, String os, String userHome) {
        return os.contains("win") ? userHome : absolute(env.apply("HOME")).orElse(userHome);
    }

    private static Optional<String> absolute(String value) {
        return set(value).filter(d -> Path.of(d).isAbsolute());
    }

    private static Optional<String> set(String value) {
        try {
            return Optional.ofNullable(value).filter(v -> !v.isBlank()).filter(v -> {
                Path.of(v);
                return true;
            });
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
