package org.mailpath.testing.fakedns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.DnssecAnswer;
import org.mailpath.testing.dns.ZoneSigner;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An in-memory {@link DnsLookup} answering from zone-file text (parsed by dnsjava's {@link Master}), for fast
 * tests without sockets. It behaves like a recursive resolver in front of a permissive authoritative server:
 * records of the asked type at the name win (so a CNAME beside a TXT can be simulated), otherwise a CNAME is
 * followed; a name with no records but names below it is an empty non-terminal (NODATA); {@code *.parent}
 * wildcards are expanded; {@link #fail} forces a status (SERVFAIL, TIMEOUT, …) for one question. Asked for DNSSEC
 * data ({@link #lookupSigned}), it answers like a resolver that returns it: with the RRSIG records of the zone text
 * that cover the answer (sign zones with {@code org.mailpath.testing.dns.ZoneSigner}).
 */
public final class FakeDns implements DnsLookup {

    private static final int MAX_CNAME_HOPS = 8;

    private final Map<Name, List<Record>> byName = new HashMap<>();
    private final Set<Name> existing = new HashSet<>();
    private final Map<String, DnsStatus> forced = new HashMap<>();
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger count = new AtomicInteger();

    private FakeDns() {
    }

    /** Zone text; names without a trailing dot are relative to the root unless the text sets {@code $ORIGIN}. */
    public static FakeDns of(String zoneText) {
        FakeDns dns = new FakeDns();
        String text = zoneText.contains("$TTL") ? zoneText : "$TTL 300\n" + zoneText;
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.root)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                dns.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad test zone: " + e.getMessage(), e);
        }
        return dns;
    }

    /** Records, as {@link #of(String)} would parse them (signed zones from {@code ZoneSigner}). */
    public static FakeDns of(List<Record> records) {
        FakeDns dns = new FakeDns();
        records.forEach(dns::add);
        return dns;
    }

    /** A check context for {@code domain} answering from this fake. */
    public CheckContext context(String domain, CheckOptions options) {
        return new CheckContext(domain, options, this, Cancellation.none());
    }

    /** Runs {@code check} for {@code domain} against this fake and returns its findings. */
    public List<Finding> run(DomainCheck check, String domain, CheckOptions options) {
        return check.run(context(domain, options)).findings();
    }

    /** Default options with {@code --ip}, DKIM selectors and blocklist zones set. */
    public static CheckOptions options(String ip, List<String> dkimSelectors, List<String> blocklistZones) {
        return new CheckOptions(List.of(), 53, null, java.util.Optional.ofNullable(ip), dkimSelectors,
                blocklistZones);
    }

    /** The given question ends with {@code status} and no records. */
    public FakeDns fail(String name, int type, DnsStatus status) {
        forced.put(key(name, type), status);
        return this;
    }

    /** Number of questions asked so far. */
    public int queryCount() {
        return count.get();
    }

    /** The questions asked, as "name TYPE", in order. */
    public List<String> queries() {
        synchronized (asked) {
            return List.copyOf(asked);
        }
    }

    private void add(Record r) {
        byName.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
        for (Name n = r.getName(); n.labels() > 0; n = new Name(n, 1)) {
            existing.add(n);
        }
    }

    @Override
    public DnsAnswer lookup(String name, int type, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        count.incrementAndGet();
        asked.add(name + " " + Type.string(type));
        Instant time = Instant.now();
        DnsStatus status = forced.get(key(name, type));
        if (status != null) {
            return new DnsAnswer(name, type, status, List.of(), List.of(), "fake", time, "forced by test");
        }
        Name current;
        try {
            current = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new DnsAnswer(name, type, DnsStatus.ERROR, List.of(), List.of(), "fake", time, "not a name");
        }
        List<Record> cnames = new ArrayList<>();
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            List<Record> here = recordsAt(current);
            List<Record> matching = here.stream().filter(r -> r.getType() == type).toList();
            if (!matching.isEmpty()) {
                return new DnsAnswer(name, type, DnsStatus.OK, matching, cnames, "fake", time, "");
            }
            Record cname = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname == null) {
                DnsStatus end = here.isEmpty() && !existing.contains(current) ? DnsStatus.NXDOMAIN : DnsStatus.NODATA;
                return new DnsAnswer(name, type, end, List.of(), cnames, "fake", time, "");
            }
            cnames.add(cname);
            current = ((CNAMERecord) cname).getTarget();
        }
        return new DnsAnswer(name, type, DnsStatus.SERVFAIL, List.of(), cnames, "fake", time, "CNAME chain too long");
    }

    @Override
    public DnssecAnswer lookupSigned(String name, int type, Cancellation cancellation) {
        DnsAnswer answer = lookup(name, type, cancellation);
        if (forced.containsKey(key(name, type)) || !answer.ok()) {
            boolean nodata = !forced.containsKey(key(name, type)) && answer.status() == DnsStatus.NODATA;
            return new DnssecAnswer(answer, List.of(), answer.status() == DnsStatus.NODATA,
                    nodata ? denial(answer.finalName()) : List.of());
        }
        Name owner = answer.records().getFirst().getName();
        List<RRSIGRecord> signatures = recordsAt(owner).stream().filter(RRSIGRecord.class::isInstance)
                .map(RRSIGRecord.class::cast).filter(s -> s.getTypeCovered() == type).toList();
        return new DnssecAnswer(answer, signatures, true);
    }

    /**
     * The NSEC record at {@code name} and the NSEC3 records of the zone text that match it, or, when none does, the
     * closest encloser proof ({@link ZoneSigner#nsec3ClosestEncloser}), with their RRSIGs: a NODATA answer's proof.
     */
    private List<Record> denial(String name) {
        try {
            Name owner = Name.fromString(name.endsWith(".") ? name : name + ".");
            List<Record> proof = new ArrayList<>(recordsAt(owner).stream().filter(r -> r.getType() == Type.NSEC
                    || r instanceof RRSIGRecord s && s.getTypeCovered() == Type.NSEC).toList());
            List<Record> all = byName.values().stream().flatMap(List::stream).toList();
            proof.addAll(ZoneSigner.nsec3Matching(all, owner));
            // no record matches the name: the closest encloser proof, as a parent's NSEC3 chain proves an
            // insecure delegation by an Opt-Out record covering it (RFC 5155 §7.2.1, §8.6)
            if (proof.isEmpty()) {
                proof.addAll(ZoneSigner.nsec3ClosestEncloser(all, owner));
            }
            return proof;
        } catch (TextParseException e) {
            return List.of();
        }
    }

    /** Records owned by {@code name}, or synthesized from the closest wildcard when the name does not exist. */
    private List<Record> recordsAt(Name name) {
        List<Record> own = byName.get(name);
        if (own != null || existing.contains(name)) {
            return own == null ? List.of() : own;
        }
        for (Name parent = name; parent.labels() > 1; ) {
            parent = new Name(parent, 1);
            List<Record> wild = byName.get(wildcard(parent));
            if (wild != null) {
                return wild.stream().map(r -> r.withName(name)).toList();
            }
            if (existing.contains(parent)) {
                return List.of();
            }
        }
        return List.of();
    }

    private static Name wildcard(Name parent) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), parent);
        } catch (org.xbill.DNS.NameTooLongException e) {
            return parent;
        }
    }

    private static String key(String name, int type) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith(".") ? n : n + ".") + " " + type;
    }
}
