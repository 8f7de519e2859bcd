package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.MailEvent;

/**
 * The events of one {@link ChainBuilder}, unpacked from its bytes for judging or for building the public record:
 * per event seconds since 2000, line, bytes, queue seconds, retry/event, event texts (the id of shared ones, or -1 -
 * their offset in the chain's bytes), reply reference (an offset into the chain's bytes, or -1 - id of a shared
 * reply), 1 if the reply has markers ({@link ReplyMarkers#toStore}), the columns kept once per chain
 * ({@link RowOthers#of}), and the index of the file the row is in (among logs analysed together). Short-lived.
 */
final class ChainEvents {

    static final int INTS = 10;
    /** The {@link ChainTexts#bit}s of the columns an {@link EventText} holds. */
    private static final int TEXTS = EventText.COLUMNS.stream().mapToInt(ChainTexts::bit).reduce(0, (a, b) -> a | b);
    /** The {@link ChainTexts#bit}s of the optional columns a chain keeps once ({@link #others}). */
    static final int OTHERS = ChainTexts.bit(LogColumn.INTERNAL_MESSAGE_ID)
            | ChainTexts.bit(LogColumn.SENDER) | ChainTexts.bit(LogColumn.USER_ID);
    private static final MailEvent[] EVENTS = MailEvent.values();
    private static final int TLS_CIPHER = ChainTexts.bit(LogColumn.TLS_CIPHER);

    final int[] numbers;
    /**
     * The chain's bytes the offsets in {@link #numbers} point into; grows only by {@link #keepTexts}, and may then be
     * longer than what it holds (read by offset only).
     */
    private byte[] data;
    /**
     * Where {@link #keepTexts} appends: made from the chain's bytes at the first merge, then doubled as needed, so a
     * chain with many merged copies copies its bytes a few times, not once per merge. Null until then: a single log
     * never merges, and neither do most chains of several.
     */
    private PackedWriter merged;
    private final ChainBuilder chain;
    /** Whether {@link #sort} compared two events of one second from two files. */
    private boolean filesShareASecond;
    /**
     * Whether {@link #sort} compared two events of one second from one file not in time order
     * ({@link ChainTexts#notInTimeOrder}), looked at only when some file is ({@link #checkTimeOrder}).
     */
    private boolean unorderedShareASecond;
    private boolean checkTimeOrder;

    ChainEvents(int[] numbers, byte[] data, ChainBuilder chain) {
        this.numbers = numbers;
        this.data = data;
        this.chain = chain;
    }

    int size() {
        return numbers.length / INTS;
    }

    /**
     * The bytes the texts and replies kept by the chain are read from: the chain's, with the texts {@link #fillFrom}
     * merged after them (stored for good when the chain writes these events back). Read by offset: the array may be
     * longer than what it holds.
     */
    byte[] bytes() {
        return data;
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
        String[] v = new String[PackedEvents.EVENT_TEXTS];
        int p = -1 - ref;
        for (int k = 0; k < v.length; k++) {
            v[k] = PackedReader.stringAt(data, p);
            p = PackedReader.skipStrings(data, p, 1);
        }
        return new EventText(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    String status(int i) {
        int ref = numbers[i * INTS + 6];
        String stored = ref < 0 ? (String) chain.texts().get(-1 - ref) : PackedReader.stringAt(data, ref);
        return numbers[i * INTS + 7] == 0 ? stored : ReplyMarkers.expand(stored, chain);
    }

    /**
     * 0, or a hash of the columns a chain keeps once when they differ from its values ({@link RowOthers#of}).
     */
    int others(int i) {
        return numbers[i * INTS + 8];
    }

    /**
     * Whether events {@code i} and {@code j} come from rows with every column equal but the line (and file): the same
     * numbers, texts, reply and {@link #others}; or, for rows of two files, equal on every column both files have
     * ({@link #sameOnColumnsBothHave}). Within one file the rows have the same columns, so it stops at the file check.
     */
    boolean sameRow(int i, int j) {
        return sameOnEveryColumn(i, j) || file(i) != file(j) && sameOnColumnsBothHave(i, j);
    }

    /**
     * Whether events {@code i} and {@code j} are equal in every column but the line and file. Texts and replies kept
     * once by the chain and shared ones are compared as text (a text is shared only from its second sighting, so a
     * row and its copy may hold it either way).
     */
    private boolean sameOnEveryColumn(int i, int j) {
        int a = i * INTS;
        int b = j * INTS;
        if (numbers[a] != numbers[b] || numbers[a + 2] != numbers[b + 2] || numbers[a + 3] != numbers[b + 3]
                || numbers[a + 4] != numbers[b + 4] || numbers[a + 8] != numbers[b + 8]) {
            return false;
        }
        boolean sameTexts = numbers[a + 5] >= 0 && numbers[a + 5] == numbers[b + 5] || text(i).equals(text(j));
        boolean sameReply = numbers[a + 6] < 0 && numbers[a + 6] == numbers[b + 6] && numbers[a + 7] == numbers[b + 7]
                || status(i).equals(status(j));
        return sameTexts && sameReply;
    }

    /**
     * Whether events {@code i} and {@code j}, of two files, are equal on the columns both files have: a column one of
     * them lacks (an older export without the TLS columns, a column removed in a spreadsheet) is empty or 0 there,
     * not known, so it does not tell the rows apart. Reached only when some column differs, and never for two rows of
     * one file: a single log does no more per row than before. The columns a chain keeps once (Internal Message ID,
     * Sender, User ID) are compared by {@link #othersOnColumnsBothHave}.
     */
    private boolean sameOnColumnsBothHave(int i, int j) {
        int lacking = lacking(i) | lacking(j);
        if (lacking == 0) {
            return false;
        }
        if (time(i) != time(j) || event(i) != event(j)
                || known(lacking, LogColumn.BYTES_TRANSFERRED) && bytes(i) != bytes(j)
                || known(lacking, LogColumn.SECONDS_IN_QUEUE) && secondsInQueue(i) != secondsInQueue(j)
                || known(lacking, LogColumn.RETRY_COUNT) && retryCount(i) != retryCount(j)) {
            return false;
        }
        List<String> x = text(i).values();
        List<String> y = text(j).values();
        for (int k = 0; k < x.size(); k++) {
            if (known(lacking, EventText.COLUMNS.get(k)) && !x.get(k).equals(y.get(k))) {
                return false;
            }
        }
        return (!known(lacking, LogColumn.DELIVERY_STATUS) || status(i).equals(status(j)))
                && othersOnColumnsBothHave(i, j, lacking & OTHERS);
    }

    /**
     * A hash of event {@code i}'s columns but those {@code lacking} ({@link ChainTexts#bit}s: pass every column any
     * of the files compared lacks): two events {@link #sameRow} of files that lack none of the others have the same
     * key, so rows of one second can be put in buckets by it and only a bucket's rows compared. The columns a chain
     * keeps once ({@link #others}) are left out, being compared by hash without the blank ones. Texts and replies are
     * hashed as text, as they are compared.
     */
    int copyKey(int i, int lacking) {
        int h = (int) time(i) * 31 + (numbers[i * INTS + 4] & 3);
        if (known(lacking, LogColumn.BYTES_TRANSFERRED)) {
            h = h * 31 + bytes(i);
        }
        if (known(lacking, LogColumn.SECONDS_IN_QUEUE)) {
            h = h * 31 + secondsInQueue(i);
        }
        if (known(lacking, LogColumn.RETRY_COUNT)) {
            h = h * 31 + retryCount(i);
        }
        List<String> x = text(i).values();
        for (int k = 0; k < x.size(); k++) {
            if (known(lacking, EventText.COLUMNS.get(k))) {
                h = h * 31 + x.get(k).hashCode();
            }
        }
        if (known(lacking, LogColumn.DELIVERY_STATUS)) {
            h = h * 31 + status(i).hashCode();
        }
        return h;
    }

    /** The columns ({@link ChainTexts#bit}s) the file of event {@code i} lacks: 0 for a file with all of them. */
    int lacking(int i) {
        return chain.texts().lacking(file(i));
    }

    /**
     * The columns ({@link ChainTexts#bit}s) that every file of these events' rows lacks: only there is an empty value
     * not known. Where one of them has the column, its empty value is, and a value from another file would make that
     * file's rows no longer agree with the chain's values ({@link RowOthers#of}).
     */
    int lackedByEveryFile() {
        int lacked = -1;
        for (int i = 0; i < size() && lacked != 0; i++) {
            lacked &= lacking(i);
        }
        return lacked;
    }

    /**
     * Whether every file of these events' rows (a chain's, unpacked) lacks {@code column}. A chain keyed by a Message
     * ID Header without an Internal Message ID whose files all lack that column may be the message of a chain keyed
     * by its Internal Message ID for want of the other column, with which it shares no ID ({@link UnsharedIdJoin}).
     */
    boolean everyFileLacks(LogColumn column) {
        return (lackedByEveryFile() & ChainTexts.bit(column)) != 0;
    }

    /** Whether {@code column} is not among the {@code lacking} ones ({@link ChainTexts#bit}s). */
    private static boolean known(int lacking, LogColumn column) {
        return (lacking & ChainTexts.bit(column)) == 0;
    }

    /**
     * Whether the columns kept once per chain ({@link #others}) of events {@code i} and {@code j}, of two files, are
     * equal but for the {@code blank} ones, which one of the files lacks. An event with {@link #others} 0 has the
     * chain's values on the columns its file has and the others empty (all of them blank), so its hash without the
     * blank ones can be made from the chain's values; an event of a file that lacks the blank
     * columns itself has them empty in its hash already. Otherwise the row's own values of those columns are not
     * kept (only their hash), and the rows are not called copies: counted twice, as before, rather than one row lost.
     */
    private boolean othersOnColumnsBothHave(int i, int j, int blank) {
        if (blank == 0) {
            return others(i) == others(j);
        }
        long x = othersWithout(i, blank);
        return x >= 0 && x == othersWithout(j, blank);
    }

    /** {@link #others} of event {@code e} with the {@code blank} columns empty (unsigned), or -1 if not known. */
    private long othersWithout(int e, int blank) {
        if (others(e) == 0) {
            return Integer.toUnsignedLong(RowOthers.ofFirstRowWithout(chain, blank));
        }
        if ((lacking(e) & blank) == blank) {
            return Integer.toUnsignedLong(others(e));
        }
        return -1;
    }

    /**
     * Makes event {@code kept}, the row that event {@code copy} repeats ({@link #sameRow}), hold the copy's values of
     * the columns the kept row's file lacks and the copy's has: a D row's TLS_Cipher {@code None} says it was an
     * internal hand-off, not the delivery, and a Retry Count counts retries; the row must not lose them because a
     * file without those columns was given first. The columns kept once per chain ({@link #others}) are left: only
     * their hash is kept per row. A copy within one file has the same columns: a single log's copies stop at the file
     * check.
     */
    void fillFrom(int copy, int kept) {
        if (file(copy) == file(kept)) {
            return;
        }
        int keptLacks = lacking(kept);
        int copyLacks = lacking(copy);
        int gained = keptLacks & ~copyLacks;
        if (gained == 0) {
            return;
        }
        int k = kept * INTS;
        int c = copy * INTS;
        if (!known(gained, LogColumn.BYTES_TRANSFERRED)) {
            numbers[k + 2] = numbers[c + 2];
        }
        if (!known(gained, LogColumn.SECONDS_IN_QUEUE)) {
            numbers[k + 3] = numbers[c + 3];
        }
        if (!known(gained, LogColumn.RETRY_COUNT)) {
            // the same event letter in both (compared), the copy's retry count
            numbers[k + 4] = numbers[c + 4];
        }
        if (!known(gained, LogColumn.DELIVERY_STATUS)) {
            numbers[k + 6] = numbers[c + 6];
            numbers[k + 7] = numbers[c + 7];
        }
        if ((gained & TEXTS) != 0) {
            fillTexts(copy, kept, gained, copyLacks);
        }
    }

    /**
     * The text part of {@link #fillFrom}: the copy's texts when its file has every text column (the usual case: one
     * file is an older export), else the kept row's with the {@code gained} columns (those the kept row's file lacks
     * and the copy's has) taken from the copy, kept by the chain itself ({@link #keepTexts}). A row may have a copy in
     * each of several later files: a column the copy's file lacks keeps what an earlier copy filled, and is never
     * overwritten by the copy's empty value. Not added to the shared texts: chains are judged on several threads, and
     * whether a value got an id there would then depend on which thread came first, and on a full table the merge
     * would be lost.
     */
    private void fillTexts(int copy, int kept, int gained, int copyLacks) {
        if ((copyLacks & TEXTS) == 0) {
            // every text known there, and equal to the kept row's where the kept row's file has the column (compared)
            numbers[kept * INTS + 5] = numbers[copy * INTS + 5];
            return;
        }
        EventText x = text(kept);
        EventText y = text(copy);
        List<String> keptValues = x.values();
        List<String> copyValues = y.values();
        List<String> values = new ArrayList<>(keptValues.size());
        for (int k = 0; k < keptValues.size(); k++) {
            values.add(pick(gained, EventText.COLUMNS.get(k), keptValues.get(k), copyValues.get(k)));
        }
        EventText merged = EventText.of(values);
        if (merged.equals(y)) {
            // e.g. both files lack the same other column, empty in both: the copy's texts as they are stored
            numbers[kept * INTS + 5] = numbers[copy * INTS + 5];
        } else if (!merged.equals(x)) {
            keepTexts(kept, merged);
        }
    }

    /**
     * Makes event {@code e} hold {@code t} as texts of its own: appended to {@link #bytes} as a row's texts are kept
     * in the chain's bytes when they are not shared ({@link ChainBuilder#add}), referred to by their offset.
     */
    private void keepTexts(int e, EventText t) {
        int at = mergedFrom(2 * t.chars() + PackedEvents.EVENT_TEXTS * 5);
        for (String v : t.values()) {
            merged.string(v);
        }
        data = merged.buf;
        numbers[e * INTS + 5] = -1 - at;
    }

    /**
     * Makes event {@code e}'s reply, if it is stored with markers ({@link ReplyMarkers#toStore}), a reply of its
     * own as it was in the log: the markers read back as the chain's recipient as written and Message ID Header, and
     * the events are about to be stored by a chain that writes the recipient otherwise.
     */
    void keepReplyAsWritten(int e) {
        if (numbers[e * INTS + 7] == 0) {
            return;
        }
        String reply = status(e);
        int at = mergedFrom(2 * reply.length() + 5);
        merged.string(reply);
        data = merged.buf;
        numbers[e * INTS + 6] = at;
        numbers[e * INTS + 7] = 0;
    }

    /** Where {@link #merged} appends next, made from the chain's bytes with room for {@code more} at the first use. */
    private int mergedFrom(int more) {
        if (merged == null) {
            merged = new PackedWriter(data.length + more);
            merged.bytes(data, 0, data.length);
        }
        return merged.length;
    }

    /** The copy's value of {@code column} where it is among the {@code gained} ones, else the kept row's. */
    private static String pick(int gained, LogColumn column, String kept, String copy) {
        return known(gained, column) ? kept : copy;
    }

    /**
     * Whether event {@code i} is a hand-off between Salesforce's own mail servers ({@link InternalHandoff}): a D with
     * TLS_Cipher {@code None}, or, in a file without that column, a D to a Relay Address that is not public. The
     * file's flag is asked before the address is: a log with the column (the usual, and the large ones) parses none.
     */
    boolean internalHandoff(int i) {
        if (event(i) != MailEvent.DELIVERED) {
            return false;
        }
        EventText t = text(i);
        return InternalHandoff.of(t.tlsCipher(), t.relayAddress(), lacksTlsColumn(file(i)));
    }

    /** Whether event {@code i} ended the delivery: a P, or a D that is not a hand-off ({@link #internalHandoff}). */
    boolean isOutcome(int i) {
        MailEvent e = event(i);
        return e == MailEvent.PERMANENT_FAILURE || e == MailEvent.DELIVERED && !internalHandoff(i);
    }

    /** Whether the file with index {@code file} has no TLS_Cipher column (noted before its chains are judged). */
    boolean lacksTlsColumn(int file) {
        return (chain.texts().lacking(file) & TLS_CIPHER) != 0;
    }

    /**
     * Orders events by time, then by file (in the order the files were given), then by line (insertion sort: chains
     * are short and nearly sorted); then a second with events of several files, or several of a file not in time
     * order ({@link ChainTexts#notInTimeOrder}: its line order says nothing of a second's), in the order of a
     * message's life ({@link LifeOrder}), each file in time order keeping its line order. Where files dated to the
     * minute were given beside files with seconds, a row to the minute equal to a row with seconds of another file
     * but for them first takes that row's time ({@link #takeSecondsOfCopies}), so it is found as its copy. True if
     * moved (or possibly moved: a chain stored in life order is sorted by file first and put back).
     */
    boolean sort() {
        boolean moved = insertionSort();
        if (chain.texts().minutesBesideSeconds() && takeSecondsOfCopies()) {
            insertionSort();
            moved = true;
        }
        // every pair of neighbours in the sorted order was compared: a single log in time order never sets them, and
        // pays nothing more
        return filesShareASecond || unorderedShareASecond ? LifeOrder.apply(this) || moved : moved;
    }

    private boolean insertionSort() {
        boolean moved = false;
        filesShareASecond = false;
        unorderedShareASecond = false;
        checkTimeOrder = chain.texts().someNotInTimeOrder();
        int n = size();
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && compare(j - 1, j) > 0; j--) {
                swap(j - 1, j);
                moved = true;
            }
        }
        return moved;
    }

    /**
     * Gives each event of a file dated to the minute ({@link ChainTexts#toTheMinute}: a spreadsheet re-saved it with
     * a date format without seconds) the time of an event of a file with seconds in the same minute that equals it
     * in every other column ({@link #sameRow}): the same row, its seconds dropped, then found as its copy by
     * {@link RowCopies}, which keeps the row with seconds. Of several such events the first (by time, file and line)
     * that no other event of the same file took is taken, else the first: a file repeats a row only as an exact copy.
     * Never two events of one file. Events sorted by time; true if any time changed.
     */
    private boolean takeSecondsOfCopies() {
        int n = size();
        boolean changed = false;
        // per event with seconds, 1 + the file of the last event to the minute that took its time
        int[] takenBy = null;
        for (int j = 0; j < n; j++) {
            long t = time(j);
            if (t % 60 != 0 || !chain.texts().toTheMinute(file(j))) {
                continue;
            }
            int first = -1;
            int free = -1;
            for (int i = j + 1, looked = 0; i < n && time(i) < t + 60 && looked < RowCopies.LOOK_BACK; i++) {
                if (time(i) == t || file(i) == file(j) || chain.texts().toTheMinute(file(i))) {
                    continue;
                }
                looked++;
                if (sameRowAt(i, j)) {
                    first = first < 0 ? i : first;
                    if (takenBy == null || takenBy[i] != file(j) + 1) {
                        free = i;
                        break;
                    }
                }
            }
            int pick = free >= 0 ? free : first;
            if (pick >= 0) {
                if (takenBy == null) {
                    takenBy = new int[n];
                }
                takenBy[pick] = file(j) + 1;
                numbers[j * INTS] = numbers[pick * INTS];
                changed = true;
            }
        }
        return changed;
    }

    /** Whether event {@code j} would be {@link #sameRow} as event {@code i} if it had {@code i}'s time. */
    private boolean sameRowAt(int i, int j) {
        int own = numbers[j * INTS];
        numbers[j * INTS] = numbers[i * INTS];
        boolean same = sameRow(i, j);
        numbers[j * INTS] = own;
        return same;
    }

    /**
     * Whether, of two events {@link #sameRow}, event {@code b} is the row to keep rather than event {@code a}: the
     * row with seconds over one to the minute ({@link #takeSecondsOfCopies}), else the row of the file given first.
     */
    boolean keptRather(int b, int a) {
        if (file(a) == file(b)) {
            return false;
        }
        if (chain.texts().minutesBesideSeconds()) {
            boolean aMinute = chain.texts().toTheMinute(file(a));
            if (aMinute != chain.texts().toTheMinute(file(b))) {
                return aMinute;
            }
        }
        return file(b) < file(a);
    }

    /**
     * Whether event {@code copy}, left out as a copy of event {@code kept}, differed from it in the seconds: its file
     * is dated to the minute, the kept row's has seconds ({@link #takeSecondsOfCopies}).
     */
    boolean secondsDropped(int copy, int kept) {
        return chain.texts().minutesBesideSeconds() && time(kept) % 60 != 0
                && chain.texts().toTheMinute(file(copy)) && !chain.texts().toTheMinute(file(kept));
    }

    /** Whether the file with index {@code file} has a row dated earlier than the row before it. */
    boolean notInTimeOrder(int file) {
        return chain.texts().notInTimeOrder(file);
    }

    private int compare(int a, int b) {
        int c = Long.compare(time(a), time(b));
        if (c == 0) {
            c = Integer.compare(file(a), file(b));
            filesShareASecond |= c != 0;
            if (c == 0 && checkTimeOrder && !unorderedShareASecond) {
                unorderedShareASecond = chain.texts().notInTimeOrder(file(a));
            }
        }
        return c != 0 ? c : Long.compare(line(a), line(b));
    }

    void swap(int a, int b) {
        for (int k = 0; k < INTS; k++) {
            int t = numbers[a * INTS + k];
            numbers[a * INTS + k] = numbers[b * INTS + k];
            numbers[b * INTS + k] = t;
        }
    }
}
