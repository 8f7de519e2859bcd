package org.mailpath.ui.app;

import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.ui.dkim.DkimInspection;
import org.mailpath.ui.dnscheck.MailServerProbe;
import org.mailpath.ui.importing.SampleLog;
import org.mailpath.ui.report.ReportExporter;

/**
 * The engine the wizard drives; the real one in the app, fakes or loopback-backed ones in tests.
 * {@code checkDefaults} are the resolver settings a check run starts from (loopback servers in tests);
 * {@code probe} tests mail servers over SMTP (port 25 in the app, a loopback fake server's port in tests).
 */
public record EngineServices(LogAnalyzer analyzer, DomainChecker checker, MailServerProbe probe, DkimInspection dkim,
                             ReportExporter reports, CheckOptions checkDefaults, SampleLog sample) {
}
