package org.mailpath.engine.dns;

import java.time.Duration;
import java.util.List;

/** Creates the {@link DnsLookup} of a run (a {@link DnsClient}: fresh cache per call). */
public final class DnsLookups {

    /** Queries on the wire at once per run. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    private DnsLookups() {
    }

    /**
     * @param resolvers "HOST[:PORT]" entries; empty = the system's resolver configuration
     * @param timeout   time allowed per resolver per question
     * @throws IllegalArgumentException when a resolver entry is not usable
     */
    public static DnsLookup create(List<String> resolvers, Duration timeout) {
        return create(resolvers, timeout, DEFAULT_MAX_IN_FLIGHT);
    }

    public static DnsLookup create(List<String> resolvers, Duration timeout, int maxInFlight) {
        return new DnsClient(ResolverAddresses.parse(resolvers), timeout, maxInFlight);
    }
}
