package org.mailpath.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mailpath.report.io.PointOfNoReturn;

/**
 * A command's text output prepared whole in memory, then written to standard output in one go once the run has passed
 * its {@link PointOfNoReturn}: a run cancelled before then put none of it out, and one cancelled while it was written
 * no longer cut it off halfway (the lines went out one by one as they were laid out). Text output is a summary,
 * no bigger than the model it is laid out from.
 */
final class WholeText {

    private final PrintWriter out;
    private final StringWriter text = new StringWriter();
    private final PrintWriter writer;

    /** Text for {@code out}, shown terminal-safe as {@link TerminalSafeWriter#wrapFor} shows it there. */
    WholeText(PrintWriter out) {
        this.out = out;
        this.writer = TerminalSafeWriter.wrapFor(out, text);
    }

    /** Where to lay the text out. */
    PrintWriter writer() {
        return writer;
    }

    /**
     * Passes {@code end}, then writes the text to standard output and flushes it.
     * @throws org.mailpath.engine.common.CancelledException when the run was cancelled first: nothing is written
     */
    void writeAfter(PointOfNoReturn end) {
        writer.flush();
        end.pass();
        out.write(text.toString());
        out.flush();
    }
}
