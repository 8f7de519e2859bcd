package org.mailpath.engine.check;

import java.util.Objects;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.spf.SalesforceSending;

/**
 * What a {@link DomainCheck} gets: the domain, the run's options, the shared (caching) resolver, the stop signal,
 * and what the Email Log shows of how Salesforce sends as the domain ({@link CheckRequest#salesforce()}).
 */
public record CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation,
                           SalesforceSending salesforce) {

    public CheckContext {
        Objects.requireNonNull(salesforce, "salesforce");
    }

    /** A context no log speaks for: how Salesforce sends as the domain is not known. */
    public CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation) {
        this(domain, options, dns, cancellation, SalesforceSending.UNKNOWN);
    }
}
