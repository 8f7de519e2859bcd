package org.mailpath.engine.analysis;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The chains of a {@link LogAnalysis}, kept compact and turned into {@link MessageChain} records when asked for, so a
 * million-row log fits in a small heap. Unmodifiable.
 */
final class ChainList extends AbstractList<MessageChain> implements RandomAccess {

    private final ChainBuilder[] chains;

    ChainList(ChainBuilder[] chains) {
        this.chains = chains;
    }

    @Override
    public MessageChain get(int index) {
        return chains[index].toMessageChain();
    }

    @Override
    public int size() {
        return chains.length;
    }
}
