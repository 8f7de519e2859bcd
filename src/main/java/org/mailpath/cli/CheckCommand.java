package org.mailpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: `mailpath check` is being built. */
@Command(name = "check", description = "Not yet available.")
public final class CheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("mailpath check: not yet available");
        return MailPathCommand.EXIT_USAGE;
    }
}
