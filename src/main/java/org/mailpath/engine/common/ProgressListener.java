package org.mailpath.engine.common;

/** Receives progress from long-running engine work; called from worker threads. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);
}
