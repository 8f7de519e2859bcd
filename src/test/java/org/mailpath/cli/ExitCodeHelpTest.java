package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exit-code help states the hook's wait, which an annotation can only hold as a constant string. */
class ExitCodeHelpTest {

    @Test
    void theCancelledLineNamesTheWaitTheHookKeeps() {
        assertTrue(ExitCodeHelp.CANCELLED.contains(" within " + CancelOnShutdown.WAIT.toSeconds() + " s of the signal"),
                ExitCodeHelp.CANCELLED);
        assertTrue(ExitCodeHelp.CANCELLED_STDOUT_ONLY.contains(" within " + CancelOnShutdown.WAIT.toSeconds()
                + " s of the signal"), ExitCodeHelp.CANCELLED_STDOUT_ONLY);
    }
}
