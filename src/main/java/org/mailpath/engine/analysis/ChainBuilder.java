package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;

/**
 * One message chain in compact form while a log is read and afterwards. The chain key (Message ID Header, a newline,
 * the lower-cased recipient), the Internal Message ID and every reply text seen for the first time are kept as UTF-8
 * in one {@code byte[]} per chain (no String objects per chain); events are packed into an {@code int[]} (seconds
 * since 2000, line, bytes, queue seconds, retry/event, reply offset and length) and an {@code Object[]} (pooled texts,
 * shared replies), so memory grows with messages and their events, not with objects per row.
 * {@link #toMessageChain()} builds the public record on demand.
 */
final class ChainBuilder {

    private static final int INTS = 7;
    /** Times are kept as seconds since 2000-01-01 in an int (1932–2068; sub-seconds dropped). */
    private static final long EPOCH_2000 = 946_684_800L;
    static final char KEY_SEPARATOR = '\n';
    private static final int REFS = 2;
    private static final MailEvent[] EVENTS = MailEvent.values();
    private static final Verdict[] VERDICTS = Verdict.values();
    private static final int[] NO_NUMBERS = new int[0];
    private static final Object[] NO_REFS = new Object[0];

    /** UTF-8: the chain key, then the Internal Message ID, then reply texts kept inline. */
    private byte[] data;
    private final int keyLength;
    private final int idLength;
    /** The recipient as written, only when it differs from the lower-cased one in the key (rare). */
    private final String recipientAsWritten;
    final String sender;
    final String userId;
    private int[] numbers = NO_NUMBERS;
    private Object[] refs = NO_REFS;
    private byte verdict;
    private int retries;
    private int statusEvent = -1;
    private Diagnosis diagnosis;
    private String addressProblem;

    /** {@code key} is {@link #keyOf}(first) and {@code keyBytes} its UTF-8 form. */
    ChainBuilder(String key, byte[] keyBytes, LogRow first) {
        String lower = key.substring(key.indexOf(KEY_SEPARATOR) + 1);
        this.recipientAsWritten = lower.equals(first.recipient()) ? null : first.recipient();
        byte[] id = first.internalMessageId().getBytes(StandardCharsets.UTF_8);
        this.keyLength = keyBytes.length;
        this.idLength = id.length;
        this.data = Arrays.copyOf(keyBytes, keyBytes.length + id.length);
        System.arraycopy(id, 0, data, keyBytes.length, id.length);
        this.sender = first.sender();
        this.userId = first.userId();
    }

    /** The chain key of a row. */
    static String keyOf(LogRow row) {
        String id = row.messageIdHeader().isEmpty() ? "#" + row.internalMessageId() : row.messageIdHeader();
        return id + KEY_SEPARATOR + row.recipient().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this chain's key is exactly these UTF-8 bytes. */
    boolean hasKey(byte[] keyBytes) {
        return keyLength == keyBytes.length && Arrays.equals(data, 0, keyLength, keyBytes, 0, keyBytes.length);
    }

    /** Hash of a key's UTF-8 bytes, as used by {@link ChainIndex}. */
    static int keyHash(byte[] keyBytes) {
        return Arrays.hashCode(keyBytes);
    }

    String key() {
        return new String(data, 0, keyLength, StandardCharsets.UTF_8);
    }

    String internalMessageId() {
        return new String(data, keyLength, idLength, StandardCharsets.UTF_8);
    }

    /**
     * Adds a row. {@code sharedStatus} is the row's reply when it has been seen before (one String shared by many
     * chains); otherwise null, and the reply is copied into this chain's bytes.
     */
    void add(LogRow row, EventText text, String sharedStatus) {
        int n = size();
        numbers = Arrays.copyOf(numbers, (n + 1) * INTS);
        refs = Arrays.copyOf(refs, (n + 1) * REFS);
        int o = n * INTS;
        numbers[o] = (int) Math.clamp(row.time().getEpochSecond() - EPOCH_2000, Integer.MIN_VALUE, Integer.MAX_VALUE);
        numbers[o + 1] = (int) Math.min(Integer.MAX_VALUE, row.line());
        numbers[o + 2] = (int) Math.min(Integer.MAX_VALUE, row.bytes());
        numbers[o + 3] = (int) Math.min(Integer.MAX_VALUE, row.secondsInQueue());
        numbers[o + 4] = (Math.min(0x1FFF_FFFF, row.retryCount()) << 2) | row.event().ordinal();
        refs[n * REFS] = text;
        if (sharedStatus != null) {
            numbers[o + 5] = -1;
            refs[n * REFS + 1] = sharedStatus;
        } else {
            byte[] status = row.deliveryStatus().getBytes(StandardCharsets.UTF_8);
            int at = data.length;
            data = Arrays.copyOf(data, at + status.length);
            System.arraycopy(status, 0, data, at, status.length);
            numbers[o + 5] = at;
            numbers[o + 6] = status.length;
        }
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

    MailEvent event(int i) {
        return EVENTS[numbers[i * INTS + 4] & 3];
    }

    String messageIdHeader() {
        String key = key();
        String id = key.substring(0, key.indexOf(KEY_SEPARATOR));
        return id.startsWith("#") && id.substring(1).equals(internalMessageId()) ? "" : id;
    }

    String recipient() {
        if (recipientAsWritten != null) {
            return recipientAsWritten;
        }
        String key = key();
        return key.substring(key.indexOf(KEY_SEPARATOR) + 1);
    }

    EventText text(int i) {
        return (EventText) refs[i * REFS];
    }

    String status(int i) {
        int o = i * INTS;
        return numbers[o + 5] < 0 ? (String) refs[i * REFS + 1]
                : new String(data, numbers[o + 5], numbers[o + 6], StandardCharsets.UTF_8);
    }

    boolean internalHandoff(int i) {
        return event(i) == MailEvent.DELIVERED && "None".equalsIgnoreCase(text(i).tlsCipher());
    }

    /** Orders events by time, then by file line (insertion sort: chains are short and nearly sorted). */
    void sortEvents() {
        int n = size();
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && compare(j - 1, j) > 0; j--) {
                swap(j - 1, j);
            }
        }
    }

    private int compare(int a, int b) {
        int c = Long.compare(time(a), time(b));
        return c != 0 ? c : Long.compare(line(a), line(b));
    }

    private void swap(int a, int b) {
        for (int k = 0; k < INTS; k++) {
            int t = numbers[a * INTS + k];
            numbers[a * INTS + k] = numbers[b * INTS + k];
            numbers[b * INTS + k] = t;
        }
        for (int k = 0; k < REFS; k++) {
            Object t = refs[a * REFS + k];
            refs[a * REFS + k] = refs[b * REFS + k];
            refs[b * REFS + k] = t;
        }
    }

    void conclude(Verdict v, int retryCount, int statusEventIndex, Diagnosis d, String addressProblemText) {
        this.verdict = (byte) v.ordinal();
        this.retries = retryCount;
        this.statusEvent = statusEventIndex;
        this.diagnosis = d;
        this.addressProblem = addressProblemText;
    }

    int toRetries() {
        return retries;
    }

    Verdict verdict() {
        return VERDICTS[verdict];
    }

    Optional<Diagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }

    String recipientDomain() {
        String key = key();
        int at = key.lastIndexOf('@');
        int nl = key.indexOf(KEY_SEPARATOR);
        return at < nl ? "" : key.substring(at + 1).strip();
    }

    MessageChain toMessageChain() {
        int n = size();
        List<ChainEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int o = i * INTS;
            EventText t = text(i);
            events.add(new ChainEvent(numbers[o + 1], Instant.ofEpochSecond(EPOCH_2000 + numbers[o]), event(i),
                    t.remoteHost(), numbers[o + 2], numbers[o + 4] >>> 2, numbers[o + 3], t.deliveryStage(),
                    t.relayAddress(), t.relayHost(), status(i), t.tlsCipher(), t.tlsVerified()));
        }
        return new MessageChain(messageIdHeader(), internalMessageId(), recipient(), sender, userId, events, verdict(),
                retries, statusEvent >= 0 ? status(statusEvent) : "", diagnosis(), Optional.ofNullable(addressProblem));
    }
}
