package org.mailpath.cli;

import java.io.PrintWriter;
import org.mailpath.report.io.PointOfNoReturn;

/**
 * A command's JSON output laid out whole as one text before a byte of it is put out, then written in one go once the
 * run has passed its {@link PointOfNoReturn}: a signal finds either none of it or all of it on its way. The JSON
 * counterpart of {@link WholeText}, for the commands whose JSON is small enough to hold (check, probe; analyze streams
 * its own).
 */
final class WholeJson {

    private WholeJson() {
    }

    /**
     * Passes {@code end}, then writes {@code json} and a line end to {@code out}, in UTF-8 whatever the locale
     * ({@link StandardOutput#json}), and flushes it.
     * @throws org.mailpath.engine.common.CancelledException when the run was cancelled first: nothing is written
     */
    static void writeAfter(String json, PointOfNoReturn end, PrintWriter out) {
        end.pass();
        PrintWriter utf8 = StandardOutput.json(out);
        utf8.println(json);
        utf8.flush();
    }
}
