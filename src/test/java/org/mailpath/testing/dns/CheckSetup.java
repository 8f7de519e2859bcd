package org.mailpath.testing.dns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;

/**
 * Check options aimed at one loopback DNS server (its resolver, and its port for questions sent straight to name
 * servers), with what tests vary: timeout (5 s unless a test needs another), sending IP, DKIM selectors and
 * blocklist zones (empty: none, and the default lists).
 */
public record CheckSetup(String resolver, int port, Duration timeout, Optional<String> ip, List<String> selectors,
                         List<String> blocklists) {

    /** Long enough for any answer on loopback: tests that wait for no answer say their shorter timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public CheckSetup {
        selectors = List.copyOf(selectors);
        blocklists = List.copyOf(blocklists);
    }

    /** Through the resolver {@code resolver} ("address:port"), name servers asked on {@code port}. */
    public static CheckSetup of(String resolver, int port) {
        return new CheckSetup(resolver, port, TIMEOUT, Optional.empty(), List.of(), List.of());
    }

    /** Through the first resolver address of {@code server}. */
    public static CheckSetup of(TestDnsServer server) {
        return of(server.resolverSpec(), server.port());
    }

    public CheckSetup withTimeout(Duration newTimeout) {
        return new CheckSetup(resolver, port, newTimeout, ip, selectors, blocklists);
    }

    public CheckSetup withIp(String sendingIp) {
        return new CheckSetup(resolver, port, timeout, Optional.of(sendingIp), selectors, blocklists);
    }

    public CheckSetup withSelectors(String... dkimSelectors) {
        return new CheckSetup(resolver, port, timeout, ip, List.of(dkimSelectors), blocklists);
    }

    public CheckSetup withBlocklists(String... zones) {
        return new CheckSetup(resolver, port, timeout, ip, selectors, List.of(zones));
    }

    public CheckOptions options() {
        return new CheckOptions(List.of(resolver), port, timeout, ip, selectors, blocklists);
    }

    /** A context for one check of {@code domain}: a lookup of its own through the resolver, never cancelled. */
    public CheckContext context(String domain) {
        return CheckContexts.of(domain, options());
    }

    /** A lookup through the resolver with this timeout. */
    public DnsLookup lookup() {
        return DnsLookups.create(List.of(resolver), timeout);
    }
}
