package org.mailpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: `mailpath probe` is being built. */
@Command(name = "probe", description = "Not yet available.")
public final class ProbeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("mailpath probe: not yet available");
        return MailPathCommand.EXIT_USAGE;
    }
}
