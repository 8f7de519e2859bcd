package org.mailpath.ui.dkim;

import java.util.List;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dkim.DkimInspector;
import org.mailpath.engine.dkim.DkimSelectorReport;
import org.mailpath.engine.dns.DnsLookups;

/** Looks up the DKIM selectors of a domain; runs on a worker thread. */
@FunctionalInterface
public interface DkimInspection {

    List<DkimSelectorReport> inspect(String domain, List<String> selectors, CheckOptions options,
                                     Cancellation cancellation);

    /** The engine's inspector over the resolvers and timeout of {@code options}. */
    static DkimInspection standard() {
        return (domain, selectors, options, cancellation) -> DkimInspector.inspect(domain, selectors,
                DnsLookups.create(options.resolvers(), options.timeout()), cancellation);
    }
}
