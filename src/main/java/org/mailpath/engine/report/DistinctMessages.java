package org.mailpath.engine.report;

import java.util.Arrays;
import org.mailpath.engine.analysis.MessageChain;

/**
 * How many distinct messages (Message ID Headers, as the report matches them: {@link ReportOptions#messageIdKey}) a
 * report's messages to their recipients are: 3 when one message went to three recipients beside two others (the conclusion: "Of the 5 messages to X (3 emails, one of them sent to several
 * recipients)"). Counted over a large log's IDs without keeping them: a 64-bit hash of each, sorted
 * once (a collision among 10^6 IDs has a chance of about 3 in 10^8, and would only lower the count by one). A
 * message without a Message ID Header is a message of its own.
 */
final class DistinctMessages {

    private long[] hashes = new long[64];
    private int size;
    private long withoutId;
    /** How many of the hashes are sorted in place ({@link #sorted}): all of them once sorted, until one is added. */
    private int sortedUpTo;

    void add(MessageChain c) {
        String key = ReportOptions.messageIdKey(c.messageIdHeader());
        if (key.isEmpty()) {
            withoutId++;
            return;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash(key);
    }

    /** The number of distinct messages among those added. */
    long count() {
        long[] sorted = sorted();
        long distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct + withoutId;
    }

    /** How many of the distinct messages were added more than once: sent to several recipients. */
    long sentToSeveral() {
        long[] sorted = sorted();
        long several = 0;
        for (int i = 1; i < size; i++) {
            // counted at its second copy only
            if (sorted[i] == sorted[i - 1] && (i == 1 || sorted[i - 1] != sorted[i - 2])) {
                several++;
            }
        }
        return several;
    }

    /**
     * The hashes added, the first {@code size} sorted in place, once: count and sentToSeveral are asked of the same
     * messages one after the other, up to 10^6 of them; one added later is sorted in on the next call.
     */
    private long[] sorted() {
        if (sortedUpTo != size) {
            Arrays.sort(hashes, 0, size);
            sortedUpTo = size;
        }
        return hashes;
    }

    /** FNV-1a, 64 bits, over the UTF-16 code units of {@code s}. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            h ^= ch & 0xff;
            h *= 0x100000001b3L;
            h ^= ch >>> 8;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
