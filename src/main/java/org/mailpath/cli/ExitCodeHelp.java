package org.mailpath.cli;

/**
 * The exit-code lines that more than one command's {@code --help} lists (picocli's {@code exitCodeList} entries,
 * "code:description"), written once so that the commands say the same thing; the numbers are the codes the
 * commands return ({@link MailPathCommand}). Lines said by one command only stay in its {@code @Command}.
 */
final class ExitCodeHelp {

    static final String HEADING = "%nExit codes:%n";
    static final String INTERNAL = MailPathCommand.EXIT_INTERNAL + ":internal error";
    /** Said with exit code 2 by every command: the output could not be written in full. */
    static final String OUTPUT_LOST = "output cut off (a full disk, or a reader that stopped: | head)";
    static final String USAGE = MailPathCommand.EXIT_USAGE + ":unusable arguments (one line on stderr), also "
            + OUTPUT_LOST;
    static final String NOT_CHECKED = MailPathCommand.EXIT_NOT_CHECKED
            + ":with --fail-on: none, but a check could not be made from this computer";
    /**
     * The rule {@link CancelOnShutdown} keeps, as a script sees it: the exit code alone says whether the output is
     * whole. A run past its point of no return that is still writing when the hook's wait runs out (analyze's JSON is
     * streamed, and a large one takes longer) is cut off, and ends as cancelled: "stdout begun" is not "finished".
     * The wait is {@link CancelOnShutdown#WAIT_SECONDS} (an annotation needs a constant).
     */
    static final String CANCELLED = MailPathCommand.EXIT_CANCELLED + ":cancelled (Ctrl-C; 143 for SIGTERM) before"
            + " the output was complete: no report is put in place, and what stdout holds is incomplete. A run whose"
            + " output is complete (its report in place, its stdout written) within " + CancelOnShutdown.WAIT_SECONDS
            + " s of the signal finishes"
            + " instead, with its own code";
    /** {@link #CANCELLED} for a command that writes no report (check, probe): stdout is all its output. */
    static final String CANCELLED_STDOUT_ONLY = MailPathCommand.EXIT_CANCELLED + ":cancelled (Ctrl-C; 143 for"
            + " SIGTERM) before the output was complete: what stdout holds is incomplete. A run whose stdout is"
            + " written within " + CancelOnShutdown.WAIT_SECONDS + " s of the signal finishes instead, with its own"
            + " code";

    private ExitCodeHelp() {
    }
}
