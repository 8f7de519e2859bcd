package org.mailpath.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** A checker that answers from a script, concurrently and with a small delay per check, like the real one. */
public final class FakeChecker implements DomainChecker {

    private final long delayMs;

    public FakeChecker(long delayMs) {
        this.delayMs = delayMs;
    }

    @Override
    public CheckReport check(List<CheckRequest> requests, CheckOptions options, CheckListener listener,
                             Cancellation cancellation) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<DomainCheckResult> results = new ArrayList<>();
            for (CheckRequest r : requests) {
                List<Future<List<Finding>>> futures = new ArrayList<>();
                for (CheckKind kind : r.kinds().stream().sorted().toList()) {
                    futures.add(pool.submit(() -> {
                        cancellation.throwIfCancelled();
                        listener.started(r.domain(), kind);
                        Thread.sleep(delayMs);
                        cancellation.throwIfCancelled();
                        List<Finding> findings = findings(r.domain(), kind);
                        listener.finished(r.domain(), kind, findings);
                        return findings;
                    }));
                }
                List<Finding> all = new ArrayList<>();
                for (Future<List<Finding>> f : futures) {
                    all.addAll(f.get());
                }
                results.add(new DomainCheckResult(r.domain(), all, List.of()));
            }
            return new CheckReport(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof CancelledException c) {
                throw c;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What a scripted check of {@code domain} finds. */
    @FunctionalInterface
    public interface Script {
        List<Finding> findings(String domain, CheckKind kind, CheckOptions options);
    }

    /**
     * A checker that answers at once on the caller's thread from {@code script}: every check of every request, in
     * the request's order, reported as it starts and ends, the cancellation looked at before each; each domain's
     * result holds its checks' findings.
     */
    public static DomainChecker synchronous(Script script) {
        return (requests, options, listener, cancellation) -> {
            List<DomainCheckResult> results = new ArrayList<>();
            for (CheckRequest r : requests) {
                List<Finding> all = new ArrayList<>();
                for (CheckKind kind : r.kinds()) {
                    cancellation.throwIfCancelled();
                    listener.started(r.domain(), kind);
                    List<Finding> found = script.findings(r.domain(), kind, options);
                    listener.finished(r.domain(), kind, found);
                    all.addAll(found);
                }
                results.add(new DomainCheckResult(r.domain(), all, List.of()));
            }
            return new CheckReport(results);
        };
    }

    public static List<Finding> findings(String domain, CheckKind kind) {
        return switch (kind) {
            case MX -> domain.startsWith("example")
                    ? List.of(new Finding("MX_NONE", Severity.ERROR, domain,
                            "No mail server accepts mail for " + domain + ": it has no MX record and no address.",
                            List.of(";; " + domain + " MX @127.0.0.1:5353 -> NODATA at 2026-03-06T08:30:00Z"),
                            "Publish an MX record for the domain, or stop sending to it.", Actor.RECIPIENT_MAIL_TEAM))
                    : List.of(new Finding("MX_OK", Severity.OK, domain, "Mail servers found.",
                            List.of(domain + ". 3600 IN MX 10 mx1." + domain + "."), "", Actor.NOBODY));
            case EDNS -> domain.startsWith("kund")
                    ? List.of(new Finding("EDNS_NOT_COMPLIANT", Severity.WARNING, "ns1." + domain,
                            "A name server of " + domain + " drops DNS queries with EDNS options.",
                            List.of("ns1." + domain + " [192.0.2.53]: edns=ok edns1=timeout ednsopt=timeout"),
                            "Ask the DNS provider of " + domain + " to update or reconfigure its name servers.",
                            Actor.RECIPIENT_MAIL_TEAM))
                    : List.of();
            case DMARC -> List.of(new Finding("DMARC_POLICY_NONE", Severity.WARNING, "_dmarc." + domain,
                    "DMARC is published with p=none: receivers are told not to act on failures.",
                    List.of("_dmarc." + domain + ". 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@" + domain + "\""),
                    "Once reports show only legitimate mail, move to p=quarantine.", Actor.SENDER_ADMIN));
            case DKIM -> List.of(new Finding("DKIM_SELECTOR_MISSING", Severity.ERROR, "sf1._domainkey." + domain,
                    "The Salesforce DKIM selector sf1 is not published.",
                    List.of(";; sf1._domainkey." + domain + " CNAME @127.0.0.1:5353 -> NXDOMAIN"),
                    "Publish the CNAME records shown in Salesforce Setup → DKIM Keys.", Actor.SENDER_ADMIN));
            case SPF -> List.of(new Finding("SPF_OK", Severity.OK, domain, "SPF allows Salesforce to send for " + domain + ".",
                    List.of(domain + ". 3600 IN TXT \"v=spf1 include:_spf.salesforce.com -all\""), "", Actor.NOBODY));
            default -> List.of();
        };
    }
}
