package org.mailpath.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mailpath.engine.dane.DaneCheck;
import org.mailpath.engine.dkim.DkimCheck;
import org.mailpath.engine.dmarc.DmarcCheck;
import org.mailpath.engine.dnsbl.DnsblCheck;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.dns.DnssecCheck;
import org.mailpath.engine.dns.ExistenceCheck;
import org.mailpath.engine.edns.EdnsCheck;
import org.mailpath.engine.mtasts.HttpsPolicySource;
import org.mailpath.engine.mtasts.MtaStsCheck;
import org.mailpath.engine.mx.MxCheck;
import org.mailpath.engine.nameserver.NameServerCheck;
import org.mailpath.engine.ptr.PtrCheck;
import org.mailpath.engine.spf.SpfCheck;

/** The checkers MailPath runs. Register a new {@link DomainCheck} by adding it to {@link #standardChecks()}. */
public final class DomainCheckers {

    private DomainCheckers() {
    }

    /** Every check MailPath has. */
    public static List<DomainCheck> standardChecks() {
        List<DomainCheck> checks = new ArrayList<>(List.of(
                new ExistenceCheck(),
                new MxCheck(),
                new NameServerCheck(),
                new EdnsCheck(),
                new DnssecCheck(),
                new SpfCheck(),
                new DmarcCheck(),
                new DkimCheck(),
                new PtrCheck(),
                new DnsblCheck(),
                new MtaStsCheck(new HttpsPolicySource()),
                new DaneCheck()));
        return checks;
    }

    /** The standard checker; each run resolves through the resolvers and timeout of its options. */
    public static ConcurrentDomainChecker standard() {
        return standard(options -> DnsLookups.create(options.resolvers(), options.timeout()));
    }

    /** The standard checks over a resolver of the caller's choosing (tests, a shared cache). */
    public static ConcurrentDomainChecker standard(Function<CheckOptions, DnsLookup> dnsFactory) {
        return new ConcurrentDomainChecker(standardChecks(), dnsFactory);
    }
}
