package org.mailpath.engine.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * Creates the {@link DnsLookup} used by checks. (First, minimal version: to be replaced by the full client
 * with cache, bounded concurrency and cancellation.)
 */
public final class DnsLookups {

    private DnsLookups() {
    }

    /** @param resolvers "HOST[:PORT]" entries; empty = the system's resolver configuration */
    public static DnsLookup create(List<String> resolvers, Duration timeout) {
        Resolver resolver = resolver(resolvers, timeout);
        return (name, type, cancellation) -> lookup(resolver, name, type, cancellation);
    }

    private static Resolver resolver(List<String> resolvers, Duration timeout) {
        try {
            Resolver r;
            if (resolvers.isEmpty()) {
                r = new ExtendedResolver();
            } else {
                List<Resolver> list = new ArrayList<>();
                for (String spec : resolvers) {
                    int colon = spec.lastIndexOf(':');
                    boolean hasPort = colon > 0 && spec.indexOf(':') == colon;
                    SimpleResolver s = new SimpleResolver(hasPort ? spec.substring(0, colon) : spec);
                    if (hasPort) {
                        s.setPort(Integer.parseInt(spec.substring(colon + 1)));
                    }
                    list.add(s);
                }
                r = new ExtendedResolver(list);
            }
            r.setTimeout(timeout);
            return r;
        } catch (java.net.UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a usable resolver: " + resolvers, e);
        }
    }

    private static DnsAnswer lookup(Resolver resolver, String name, int type, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        Instant time = Instant.now();
        try {
            Lookup lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), type);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            Record[] records = lookup.run();
            List<Record> cnames = new ArrayList<>();
            for (Name alias : lookup.getAliases()) {
                cnames.add(new CNAMERecord(alias, org.xbill.DNS.DClass.IN, 0, alias));
            }
            DnsStatus status = switch (lookup.getResult()) {
                case Lookup.SUCCESSFUL -> DnsStatus.OK;
                case Lookup.TYPE_NOT_FOUND -> DnsStatus.NODATA;
                case Lookup.HOST_NOT_FOUND -> DnsStatus.NXDOMAIN;
                case Lookup.TRY_AGAIN -> DnsStatus.TIMEOUT;
                default -> DnsStatus.ERROR;
            };
            return new DnsAnswer(name, type, status, records == null ? List.of() : List.of(records), List.of(),
                    "", time, status == DnsStatus.OK ? "" : lookup.getErrorString());
        } catch (TextParseException e) {
            return new DnsAnswer(name, type, DnsStatus.ERROR, List.of(), List.of(), "", time, "not a domain name");
        }
    }
}
