package org.mailpath.ui.common;

import org.mailpath.engine.common.Progress;

/** Hears how a task ends; every method is called on the UI thread, and exactly one of the ending methods once. */
public interface TaskListener<T> {

    default void progress(Progress progress) {
    }

    void succeeded(T value);

    void failed(Throwable error);

    default void cancelled() {
    }
}
