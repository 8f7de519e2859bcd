package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.log.MailEvent;

/**
 * The messages of logs analysed together whose rows are only in files that share no ID column: a file without the
 * Message ID Header column keys a message by its Internal Message ID ({@link ChainBuilder#encodeKey}), a file without
 * the Internal Message ID column by its Message ID Header, so one message's rows in the two make two chains with no
 * key in common (one RECEIVED_ONLY, one DELIVERED or BOUNCED, say). Such a pair is joined only by what the two have
 * in common for one message: the recipient (lower-cased, as in the key), the Sender (the Envelope From) and User ID
 * where both files have them, all events within {@link #MAX_SPAN_SECONDS}, and the first R not after the first
 * delivery attempt. That is a guess, never an ID: so a pair is joined only when each is the other's one match, and
 * never when the chain without the Message ID Header has a chain with its Internal Message ID (its message is there,
 * as {@link ChainPart#joinChainsKeyedByInternalId} found; its rows stay apart, as before). Bytes Transferred and Remote
 * Host are not compared: no source says a message's D, T and P rows repeat its R row's values there. What was joined,
 * and what matched too much to be joined, is said per file ({@link FileNote}), since a guess can be wrong and a
 * message left apart counts twice.
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
     * the first line of each message in the file, in order, at most {@link #LINES_LISTED}.
     */
    record FileNote(int file, boolean joined, long messages, long rows, List<Long> lines,
                    SortedSet<Integer> otherFiles) {
    }

    /** The chains to join ({@code joinedTo}: a chain keyed by its Internal Message ID to its match), and the notes. */
    record Outcome(Map<ChainBuilder, ChainBuilder> joinedTo, List<FileNote> notes) {

        static final Outcome NONE = new Outcome(Map.of(), List.of());
    }

    /**
     * Finds, among {@code chains} (all the chains of the files analysed together, each file's own joins done), the
     * chains keyed by their Internal Message ID for want of the Message ID Header column and their one match keyed by
     * a Message ID Header for want of the Internal Message ID column. Decodes only chains of a recipient such a chain
     * has: most are not.
     */
    static Outcome find(List<ChainBuilder> chains, Cancellation cancellation) {
        Map<String, List<Side>> byRecipient = new HashMap<>();
        List<Side> unkeyed = new ArrayList<>();
        Set<ChainBuilder> isUnkeyed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < chains.size(); i++) {
            checkCancelled(i, cancellation);
            ChainBuilder c = chains.get(i);
            if (c.keyedByInternalIdForWantOfTheColumn()) {
                Side s = new Side(c);
                unkeyed.add(s);
                isUnkeyed.add(c);
                byRecipient.computeIfAbsent(s.recipient, r -> new ArrayList<>()).add(s);
            }
        }
        if (unkeyed.isEmpty()) {
            return Outcome.NONE;
        }
        // by first event, so a chain is compared only with those of its recipient that may be in its time window
        byRecipient.values().forEach(l -> l.sort(Comparator.comparingLong(s -> s.first)));
        for (int i = 0; i < chains.size(); i++) {
            checkCancelled(i, cancellation);
            ChainBuilder c = chains.get(i);
            if (isUnkeyed.contains(c)) {
                continue;
            }
            List<Side> same = byRecipient.get(recipientOf(c.key()));
            if (same == null) {
                continue;
            }
            String id = c.internalMessageId();
            if (!id.isEmpty()) {
                // that Internal Message ID's message is this chain (or one of several): never another's by a guess
                same.stream().filter(s -> s.internalId.equals(id)).forEach(s -> s.idFoundElsewhere = true);
            } else if (c.keyedByHeaderForWantOfInternalId()) {
                Side h = new Side(c);
                for (int k = firstFrom(same, h.last - MAX_SPAN_SECONDS); k < same.size()
                        && same.get(k).first <= h.first + MAX_SPAN_SECONDS; k++) {
                    Side s = same.get(k);
                    if (s.matches(h)) {
                        s.matches.add(h);
                        h.matches.add(s);
                    }
                }
            }
        }
        return decide(unkeyed);
    }

    /** Joins each chain to its match where each is the other's only one; notes the rest that matched. */
    private static Outcome decide(List<Side> unkeyed) {
        Map<ChainBuilder, ChainBuilder> joinedTo = new IdentityHashMap<>();
        Map<Integer, NoteBuilder> notes = new TreeMap<>();
        for (Side s : unkeyed) {
            if (s.idFoundElsewhere || s.matches.isEmpty()) {
                continue;
            }
            boolean join = s.matches.size() == 1 && s.matches.getFirst().matches.size() == 1;
            if (join) {
                joinedTo.put(s.chain, s.matches.getFirst().chain);
            }
            // file index times two, plus 1 for joined: per file, the messages left apart first
            notes.computeIfAbsent(s.firstFile * 2 + (join ? 1 : 0), k -> new NoteBuilder(s.firstFile, join)).add(s);
        }
        return new Outcome(joinedTo, notes.values().stream().map(NoteBuilder::build).toList());
    }

    /** The index of the first of {@code sides} (sorted by first event) whose first event is not before {@code time}. */
    private static int firstFrom(List<Side> sides, long time) {
        int low = 0;
        int high = sides.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sides.get(mid).first < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static String recipientOf(String key) {
        return key.substring(key.indexOf(ChainBuilder.KEY_SEPARATOR) + 1);
    }

    private static void checkCancelled(int i, Cancellation cancellation) {
        if ((i & 1023) == 0) {
            cancellation.throwIfCancelled();
        }
    }

    /** One chain with what it is matched by, unpacked once. */
    private static final class Side {

        final ChainBuilder chain;
        final String recipient;
        final String internalId;
        final String sender;
        final String userId;
        /** Times of the first and last event, of the first R and of the first D, T or P (MAX_VALUE: none). */
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long firstReception = Long.MAX_VALUE;
        long firstAttempt = Long.MAX_VALUE;
        final int firstFile;
        /** The first line of the chain's rows in {@link #firstFile}. */
        final long firstLine;
        final SortedSet<Integer> files = new TreeSet<>();
        final int rows;
        final List<Side> matches = new ArrayList<>(1);
        boolean idFoundElsewhere;

        Side(ChainBuilder chain) {
            this.chain = chain;
            this.recipient = recipientOf(chain.key());
            this.internalId = chain.internalMessageId();
            this.sender = chain.sender();
            this.userId = chain.userId();
            ChainEvents ev = chain.events();
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
            for (int i = 0; i < ev.size(); i++) {
                if (ev.file(i) == firstFile) {
                    line = Math.min(line, ev.line(i));
                }
            }
            this.firstLine = line;
            this.rows = ev.size();
        }

        /**
         * Whether {@code other} may be the same message: same Sender and User ID where both are known, all events
         * within {@link #MAX_SPAN_SECONDS}, and no delivery attempt before the message was received (an internal
         * hand-off's R follows a D, but never comes first). The recipient is the same already.
         */
        boolean matches(Side other) {
            long firstR = Math.min(firstReception, other.firstReception);
            long firstTry = Math.min(firstAttempt, other.firstAttempt);
            return agree(sender, other.sender) && agree(userId, other.userId)
                    && Math.max(last, other.last) - Math.min(first, other.first) <= MAX_SPAN_SECONDS
                    && (firstR == Long.MAX_VALUE || firstR <= firstTry);
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

        void add(Side s) {
            messages++;
            rows += s.rows;
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
