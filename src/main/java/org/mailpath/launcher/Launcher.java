package org.mailpath.launcher;

import java.util.Set;
import org.mailpath.cli.MailPathCommand;
import org.mailpath.ui.app.MailPathApp;

/**
 * The one entry point of the jar and of the installed launcher. A command ({@code analyze}, {@code check},
 * {@code probe}) or an option runs the headless command line; nothing, or a file path alone, opens the app.
 * Kept apart from the JavaFX {@code Application} so the shaded jar starts on the class path.
 */
public final class Launcher {

    private static final Set<String> COMMANDS = Set.of("analyze", "check", "probe", "help");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCommandLine(args)) {
            System.exit(MailPathCommand.run(args));
        }
        MailPathApp.launchApp(args);
    }

    static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return COMMANDS.contains(first) || first.startsWith("-");
    }
}
