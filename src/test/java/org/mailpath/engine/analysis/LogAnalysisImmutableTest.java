package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.Category;

/** An analysis keeps the counts it was made with, in their order, and is made with its relay hosts always given. */
class LogAnalysisImmutableTest {

    private final Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    private final Map<Category, Long> bounces = new LinkedHashMap<>();
    private final Map<Category, Long> deferrals = new LinkedHashMap<>();

    private LogAnalysis analysis() {
        return TestChains.analysis("log.csv", 10, 0, List.of(), List.of(), verdicts, 0, bounces, deferrals,
                List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void theCountsPassedInAreCopiedInTheirOrder() {
        verdicts.put(Verdict.DELIVERED, 7L);
        verdicts.put(Verdict.BOUNCED, 3L);
        Category[] categories = Category.values();
        // most first, as ChainTally orders them: not the enum's order
        bounces.put(categories[categories.length - 1], 2L);
        bounces.put(categories[0], 1L);
        deferrals.put(categories[1], 4L);
        LogAnalysis a = analysis();
        Map<Verdict, Long> verdictsBefore = Map.copyOf(verdicts);
        verdicts.put(Verdict.DELIVERED, 0L);
        bounces.clear();
        deferrals.put(categories[0], 9L);
        assertEquals(verdictsBefore, a.verdicts());
        assertEquals(7L, a.count(Verdict.DELIVERED));
        assertEquals(List.of(categories[categories.length - 1], categories[0]),
                List.copyOf(a.bounceCategories().keySet()));
        assertEquals(Map.of(categories[1], 4L), a.deferralCategories());
    }

    @Test
    void theCountsGivenOutCannotBeChanged() {
        verdicts.put(Verdict.DELIVERED, 7L);
        LogAnalysis a = analysis();
        assertThrows(UnsupportedOperationException.class, () -> a.verdicts().put(Verdict.DELIVERED, 0L));
        assertThrows(UnsupportedOperationException.class, () -> a.bounceCategories().put(Category.values()[0], 1L));
        assertThrows(UnsupportedOperationException.class, () -> a.deferralCategories().clear());
        assertEquals(7L, a.count(Verdict.DELIVERED));
    }

    @Test
    void relayHostsAreAlwaysGiven() {
        LogAnalysis a = analysis();
        assertThrows(NullPointerException.class, () -> new LogAnalysis(a.file(), a.rows(), a.rejectedRows(),
                a.problems(), a.chains(), a.verdicts(), a.deliveredAfterRetry(), a.bounceCategories(),
                a.deferralCategories(), a.domains(), a.firstEvent(), a.lastEvent(), a.staleDeferrals(), a.files(),
                Map.of(), a.staleReceived(), null));
    }
}
