package org.mailpath.engine.analysis;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The events of a {@link MessageChain} made from an analysis' compact chain, each unpacked when first asked for.
 * Most readers of a large analysis look at each chain's verdict, cause, recipient or event count and never at its
 * events; making every {@link ChainEvent} (with its time and texts) for them made listing or summarising a
 * million-row log take seconds. Unmodifiable. Safe to share between threads: what it caches is immutable, and a
 * value made twice by two threads is equal.
 */
final class ChainEventList extends AbstractList<ChainEvent> implements RandomAccess {

    private final ChainBuilder chain;
    private final int size;
    private ChainEvents numbers;
    private ChainEvent[] made;

    ChainEventList(ChainBuilder chain) {
        this.chain = chain;
        this.size = chain.size();
    }

    @Override
    public ChainEvent get(int index) {
        Objects.checkIndex(index, size);
        ChainEvent[] events = made;
        if (events == null) {
            events = new ChainEvent[size];
            made = events;
        }
        ChainEvent e = events[index];
        if (e == null) {
            e = ChainBuilder.event(numbers(), index);
            events[index] = e;
        }
        return e;
    }

    @Override
    public int size() {
        return size;
    }

    /** The event letters in order ({@link MessageChain#eventLetters()}), without making the events. */
    String letters() {
        ChainEvents ev = numbers();
        StringBuilder sb = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            sb.append(ev.event(i).letter());
        }
        return sb.toString();
    }

    private ChainEvents numbers() {
        ChainEvents ev = numbers;
        if (ev == null) {
            ev = chain.events();
            numbers = ev;
        }
        return ev;
    }
}
