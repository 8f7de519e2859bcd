package org.mailpath.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.finding.Finding;

/**
 * Tells a person waiting on {@code check} or {@code analyze --check-dns} how far the DNS checks are, on stderr as
 * probe's progress is ({@link ProbeCommand.Progress}: the text format only, stdout stays the output): a line as they
 * start, then "checked N of M domains" each tenth of the domains (each domain when there are at most ten; none for a
 * single domain, whose start line names it), as 300 domains took 16 to 30 s without a word. A domain is checked once
 * every check it was asked for has finished.
 */
final class CheckProgress implements CheckListener {

    private final PrintWriter err;
    private final Map<String, Set<CheckKind>> remaining = new HashMap<>();
    private final int total;
    private final int step;
    private int checked;

    /**
     * Progress of {@code requests} run by {@code checker}: only the kinds it has are run (a stand-in checker's
     * domains would otherwise never end).
     */
    CheckProgress(PrintWriter err, List<CheckRequest> requests, DomainChecker checker) {
        this.err = err;
        Set<CheckKind> runnable = checker.kinds();
        for (CheckRequest r : requests) {
            // the checker runs each domain under its lookup name, as it then reports it
            Set<CheckKind> kinds = remaining.computeIfAbsent(IdnaNames.lookupName(r.domain()),
                    d -> EnumSet.noneOf(CheckKind.class));
            r.kinds().stream().filter(runnable::contains).forEach(kinds::add);
        }
        remaining.values().removeIf(Set::isEmpty);
        this.total = remaining.size();
        this.step = Math.max(1, (total + 9) / 10);
    }

    @Override
    public synchronized void asking(DnsLookup dns) {
        if (total > 0) {
            say(total == 1 ? "checking " + remaining.keySet().iterator().next() + " ..."
                    : "checking " + total + " domains ...");
        }
    }

    @Override
    public synchronized void finished(String domain, CheckKind kind, List<Finding> findings) {
        Set<CheckKind> left = remaining.get(domain);
        if (left == null || !left.remove(kind) || !left.isEmpty()) {
            return;
        }
        remaining.remove(domain);
        checked++;
        // said while counted, so the counts come in order; one domain's end is the run's, its output follows
        if (total > 1 && (checked % step == 0 || checked == total)) {
            say("checked " + checked + " of " + total + " domains");
        }
    }

    private void say(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
