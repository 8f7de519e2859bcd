package org.mailpath.engine.report;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.common.Cancellation;

/**
 * The analysis's chains, each made when asked for as the analysis's are, after a look at {@code cancellation}:
 * making a chain is the build's unit of work, and every pass over the log's messages (the builder's, the
 * evidence's, the domain facts', the summary's) goes through this list, so each stops at its next chain. Each chain
 * made is counted in the build's {@code progress}, for the same reason.
 */
final class CancellableChains extends AbstractList<MessageChain> implements RandomAccess {
    private final List<MessageChain> all;
    private final Cancellation cancellation;
    private final BuildProgress progress;

    CancellableChains(List<MessageChain> all, Cancellation cancellation, BuildProgress progress) {
        this.all = all;
        this.cancellation = cancellation;
        this.progress = progress;
    }

    @Override
    public MessageChain get(int i) {
        cancellation.throwIfCancelled();
        progress.chainMade();
        return all.get(i);
    }

    @Override
    public int size() {
        return all.size();
    }
}
