package org.mailpath.ui.app;

import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.ui.importing.SampleLog;

/** The real engine services of the installed app. */
final class ProductionEngine {

    private ProductionEngine() {
    }

    static EngineServices create() {
        // TODO(integration): replace the checker with the DNS engineer's DomainChecker factory when it lands
        return new EngineServices(
                new EmailLogAnalyzer(),
                (requests, options, listener, cancellation) -> {
                    throw new IllegalStateException("the DNS checks are not part of this build of MailPath yet.");
                },
                CheckOptions.defaults(),
                SampleLog.bundled());
    }
}
