package org.mailpath.engine.check;

import java.util.List;
import java.util.Objects;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.SilentServers;
import org.mailpath.engine.spf.SalesforceSending;

/**
 * What a {@link DomainCheck} gets: the domain, the run's options, the shared (caching) resolver, the stop signal,
 * what the Email Log shows of how Salesforce sends as the domain ({@link CheckRequest#salesforce()}), and the run's
 * name-server addresses that answered nothing ({@link SilentServers}, shared by every domain of the run).
 */
public record CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation,
                           SalesforceSending salesforce, List<String> bounceIps, SilentServers silentServers) {

    public CheckContext {
        Objects.requireNonNull(salesforce, "salesforce");
        Objects.requireNonNull(silentServers, "silentServers");
        bounceIps = bounceIps == null ? List.of() : List.copyOf(bounceIps);
    }

    /** A context of a run of its own as far as silent name servers go (one domain checked alone). */
    public CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation,
                        SalesforceSending salesforce, List<String> bounceIps) {
        this(domain, options, dns, cancellation, salesforce, bounceIps, new SilentServers());
    }

    /** A context without IPs named by bounces ({@link CheckRequest#bounceIps()}). */
    public CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation,
                        SalesforceSending salesforce) {
        this(domain, options, dns, cancellation, salesforce, List.of());
    }

    /** A context no log speaks for: how Salesforce sends as the domain is not known. */
    public CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation) {
        this(domain, options, dns, cancellation, SalesforceSending.UNKNOWN);
    }
}
