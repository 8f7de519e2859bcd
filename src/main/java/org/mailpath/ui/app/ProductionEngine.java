package org.mailpath.ui.app;

import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.ui.importing.SampleLog;

/** The real engine services of the installed app. */
final class ProductionEngine {

    private ProductionEngine() {
    }

    static EngineServices create() {
        // TODO(integration): replace with the log engineer's EmailLogAnalyzer and the DNS engineer's checker factory
        return new EngineServices(
                (file, progress, cancellation) -> {
                    throw new UnusableLogException("The log analyser is not part of this build yet.");
                },
                (requests, options, listener, cancellation) -> CheckReport.empty(),
                CheckOptions.defaults(),
                SampleLog.bundled());
    }
}
