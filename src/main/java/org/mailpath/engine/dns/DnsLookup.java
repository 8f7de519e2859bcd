package org.mailpath.engine.dns;

import org.mailpath.engine.common.Cancellation;

/**
 * Asks the configured recursive resolvers one question. Implementations cache per run, bound concurrency,
 * retry over TCP when a UDP answer is truncated, and never throw for network trouble: it is a status.
 * Safe to call from many (virtual) threads at once.
 */
public interface DnsLookup {

    /**
     * @param name absolute or relative domain name (relative names are taken as absolute)
     * @param type a dnsjava {@link org.xbill.DNS.Type} value
     */
    DnsAnswer lookup(String name, int type, Cancellation cancellation);
}
