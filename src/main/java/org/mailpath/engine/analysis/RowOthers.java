package org.mailpath.engine.analysis;

import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.LogRow;

/** A row's number for the columns its chain keeps once: 0 for the chain's values, else a hash of the row's. */
final class RowOthers {

    private RowOthers() {
    }

    /**
     * The columns a chain keeps once, not per event (Internal Message ID, Sender, User ID, the recipient as written;
     * and the time's fraction of a second, which events drop), as one number: 0 when they are the chain's values (its
     * first row's) and the time is a whole second (most rows: one byte), else an odd 32-bit hash of them. With the
     * columns every event keeps, it tells an exact copy of a row ({@link ChainEvents#sameRow}) without keeping those
     * columns per event; only two rows that differ from the chain's values in them are compared by hash. Between files,
     * 0 means equal to the chain's values on the columns the row's file has (it has the others empty): so a value a
     * later file fills in ({@link ChainBuilder#appendEventsOf}) changes no row's number, and a row of a file lacking
     * one column can be compared with a row of a file lacking another ({@link ChainEvents#sameRow}) through the
     * chain's values.
     * Within one file, whose rows have the same columns, that is equal in all of them: no more work per row.
     */
    static int of(LogRow row, ChainBuilder chain) {
        int nanos = row.time().getNano();
        if (nanos == 0 && chain.sender().equals(row.sender()) && chain.userId().equals(row.userId())
                && chain.recipientReadsBackAs(row.recipient()) && chain.internalMessageIdIs(row.internalMessageId())) {
            return 0;
        }
        return othersHash(row.internalMessageId(), row.sender(), row.userId(), row.recipient(), nanos);
    }

    /**
     * The {@link #of} hash of a row with {@code chain}'s first row's values in a whole second (its own when
     * {@code blank} is 0), but empty in the {@code blank} columns ({@link ChainTexts#bit}s of Internal Message ID,
     * Sender and User ID): as a row of a file that lacks them has them ({@link ChainEvents#sameRow} between two
     * files).
     */
    static int ofFirstRowWithout(ChainBuilder chain, int blank) {
        return othersHash(blankIf(blank, LogColumn.INTERNAL_MESSAGE_ID, chain.internalMessageId()),
                blankIf(blank, LogColumn.SENDER, chain.sender()), blankIf(blank, LogColumn.USER_ID, chain.userId()),
                chain.recipient(), 0);
    }

    private static String blankIf(int blank, LogColumn column, String value) {
        return (blank & ChainTexts.bit(column)) != 0 ? "" : value;
    }

    private static int othersHash(String internalId, String sender, String userId, String recipient, int nanos) {
        int h = internalId.hashCode();
        h = 31 * h + sender.hashCode();
        h = 31 * h + userId.hashCode();
        h = 31 * h + recipient.hashCode();
        h = 31 * h + nanos;
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) | 1;
    }

    /**
     * Restates the {@link #of} of {@code ev}'s events, relative to the values of {@code from} (whose events they
     * are), as relative to those of {@code to}: both on the columns the event's file has (the others are empty in the
     * row). The hashes are made again only when the file's columns change from one event to the next: once for the
     * events of one file. Where the two write the recipient otherwise, a reply stored with the recipient's marker
     * ({@link ReplyMarkers#toStore}), which reads back as the chain's recipient as written, is kept as it was in the
     * log.
     */
    static void restate(ChainEvents ev, ChainBuilder from, ChainBuilder to) {
        if (!from.writesRecipientAs(to)) {
            for (int i = 0; i < ev.size(); i++) {
                ev.keepReplyAsWritten(i);
            }
        }
        int blank = -1;
        int fromHash = 0;
        int toHash = 0;
        for (int i = 0; i < ev.size(); i++) {
            int lacking = to.texts().lacking(ev.file(i)) & ChainEvents.OTHERS;
            if (lacking != blank) {
                blank = lacking;
                fromHash = ofFirstRowWithout(from, blank);
                toHash = ofFirstRowWithout(to, blank);
            }
            int o = i * ChainEvents.INTS + 8;
            int others = ev.numbers[o] == 0 ? fromHash : ev.numbers[o];
            ev.numbers[o] = others == toHash ? 0 : others;
        }
    }
}
