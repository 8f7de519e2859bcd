package org.mailpath.ui.common;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mailpath.engine.common.CancelOrFinish;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Progress;

/**
 * Runs each job on its own named daemon thread, which ends with the job, so nothing lingers after a cancel.
 * Results are handed to the UI through {@code uiExecutor} ({@code Platform::runLater} in the app).
 */
public final class ThreadTaskRunner implements TaskRunner, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ThreadTaskRunner.class.getName());
    /** Prefix of every worker thread name; a test counts these threads. */
    public static final String THREAD_PREFIX = "mailpath-";

    /**
     * How long {@link #close()} waits for the cancelled jobs to end: the window's close waits that long at most, for
     * a report's export to delete its temporary file (or finish), before the JVM ends its daemon workers.
     */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Executor uiExecutor;
    private final Duration closeWait;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<Handle<?>> running = ConcurrentHashMap.newKeySet();
    /** Whether {@link #close()} ran: the window's close and the app's stop both close the runner, one wait in all. */
    private final AtomicBoolean closed = new AtomicBoolean();

    public ThreadTaskRunner(Executor uiExecutor) {
        this(uiExecutor, CLOSE_WAIT);
    }

    /** {@code closeWait}: how long {@link #close()} waits for the jobs to end (tests wait less). */
    public ThreadTaskRunner(Executor uiExecutor, Duration closeWait) {
        this.uiExecutor = uiExecutor;
        this.closeWait = closeWait;
    }

    @Override
    public <T> RunningTask run(String name, Job<T> job, TaskListener<T> listener) {
        Handle<T> handle = new Handle<>(listener);
        Thread thread = Thread.ofPlatform().daemon().name(THREAD_PREFIX + name + "-" + counter.incrementAndGet())
                .uncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.ERROR, "worker " + t.getName() + " died", e))
                .unstarted(() -> handle.execute(job));
        handle.thread = thread;
        running.add(handle);
        thread.start();
        return handle;
    }

    /**
     * Cancels everything still running (the window is closing) and waits, {@link #CLOSE_WAIT} at most in all, for
     * the jobs to end. Workers are daemon threads, which the JVM stops where they are once the window is gone: a
     * report's export stopped so would leave its hidden temporary file beside the report. A job that ends when
     * cancelled (or interrupted while it writes) cleans up in that time; one that does not is left to the JVM's end.
     * A job past its point of no return is not cancelled: an export putting its report in place finishes in that
     * time.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running.forEach(Handle::cancel);
        long deadline = System.nanoTime() + closeWait.toNanos();
        try {
            for (Handle<?> handle : List.copyOf(running)) {
                Thread t = handle.thread;
                long left = deadline - System.nanoTime();
                // set before the handle was added to running (run)
                if (left > 0 && !t.join(Duration.ofNanos(left))) {
                    LOG.log(System.Logger.Level.INFO, "worker " + t.getName() + " still running at close");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Memory or stack only when it was that: an InternalError or UnknownError is neither. */
    static String whatWentWrong(VirtualMachineError vm) {
        return switch (vm) {
            case OutOfMemoryError _ -> "ran out of memory";
            case StackOverflowError _ -> "ran out of stack";
            default -> "hit a VM error (" + vm.getClass().getSimpleName() + ")";
        };
    }

    private final class Handle<T> implements RunningTask, JobContext {

        private final TaskListener<T> listener;
        private final Cancellation cancellation = new Cancellation();
        private final AtomicBoolean ended = new AtomicBoolean();
        /** The job's race with a cancel: its point of no return, or the cancel, whichever comes first. */
        private final CancelOrFinish race = new CancelOrFinish();
        private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();
        private volatile Thread thread;

        Handle(TaskListener<T> listener) {
            this.listener = listener;
        }

        void execute(Job<T> job) {
            try {
                T value = job.run(this);
                deliver(() -> listener.succeeded(value));
            } catch (CancelledException | InterruptedException e) {
                deliver(listener::cancelled);
            } catch (Exception | Error e) {
                if (cancellation.isCancelled()) {
                    deliver(listener::cancelled);
                } else if (e instanceof org.mailpath.engine.analysis.UnusableLogException) {
                    // a file that is not an Email Log is the user's everyday case, not MailPath's fault; the user
                    // reads why, and its words quote the file's cells (an address, a name): not for the log file
                    LOG.log(System.Logger.Level.INFO, "background task " + Thread.currentThread().getName()
                            + ": the file is no Email Log MailPath can read (the window says why)");
                    deliver(() -> listener.failed(e));
                } else if (e instanceof VirtualMachineError vm) {
                    // told first: logging needs memory too, and a failure that never arrives leaves the view busy
                    // for ever. Its stack says nothing about the cause (whatever allocated last), so one line.
                    deliver(() -> listener.failed(e));
                    LOG.log(System.Logger.Level.WARNING, "background task " + Thread.currentThread().getName()
                            + " " + whatWentWrong(vm) + ": " + vm.getMessage());
                } else {
                    LOG.log(System.Logger.Level.WARNING, "background task " + Thread.currentThread().getName() + " failed", e);
                    deliver(() -> listener.failed(e));
                }
            } finally {
                running.remove(this);
            }
        }

        private void deliver(Runnable ending) {
            uiExecutor.execute(() -> {
                if (ended.compareAndSet(false, true)) {
                    ending.run();
                }
            });
        }

        @Override
        public void cancel() {
            // past its point of no return the job finishes, uninterrupted: an interrupt closes a file channel, and a
            // report put in place (or its result waiting for the UI thread) was told as "cancelled"
            if (ended.get() || !race.cancel() || !ended.compareAndSet(false, true)) {
                return;
            }
            cancellation.cancel();
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
            listener.cancelled();
        }

        @Override
        public boolean isDone() {
            return ended.get();
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }

        @Override
        public void passPointOfNoReturn() {
            race.pass();
        }

        @Override
        public void progress(Progress progress) {
            if (pendingProgress.getAndSet(progress) == null) {
                uiExecutor.execute(() -> {
                    Progress latest = pendingProgress.getAndSet(null);
                    if (latest != null && !ended.get()) {
                        listener.progress(latest);
                    }
                });
            }
        }

        @Override
        public void ui(Runnable action) {
            uiExecutor.execute(() -> {
                if (!ended.get() && !cancellation.isCancelled()) {
                    action.run();
                }
            });
        }
    }
}
