package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.MailEvent;

/**
 * The messages of logs analysed together whose rows are only in files that share no ID column: a file without the
 * Message ID Header column keys a message by its Internal Message ID ({@link ChainKeyBytes#encode}), a file without
 * the Internal Message ID column by its Message ID Header, so one message's rows in the two make two chains with no
 * key in common (one RECEIVED_ONLY, one DELIVERED or BOUNCED, say). Such a pair is joined only by what the two have
 * in common for one message: the recipient (lower-cased, as in the key), the Sender (the Envelope From) and User ID
 * where both files have them, all events within {@link #MAX_SPAN_SECONDS}, the first R not after the first delivery
 * attempt, and events that one message can have ({@link Side#fits}): where both have an R it is the same row (the
 * windows overlap), and neither ended (its last event a D or P) before the other's first event. So the join is for a
 * message whose R is in one file and its outcome in the other, or whose R row is in both. That is a guess, never an
 * ID: so a pair is joined only when each is the other's one match, and never when the chain without the Message ID
 * Header has a chain with its Internal Message ID (its message is there, as {@link
 * ChainPart#joinChainsKeyedByInternalId} found; its rows stay apart, as before). What was joined, and what matched
 * too much to be joined, is said per file ({@link FileNote}), since a guess can be wrong and a message left apart
 * counts twice, and which chains they are is kept ({@link Outcome}), so each such message can say so itself. A
 * mass mailing to one recipient has thousands of messages within 48 hours of each other: matches are counted only up
 * to two (all the decision needs), and a chain is compared only with those it can be one message with by time
 * ({@link Matching}), so the work grows with the messages, not with their square.
 */
final class UnsharedIdJoin {

    /**
     * How far apart the events of one message may be. Salesforce retries a deferred message for 24 hours, then bounces
     * it; with retries at doubling intervals the last attempt, and so the bounce, may come hours later. A window too
     * narrow could leave the true match out and join another message alone in it; a wider one only makes more chains
     * match more than one (kept apart, and said).
     */
    static final long MAX_SPAN_SECONDS = 2 * ChainBuilder.RETRY_PERIOD_SECONDS;
    /** How many messages' first lines a note lists. */
    static final int LINES_LISTED = 5;

    private UnsharedIdJoin() {
    }

    /**
     * What was done for the messages of one file without the Message ID Header column (by file index): joined to a
     * chain of {@code otherFiles} ({@code joined}), or left apart because they matched more than one. {@code lines}:
     * the first line of each message in the file, in order, at most {@link #LINES_LISTED}; {@code rows}: their rows in
     * the file that the judged chains keep, not those left out as copies of an earlier row (0 when every one is a copy
     * of a row of {@code otherFiles}).
     */
    record FileNote(int file, boolean joined, long messages, long rows, List<Long> lines,
                    SortedSet<Integer> otherFiles) {
    }

    /**
     * The chains to join ({@code joinedTo}: a chain keyed by its Internal Message ID to its match, which it is joined
     * to), the notes, and the chains left apart that may be one message with a chain of the other side ({@code
     * leftApart}): each chain of a note's messages left apart and the chains it matched, so both halves of a message
     * that may count twice are known, not only the one in the file the note is in.
     */
    record Outcome(Map<ChainBuilder, ChainBuilder> joinedTo, List<FileNote> notes, List<ChainBuilder> leftApart) {

        static final Outcome NONE = new Outcome(Map.of(), List.of(), List.of());
    }

    /**
     * Finds, among the chains of the files analysed together (each file's own joins done, and those by the Internal
     * Message ID), the chains keyed by their Internal Message ID for want of the Message ID Header column and their
     * one match keyed by a Message ID Header for want of the Internal Message ID column, from what the join by the
     * Internal Message ID found of them in its scans ({@code candidates}): they are scanned no more. Decodes only
     * chains of a recipient such a chain has: most are not.
     */
    static Outcome find(UnsharedIdCandidates candidates, Cancellation cancellation) {
        if (candidates.unkeyed().isEmpty()) {
            return Outcome.NONE;
        }
        Map<String, Matching> byRecipient = new HashMap<>();
        List<Side> unkeyed = candidates.unkeyed();
        for (int i = 0; i < unkeyed.size(); i++) {
            checkCancelled(i, cancellation);
            Side s = unkeyed.get(i);
            // that Internal Message ID's message is a chain with a header (or several): never another's by a guess
            s.idFoundElsewhere = candidates.idKnownElsewhere().contains(s.chain.internalIdAndRecipient());
            byRecipient.computeIfAbsent(s.recipient, r -> new Matching(cancellation)).unkeyed.add(s);
        }
        List<Side> keyed = new ArrayList<>();
        List<ChainBuilder> withoutInternalId = candidates.withoutInternalId();
        for (int i = 0; i < withoutInternalId.size(); i++) {
            checkCancelled(i, cancellation);
            ChainBuilder c = withoutInternalId.get(i);
            // the recipient first (some chain left apart has it), then the files' columns, from the events unpacked
            // once for the side too
            Matching same = byRecipient.get(ChainKeyBytes.recipientOf(c.key()));
            if (same == null) {
                continue;
            }
            ChainEvents ev = c.events();
            if (ev.everyFileLacks(LogColumn.INTERNAL_MESSAGE_ID) && !c.messageIdHeader().isEmpty()) {
                Side s = new Side(c, ev, true);
                same.keyed.add(s);
                keyed.add(s);
            }
        }
        int n = 0;
        for (Matching m : byRecipient.values()) {
            checkCancelled(n++, cancellation);
            m.count();
        }
        return decide(unkeyed, keyed, cancellation);
    }

    /**
     * Joins each chain to its match where each is the other's only one; notes the rest that matched, with the rows
     * of the file the note is in that are kept (not left out as copies) in the chain as it will be judged, and marks
     * them and the chains of {@code keyed} they matched as left apart. A chain of {@code keyed} matched only by chains
     * whose Internal Message ID is known elsewhere is not: those are never guessed at, nor said.
     */
    private static Outcome decide(List<Side> unkeyed, List<Side> keyed, Cancellation cancellation) {
        Map<ChainBuilder, ChainBuilder> joinedTo = new IdentityHashMap<>();
        Set<ChainBuilder> leftApart = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Integer, NoteBuilder> notes = new TreeMap<>();
        int i = 0;
        for (Side s : unkeyed) {
            checkCancelled(i++, cancellation);
            if (s.idFoundElsewhere || s.matchCount == 0) {
                continue;
            }
            Side match = s.matches.getFirst();
            boolean join = s.matchCount == 1 && match.matchCount == 1;
            if (join) {
                joinedTo.put(s.chain, match.chain);
            } else {
                leftApart.add(s.chain);
                s.matches.forEach(m -> leftApart.add(m.chain));
            }
            int rows = !join ? RowCopies.keptOf(s.chain.events(), s.firstFile)
                    : s.rowsKeptJoinedTo == match ? s.rowsKeptJoined
                    : RowCopies.keptOf(match.chain.eventsJoinedWith(s.chain), s.firstFile);
            // file index times two, plus 1 for joined: per file, the messages left apart first
            notes.computeIfAbsent(s.firstFile * 2 + (join ? 1 : 0), k -> new NoteBuilder(s.firstFile, join))
                    .add(s, rows);
        }
        for (Side k : keyed) {
            checkCancelled(i++, cancellation);
            // matches are kept up to two per chain, so a chain left apart may not hold this one that it matched
            if (k.matches.stream().anyMatch(u -> leftApart.contains(u.chain))) {
                leftApart.add(k.chain);
            }
        }
        return new Outcome(joinedTo, notes.values().stream().map(NoteBuilder::build).toList(),
                List.copyOf(leftApart));
    }

    private static void checkCancelled(int i, Cancellation cancellation) {
        if ((i & 1023) == 0) {
            cancellation.throwIfCancelled();
        }
    }

    /**
     * The chains of one recipient on both sides (keyed by the Internal Message ID, and by the Message ID Header), and
     * how many of the other side each matches, up to two ({@link Side#matchCount}). Each pair that may be one message
     * is found once: two with an R by the second of their first R (the same row must be in both), the others in a
     * sweep by first event, where a chain without an R meets the chains of the other side that began before it and
     * had not ended (nor passed 48 hours) by then ({@link Side#openUntil}); a chain with an R that begins later than
     * one without can never be its message. A chain that has two matches already is looked at only by a chain that
     * has fewer: so the pairs that match cost at most two per chain, and only pairs that differ in Sender, User ID or
     * span are compared in vain.
     */
    private static final class Matching {

        final List<Side> unkeyed = new ArrayList<>();
        final List<Side> keyed = new ArrayList<>();
        private final Cancellation cancellation;
        private int work;

        Matching(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        void count() {
            if (keyed.isEmpty()) {
                return;
            }
            byReception();
            sweep();
        }

        /** The pairs where both have an R: only chains whose first R is in the same second. */
        private void byReception() {
            Map<Long, List<Side>> keyedByReception = new HashMap<>();
            for (Side k : keyed) {
                if (k.eligible() && k.hasReception()) {
                    keyedByReception.computeIfAbsent(k.firstReception, t -> new ArrayList<>(1)).add(k);
                }
            }
            for (Side u : unkeyed) {
                if (!u.eligible() || !u.hasReception()) {
                    continue;
                }
                for (Side k : keyedByReception.getOrDefault(u.firstReception, List.of())) {
                    tick();
                    if ((u.matchCount < 2 || k.matchCount < 2) && u.fits(k)) {
                        Side.match(u, k);
                    }
                }
            }
        }

        /** The pairs where one or neither has an R, by first event (at a tie, a chain with an R first). */
        private void sweep() {
            List<Side> all = new ArrayList<>(unkeyed.size() + keyed.size());
            unkeyed.stream().filter(Side::eligible).forEach(all::add);
            keyed.stream().filter(Side::eligible).forEach(all::add);
            all.sort(Comparator.comparingLong((Side s) -> s.first).thenComparing(s -> !s.hasReception()));
            // per side (0 unkeyed, 1 keyed): the open chains with fewer than two matches, and those with two
            List<List<LinkedHashSet<Side>>> open = List.of(List.of(new LinkedHashSet<>(), new LinkedHashSet<>()),
                    List.of(new LinkedHashSet<>(), new LinkedHashSet<>()));
            PriorityQueue<Side> closing = new PriorityQueue<>(Comparator.comparingLong(Side::openUntil));
            List<Side> saturated = new ArrayList<>();
            for (Side y : all) {
                tick();
                while (!closing.isEmpty() && closing.peek().openUntil() < y.first) {
                    Side gone = closing.poll();
                    open.get(gone.keyedSide()).get(0).remove(gone);
                    open.get(gone.keyedSide()).get(1).remove(gone);
                }
                if (!y.hasReception()) {
                    List<LinkedHashSet<Side>> other = open.get(1 - y.keyedSide());
                    for (Side x : other.get(0)) {
                        tick();
                        if (x.fits(y)) {
                            Side.match(x, y);
                            if (x.matchCount == 2) {
                                saturated.add(x);
                            }
                        }
                    }
                    for (Side x : saturated) {
                        other.get(0).remove(x);
                        other.get(1).add(x);
                    }
                    saturated.clear();
                    for (var it = other.get(1).iterator(); y.matchCount < 2 && it.hasNext(); ) {
                        tick();
                        Side x = it.next();
                        if (x.fits(y)) {
                            Side.match(x, y);
                        }
                    }
                }
                open.get(y.keyedSide()).get(y.matchCount < 2 ? 0 : 1).add(y);
                closing.add(y);
            }
        }

        /** Checks for cancellation every 1024 steps of the inner work too. */
        private void tick() {
            if ((++work & 1023) == 0) {
                cancellation.throwIfCancelled();
            }
        }
    }

    /**
     * One chain with what it is matched by, unpacked once: a chain keyed by its Internal Message ID is made so by
     * {@link ChainPart#joinChainsKeyedByInternalId}, from the events it unpacked anyway ({@link UnsharedIdCandidates}).
     */
    static final class Side {

        final ChainBuilder chain;
        final boolean keyed;
        final String recipient;
        final String sender;
        final String userId;
        /** Times of the first and last event, of the first R and of the first D, T or P (MAX_VALUE: none). */
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long firstReception = Long.MAX_VALUE;
        long firstAttempt = Long.MAX_VALUE;
        /**
         * Whether the events of the last second hold a D (not an internal hand-off) or a P and no T: the message
         * ended.
         */
        final boolean ended;
        final int firstFile;
        /** The first line of the chain's rows in {@link #firstFile}. */
        final long firstLine;
        final SortedSet<Integer> files = new TreeSet<>();
        /** How many chains of the other side this one matches, up to two; the first two of them. */
        int matchCount;
        final List<Side> matches = new ArrayList<>(2);
        boolean idFoundElsewhere;
        /**
         * For a chain keyed by its Internal Message ID whose first match was found by their R rows
         * ({@link #sameReception}, which joins the two on trial): that match, and the rows of {@link #firstFile} the
         * joined chain keeps ({@link RowCopies#keptOf}), which {@link UnsharedIdJoin#decide} says if the two are
         * joined. Counted on the trial's events, so the pair is not joined on trial a second time. Null and 0
         * otherwise.
         */
        Side rowsKeptJoinedTo;
        int rowsKeptJoined;

        /**
         * {@code keyed}: keyed by its Message ID Header; else by its Internal Message ID. {@code ev}: the chain's
         * {@link ChainBuilder#events}, as the caller unpacked them.
         */
        Side(ChainBuilder chain, ChainEvents ev, boolean keyed) {
            this.chain = chain;
            this.keyed = keyed;
            this.recipient = ChainKeyBytes.recipientOf(chain.key());
            this.sender = chain.sender();
            this.userId = chain.userId();
            for (int i = 0; i < ev.size(); i++) {
                long t = ev.time(i);
                first = Math.min(first, t);
                last = Math.max(last, t);
                if (ev.event(i) == MailEvent.RECEIVED) {
                    firstReception = Math.min(firstReception, t);
                } else {
                    firstAttempt = Math.min(firstAttempt, t);
                }
                files.add(ev.file(i));
            }
            this.firstFile = files.first();
            long line = Long.MAX_VALUE;
            boolean outcome = false;
            boolean deferral = false;
            for (int i = 0; i < ev.size(); i++) {
                if (ev.file(i) == firstFile) {
                    line = Math.min(line, ev.line(i));
                }
                if (ev.time(i) == last) {
                    outcome |= ev.isOutcome(i);
                    deferral |= ev.event(i) == MailEvent.TRANSIENT_FAILURE;
                }
            }
            this.firstLine = line;
            // an R beside the outcome is the message's own reception in the same minute (log times are to the
            // minute); a T there leaves open which came last
            this.ended = outcome && !deferral;
        }

        /** 0 for a chain keyed by its Internal Message ID, 1 for one keyed by its Message ID Header. */
        int keyedSide() {
            return keyed ? 1 : 0;
        }

        boolean hasReception() {
            return firstReception != Long.MAX_VALUE;
        }

        /**
         * Whether this chain may be part of a message at all: its own events within {@link #MAX_SPAN_SECONDS}, and no
         * attempt before its first R (an internal hand-off's R follows a D, but never comes first). Others match none.
         */
        boolean eligible() {
            return last - first <= MAX_SPAN_SECONDS && (!hasReception() || firstReception <= firstAttempt);
        }

        /**
         * Until when a chain beginning later may be part of this one's message: its last event if it ended, else
         * {@link #MAX_SPAN_SECONDS} after its first.
         */
        long openUntil() {
            return ended ? last : first + MAX_SPAN_SECONDS;
        }

        /**
         * Whether {@code other} (of the other side, the same recipient) may be the same message: same Sender and User
         * ID where both are known, all events within {@link #MAX_SPAN_SECONDS}, no delivery attempt before the message
         * was received, neither ended before the other's first event (a message's outcome is its last event), and,
         * where both have an R, the same R row in both files (the windows overlap): two R's that differ are two
         * messages.
         */
        boolean fits(Side other) {
            long firstR = Math.min(firstReception, other.firstReception);
            long firstTry = Math.min(firstAttempt, other.firstAttempt);
            return agree(sender, other.sender) && agree(userId, other.userId)
                    && Math.max(last, other.last) - Math.min(first, other.first) <= MAX_SPAN_SECONDS
                    && (firstR == Long.MAX_VALUE || firstR <= firstTry)
                    && !(ended && last < other.first) && !(other.ended && other.last < first)
                    && (!hasReception() || !other.hasReception() || sameReception(other));
        }

        /**
         * Whether this chain's first R and {@code other}'s are one row, in the files of both: the same second and the
         * same values in every column both files have, as the judge tells a copy ({@link ChainEvents#sameRow}), tried
         * on the events the join would make.
         */
        private boolean sameReception(Side other) {
            if (firstReception != other.firstReception) {
                return false;
            }
            Side k = keyed ? this : other;
            Side u = keyed ? other : this;
            ChainEvents ev = k.chain.eventsJoinedWith(u.chain);
            if (!oneReceptionRow(ev, k, u)) {
                return false;
            }
            if (u.matchCount == 0) {
                // k is about to be u's first match, the one they are joined to if each is the other's only one
                u.rowsKeptJoinedTo = k;
                u.rowsKeptJoined = RowCopies.keptOf(ev, u.firstFile);
            }
            return true;
        }

        /**
         * Whether {@code ev}, the events of {@code k} joined with {@code u}'s ({@link ChainBuilder#eventsJoinedWith}),
         * hold the first R of each as one row.
         */
        private static boolean oneReceptionRow(ChainEvents ev, Side k, Side u) {
            int split = k.chain.size();
            for (int i = 0; i < split; i++) {
                if (ev.event(i) != MailEvent.RECEIVED || ev.time(i) != k.firstReception) {
                    continue;
                }
                for (int j = split; j < ev.size(); j++) {
                    if (ev.event(j) == MailEvent.RECEIVED && ev.time(j) == u.firstReception && ev.sameRow(i, j)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Notes that {@code a} and {@code b} match. */
        static void match(Side a, Side b) {
            a.noteMatch(b);
            b.noteMatch(a);
        }

        private void noteMatch(Side other) {
            if (matchCount < 2) {
                matches.add(other);
                matchCount++;
            }
        }

        /** Equal, or one of them not known (its file lacks the column, or the row has it empty). */
        private static boolean agree(String a, String b) {
            return a.isEmpty() || b.isEmpty() || a.equals(b);
        }
    }

    /** Adds up the chains of one {@link FileNote}. */
    private static final class NoteBuilder {

        private final int file;
        private final boolean joined;
        private long messages;
        private long rows;
        private final TreeSet<Long> lines = new TreeSet<>();
        private final SortedSet<Integer> otherFiles = new TreeSet<>();

        NoteBuilder(int file, boolean joined) {
            this.file = file;
            this.joined = joined;
        }

        /** Adds {@code s}, with {@code keptRows} of its rows in this note's file kept in the judged chain. */
        void add(Side s, int keptRows) {
            messages++;
            rows += keptRows;
            lines.add(s.firstLine);
            if (lines.size() > LINES_LISTED) {
                lines.pollLast();
            }
            s.matches.forEach(m -> otherFiles.addAll(m.files));
        }

        FileNote build() {
            return new FileNote(file, joined, messages, rows, List.copyOf(lines), Collections.unmodifiableSortedSet(
                    otherFiles));
        }
    }
}
