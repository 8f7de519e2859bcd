package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Progress;

/** The runner of the view-model tests ends a job as the app's does, an Error too. */
class SyncTaskRunnerTest {

    private final List<Object> ends = new ArrayList<>();

    private TaskListener<String> recorder() {
        return new TaskListener<>() {
            @Override
            public void progress(Progress p) {
            }

            @Override
            public void succeeded(String value) {
                ends.add(value);
            }

            @Override
            public void failed(Throwable error) {
                ends.add(error);
            }

            @Override
            public void cancelled() {
                ends.add("cancelled");
            }
        };
    }

    @Test
    void aJobOutOfMemoryOrStackFailsAsAnyOtherDoes() {
        SyncTaskRunner runner = new SyncTaskRunner();
        runner.run("big", ctx -> {
            throw new OutOfMemoryError("Java heap space");
        }, recorder());
        runner.run("deep", ctx -> {
            throw new StackOverflowError();
        }, recorder());
        runner.run("ok", ctx -> "done", recorder());
        assertEquals(3, ends.size(), ends.toString());
        assertInstanceOf(OutOfMemoryError.class, ends.get(0));
        assertInstanceOf(StackOverflowError.class, ends.get(1));
        assertEquals("done", ends.get(2));
    }

    /** A failed assertion inside a view-model test's fake job fails that test; it is no failure of the job. */
    @Test
    void anAssertionErrorInAJobIsNotTurnedIntoAFailure() {
        SyncTaskRunner runner = new SyncTaskRunner();
        AssertionError thrown = assertThrows(AssertionError.class, () -> runner.run("asserting", ctx -> {
            throw new AssertionError("expected the fake to be asked once");
        }, recorder()));
        assertEquals("expected the fake to be asked once", thrown.getMessage());
        assertEquals(List.of(), ends);
    }
}
