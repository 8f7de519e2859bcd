package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.finding.Finding;

/** Live progress of a check run, one call per check as it starts and ends; called from worker threads. */
public interface CheckListener {

    CheckListener NONE = new CheckListener() { };

    /**
     * The run's DNS, before any check starts. The run's report reads each check's findings against the answers it
     * gathers once every check is done ({@link org.mailpath.engine.dns.NxdomainBesideData}); a listener that keeps
     * the findings {@link #finished} reports (the app) reads them against the same answers, when the run ends or
     * stops, so it shows what the report says.
     */
    default void asking(DnsLookup dns) {
    }

    default void started(String domain, CheckKind kind) {
    }

    default void finished(String domain, CheckKind kind, List<Finding> findings) {
    }
}
