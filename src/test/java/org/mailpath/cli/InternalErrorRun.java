package org.mailpath.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mailpath.engine.log.LogFixtures;
import picocli.CommandLine;

/** An {@code analyze} that fails as a bug would, with the command line's error handling (other packages' tests). */
public final class InternalErrorRun {

    private InternalErrorRun() {
    }

    /** What {@code analyze} wrote on stderr, and its exit code. */
    public record Result(int code, String err) {
    }

    public static Result analyzeFailingWith(RuntimeException bug) {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw bug;
        });
        StringWriter err = new StringWriter();
        int code = MailPathCommand.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(LogFixtures.sample("sample-email-log.csv").toString());
        return new Result(code, err.toString());
    }
}
