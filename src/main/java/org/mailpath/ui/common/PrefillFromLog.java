package org.mailpath.ui.common;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mailpath.engine.analysis.LogAnalysis;

/**
 * What a step fills in from the open log (the DNS step's domains, the DKIM step's sending domain), found once per log
 * as the step is entered. Finding it reads every message (seconds for a large log), so it runs on a worker; a search
 * cancelled before it ended is made again the next time the step is entered.
 *
 * @param <T> what is found in the log
 */
public final class PrefillFromLog<T> {

    private static final System.Logger LOG = System.getLogger(PrefillFromLog.class.getName());

    private final TaskRunner runner;
    private final String name;
    private final String what;
    private final Function<LogAnalysis, T> find;
    private final ReadOnlyBooleanWrapper finding = new ReadOnlyBooleanWrapper(false);
    private RunningTask task = RunningTask.DONE;
    /** The log the step was filled from: empty before, and after a search that was cancelled. */
    private Optional<LogAnalysis> filledFrom = Optional.empty();

    /**
     * @param name names the worker thread ({@link TaskRunner#run})
     * @param what what is found, for the log file when finding it fails ("finding the sending domain")
     */
    public PrefillFromLog(TaskRunner runner, String name, String what, Function<LogAnalysis, T> find) {
        this.runner = runner;
        this.name = name;
        this.what = what;
        this.find = find;
    }

    /**
     * Fills the step from {@code log} unless it was filled from that log already, or is {@code busy}: its work then
     * ends first, and the step is filled the next time it is entered. The search still running for the log before is
     * cancelled, the step forgets what it showed of that log ({@code forget}), and what is found is handed to
     * {@code found} on the UI thread. A search that fails fills nothing (the step stays as the user fills it in).
     */
    public void enter(Optional<LogAnalysis> log, boolean busy, Runnable forget, Consumer<T> found) {
        if (log.isEmpty() || busy) {
            return;
        }
        LogAnalysis analysis = log.get();
        // the same analysis, not an equal one: a log opened again is a new log to the step, as to the session
        if (filledFrom.filter(f -> f == analysis).isPresent()) {
            return;
        }
        task.cancel();
        filledFrom = log;
        forget.run();
        finding.set(true);
        task = runner.run(name, ctx -> find.apply(analysis), new TaskListener<T>() {
            @Override
            public void succeeded(T value) {
                finding.set(false);
                found.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                LOG.log(System.Logger.Level.WARNING, what, error);
                finding.set(false);
            }

            @Override
            public void cancelled() {
                // found again the next time the step is entered
                finding.set(false);
                filledFrom = Optional.empty();
            }
        });
    }

    /** True while the log is being read for what to fill in. */
    public ReadOnlyBooleanProperty findingProperty() {
        return finding.getReadOnlyProperty();
    }

    /** Stops a search still running; the step is filled the next time it is entered. */
    public void cancel() {
        task.cancel();
    }
}
