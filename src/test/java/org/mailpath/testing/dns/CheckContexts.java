package org.mailpath.testing.dns;

import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookups;

/** Check contexts for tests of one check: a lookup of its own through the options' resolvers, never cancelled. */
public final class CheckContexts {

    private CheckContexts() {
    }

    public static CheckContext of(String domain, CheckOptions options) {
        return new CheckContext(domain, options, DnsLookups.create(options.resolvers(), options.timeout()),
                Cancellation.none());
    }
}
