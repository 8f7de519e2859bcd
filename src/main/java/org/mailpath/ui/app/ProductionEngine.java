package org.mailpath.ui.app;

import com.google.common.base.Suppliers;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.ui.dkim.DkimInspection;
import org.mailpath.ui.dnscheck.MailServerProbe;
import org.mailpath.ui.importing.SampleLog;
import org.mailpath.ui.report.ReportExporter;

/**
 * The real engine services of the installed app. The analyser (status knowledge base), the checkers and the
 * probe's settings (its EHLO name needs this computer's name) are created on first use, on a worker thread, so
 * loading them never delays the first window.
 */
final class ProductionEngine {

    private ProductionEngine() {
    }

    /** The analyser, made when the first log is read; one file or several together. */
    private record LazyAnalyzer(Supplier<LogAnalyzer> analyzer) implements LogAnalyzer {

        @Override
        public LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation)
                throws UnusableLogException {
            return analyzer.get().analyze(file, progress, cancellation);
        }

        @Override
        public LogAnalysis analyze(List<Path> files, ProgressListener progress, Cancellation cancellation)
                throws UnusableLogException {
            return analyzer.get().analyze(files, progress, cancellation);
        }

        @Override
        public LogAnalyzer withRelayHosts(RelayHosts relay) {
            // still made on first use: the relay only changes how the replies are judged
            return new LazyAnalyzer(() -> analyzer.get().withRelayHosts(relay));
        }
    }

    static EngineServices create() {
        Supplier<LogAnalyzer> analyzer = Suppliers.memoize(EmailLogAnalyzer::new);
        Supplier<DomainChecker> checker = Suppliers.memoize(DomainCheckers::standard);
        Supplier<ReplyDecoder> decoder = Suppliers.memoize(() -> ReplyDecoder.of(StatusKnowledgeBase.standard()));
        return new EngineServices(new LazyAnalyzer(analyzer),
                (requests, options, listener, cancellation) -> checker.get().check(requests, options, listener, cancellation),
                MailServerProbe.standard(Suppliers.memoize(() -> MailServerProbe.wizardSettings().build()), decoder),
                DkimInspection.standard(), ReportExporter.standard(),
                CheckOptions.defaults(), SampleLog.bundled());
    }
}
