package org.mailpath.launcher;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.cli.MailPathCommand;
import org.mailpath.ui.app.MailPathApp;

/**
 * The one entry point of the jar and of the installed launcher. A command ({@code analyze}, {@code check},
 * {@code probe}) or an option runs the headless command line; nothing, or a file path alone, opens the app.
 * Kept apart from the JavaFX {@code Application} so the shaded jar starts on the class path.
 */
public final class Launcher {

    /** File names the app opens, as a word that is no file could also be a mistyped command. */
    private static final Set<String> LOG_ENDINGS = Set.of(".csv", ".gz", ".zip");

    /** What to run instead of the window when nothing was given to it. */
    private static final String ON_THE_COMMAND_LINE =
            " On the command line: mailpath analyze|check|probe …; see mailpath --help.";
    /** No display variable is set: the window is not tried. */
    private static final String NO_DISPLAY_SET = "mailpath: the window needs a graphical display, and none is set"
            + " (DISPLAY, WAYLAND_DISPLAY).";
    /** An argument the shell passes on as it is, unquoted. */
    private static final Pattern SHELL_PLAIN = Pattern.compile("[\\p{L}\\p{N}_./:=@%+,-]+");

    /**
     * dnsjava's logger, held here because java.util.logging keeps its loggers only weakly, and a level set on one
     * that was let go would be lost.
     */
    private static final java.util.logging.Logger DNSJAVA_LOG = java.util.logging.Logger.getLogger("org.xbill.DNS");

    private Launcher() {
    }

    public static void main(String[] args) {
        useSystemProxiesUnlessSet(System.getProperties());
        if (isCommandLine(args)) {
            AppLogging.forCommandLine();
            quietLibraryLogs();
            System.exit(MailPathCommand.run(args));
        }
        Optional<String> refusal = refusal(args, System.getenv());
        if (refusal.isPresent()) {
            tell(refusal.get(), System.err, System.err.charset());
            System.exit(2);
        }
        AppLogging.forApp();
        try {
            MailPathApp.launchApp(args);
        } catch (MailPathApp.NoDisplayException e) {
            // a set DISPLAY that nothing answers is the same to the user as none: one line, as a script expects
            System.getLogger(Launcher.class.getName()).log(System.Logger.Level.DEBUG, "no display reached", e);
            tell(noDisplayReached(args, System.getenv()), System.err, System.err.charset());
            System.exit(2);
        }
    }

    /**
     * Writes {@code line} to {@code stream} as the command line writes its messages ({@link
     * MailPathCommand#errorWriter}): without a UTF-8 locale (LANG unset) the JDK would print {@code ?} for the
     * {@code …} of the hint and for a file name's letters the encoding cannot hold.
     */
    static void tell(String line, OutputStream stream, Charset encoding) {
        PrintWriter err = MailPathCommand.errorWriter(stream, encoding);
        err.println(line);
        err.flush();
    }

    /**
     * Lets the MTA-STS policy fetch use the operating system's proxy settings, as a browser does (an administrator's
     * computer often reaches the web only through one), unless the user set {@code java.net.useSystemProxies}
     * themselves. Must run before anything asks for the default proxy selection, which reads it once. SMTP probes and
     * DNS always connect directly, whatever the settings say.
     */
    static void useSystemProxiesUnlessSet(Properties properties) {
        properties.putIfAbsent("java.net.useSystemProxies", "true");
    }

    /**
     * On the command line, dnsjava's own log lines (its DNSSEC validator logs each signature that fails to verify, at
     * INFO and WARNING) would reach the terminal beside the finding that already reports the failure, and a script
     * reading stderr would take them for MailPath's errors. Only a SEVERE one still gets through.
     */
    static void quietLibraryLogs() {
        DNSJAVA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return MailPathCommand.COMMAND_NAMES.contains(first) || first.startsWith("-");
    }

    /**
     * Why the app should not open, in one line for the terminal: an argument whose characters the locale's encoding
     * could not hold (lost before {@code main} ran: no file has the name left, and no command given with it could
     * work), a first word that is neither a command nor a file (a mistyped command would otherwise open the window,
     * or fail without a display), no display to open it on, or an option of {@code analyze} given with a file (the
     * command line was meant).
     */
    static Optional<String> refusal(String[] args, Map<String, String> env) {
        Optional<String> lost = MailPathCommand.lostCharacters(args);
        if (lost.isPresent()) {
            // said as analyze says it, with what to run instead (LANG=C.UTF-8)
            return Optional.of(MailPathCommand.terminalSafe(lost.get()));
        }
        if (args.length > 0 && !isFile(args[0]) && !looksLikeLogName(args[0])) {
            // a near command is only suggested, never run: "analyse" may as well have been a file's name
            return Optional.of("mailpath: '" + MailPathCommand.terminalSafe(args[0]) + "' is not a command or a file"
                    + MailPathCommand.nearestCommand(args[0]).map(c -> " (did you mean " + c + "?)").orElse("")
                    + ". " + MailPathCommand.COMMANDS_HINT);
        }
        boolean linuxLike = !System.getProperty("os.name", "").startsWith("Windows")
                && !System.getProperty("os.name", "").startsWith("Mac");
        if (linuxLike && isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of(NO_DISPLAY_SET + onTheCommandLine(args));
        }
        // "mailpath s.csv --format json": the window would take "json" for a second log; the command was meant
        return Arrays.stream(args).filter(MailPathCommand::isAnalyzeOption).findFirst()
                .map(option -> "mailpath: options such as " + MailPathCommand.terminalSafe(option)
                        + " belong to a command; a file alone opens the window." + onTheCommandLine(args));
    }

    /**
     * The line for a display variable that is set but where the toolkit reached no display (an SSH session's X
     * forwarding gone stale, a display number of another session), naming the variables set as they are, and
     * what to run instead ({@link #onTheCommandLine}).
     */
    static String noDisplayReached(String[] args, Map<String, String> env) {
        String set = String.join(", ", java.util.stream.Stream.of("DISPLAY", "WAYLAND_DISPLAY")
                .filter(name -> !isBlank(env.get(name)))
                .map(name -> name + "=" + MailPathCommand.terminalSafe(env.get(name))).toList());
        return "mailpath: the window needs a graphical display, and none could be opened"
                + (set.isEmpty() ? "" : " at " + set) + "." + onTheCommandLine(args);
    }

    /**
     * What to run instead of the window that cannot open. Given files ({@code mailpath s.csv --format json}: an option
     * shows the command line was wanted), the very command that analyses them with the options given, quoted for the
     * shell so that it can be copied; a file alone still opens the app when there is a display, and is never
     * analysed on a guess. Given nothing, the commands there are.
     */
    static String onTheCommandLine(String[] args) {
        // the files are the arguments before the first option (main sends a first option to the command line)
        List<String> files = Arrays.stream(args).takeWhile(a -> !a.startsWith("-")).map(Launcher::shellQuoted)
                .toList();
        if (files.isEmpty()) {
            return ON_THE_COMMAND_LINE;
        }
        String named = files.size() == 1 ? files.getFirst()
                : String.join(", ", files.subList(0, files.size() - 1)) + " and " + files.getLast();
        return " To analyse " + named + " on the command line: mailpath analyze "
                + String.join(" ", Arrays.stream(args).map(Launcher::shellQuoted).toList())
                + "; see mailpath analyze --help.";
    }

    /** {@code arg} as a POSIX shell reads it back ({@code 'my log.csv'}), safe for the terminal. */
    private static String shellQuoted(String arg) {
        String quoted = SHELL_PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
        return MailPathCommand.terminalSafe(quoted);
    }

    private static boolean isFile(String arg) {
        try {
            return Files.exists(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean looksLikeLogName(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return LOG_ENDINGS.stream().anyMatch(lower::endsWith) || arg.contains("/") || arg.contains("\\");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
