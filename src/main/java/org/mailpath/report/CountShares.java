package org.mailpath.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Each count's share of their total: the summary bars' lengths, and whole percentages that add up to 100. */
final class CountShares {

    private CountShares() {
    }

    /**
     * The share of each count in their total, 0 to 1: the length of its bar in the summary's chart, so that a bar
     * is drawn as long as the percentage beside it says (scaled to the largest count, "Bounced 22 %" was drawn at
     * 40 % of the track). All 0 for a total of 0.
     */
    static double[] shares(long... counts) {
        long total = Arrays.stream(counts).sum();
        return Arrays.stream(counts).mapToDouble(n -> total == 0 ? 0 : (double) n / total).toArray();
    }

    /**
     * Whole percentages of each count in their total that add up to 100, by the largest remainder (ties: the
     * earlier count): rounding each alone can give 101 % (15, 20, 3 and 2 of 40: 38 + 50 + 8 + 5). All 0 for a
     * total of 0.
     */
    static long[] percentages(long... counts) {
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        long[] shares = new long[counts.length];
        if (total == 0) {
            return shares;
        }
        long[] remainders = new long[counts.length];
        long given = 0;
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] * 100 / total;
            remainders[i] = counts[i] * 100 % total;
            given += shares[i];
        }
        final long[] r = remainders;
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> Long.compare(r[b], r[a])); // stable: equal remainders keep their order
        for (int k = 0; k < 100 - given; k++) {
            shares[byRemainder.get(k)]++;
        }
        return shares;
    }
}
