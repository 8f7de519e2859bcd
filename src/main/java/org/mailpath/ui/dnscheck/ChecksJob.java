package org.mailpath.ui.dnscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.ui.common.FailureWords;
import org.mailpath.ui.common.JobContext;
import org.mailpath.ui.common.Messages;

/**
 * The job of a run, on a worker: the DNS checks on its thread, each recipient domain's mail server test on a virtual
 * thread of its own. A failing checker stops the probes at once, so its error is not kept waiting for slow servers.
 */
final class ChecksJob {

    private static final System.Logger LOG = System.getLogger(ChecksJob.class.getName());

    private final DomainChecker checker;
    private final MailServerProbe probe;
    private final Messages messages;

    ChecksJob(DomainChecker checker, MailServerProbe probe, Messages messages) {
        this.checker = checker;
        this.probe = probe;
        this.messages = messages;
    }

    CheckReport run(JobContext ctx, List<CheckRequest> requests, CheckOptions options, CheckListener listener,
                    MailServerRun smtp) throws Exception {
        Cancellation stop = new Cancellation();
        try (AutoCloseable link = ctx.cancellation().onCancel(stop::cancel);
             ExecutorService pool = Parallel.pool("mailpath-mx-probe-")) {
            List<Future<?>> probes = new ArrayList<>();
            for (String domain : smtp.domains()) {
                probes.add(pool.submit(() -> probeDomain(ctx, domain, options, smtp, stop)));
            }
            CheckReport report;
            try {
                report = checker.check(requests, options, listener, stop);
            } catch (RuntimeException e) {
                stop.cancel();
                throw e;
            }
            for (Future<?> f : probes) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            return report;
        }
    }

    private void probeDomain(JobContext ctx, String domain, CheckOptions options, MailServerRun smtp,
                             Cancellation stop) {
        ctx.ui(() -> smtp.started(domain));
        try {
            ProbeReport report = probe.probe(domain, smtp.rcptFor(domain), options, smtp.listener(domain, ctx::ui), stop);
            ctx.ui(() -> smtp.finished(domain, report));
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // One domain's probe breaking must not cost the other results.
            LOG.log(System.Logger.Level.WARNING, "SMTP probe of " + domain + " failed", e);
            String reason = FailureWords.reason(e, messages);
            ctx.ui(() -> smtp.failed(domain, reason));
        }
    }
}
