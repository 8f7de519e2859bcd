package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.finding.Finding;

/** Live progress of a check run, one call per check as it starts and ends; called from worker threads. */
public interface CheckListener {

    CheckListener NONE = new CheckListener() { };

    default void started(String domain, CheckKind kind) {
    }

    default void finished(String domain, CheckKind kind, List<Finding> findings) {
    }
}
