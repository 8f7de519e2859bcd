package org.mailpath.ui.app;

import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.ui.dkim.DkimInspection;
import org.mailpath.ui.importing.SampleLog;

/** The real engine services of the installed app. */
final class ProductionEngine {

    private ProductionEngine() {
    }

    static EngineServices create() {
        return new EngineServices(new EmailLogAnalyzer(), DomainCheckers.standard(), DkimInspection.standard(), CheckOptions.defaults(),
                SampleLog.bundled());
    }
}
