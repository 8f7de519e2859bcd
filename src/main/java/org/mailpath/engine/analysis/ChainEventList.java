package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The events of a {@link MessageChain} made from an analysis' compact chain, each unpacked when first asked for.
 * Most readers of a large analysis look at each chain's verdict, cause, recipient or event count and never at its
 * events; making every {@link ChainEvent} (with its time and texts) for them made listing or summarising a
 * million-row log take seconds. Unmodifiable. Safe to share between threads: the events it keeps are immutable, and
 * an event made twice by two threads is equal.
 */
final class ChainEventList extends AbstractList<ChainEvent> implements RandomAccess {

    /** The chain's events as numbers and references, unpacked from its bytes once (its status needs them too). */
    private final ChainEvents numbers;
    private ChainEvent[] made;

    ChainEventList(ChainEvents numbers) {
        this.numbers = numbers;
    }

    @Override
    public ChainEvent get(int index) {
        Objects.checkIndex(index, numbers.size());
        ChainEvent[] events = made;
        if (events == null) {
            events = new ChainEvent[numbers.size()];
            made = events;
        }
        ChainEvent e = events[index];
        if (e == null) {
            e = event(numbers, index);
            events[index] = e;
        }
        return e;
    }

    @Override
    public int size() {
        return numbers.size();
    }

    /** The event letters in order ({@link MessageChain#eventLetters()}), without making the events. */
    String letters() {
        StringBuilder sb = new StringBuilder(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            sb.append(numbers.event(i).letter());
        }
        return sb.toString();
    }

    /** Event {@code i} of {@code ev} (a chain's unpacked events) as a public record. */
    private static ChainEvent event(ChainEvents ev, int i) {
        EventText t = ev.text(i);
        return new ChainEvent(ev.line(i), Instant.ofEpochSecond(PackedEvents.EPOCH_2000 + ev.time(i)),
                ev.event(i), t.remoteHost(), ev.bytes(i), ev.retryCount(i), ev.secondsInQueue(i), t.deliveryStage(),
                t.relayAddress(), t.relayHost(), ev.status(i), t.tlsCipher(), t.tlsVerified(), ev.file(i),
                ev.lacksTlsColumn(ev.file(i)));
    }
}
