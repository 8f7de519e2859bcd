package org.mailpath.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: `mailpath analyze` is being built. */
@Command(name = "analyze", description = "Not yet available.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("mailpath analyze: not yet available");
        return MailPathCommand.EXIT_USAGE;
    }
}
