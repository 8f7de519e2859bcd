package org.mailpath.interop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.dns.KnotServer;

/** The standard checks of one domain, with a Knot DNS server on {@code address} as resolver and as name server. */
final class KnotChecks {

    private KnotChecks() {
    }

    static DomainCheckResult check(KnotServer knot, String address, String domain, Set<CheckKind> kinds) {
        CheckOptions options = new CheckOptions(List.of(address + ":" + knot.port()), knot.port(),
                Duration.ofSeconds(1), Optional.empty(), List.of(), List.of());
        return DomainCheckers.standard().check(List.of(new CheckRequest(domain, kinds)), options, CheckListener.NONE,
                Cancellation.none()).domains().getFirst();
    }
}
