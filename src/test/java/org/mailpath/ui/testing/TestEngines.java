package org.mailpath.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import java.time.Duration;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.ui.dkim.DkimInspection;
import org.mailpath.ui.report.ReportExporter;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.engine.common.Progress;
import org.mailpath.ui.app.EngineServices;
import org.mailpath.ui.dnscheck.MailServerProbe;
import org.mailpath.engine.smtp.ProbeReport;
import java.util.List;

/** Engine services for UI tests and the screenshot tour: the real log analyser, a scripted checker. */
public final class TestEngines {

    /** A probe that finds no mail server at all (it never touches the network). */
    private static final MailServerProbe NO_MAIL_SERVERS = (domain, rcpt, options, listener, cancellation) ->
            new ProbeReport(List.of(), List.of());

    private TestEngines() {
    }

    /** Engine services plus whatever they started (servers), closed at the end. */
    public interface Running extends AutoCloseable {
        EngineServices services();

        @Override
        void close();
    }

    /** The checked-in main sample of a source checkout. */
    public static Path sampleLog() {
        return Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("assets/samples/sample-email-log.csv");
    }

    /**
     * The real analyser, the real checks against the sample's DNS on loopback, and the real SMTP probe against
     * an in-process mail server on loopback.
     */
    public static Running start() throws java.io.IOException {
        TestDnsNetwork net = SampleDnsWorld.start();
        LoopbackMailServers mail = LoopbackMailServers.start();
        CheckOptions options = net.options(Duration.ofSeconds(2));
        EngineServices services = new EngineServices(new EmailLogAnalyzer(), DomainCheckers.standard(),
                mail.probe(net), DkimInspection.standard(), ReportExporter.standard(), options,
                () -> Optional.of(sampleLog()));
        return new Running() {
            @Override
            public EngineServices services() {
                return services;
            }

            @Override
            public void close() {
                mail.close();
                net.close();
            }
        };
    }

    public static Running with(LogAnalyzer analyzer) {
        EngineServices services = new EngineServices(analyzer, new FakeChecker(120), NO_MAIL_SERVERS,
                DkimInspection.standard(), ReportExporter.standard(), CheckOptions.defaults(),
                () -> Optional.of(sampleLog()));
        return new Running() {
            @Override
            public EngineServices services() {
                return services;
            }

            @Override
            public void close() {
            }
        };
    }

    /** An analyser that takes its time (in small, cancellable steps) and then returns {@link TestAnalyses#day()}. */
    public static LogAnalyzer slowAnalyzer(long stepMs) {
        return (file, progress, cancellation) -> {
            if (!Files.isRegularFile(file)) {
                throw new UnusableLogException(file + " does not exist.");
            }
            for (int i = 1; i <= 10; i++) {
                cancellation.throwIfCancelled();
                progress.onProgress(new Progress(i * 10, 100, file.getFileName().toString()));
                try {
                    Thread.sleep(stepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.throwIfCancelled();
                }
            }
            return TestAnalyses.day();
        };
    }
}
