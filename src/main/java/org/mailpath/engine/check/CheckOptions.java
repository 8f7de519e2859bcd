package org.mailpath.engine.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of a check run. {@code resolvers} are "HOST[:PORT]" (empty = the system's configuration);
 * {@code dnsPort} is the port used for queries sent straight to authoritative servers (53, or a loopback
 * test port); {@code ip} the sending IP for SPF results, PTR and blocklist checks; {@code blocklistZones}
 * empty = the default list.
 */
public record CheckOptions(List<String> resolvers, int dnsPort, Duration timeout, Optional<String> ip,
                           List<String> dkimSelectors, List<String> blocklistZones) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public CheckOptions {
        resolvers = List.copyOf(resolvers);
        dkimSelectors = List.copyOf(dkimSelectors);
        blocklistZones = List.copyOf(blocklistZones);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        ip = ip == null ? Optional.empty() : ip;
    }

    public static CheckOptions defaults() {
        return new CheckOptions(List.of(), 53, DEFAULT_TIMEOUT, Optional.empty(), List.of(), List.of());
    }
}
