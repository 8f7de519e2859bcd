package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.status.Diagnosis;

/**
 * One message chain in compact form while a log is read and afterwards: a single {@code byte[]} per chain holds the
 * chain key ({@link ChainKeyBytes#encode}), the Internal Message ID (UTF-8) and the events ({@link PackedEvents}: a
 * few bytes per row, its texts and reply by id where they are shared, {@link RowOthers#of} one byte for most rows). So
 * memory grows with messages and their events, with no objects per row. {@link #events()} unpacks the events for
 * judging; {@link #toMessageChain()} builds the public record on demand.
 */
final class ChainBuilder {

    private static final Verdict[] VERDICTS = Verdict.values();
    /** Bits of {@link #verdict} above the verdict's ordinal. */
    private static final int VERDICT_MASK = 3;
    private static final int DELIVERED_AFTER_RETRY = 4;
    private static final int STALE = 8;
    private static final int STALE_RECEIVED = 16;
    /** The row the verdict was read from went to the org's Email Relay ({@link #noteStatusRelayHost}). */
    private static final int VIA_RELAY = 32;
    /** Salesforce retries a deferred message for 24 hours at most, then bounces it. */
    static final long RETRY_PERIOD_SECONDS = 24 * 60 * 60;
    /**
     * Up to this many bytes a chain's array grows by exactly each row's bytes, as most chains (a few events) are best
     * kept with no room to spare; past it by half its size, so a chain of many thousand events (a message deferred
     * row after row) is not copied whole once per row, which made reading it quadratic in its events.
     */
    static final int EXACT_UP_TO = 256;

    private final ChainTexts texts;
    /**
     * The encoded chain key, then the Internal Message ID, then the events: the first {@link #length} bytes. A chain
     * past {@link #EXACT_UP_TO} bytes has room after them while rows are added ({@link #add}), dropped when it is
     * judged ({@link #conclude}); a smaller one's array is exactly its bytes.
     */
    private byte[] data;
    /** How many bytes of {@link #data} the chain holds. */
    private int length;
    private final int keyLength;
    private int idLength;
    private int eventCount;
    /**
     * The recipient as written, only when it differs from the lower-cased one in the key (rare): the first row's, or
     * a later file's whose rows have more of the columns a chain keeps once, or, between parts with none more than
     * the other, its R row or else the smaller spelling ({@link #takeRecipientAsWrittenFrom}).
     */
    private String recipientAsWritten;
    /**
     * The first row's; a later file's where none of the files of the chain's rows has the column
     * ({@link #fillFirstRowFrom}). With the Internal Message ID, the chain's values: what {@link RowOthers#of} is
     * relative to.
     */
    private String sender;
    private String userId;
    /**
     * The verdict's ordinal, with {@link #DELIVERED_AFTER_RETRY}, {@link #STALE}, {@link #STALE_RECEIVED} and
     * {@link #VIA_RELAY} (no field of its own each).
     */
    private byte verdict;
    /** Whether the verdict and cause are up to date with the events (an appended part's events undo it). */
    private boolean judged;
    private int retries;
    private int statusEvent = -1;
    private Diagnosis diagnosis;
    private LocalText addressProblem;
    /** {@link #noteStatusRelayHost}: a shared text's own String for most chains. */
    private String statusRelayHost = "";

    /** {@code keyBytes} is {@link ChainKeyBytes#encode}(first). */
    ChainBuilder(byte[] keyBytes, LogRow first, ChainTexts texts) {
        this.texts = texts;
        String lower = first.recipient().toLowerCase(Locale.ROOT);
        this.recipientAsWritten = lower.equals(first.recipient()) ? null : first.recipient();
        byte[] id = first.internalMessageId().getBytes(StandardCharsets.UTF_8);
        this.keyLength = keyBytes.length;
        this.idLength = id.length;
        this.data = Arrays.copyOf(keyBytes, keyBytes.length + id.length);
        System.arraycopy(id, 0, data, keyBytes.length, id.length);
        this.length = data.length;
        this.sender = first.sender();
        this.userId = first.userId();
    }

    /** A copy of {@code other}, to try a join on without changing it ({@link #eventsJoinedWith}). */
    private ChainBuilder(ChainBuilder other) {
        this.texts = other.texts;
        this.data = Arrays.copyOf(other.data, other.length);
        this.length = other.length;
        this.keyLength = other.keyLength;
        this.idLength = other.idLength;
        this.eventCount = other.eventCount;
        this.recipientAsWritten = other.recipientAsWritten;
        this.sender = other.sender;
        this.userId = other.userId;
    }

    /**
     * The events this chain would have once {@code later}'s, of other files, were appended ({@link #appendEventsOf}),
     * unpacked: this chain's first, in their stored order, then {@code later}'s, with the values a file lacks filled in
     * and the columns kept once restated as the join would. Neither chain changes: it is tried on a copy, so rows of
     * the two can be compared ({@link ChainEvents#sameRow}) before they are joined ({@link UnsharedIdJoin}).
     */
    ChainEvents eventsJoinedWith(ChainBuilder later) {
        ChainBuilder trial = new ChainBuilder(this);
        trial.appendEventsOf(later, true);
        return trial.events();
    }

    ChainTexts texts() {
        return texts;
    }

    /** Whether this chain's key is exactly these bytes ({@link ChainKeyBytes#encode}). */
    boolean hasKey(byte[] keyBytes) {
        return keyLength == keyBytes.length && Arrays.equals(data, 0, keyLength, keyBytes, 0, keyBytes.length);
    }

    /** A copy of this chain's key bytes ({@link ChainKeyBytes#encode}). */
    byte[] keyBytes() {
        return Arrays.copyOf(data, keyLength);
    }

    /**
     * Appends the events of {@code later}, the same chain as read from a later part of the file, or from a later file
     * analysed together with this one's ({@code laterFile}; or the same message's chain keyed by its Internal Message
     * ID, {@link ChainPart#joinChainsKeyedByInternalId}); its events follow this chain's in file order, or are put in
     * order by the judge. Both encode texts with the same {@link ChainTexts}.
     */
    void appendEventsOf(ChainBuilder later, boolean laterFile) {
        if (laterFile && !sameFirstRowAs(later)) {
            fillFirstRowFrom(later);
            takeRecipientAsWrittenFrom(later);
        }
        if (!sameFirstRowAs(later)) {
            // later's others are relative to its own values: restate them relative to this chain's, so that a row and
            // its copy have the same others whichever part each was read in
            ChainEvents ev = later.events();
            RowOthers.restate(ev, later, this);
            PackedWriter out = new PackedWriter(length + later.length + 4 * later.eventCount);
            out.bytes(data, 0, length);
            PackedEvents.write(out, ev, ev.bytes(), null);
            store(out);
        } else {
            int from = later.keyLength + later.idLength;
            int at = length;
            data = Arrays.copyOf(data, at + later.length - from);
            System.arraycopy(later.data, from, data, at, later.length - from);
            length = data.length;
        }
        eventCount += later.eventCount;
        judged = false;
    }

    /**
     * Makes this chain's Internal Message ID, Sender and User ID those of {@code later}'s first row (a row of another
     * file: a later one, or any for {@link ChainPart#joinChainsKeyedByInternalId}) where every file this chain's rows
     * are in lacks the column and {@code later}'s has a value: a file without the column has it empty, not known. So
     * the chain says the sender whichever file was given first, and a row of a file with the column is compared with a
     * row of the file without it through this chain's values ({@link ChainEvents#sameRow}), as when the file with the
     * column is given first. This chain's events stay as they are: {@link RowOthers#of} compares a row on the columns
     * its file has, and none of them has these. Only between files, and only when this chain has an empty one of those
     * values and {@code later} has it: most chains stop at the first check.
     */
    private void fillFirstRowFrom(ChainBuilder later) {
        // a key of "#" and the Internal Message ID stands for a chain without Message ID Header: its id stays
        int candidates = (sender.isEmpty() && !later.sender.isEmpty() ? ChainTexts.bit(LogColumn.SENDER) : 0)
                | (userId.isEmpty() && !later.userId.isEmpty() ? ChainTexts.bit(LogColumn.USER_ID) : 0)
                | (idLength == 0 && later.idLength > 0 && data[0] != '#'
                        ? ChainTexts.bit(LogColumn.INTERNAL_MESSAGE_ID) : 0);
        if (candidates == 0) {
            return;
        }
        int gained = candidates & events().lackedByEveryFile();
        if ((gained & ChainTexts.bit(LogColumn.SENDER)) != 0) {
            sender = later.sender;
        }
        if ((gained & ChainTexts.bit(LogColumn.USER_ID)) != 0) {
            userId = later.userId;
        }
        if ((gained & ChainTexts.bit(LogColumn.INTERNAL_MESSAGE_ID)) != 0) {
            PackedWriter out = new PackedWriter(length + later.idLength);
            out.bytes(data, 0, keyLength);
            out.bytes(later.data, later.keyLength, later.idLength);
            out.bytes(data, keyLength + idLength, length - keyLength - idLength);
            idLength = later.idLength;
            store(out);
        }
    }

    /**
     * Makes this chain's recipient as written {@code later}'s (a chain of other files) where that spelling is the one
     * to keep ({@link RecipientSpelling#laterWins}), restating this chain's events relative to it. Only between files,
     * only when the two write the recipient otherwise: most chains stop at the first check.
     */
    private void takeRecipientAsWrittenFrom(ChainBuilder later) {
        if (writesRecipientAs(later) || !RecipientSpelling.laterWins(this, events(), later, later.events())) {
            return;
        }
        // unpacked from a copy that keeps the old spelling: a reply stored with its marker must read back as it was
        ChainBuilder before = new ChainBuilder(this);
        recipientAsWritten = later.recipientAsWritten;
        ChainEvents ev = before.events();
        RowOthers.restate(ev, before, this);
        rewrite(ev, null);
    }

    /** Whether {@code other} (the same chain key) has this one's Internal Message ID, Sender, User ID and recipient. */
    private boolean sameFirstRowAs(ChainBuilder other) {
        return sender.equals(other.sender) && userId.equals(other.userId)
                && writesRecipientAs(other)
                && Arrays.equals(data, keyLength, keyLength + idLength, other.data, other.keyLength,
                        other.keyLength + other.idLength);
    }

    /** The chain key, decoded ({@link ChainKeyBytes#decode}). */
    String key() {
        return ChainKeyBytes.decode(data, keyLength, texts);
    }

    String internalMessageId() {
        return new String(data, keyLength, idLength, StandardCharsets.UTF_8);
    }

    /**
     * Adds a row of the file with index {@code file} with the {@link ChainTexts} id of its event texts (-1: they are
     * copied into this chain's bytes), and its reply as {@link ReplyMarkers#toStore} gave it with that text's id (-1:
     * copied into this chain's bytes): packed as {@link PackedEvents#writeRow} says.
     */
    void add(LogRow row, int file, int textId, String reply, int replyId, PackedWriter scratch) {
        PackedWriter out = scratch;
        out.length = 0;
        PackedEvents.writeRow(out, row, file, textId, reply, replyId, this);
        int at = length;
        if (at + out.length > data.length) {
            data = Arrays.copyOf(data, grownSize(at, out.length));
        }
        System.arraycopy(out.buf, 0, data, at, out.length);
        length = at + out.length;
        eventCount++;
        judged = false;
    }

    /**
     * The size of the array for a chain of {@code used} bytes to take {@code more}: exactly that up to
     * {@link #EXACT_UP_TO}, past it with room for half as much again ({@link #data}).
     */
    static int grownSize(int used, int more) {
        int exact = used + more;
        return exact <= EXACT_UP_TO ? exact : Math.max(exact, used + (used >> 1));
    }

    /** Whether {@code id} is this chain's Internal Message ID (compared with its UTF-8 in place). */
    boolean internalMessageIdIs(String id) {
        if (id.length() > idLength) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                byte[] b = id.getBytes(StandardCharsets.UTF_8);
                return Arrays.equals(b, 0, b.length, data, keyLength, keyLength + idLength);
            }
            if (data[keyLength + i] != c) {
                return false;
            }
        }
        return id.length() == idLength;
    }

    int size() {
        return eventCount;
    }

    /** How many bytes the chain holds (key, Internal Message ID, events). */
    int storedBytes() {
        return length;
    }

    /** The size of the array they are kept in: more than {@link #storedBytes} only while a long chain grows. */
    int capacity() {
        return data.length;
    }

    /** The events, unpacked (in the stored order: by time and line once judged, {@link ChainEvents#sort}). */
    ChainEvents events() {
        int[] n = PackedEvents.unpack(data, keyLength + idLength, eventCount);
        return new ChainEvents(n, data, this);
    }

    /**
     * Sorts the stored events by time, then line (events of one second from several files in the order of a
     * message's life, {@link LifeOrder}); returns them unpacked in that order.
     */
    ChainEvents sortedEvents() {
        ChainEvents ev = events();
        if (!ev.sort()) {
            return ev;
        }
        rewrite(ev, null);
        return events();
    }

    /**
     * Leaves out the events of {@code ev} (this chain's, unpacked) marked in {@code drop}; returns the rest, unpacked.
     */
    ChainEvents without(ChainEvents ev, boolean[] drop) {
        rewrite(ev, drop);
        return events();
    }

    /**
     * Stores the events of {@code ev} (this chain's) in their order there, but those marked in {@code drop}; texts are
     * read from {@code ev}'s bytes, which may hold merged ones after this chain's ({@link ChainEvents#fillFrom}).
     */
    private void rewrite(ChainEvents ev, boolean[] drop) {
        PackedWriter out = new PackedWriter(length);
        out.bytes(data, 0, keyLength + idLength);
        eventCount = PackedEvents.write(out, ev, ev.bytes(), drop);
        store(out);
    }

    /** Makes {@code out}'s bytes this chain's, in an array of exactly their size. */
    private void store(PackedWriter out) {
        data = Arrays.copyOf(out.buf, out.length);
        length = out.length;
    }

    /**
     * Whether {@link #recipient()} is exactly {@code recipient}, the recipient of a row of this chain: the recipient
     * as written in the chain's first row, or else the key's lower-cased one (the same for every row of the chain).
     */
    boolean recipientReadsBackAs(String recipient) {
        return recipientAsWritten != null ? recipientAsWritten.equals(recipient)
                : recipient.toLowerCase(Locale.ROOT).equals(recipient);
    }

    /** Whether {@code other} writes the recipient as this chain does (as written alike, or both as in the key). */
    boolean writesRecipientAs(ChainBuilder other) {
        return Objects.equals(recipientAsWritten, other.recipientAsWritten);
    }

    /**
     * The Internal Message ID and the lower-cased recipient, as one string: what a chain keyed by its Message ID
     * Header and one keyed by "#" and its Internal Message ID have in common when they are the same message's
     * ({@link ChainPart#joinChainsKeyedByInternalId}); empty when the Internal Message ID is (nothing to go by).
     */
    String internalIdAndRecipient() {
        String id = internalMessageId();
        if (id.isEmpty()) {
            return "";
        }
        String key = key();
        return id + ChainKeyBytes.SEPARATOR + ChainKeyBytes.recipientOf(key);
    }

    /**
     * Whether this chain is keyed by "#" and its Internal Message ID: its rows have no Message ID Header, empty or
     * not known. Told by the key alone; where every file of its rows lacks the column
     * ({@link ChainEvents#everyFileLacks}), it is keyed so for want of the column, and may be the message of a chain
     * keyed by a Message ID Header ({@link ChainPart#joinChainsKeyedByInternalId}). A chain whose rows have the column
     * empty is keyed so too, and stays apart from the chains keyed by a Message ID Header, as in a single log.
     */
    boolean keyedByInternalId() {
        return idLength > 0 && data[0] == '#' && messageIdHeader().isEmpty();
    }

    /** The chain's Sender (its first row's, or a later file's, {@link #fillFirstRowFrom}); empty when not known. */
    String sender() {
        return sender;
    }

    /** The chain's User ID, as {@link #sender()}. */
    String userId() {
        return userId;
    }

    /**
     * Whether every row agrees with this chain's values (Internal Message ID, Sender, User ID, the recipient as
     * written) on the columns its file has, in a whole second ({@link RowOthers#of} 0): then the rows have one Internal
     * Message ID wherever their file has the column.
     */
    boolean everyRowHasTheChainsValues() {
        ChainEvents ev = events();
        for (int i = 0; i < ev.size(); i++) {
            if (ev.others(i) != 0) {
                return false;
            }
        }
        return true;
    }

    String messageIdHeader() {
        return ChainKeyBytes.messageIdHeader(key(), internalMessageId());
    }

    String recipient() {
        return recipient(key());
    }

    /** The recipient, with this chain's {@link #key()} when the caller has decoded it already. */
    private String recipient(String key) {
        return recipientAsWritten != null ? recipientAsWritten : ChainKeyBytes.recipientOf(key);
    }

    /**
     * {@code afterRetry}: a DELIVERED chain has a T before its delivering D. A chain is not {@link #stale} until
     * {@link #noteLogEnd} says so.
     */
    void conclude(Verdict v, int retryCount, boolean afterRetry, int statusEventIndex, Diagnosis d,
                  LocalText addressProblemText) {
        this.verdict = (byte) (v.ordinal() | (afterRetry ? DELIVERED_AFTER_RETRY : 0));
        this.retries = retryCount;
        this.statusEvent = statusEventIndex;
        this.diagnosis = d;
        this.addressProblem = addressProblemText;
        this.judged = true;
        // a judged chain seldom gets more rows (a later part's): the room a long one grew with is given back
        if (length != data.length) {
            data = Arrays.copyOf(data, length);
        }
    }

    /** Makes the chain be judged again, as if events had been added ({@link ChainPart#rejudgeIfNotInTimeOrder}). */
    void judgeAgain() {
        judged = false;
    }

    /** Whether {@link #conclude} was called since the last events were added. */
    boolean judged() {
        return judged;
    }

    Verdict verdict() {
        return VERDICTS[verdict & VERDICT_MASK];
    }

    /** A DELIVERED chain with a T before its delivering D (a T after it retried nothing that was delivered). */
    boolean deliveredAfterRetry() {
        return (verdict & DELIVERED_AFTER_RETRY) != 0;
    }

    /**
     * Whether this DEFERRED chain's last T is more than 24 hours before the log's last event: Salesforce has stopped
     * retrying it, so its outcome should be in the log and is not. Set by {@link #noteLogEnd}.
     */
    boolean stale() {
        return (verdict & STALE) != 0;
    }

    /**
     * Whether this RECEIVED_ONLY chain's last event is more than 24 hours before the log's last event: Salesforce
     * tries to deliver a message as it receives it and bounces it after 24 hours without delivery (a P "exceeded max
     * time without delivery"), so the delivery, deferral or bounce should be in the log and is not, as for a
     * {@link #stale} deferral. Set by {@link #noteLogEnd}.
     */
    boolean staleReceived() {
        return (verdict & STALE_RECEIVED) != 0;
    }

    /**
     * Marks a judged DEFERRED chain {@link #stale} if its last T (its status event) is more than
     * {@link #RETRY_PERIOD_SECONDS} before {@code logEnd}, the time of the log's last event; a judged RECEIVED_ONLY
     * chain {@link #staleReceived} if its last event (its R, or a hand-off between Salesforce's own servers after it)
     * is. Returns whether the chain is so marked against {@code logEnd} but would not be against {@code earlierEnd},
     * the latest time of the rows other than the log's last (when that last row lies far after them, only it makes
     * such a chain stale).
     */
    boolean noteLogEnd(Instant logEnd, Instant earlierEnd) {
        Verdict v = verdict();
        int event;
        int bit;
        if (v == Verdict.DEFERRED && statusEvent >= 0) {
            event = statusEvent;
            bit = STALE;
        } else if (v == Verdict.RECEIVED_ONLY && eventCount > 0) {
            event = eventCount - 1;
            bit = STALE_RECEIVED;
        } else {
            return false;
        }
        // unpacked only for deferred and received-only chains, which are few: a message Salesforce received is
        // handed on within the log unless the log ends soon after it
        long last = PackedEvents.EPOCH_2000 + events().time(event);
        boolean stale = logEnd.getEpochSecond() - last > RETRY_PERIOD_SECONDS;
        verdict = (byte) (stale ? verdict | bit : verdict & ~bit);
        return stale && earlierEnd.getEpochSecond() - last <= RETRY_PERIOD_SECONDS;
    }

    Optional<Diagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }

    /**
     * Notes, from the events it was just judged by, the Relay Host of the row this chain's verdict was read from (its
     * outcome, the T a bounce's cause was read from, or its last T), for the hint of an Email Relay not named
     * ({@link RelayHostHint}): empty where there is none (received only) or where that row went to {@code relay}
     * (already named), the chain then being {@link #viaRelay}. Noted while the events are at hand, so that counting
     * the chain need not unpack them again, nor anyone asking whether it went via the relay.
     */
    void noteStatusRelayHost(ChainEvents ev, RelayHosts relay) {
        verdict &= ~VIA_RELAY;
        if (statusEvent < 0) {
            statusRelayHost = "";
            return;
        }
        EventText row = ev.text(statusEvent);
        if (relay.took(row.relayHost(), row.relayAddress())) {
            verdict |= VIA_RELAY;
            statusRelayHost = "";
        } else {
            statusRelayHost = row.relayHost();
        }
    }

    /**
     * Whether the row this chain's verdict was read from (the one whose reply the judge read as the relay's) went to
     * the org's Email Relay, as {@link #noteStatusRelayHost} noted when the chain was last judged.
     */
    boolean viaRelay() {
        return (verdict & VIA_RELAY) != 0;
    }

    /** The Relay Host {@link #noteStatusRelayHost} noted when the chain was last judged. */
    String statusRelayHost() {
        return statusRelayHost;
    }

    /** The recipient's domain as the log writes it (lower case): {@link ChainTally} groups its spellings. */
    String recipientDomain() {
        return ChainKeyBytes.recipientDomain(data, keyLength, texts);
    }

    /** This chain's {@link ChainKey}: that of its {@link #toMessageChain()}, from the same values. */
    ChainKey chainKey() {
        String key = key();
        String internalId = internalMessageId();
        return ChainKey.of(ChainKeyBytes.messageIdHeader(key, internalId), internalId, recipient(key));
    }

    /** The public record; its events are unpacked only when asked for ({@link ChainEventList}). */
    MessageChain toMessageChain() {
        String key = key();
        String internalId = internalMessageId();
        ChainEvents ev = events();
        return new MessageChain(ChainKeyBytes.messageIdHeader(key, internalId), internalId, recipient(key), sender,
                userId, new ChainEventList(ev), verdict(), retries, statusEvent >= 0 ? ev.status(statusEvent) : "",
                diagnosis(), Optional.ofNullable(addressProblem), retriesBeforeDelivery(ev), stale(), staleReceived(),
                viaRelay());
    }

    /** {@link MessageChain#retriesBeforeDelivery}, on the packed events. */
    private int retriesBeforeDelivery(ChainEvents ev) {
        // only a chain the judge found delivered after a retry has any: the others (most) need no second look
        return deliveredAfterRetry()
                ? MessageChain.retriesBeforeDelivery(verdict(), ev.size(), ev::event, ev::internalHandoff) : 0;
    }
}
