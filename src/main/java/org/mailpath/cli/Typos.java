package org.mailpath.cli;

import java.util.Arrays;
import java.util.List;

/** How many typing mistakes apart two words are, to suggest the option that was meant. */
final class Typos {

    private Typos() {
    }

    /** Those of {@code candidates} (one of each, at least one given) fewest mistakes from {@code typed}, in order. */
    static List<String> nearest(String typed, List<String> candidates) {
        int least = candidates.stream().mapToInt(s -> distance(typed, s)).min().orElseThrow();
        return candidates.stream().filter(s -> distance(typed, s) == least).distinct().toList();
    }

    /**
     * The optimal string alignment distance: letters left out, added, changed or swapped with their neighbour
     * ({@code --reprot} is one from {@code --report}).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Whether {@code a} and {@code b} are at most {@code max} typing mistakes apart ({@link #distance}), in time
     * proportional to their length: only the band of {@code max} cells either side of the diagonal is computed, and a
     * row whose every cell is over {@code max} ends it. Fast enough to hold one typed ID against every ID of a
     * million-row log.
     */
    static boolean within(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return false;
        }
        int over = max + 1;
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= max ? j : over;
        }
        for (int i = 1; i <= n; i++) {
            Arrays.fill(current, over);
            current[0] = i <= max ? i : over;
            int rowMin = current[0];
            for (int j = Math.max(1, i - max); j <= Math.min(m, i + max); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = Math.min(d, over);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return false;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[m] <= max;
    }
}
