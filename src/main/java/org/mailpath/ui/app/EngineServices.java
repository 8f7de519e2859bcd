package org.mailpath.ui.app;

import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.ui.importing.SampleLog;

/** The engine the wizard drives; the real one in the app, fakes or loopback-backed ones in tests. */
public record EngineServices(LogAnalyzer analyzer, DomainChecker checker, SampleLog sample) {
}
