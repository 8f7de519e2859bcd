package org.mailpath.ui.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;

/** The events-over-time chart's counts: deliveries, deferral attempts and bounces per hour or per day. */
final class TimeCounts {

    /** The most bars of the time chart that stand for every hour or day of the log, empty ones too. */
    static final int MAX_TIME_BARS = 400;

    /** Per hour for logs up to three days long, per day beyond, so the chart stays readable. */
    private final boolean hourly;
    private final Messages messages;
    private final TreeMap<Instant, long[]> counts = new TreeMap<>();

    TimeCounts(LogAnalysis a, Messages messages) {
        this.messages = messages;
        hourly = a.firstEvent().isEmpty() || a.lastEvent().isEmpty()
                || Duration.between(a.firstEvent().get(), a.lastEvent().get()).compareTo(Duration.ofDays(3)) <= 0;
    }

    /** Counts the chain's events: fed one chain at a time, beside the table's rows. */
    void add(MessageChain chain) {
        ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        for (ChainEvent e : chain.events()) {
            if (e.time() == null) {
                continue;
            }
            int slot = switch (e.event()) {
                case DELIVERED -> e.internalHandoff() ? -1 : 0;
                case TRANSIENT_FAILURE -> 1;
                case PERMANENT_FAILURE -> 2;
                case RECEIVED -> -1;
            };
            if (slot >= 0) {
                counts.computeIfAbsent(e.time().truncatedTo(unit), k -> new long[3])[slot]++;
            }
        }
    }

    /**
     * A bucket for every hour (or day) from the first event to the last, the empty ones too: with the empty ones
     * left out, bars of hours far apart stood side by side and the chart's width did not stand for time.
     */
    List<TimeBucket> buckets() {
        if (counts.isEmpty()) {
            return List.of();
        }
        if (unit().between(counts.firstKey(), counts.lastKey()) >= MAX_TIME_BARS) {
            // a row dated years off (a typo, a wrong export) would make a bar of every day in between, tens of
            // thousands: then only the hours or days with events, each its own bar, as before the axis
            return counts.entrySet().stream().map(e -> bucket(e.getKey(), e.getValue())).toList();
        }
        List<TimeBucket> all = new ArrayList<>();
        long[] none = new long[3];
        for (Instant t = counts.firstKey(); !t.isAfter(counts.lastKey()); t = t.plus(1, unit())) {
            all.add(bucket(t, counts.getOrDefault(t, none)));
        }
        return all;
    }

    private TimeBucket bucket(Instant start, long[] c) {
        return new TimeBucket(start, label(start), c[0], c[1], c[2]);
    }

    TimeAxis axis() {
        if (counts.isEmpty()) {
            return TimeAxis.NONE;
        }
        return new TimeAxis(label(counts.firstKey()), label(counts.lastKey().plus(1, unit())),
                messages.get(hourly ? "events.time.perHour" : "events.time.perDay"));
    }

    private ChronoUnit unit() {
        return hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
    }

    private String label(Instant t) {
        return hourly ? Formats.shortTime(t) : Formats.day(t);
    }
}
