package org.mailpath.engine.check;

import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;

/** What a {@link DomainCheck} gets: the domain, the run's options, the shared (caching) resolver, and the stop signal. */
public record CheckContext(String domain, CheckOptions options, DnsLookup dns, Cancellation cancellation) {
}
