package org.mailpath.engine.analysis;

import org.mailpath.engine.log.MailEvent;

/**
 * The events of one {@link ChainBuilder}, unpacked from its bytes for judging or for building the public record:
 * per event seconds since 2000, line, bytes, queue seconds, retry/event, event texts (the id of shared ones, or -1 -
 * their offset in the chain's bytes), reply reference (an offset into the chain's bytes, or -1 - id of a shared
 * reply), 1 if the reply has markers ({@link ChainBuilder#replyToStore}), the columns kept once per chain
 * ({@link ChainBuilder#othersOf}), and the index of the file the row is in (among logs analysed together). Short-lived.
 */
final class ChainEvents {

    static final int INTS = 10;
    private static final MailEvent[] EVENTS = MailEvent.values();

    final int[] numbers;
    private final byte[] data;
    private final ChainBuilder chain;

    ChainEvents(int[] numbers, byte[] data, ChainBuilder chain) {
        this.numbers = numbers;
        this.data = data;
        this.chain = chain;
    }

    int size() {
        return numbers.length / INTS;
    }

    long time(int i) {
        return numbers[i * INTS];
    }

    long line(int i) {
        return numbers[i * INTS + 1];
    }

    /** The index of the file event {@code i}'s row is in (0 for the first or only file). */
    int file(int i) {
        return numbers[i * INTS + 9];
    }

    int bytes(int i) {
        return numbers[i * INTS + 2];
    }

    int secondsInQueue(int i) {
        return numbers[i * INTS + 3];
    }

    int retryCount(int i) {
        return numbers[i * INTS + 4] >>> 2;
    }

    MailEvent event(int i) {
        return EVENTS[numbers[i * INTS + 4] & 3];
    }

    EventText text(int i) {
        int ref = numbers[i * INTS + 5];
        if (ref >= 0) {
            return (EventText) chain.texts().get(ref);
        }
        String[] v = new String[ChainBuilder.EVENT_TEXTS];
        int p = -1 - ref;
        for (int k = 0; k < v.length; k++) {
            v[k] = ChainBuilder.stringAt(data, p);
            p = ChainBuilder.skipStrings(data, p, 1);
        }
        return new EventText(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    String status(int i) {
        int ref = numbers[i * INTS + 6];
        String stored = ref < 0 ? (String) chain.texts().get(-1 - ref) : ChainBuilder.stringAt(data, ref);
        return numbers[i * INTS + 7] == 0 ? stored : chain.expandReply(stored);
    }

    /** 0, or a hash of the columns a chain keeps once when they differ from its first row's ({@link ChainBuilder#othersOf}). */
    int others(int i) {
        return numbers[i * INTS + 8];
    }

    /**
     * Whether events {@code i} and {@code j} come from rows with every column equal but the line (and file): the same numbers,
     * texts, reply and {@link #others}. Texts and replies kept once by the chain and shared ones are compared as text
     * (a text is shared only from its second sighting, so a row and its copy may hold it either way). Rows of two
     * files are compared on the columns both files have: a TLS column that one of them lacks (an older export) is
     * not known there, so it does not tell the rows apart ({@link #tlsFrom}).
     */
    boolean sameRow(int i, int j) {
        int a = i * INTS;
        int b = j * INTS;
        if (numbers[a] != numbers[b] || numbers[a + 2] != numbers[b + 2] || numbers[a + 3] != numbers[b + 3]
                || numbers[a + 4] != numbers[b + 4] || numbers[a + 8] != numbers[b + 8]) {
            return false;
        }
        boolean sameTexts = numbers[a + 5] >= 0 && numbers[a + 5] == numbers[b + 5] || text(i).equals(text(j))
                || file(i) != file(j) && sameOnColumnsBothHave(i, j);
        boolean sameReply = numbers[a + 6] < 0 && numbers[a + 6] == numbers[b + 6] && numbers[a + 7] == numbers[b + 7]
                || status(i).equals(status(j));
        return sameTexts && sameReply;
    }

    /**
     * Whether the texts of events {@code i} and {@code j}, of two files, are equal but for TLS columns one of the files
     * lacks. Reached only when the texts differ, so a single log never gets here: it costs nothing there.
     */
    private boolean sameOnColumnsBothHave(int i, int j) {
        ChainTexts shared = chain.texts();
        int lacking = shared.lackingTls(file(i)) | shared.lackingTls(file(j));
        if (lacking == 0) {
            return false;
        }
        EventText x = text(i);
        EventText y = text(j);
        return x.remoteHost().equals(y.remoteHost()) && x.deliveryStage().equals(y.deliveryStage())
                && x.relayAddress().equals(y.relayAddress()) && x.relayHost().equals(y.relayHost())
                && ((lacking & ChainTexts.NO_TLS_CIPHER) != 0 || x.tlsCipher().equals(y.tlsCipher()))
                && ((lacking & ChainTexts.NO_TLS_VERIFIED) != 0 || x.tlsVerified().equals(y.tlsVerified()));
    }

    /**
     * Makes event {@code kept}, the row that event {@code copy} repeats ({@link #sameRow}), hold the copy's texts
     * when the copy's file has TLS columns that the kept row's file lacks: a D row's TLS_Cipher {@code None} says it
     * was an internal hand-off, not the delivery, and the row must not lose that because an older export was given
     * first. The other texts are equal, so only the TLS values change. A copy within one file has the same columns:
     * a single log's copies stop at the file check.
     */
    void tlsFrom(int copy, int kept) {
        if (file(copy) == file(kept)) {
            return;
        }
        ChainTexts shared = chain.texts();
        if ((shared.lackingTls(file(kept)) & ~shared.lackingTls(file(copy))) != 0) {
            numbers[kept * INTS + 5] = numbers[copy * INTS + 5];
        }
    }

    boolean internalHandoff(int i) {
        return event(i) == MailEvent.DELIVERED && "None".equalsIgnoreCase(text(i).tlsCipher());
    }

    /**
     * Orders events by time, then by file (in the order the files were given), then by line (insertion sort: chains
     * are short and nearly sorted); true if moved.
     */
    boolean sort() {
        boolean moved = false;
        int n = size();
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && compare(j - 1, j) > 0; j--) {
                swap(j - 1, j);
                moved = true;
            }
        }
        return moved;
    }

    private int compare(int a, int b) {
        int c = Long.compare(time(a), time(b));
        if (c == 0) {
            c = Integer.compare(file(a), file(b));
        }
        return c != 0 ? c : Long.compare(line(a), line(b));
    }

    private void swap(int a, int b) {
        for (int k = 0; k < INTS; k++) {
            int t = numbers[a * INTS + k];
            numbers[a * INTS + k] = numbers[b * INTS + k];
            numbers[b * INTS + k] = t;
        }
    }
}
