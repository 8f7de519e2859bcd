package org.mailpath.engine.report;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.mailpath.engine.analysis.MessageChain;

/** The chains at {@code places} of the analysis's, each made again when asked for (not held). */
final class ChainsAt extends AbstractList<MessageChain> implements RandomAccess {
    private final List<MessageChain> all;
    private final List<RankedChain> places;

    ChainsAt(List<MessageChain> all, List<RankedChain> places) {
        this.all = all;
        this.places = places;
    }

    @Override
    public MessageChain get(int i) {
        return all.get(places.get(i).index());
    }

    @Override
    public int size() {
        return places.size();
    }
}
