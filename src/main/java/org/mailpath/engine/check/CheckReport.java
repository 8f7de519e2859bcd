package org.mailpath.engine.check;

import java.util.List;

/** The results of one check run, one entry per domain in the order asked. */
public record CheckReport(List<DomainCheckResult> domains) {

    public CheckReport {
        domains = List.copyOf(domains);
    }

    public static CheckReport empty() {
        return new CheckReport(List.of());
    }
}
