package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.LogRow;
import org.mailpath.engine.log.PlausibleDates;

/**
 * The chains built from one part of a log (the whole log, or one of the parts read in parallel), in the order of
 * their first row, with the time span of the part's rows. Fed by one thread; parts are then joined in file order
 * with {@link #join}, and the logs analysed together in the order they were given; last, where a log lacks the
 * Message ID Header column, its chains meet the same messages' of the others ({@link #joinChainsKeyedByInternalId}).
 */
final class ChainPart implements Consumer<LogRow> {

    private final ChainTextCache texts;
    /** The index of the file this part's rows are in, among the logs analysed together. */
    private final int file;
    private final ChainIndex byKey = new ChainIndex();
    private final List<ChainBuilder> order = new ArrayList<>();
    private Instant first;
    private Instant last;
    /**
     * Where the row of {@link #last} is (its line, and its file among logs analysed together), and the latest time of
     * the other rows: a last row far after them ({@link #endApart}) is named when it alone makes messages stale.
     */
    private long lastLine;
    private int lastFile;
    private Instant beforeLast;
    /** The latest plausible time ({@link PlausibleDates}): what a message's retries are judged against. */
    private Instant lastPlausible;
    private final Instant plausibleEnd = PlausibleDates.end(Instant.now());
    /** Copies of rows left out of this part's chains while they were judged ahead (and of later parts joined). */
    private final RowCopies copiesJudgedAhead = new RowCopies();
    private final RelaySightings relaySightings;
    /**
     * The epoch second of the part's previous row, for one comparison per row: a row dated earlier than the one before
     * it marks the file not in time order ({@link ChainTexts#noteNotInTimeOrder}); and whether each was noted yet,
     * and whether a row with seconds was ({@link ChainTexts#noteSeconds}), so each is noted once.
     */
    private long previousSecond = Long.MIN_VALUE;
    private boolean notInTimeOrder;
    private boolean seconds;
    /** The epoch second of the part's first row (in line order), for the seam with the part before it. */
    private long firstRowSecond = Long.MIN_VALUE;
    /** Whether a chain was judged ahead while the file was not yet known to be out of time order. */
    private boolean judgedInLineOrder;

    /**
     * A part of the file with index {@code file}, its rows' texts looked up through {@code texts}: a cache no other
     * part uses while this one is read ({@link ChainTextCaches}). Notes which of {@code relay}'s hosts its rows went
     * to ({@link RelayHosts#none()} when no relay is named).
     */
    ChainPart(ChainTextCache texts, int file, RelayHosts relay) {
        this.texts = texts;
        this.file = file;
        this.relaySightings = new RelaySightings(relay);
    }

    /** Which of the named relay's hosts and addresses the rows of this part (and the parts joined to it) went to. */
    RelaySightings relaySightings() {
        return relaySightings;
    }

    @Override
    public void accept(LogRow row) {
        byte[] keyBytes = ChainKeyBytes.encode(row, texts);
        int hash = ChainKeyBytes.hash(keyBytes);
        ChainBuilder chain = byKey.find(keyBytes, hash);
        if (chain == null) {
            chain = new ChainBuilder(keyBytes, row, texts.texts());
            byKey.add(chain, hash);
            order.add(chain);
        }
        String reply = ReplyMarkers.toStore(row, chain);
        chain.add(row, file, texts.eventTextId(row, relaySightings), reply, texts.sharedReplyId(reply), texts.scratch());
        noteLate(row.time(), row.line(), file);
        noteEarly(row.time());
        noteTimeOrder(row.time().getEpochSecond());
    }

    private void noteTimeOrder(long second) {
        if (second < previousSecond && !notInTimeOrder) {
            notInTimeOrder = true;
            texts.texts().noteNotInTimeOrder(file);
        }
        if (second % 60 != 0 && !seconds) {
            seconds = true;
            texts.texts().noteSeconds(file);
        }
        if (firstRowSecond == Long.MIN_VALUE) {
            firstRowSecond = second;
        }
        previousSecond = second;
    }

    /**
     * Notes the seam between this part and {@code later}, the next part of the same file, once both are read: a later
     * part starting before this one's last row marks the file not in time order too. It judges nothing: once every
     * seam of the file is noted, {@link #rejudgeIfNotInTimeOrder} does.
     */
    void noteSeam(ChainPart later) {
        if (later.firstRowSecond != Long.MIN_VALUE && later.firstRowSecond < previousSecond) {
            texts.texts().noteNotInTimeOrder(file);
        }
    }

    /**
     * Makes the chains judged ahead in line order be judged again if the file turned out not in time order (in life
     * order; their copies were left out already, so none counts twice): what a file is judged by does not depend on
     * how far another part had been read. Only then: a file in time order keeps its chains judged.
     */
    void rejudgeIfNotInTimeOrder() {
        if (judgedInLineOrder && texts.texts().notInTimeOrder(file)) {
            order.forEach(ChainBuilder::judgeAgain);
        }
    }

    /**
     * Judges this part's chains in order, before the parts are joined, until {@code stop} says true (checked every
     * few hundred chains). A chain that a later part then adds events to is no longer {@link ChainBuilder#judged}
     * and is judged again.
     */
    void judgeAhead(ChainJudge judge, BooleanSupplier stop) {
        judgedInLineOrder = !texts.texts().notInTimeOrder(file);
        try {
            for (int i = 0; i < order.size(); i++) {
                if ((i & 255) == 0 && stop.getAsBoolean()) {
                    return;
                }
                judge.judge(order.get(i));
            }
        } finally {
            copiesJudgedAhead.addAll(judge.copies());
        }
    }

    /** The copies of rows left out while this part's chains (and those of the parts joined to it) were judged ahead. */
    RowCopies copiesJudgedAhead() {
        return copiesJudgedAhead;
    }

    /**
     * Notes a row's {@code time} for the last (the end of the span of the rows' times, kept here alone), the one
     * before it and the last plausible one.
     */
    private void noteLate(Instant time, long line, int inFile) {
        if (last == null || time.isAfter(last)) {
            beforeLast = last;
            last = time;
            lastLine = line;
            lastFile = inFile;
        } else if (beforeLast == null || time.isAfter(beforeLast)) {
            beforeLast = time;
        }
        if ((lastPlausible == null || time.isAfter(lastPlausible)) && PlausibleDates.within(time, plausibleEnd)) {
            lastPlausible = time;
        }
    }

    /** Makes the span of the rows' times start no later than {@code time} (its end is {@link #noteLate}'s). */
    private void noteEarly(Instant time) {
        if (first == null || time.isBefore(first)) {
            first = time;
        }
    }

    /**
     * Adds the chains of {@code later} (the next part of the same file, or all of the next file analysed together
     * with this one's, with the same {@link ChainTexts}): a chain whose key is already here gets its events appended
     * (they come later in the file, or in a later file), the others follow in their order. The result is what
     * reading both parts as one would have built. {@code moreFollow}: another part will be joined after this one (the
     * chains of this one are then indexed too; for the last part they need not be).
     */
    void join(ChainPart later, boolean moreFollow) {
        for (ChainBuilder c : later.order) {
            byte[] key = c.keyBytes();
            int hash = ChainKeyBytes.hash(key);
            ChainBuilder same = byKey.find(key, hash);
            if (same == null) {
                if (moreFollow) {
                    byKey.add(c, hash);
                }
                order.add(c);
            } else {
                same.appendEventsOf(c, later.file != file);
            }
        }
        if (later.last != null) {
            noteLate(later.last, later.lastLine, later.lastFile);
            if (later.beforeLast != null) {
                noteLate(later.beforeLast, 0, later.file);
            }
            if (later.lastPlausible != null && (lastPlausible == null || later.lastPlausible.isAfter(lastPlausible))) {
                lastPlausible = later.lastPlausible;
            }
        }
        // first and last are set together (a part with a row has both), and first is no later than last
        later.first().ifPresent(this::noteEarly);
        copiesJudgedAhead.addAll(later.copiesJudgedAhead);
        relaySightings.addAll(later.relaySightings);
        later.order.clear();
        later.byKey.clear();
    }

    /**
     * Joins each chain whose rows are all in files without the Message ID Header column (keyed by "#" and the Internal
     * Message ID, {@link ChainKeyBytes#encode}) to the chain of the same Internal Message ID and recipient keyed by a
     * Message ID Header, where exactly one chain has them and all its rows have that one Internal Message ID: the
     * same message as read from a file with the column. So a row in both files counts once, and so does the message,
     * whichever file was given first. A message whose rows carry several Internal Message IDs (one per internal
     * hand-off) is left apart: the chain keeps only its first row's, which depends on the order of the files. The
     * joined chain takes the place of the earlier of the two. Once all files are joined (no more parts may be joined
     * then), and only when one of them lacks the column: a single log keeps its chains as they are. {@code
     * sharingNoIdFollows}: a file lacks the Internal Message ID column too, so {@link #joinChainsSharingNoId} follows
     * and is handed what these scans found for it; else {@link UnsharedIdCandidates#NONE} is returned.
     */
    UnsharedIdCandidates joinChainsKeyedByInternalId(boolean sharingNoIdFollows, Cancellation cancellation) {
        Map<String, ChainBuilder> keyedByInternalId = new HashMap<>();
        List<UnsharedIdJoin.Side> unkeyed = new ArrayList<>();
        Set<String> recipients = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            checkCancelled(i, cancellation);
            ChainBuilder c = order.get(i);
            if (!c.keyedByInternalId()) {
                continue;
            }
            // unpacked here once: for the files' columns, and for the join sharing no ID
            ChainEvents ev = c.events();
            if (ev.everyFileLacks(LogColumn.MESSAGE_ID_HEADER)) {
                keyedByInternalId.put(c.internalIdAndRecipient(), c);
                if (sharingNoIdFollows) {
                    UnsharedIdJoin.Side s = new UnsharedIdJoin.Side(c, ev, false);
                    unkeyed.add(s);
                    recipients.add(s.recipient);
                }
            }
        }
        keyedByInternalId.remove("");
        Found found = chainsWithHeaderFor(keyedByInternalId, recipients, cancellation);
        Map<ChainBuilder, ChainBuilder> joinedTo = new IdentityHashMap<>();
        found.withHeader().forEach((key, same) -> {
            ChainBuilder c = keyedByInternalId.get(key);
            same.appendEventsOf(c, true);
            joinedTo.put(c, same);
        });
        byKey.clear();
        replaceJoined(joinedTo);
        if (!sharingNoIdFollows) {
            return UnsharedIdCandidates.NONE;
        }
        // the join keeps the order of the chains it left apart
        unkeyed.removeIf(s -> joinedTo.containsKey(s.chain));
        return new UnsharedIdCandidates(unkeyed, found.idKnownElsewhere(), found.withoutInternalId());
    }

    /**
     * Joins each chain keyed by its Internal Message ID for want of the Message ID Header column that is still apart
     * after {@link #joinChainsKeyedByInternalId} to its one match keyed by a Message ID Header for want of the Internal
     * Message ID column ({@link UnsharedIdJoin}: no ID is in common, so only where the match is unique both ways); the
     * joined chain takes the place of the earlier of the two. Returns what was joined and what was left apart for
     * matching more than one, to be told per file. Once all files are joined, right after {@link
     * #joinChainsKeyedByInternalId}, with the {@code candidates} it returned, and only when one file lacks each column:
     * a single log keeps its chains as they are.
     */
    UnsharedIdJoin.Outcome joinChainsSharingNoId(UnsharedIdCandidates candidates, Cancellation cancellation) {
        UnsharedIdJoin.Outcome outcome = UnsharedIdJoin.find(candidates, cancellation);
        // each match is the match of this one chain only: the order of the appends does not matter
        outcome.joinedTo().forEach((apart, match) -> match.appendEventsOf(apart, true));
        byKey.clear();
        replaceJoined(outcome.joinedTo());
        return outcome;
    }

    /** Puts each chain of {@code joinedTo}'s values in the place of the earlier of it and the chains joined to it. */
    private void replaceJoined(Map<ChainBuilder, ChainBuilder> joinedTo) {
        if (joinedTo.isEmpty()) {
            return;
        }
        Set<ChainBuilder> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ChainBuilder> joined = new ArrayList<>(order.size() - joinedTo.size());
        for (ChainBuilder c : order) {
            ChainBuilder kept = joinedTo.getOrDefault(c, c);
            if (placed.add(kept)) {
                joined.add(kept);
            }
        }
        order.clear();
        order.addAll(joined);
    }

    /**
     * What {@link #chainsWithHeaderFor} found in its scan: the chains to join to, the keys some chain keyed by a
     * Message ID Header has, and the chains without an Internal Message ID of the recipients asked for.
     */
    private record Found(Map<String, ChainBuilder> withHeader, Set<String> idKnownElsewhere,
                         List<ChainBuilder> withoutInternalId) {
    }

    /**
     * The chains keyed by a Message ID Header whose rows all have its one Internal Message ID, by
     * {@link ChainBuilder#internalIdAndRecipient}, for the keys of {@code wanted}; where two have the same, neither:
     * which one a chain keyed by its Internal Message ID is the message of is not known then. Only a chain whose
     * Internal Message ID some wanted chain has is decoded further: most are not. In the same scan, for the join
     * sharing no ID: the keys of {@code wanted} that some chain keyed by a Message ID Header has (joined or not), and
     * the chains without an Internal Message ID of one of {@code recipients} (none when it is empty).
     */
    private Found chainsWithHeaderFor(Map<String, ChainBuilder> wanted, Set<String> recipients,
                                      Cancellation cancellation) {
        Map<String, ChainBuilder> withHeader = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<ChainBuilder> withoutInternalId = new ArrayList<>();
        if (wanted.isEmpty() && recipients.isEmpty()) {
            return new Found(withHeader, seen, withoutInternalId);
        }
        Set<String> ids = new HashSet<>();
        wanted.values().forEach(c -> ids.add(c.internalMessageId()));
        Set<String> twice = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            checkCancelled(i, cancellation);
            ChainBuilder c = order.get(i);
            String id = c.internalMessageId();
            if (id.isEmpty()) {
                if (!recipients.isEmpty() && recipients.contains(ChainKeyBytes.recipientOf(c.key()))) {
                    withoutInternalId.add(c);
                }
                continue;
            }
            if (!ids.contains(id) || c.messageIdHeader().isEmpty()) {
                continue;
            }
            String key = c.internalIdAndRecipient();
            if (wanted.containsKey(key)) {
                seen.add(key);
                if (c.everyRowHasTheChainsValues() && withHeader.putIfAbsent(key, c) != null) {
                    twice.add(key);
                }
            }
        }
        withHeader.keySet().removeAll(twice);
        return new Found(withHeader, seen, withoutInternalId);
    }

    private static void checkCancelled(int i, Cancellation cancellation) {
        if ((i & 1023) == 0) {
            cancellation.throwIfCancelled();
        }
    }

    /** The chains in the order of their first row; the index is dropped (no more rows may be added). */
    ChainBuilder[] finish() {
        byKey.clear();
        return order.toArray(ChainBuilder[]::new);
    }

    Optional<Instant> first() {
        return Optional.ofNullable(first);
    }

    Optional<Instant> last() {
        return Optional.ofNullable(last);
    }

    /**
     * The latest plausible time of the rows ({@link PlausibleDates}): the end of the log for the checks of messages
     * Salesforce stopped retrying; a row dated in 2060 by a damaged cell must not make every deferral stale.
     */
    Optional<Instant> lastPlausible() {
        return Optional.ofNullable(lastPlausible);
    }

    /**
     * The last row, when it lies more than {@code seconds} after every other row: its line, file index, time and the
     * time of the latest other row.
     */
    Optional<LateRow> endApart(long seconds) {
        return last == null || beforeLast == null || last.getEpochSecond() - beforeLast.getEpochSecond() <= seconds
                ? Optional.empty() : Optional.of(new LateRow(lastLine, lastFile, last, beforeLast,
                PlausibleDates.within(last, plausibleEnd)));
    }

    /** A last row far after the others ({@link #endApart}). */
    record LateRow(long line, int file, Instant time, Instant before, boolean plausible) {
    }
}
