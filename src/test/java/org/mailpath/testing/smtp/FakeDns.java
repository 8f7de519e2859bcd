package org.mailpath.testing.smtp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An in-memory {@link DnsLookup} for probe tests: records are given in zone-file text; a name with records of
 * another type answers NODATA, an unknown name NXDOMAIN, and {@link #fail} makes a name time out.
 */
public final class FakeDns implements DnsLookup {

    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<String, DnsStatus> failures = new ConcurrentHashMap<>();
    private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds one record, e.g. {@code add("example.test.", Type.MX, "10 mx.example.test.")}. */
    public FakeDns add(String name, int type, String rdata) {
        try {
            Record r = Record.fromString(Name.fromString(absolute(name)), type, org.xbill.DNS.DClass.IN, 300, rdata,
                    Name.root);
            records.computeIfAbsent(key(name), k -> new ArrayList<>()).add(r);
            return this;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** PTR for 127.0.0.1 and its forward A record: forward-confirmed reverse DNS for the fake servers. */
    public FakeDns loopbackNamed(String host) {
        return add("1.0.0.127.in-addr.arpa.", Type.PTR, absolute(host)).add(host, Type.A, "127.0.0.1");
    }

    public FakeDns fail(String name, DnsStatus status) {
        failures.put(key(name), status);
        return this;
    }

    /** Every question asked, as "name TYPE". */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public DnsAnswer lookup(String name, int type, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        asked.add(absolute(name) + " " + Type.string(type));
        DnsStatus failure = failures.get(key(name));
        if (failure != null) {
            return new DnsAnswer(name, type, failure, List.of(), List.of(), "fake", Instant.EPOCH, "scripted");
        }
        List<Record> all = records.get(key(name));
        if (all == null) {
            return new DnsAnswer(name, type, DnsStatus.NXDOMAIN, List.of(), List.of(), "fake", Instant.EPOCH, "");
        }
        List<Record> matching = all.stream().filter(r -> r.getType() == type).toList();
        return new DnsAnswer(name, type, matching.isEmpty() ? DnsStatus.NODATA : DnsStatus.OK, matching, List.of(),
                "fake", Instant.EPOCH, "");
    }

    private static String key(String name) {
        return absolute(name).toLowerCase(java.util.Locale.ROOT);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
