package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;

/**
 * One message chain in compact form while a log is read and afterwards: events are packed into a {@code long[]}
 * (time, line, bytes, queue seconds/retry/event) and an {@code Object[]} (pooled texts, reply), so memory grows
 * with messages and their events, not with objects per row. {@link #toMessageChain()} builds the public record on
 * demand.
 */
final class ChainBuilder {

    private static final int LONGS = 4;
    private static final int REFS = 2;
    private static final MailEvent[] EVENTS = MailEvent.values();
    private static final Verdict[] VERDICTS = Verdict.values();

    final String messageIdHeader;
    final String internalMessageId;
    final String recipient;
    final String sender;
    final String userId;
    private long[] numbers = new long[0];
    private Object[] refs = new Object[0];
    private byte verdict;
    private int retries;
    private int statusEvent = -1;
    private Diagnosis diagnosis;
    private String addressProblem;

    ChainBuilder(LogRow first) {
        this.messageIdHeader = first.messageIdHeader();
        this.internalMessageId = first.internalMessageId();
        this.recipient = first.recipient();
        this.sender = first.sender();
        this.userId = first.userId();
    }

    void add(LogRow row, EventText text) {
        int n = size();
        numbers = java.util.Arrays.copyOf(numbers, (n + 1) * LONGS);
        refs = java.util.Arrays.copyOf(refs, (n + 1) * REFS);
        int o = n * LONGS;
        numbers[o] = row.time().toEpochMilli();
        numbers[o + 1] = row.line();
        numbers[o + 2] = row.bytes();
        long seconds = Math.min(Integer.MAX_VALUE, row.secondsInQueue());
        long retry = Math.min(0x3FFF_FFFF, row.retryCount());
        numbers[o + 3] = (seconds << 32) | (retry << 2) | row.event().ordinal();
        refs[n * REFS] = text;
        refs[n * REFS + 1] = row.deliveryStatus();
    }

    int size() {
        return numbers.length / LONGS;
    }

    long time(int i) {
        return numbers[i * LONGS];
    }

    long line(int i) {
        return numbers[i * LONGS + 1];
    }

    MailEvent event(int i) {
        return EVENTS[(int) (numbers[i * LONGS + 3] & 3)];
    }

    EventText text(int i) {
        return (EventText) refs[i * REFS];
    }

    String status(int i) {
        return (String) refs[i * REFS + 1];
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
        for (int k = 0; k < LONGS; k++) {
            long t = numbers[a * LONGS + k];
            numbers[a * LONGS + k] = numbers[b * LONGS + k];
            numbers[b * LONGS + k] = t;
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
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : recipient.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }

    MessageChain toMessageChain() {
        int n = size();
        List<ChainEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int o = i * LONGS;
            EventText t = text(i);
            long packed = numbers[o + 3];
            events.add(new ChainEvent(numbers[o + 1], Instant.ofEpochMilli(numbers[o]), event(i), t.remoteHost(),
                    numbers[o + 2], (int) ((packed >>> 2) & 0x3FFF_FFFF), packed >>> 32, t.deliveryStage(),
                    t.relayAddress(), t.relayHost(), status(i), t.tlsCipher(), t.tlsVerified()));
        }
        return new MessageChain(messageIdHeader, internalMessageId, recipient, sender, userId, events, verdict(),
                retries, statusEvent >= 0 ? status(statusEvent) : "", diagnosis(), Optional.ofNullable(addressProblem));
    }
}
