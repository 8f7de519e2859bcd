package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;

/**
 * Counts of judged chains per verdict, category and recipient domain, and the copies of rows left out of them. Each
 * judging thread keeps its own and they are added up afterwards; the results are sorted with full tie-breaks, so
 * they do not depend on how chains were split.
 */
final class ChainTally {

    private final long[] verdicts = new long[Verdict.values().length];
    private final Map<Category, Long> bounces = new EnumMap<>(Category.class);
    private final Map<Category, Long> deferrals = new EnumMap<>(Category.class);
    /** Per domain as the log writes it (in lower case): messages, delivered, bounced, deferred. */
    private final Map<String, long[]> domains = new HashMap<>();
    private long deliveredAfterRetry;
    private long staleDeferrals;
    private long staleReceived;
    /**
     * The stale deferrals and received-only messages that the log's last row alone made stale, it lying more than
     * the retry period after every other row ({@link #addStaleByLastRowOnly}).
     */
    private long staleByLastRowOnly;
    private final RowCopies copies = new RowCopies();
    /** Per file index: the D rows in the chains counted by {@link #addDeliveries} (empty until then). */
    private long[] deliveries = new long[0];

    /** The Relay Hosts the chains ended at, for the hint of an Email Relay not named ({@link #add}). */
    private final RelayHostHint relayHint = new RelayHostHint();

    void add(ChainBuilder c) {
        add(c, "");
    }

    /**
     * Counts judged chain {@code c}; {@code statusRelayHost}: the Relay Host of the row its verdict was read from
     * ({@link ChainBuilder#noteStatusRelayHost}), noted for the {@link #relayHint} (empty: none, or not asked).
     */
    void add(ChainBuilder c, String statusRelayHost) {
        Verdict v = c.verdict();
        verdicts[v.ordinal()]++;
        String domain = c.recipientDomain();
        long[] d = domains.computeIfAbsent(domain, k -> new long[4]);
        if (v != Verdict.RECEIVED_ONLY && !statusRelayHost.isEmpty()) {
            relayHint.add(statusRelayHost, domain);
        }
        d[0]++;
        switch (v) {
            case DELIVERED -> {
                d[1]++;
                if (c.deliveredAfterRetry()) {
                    deliveredAfterRetry++;
                }
            }
            case BOUNCED -> {
                d[2]++;
                c.diagnosis().ifPresent(x -> bounces.merge(x.category(), 1L, Long::sum));
            }
            case DEFERRED -> {
                d[3]++;
                if (c.stale()) {
                    staleDeferrals++;
                }
                c.diagnosis().ifPresent(x -> deferrals.merge(x.category(), 1L, Long::sum));
            }
            case RECEIVED_ONLY -> {
                if (c.staleReceived()) {
                    staleReceived++;
                }
            }
        }
    }

    /**
     * Counts the D rows of a chain's events {@code ev} (unpacked, copies already left out) that are in a file marked
     * in {@code files} (by file index). Asked only for files without the TLS_Cipher column among several analysed
     * together: a single log's chains are not read again.
     */
    void addDeliveries(ChainEvents ev, boolean[] files) {
        for (int i = 0; i < ev.size(); i++) {
            int f = ev.file(i);
            if (ev.event(i) == MailEvent.DELIVERED && f < files.length && files[f]) {
                if (deliveries.length <= f) {
                    deliveries = Arrays.copyOf(deliveries, files.length);
                }
                deliveries[f]++;
            }
        }
    }

    /** The D rows counted by {@link #addDeliveries} in the file with index {@code file}. */
    long deliveries(int file) {
        return file < deliveries.length ? deliveries[file] : 0;
    }

    void addAll(ChainTally other) {
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] += other.verdicts[i];
        }
        other.bounces.forEach((k, n) -> bounces.merge(k, n, Long::sum));
        other.deferrals.forEach((k, n) -> deferrals.merge(k, n, Long::sum));
        other.domains.forEach((name, d) -> {
            long[] mine = domains.computeIfAbsent(name, k -> new long[4]);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += d[i];
            }
        });
        deliveredAfterRetry += other.deliveredAfterRetry;
        staleDeferrals += other.staleDeferrals;
        staleReceived += other.staleReceived;
        staleByLastRowOnly += other.staleByLastRowOnly;
        copies.addAll(other.copies);
        relayHint.addAll(other.relayHint);
        if (deliveries.length < other.deliveries.length) {
            deliveries = Arrays.copyOf(deliveries, other.deliveries.length);
        }
        for (int f = 0; f < other.deliveries.length; f++) {
            deliveries[f] += other.deliveries[f];
        }
    }

    /** Adds the copies of rows a judge left out. */
    void addCopies(RowCopies found) {
        copies.addAll(found);
    }

    RowCopies copies() {
        return copies;
    }

    /** The Relay Hosts noted by {@link #add(ChainBuilder, String)}: the hint of an Email Relay not named. */
    RelayHostHint relayHint() {
        return relayHint;
    }

    long staleDeferrals() {
        return staleDeferrals;
    }

    long staleReceived() {
        return staleReceived;
    }

    /**
     * Counts a chain (counted by {@link #add} too) that is stale only because of the log's last row: against the
     * latest other row it would not be ({@link ChainBuilder#noteLogEnd}).
     */
    void addStaleByLastRowOnly() {
        staleByLastRowOnly++;
    }

    long staleByLastRowOnly() {
        return staleByLastRowOnly;
    }

    /** Every verdict, in the enum's order, with its count (0 included). */
    Map<Verdict, Long> verdicts() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, verdicts[v.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    long deliveredAfterRetry() {
        return deliveredAfterRetry;
    }

    Map<Category, Long> bounces() {
        return byCount(bounces);
    }

    Map<Category, Long> deferrals() {
        return byCount(deferrals);
    }

    /** Per {@link IdnaNames#groupName}: most bounced and deferred first, then most messages, then by name. */
    List<DomainSummary> domains() {
        // counted per domain as written, for no work per message; the spellings of one domain (IdnaNames.groupName)
        // are added together here, once per distinct name
        Map<String, long[]> grouped = new HashMap<>();
        domains.forEach((name, d) -> {
            long[] sum = grouped.computeIfAbsent(IdnaNames.groupName(name), k -> new long[4]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += d[i];
            }
        });
        List<DomainSummary> list = new ArrayList<>(grouped.size());
        grouped.forEach((name, d) -> list.add(new DomainSummary(name, d[0], d[1], d[2], d[3])));
        list.sort(Comparator.comparingLong((DomainSummary s) -> -(s.bounced() + s.deferred()))
                .thenComparingLong(s -> -s.messages()).thenComparing(DomainSummary::domain));
        return list;
    }

    /** Most frequent first; ties in the enum's order. */
    private static Map<Category, Long> byCount(Map<Category, Long> counts) {
        Map<Category, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<Category, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
