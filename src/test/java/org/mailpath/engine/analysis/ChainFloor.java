package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mailpath.engine.log.LogRow;

/**
 * A benchmark diagnostic, not product code: the least any chain storage must do per row on top of the reader, with
 * nothing per chain for the collector to copy. Groups rows by (Message ID Header, lower-cased recipient) in a few
 * large primitive arrays (an open-addressing index of key hashes, the keys' bytes in one growing array, a fixed-size
 * event record per row in pages of ints, chains as linked lists of events) and stores each reply as the analysis
 * does (quoted recipient and Message ID Header as markers, a repeated reply by id, a new one as bytes). No event
 * texts, copies, judging or joining of the halves: {@link BenchmarkChild}'s {@code floor} mode, the
 * lower bound for {@code analyze} on this reader.
 */
final class ChainFloor implements Consumer<LogRow> {

    private static final int EVENT_INTS = 7;
    /** Pages just under 4 MiB: humongous in G1 (made in the old generation, never copied), filling 4 regions. */
    private static final int PAGE_BYTES = (4 << 20) - 64;
    private static final int EVENTS_PER_PAGE = PAGE_BYTES / 4 / EVENT_INTS;

    private int[] slots = new int[1 << 16];
    private int[] slotHashes = new int[1 << 16];
    private int chains;
    private int[] keyOffset = new int[1 << 15];
    private int[] keyLength = new int[1 << 15];
    private int[] head = new int[1 << 15];
    private int[] tail = new int[1 << 15];
    private byte[][] keyPages = {new byte[PAGE_BYTES]};
    private int keysUsed;
    private int[][] eventPages = {new int[EVENTS_PER_PAGE * EVENT_INTS]};
    private int eventCount;
    /** Each part's own: one shared table would need a lock per row. */
    private final Map<String, Integer> replies = new HashMap<>();
    private final byte[] scratch = new byte[4096];

    ChainFloor() {
        Arrays.fill(slots, -1);
    }

    @Override
    public void accept(LogRow row) {
        int length = encode(row);
        int hash = hash(length);
        int chain = find(hash, length);
        if (chain < 0) {
            chain = add(hash, length);
        }
        // as the analysis stores replies: the recipient and Message ID Header they quote as markers, so they repeat
        String stored = row.deliveryStatus();
        if (!row.recipient().isEmpty() && stored.contains(row.recipient())) {
            stored = stored.replace(row.recipient(), "\0");
        }
        if (!row.messageIdHeader().isEmpty() && stored.contains(row.messageIdHeader())) {
            stored = stored.replace(row.messageIdHeader(), "\1");
        }
        // a reply seen before by its id; one seen first (most quote a queue id) as bytes, as the analysis keeps it in
        // the chain's bytes; the table bounded like the analysis' shared texts
        Integer shared = replies.get(stored);
        int reply;
        if (shared != null) {
            reply = shared;
        } else {
            if (replies.size() < 65_536) {
                replies.put(stored, replies.size());
            }
            reply = -1 - store(ascii(stored, 0));
        }
        int e = eventCount++;
        int page = e / EVENTS_PER_PAGE;
        if (page == eventPages.length) {
            eventPages = Arrays.copyOf(eventPages, page + 1);
            eventPages[page] = new int[EVENTS_PER_PAGE * EVENT_INTS];
        }
        int[] events = eventPages[page];
        int o = (e % EVENTS_PER_PAGE) * EVENT_INTS;
        events[o] = (int) row.time().getEpochSecond();
        events[o + 1] = (int) row.line();
        events[o + 2] = (int) row.bytes();
        events[o + 3] = (row.retryCount() << 2) | row.event().ordinal();
        events[o + 4] = reply;
        events[o + 5] = (int) row.secondsInQueue();
        events[o + 6] = -1;
        if (head[chain] < 0) {
            head[chain] = e;
        } else {
            int t = tail[chain];
            eventPages[t / EVENTS_PER_PAGE][(t % EVENTS_PER_PAGE) * EVENT_INTS + 6] = e;
        }
        tail[chain] = e;
    }

    private int encode(LogRow row) {
        int n = 0;
        String id = row.messageIdHeader().isEmpty() ? row.internalMessageId() : row.messageIdHeader();
        n = ascii(id, n);
        scratch[n++] = '\n';
        String recipient = row.recipient().toLowerCase(Locale.ROOT);
        return ascii(recipient, n);
    }

    private int ascii(String s, int from) {
        int n = from;
        for (int i = 0; i < s.length() && n < scratch.length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] b = s.substring(i).getBytes(StandardCharsets.UTF_8);
                int k = Math.min(b.length, scratch.length - n);
                System.arraycopy(b, 0, scratch, n, k);
                return n + k;
            }
            scratch[n++] = (byte) c;
        }
        return n;
    }

    private int hash(int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + scratch[i];
        }
        return h;
    }

    private int find(int hash, int length) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; slots[i] >= 0; i = (i + 1) & mask) {
            int c = slots[i];
            int k = keyOffset[c];
            if (slotHashes[i] == hash && keyLength[c] == length
                    && Arrays.equals(keyPages[k / PAGE_BYTES], k % PAGE_BYTES, k % PAGE_BYTES + length, scratch, 0,
                            length)) {
                return c;
            }
        }
        return -1;
    }

    private int add(int hash, int length) {
        if (2 * (chains + 1) > slots.length) {
            grow();
        }
        int c = chains++;
        if (c == head.length) {
            int n = head.length * 2;
            keyOffset = Arrays.copyOf(keyOffset, n);
            keyLength = Arrays.copyOf(keyLength, n);
            head = Arrays.copyOf(head, n);
            tail = Arrays.copyOf(tail, n);
        }
        keyOffset[c] = store(length);
        keyLength[c] = length;
        head[c] = -1;
        insert(slots, slotHashes, c, hash);
        return c;
    }

    /** Copies the first {@code length} bytes of the scratch buffer to the pages; returns where. */
    private int store(int length) {
        if (keysUsed % PAGE_BYTES + length > PAGE_BYTES || keysUsed == keyPages.length * PAGE_BYTES) {
            // a stored value never spans two pages
            keysUsed = keyPages.length * PAGE_BYTES;
            keyPages = Arrays.copyOf(keyPages, keyPages.length + 1);
            keyPages[keyPages.length - 1] = new byte[PAGE_BYTES];
        }
        int at = keysUsed;
        System.arraycopy(scratch, 0, keyPages[at / PAGE_BYTES], at % PAGE_BYTES, length);
        keysUsed += length;
        return at;
    }

    private void grow() {
        int[] newSlots = new int[slots.length * 2];
        int[] newHashes = new int[slots.length * 2];
        Arrays.fill(newSlots, -1);
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] >= 0) {
                insert(newSlots, newHashes, slots[i], slotHashes[i]);
            }
        }
        slots = newSlots;
        slotHashes = newHashes;
    }

    private static void insert(int[] slots, int[] hashes, int chain, int hash) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] >= 0) {
            i = (i + 1) & mask;
        }
        slots[i] = chain;
        hashes[i] = hash;
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    int chains() {
        return chains;
    }
}
