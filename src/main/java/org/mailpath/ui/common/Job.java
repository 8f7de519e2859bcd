package org.mailpath.ui.common;

/** A piece of background work; it polls {@link JobContext#cancellation()} and reports progress through the context. */
@FunctionalInterface
public interface Job<T> {

    T run(JobContext context) throws Exception;
}
