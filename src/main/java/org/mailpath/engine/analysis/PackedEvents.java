package org.mailpath.engine.analysis;

import org.mailpath.engine.log.LogRow;

/** How a chain's events are packed in its bytes, after its key and Internal Message ID ({@link ChainBuilder}). */
final class PackedEvents {

    /**
     * Times are kept as seconds since 2000-01-01 in an int (1931-12-13 to 2068-01-19; sub-seconds dropped): a row's
     * time always fits, since the reader leaves out rows dated outside {@link LogRow#EARLIEST} to
     * {@link LogRow#LATEST}.
     */
    static final long EPOCH_2000 = 946_684_800L;
    /** The strings of an {@link EventText}, when a chain keeps them itself. */
    static final int EVENT_TEXTS = 6;

    private PackedEvents() {
    }

    /**
     * Packs a row of the file with index {@code file} into {@code out}: its time as 4 bytes ({@link #EPOCH_2000}),
     * then variable-length numbers: line, bytes, queue seconds, retry/event, 1 + the {@link ChainTexts} id
     * {@code textId} of its event texts (0, then the texts themselves, when -1), and the reply: {@code reply} as
     * {@link ReplyMarkers#toStore} gave it (the chain's recipient and Message ID Header may stand in it as
     * markers), by its shared id {@code replyId}, or its own bytes when -1; then the row's
     * {@link RowOthers#of} in {@code chain}, one byte for most rows; last {@code file}, one byte.
     */
    static void writeRow(PackedWriter out, LogRow row, int file, int textId, String reply, int replyId,
                         ChainBuilder chain) {
        out.int4(Math.toIntExact(row.time().getEpochSecond() - EPOCH_2000));
        out.varint((int) Math.min(Integer.MAX_VALUE, row.line()));
        out.varint((int) Math.min(Integer.MAX_VALUE, row.bytes()));
        out.varint((int) Math.min(Integer.MAX_VALUE, row.secondsInQueue()));
        out.varint((Math.min(0x1FFF_FFFF, row.retryCount()) << 2) | row.event().ordinal());
        if (textId >= 0) {
            out.varint(1 + textId);
        } else {
            out.varint(0);
            out.string(row.remoteHost());
            out.string(row.deliveryStage());
            out.string(row.relayAddress());
            out.string(row.relayHost());
            out.string(row.tlsCipher());
            out.string(row.tlsVerified());
        }
        // the reply's reference: (0 for the bytes that follow, or 1 + shared id) times two, plus 1 if it has markers
        int marked = reply.equals(row.deliveryStatus()) ? 0 : 1;
        if (replyId >= 0) {
            out.varint(((1 + replyId) << 1) | marked);
        } else {
            out.varint(marked);
            out.string(reply);
        }
        out.varint(RowOthers.of(row, chain));
        out.varint(file);
    }

    /**
     * The numbers of {@link ChainEvents} ({@link ChainEvents#INTS} per event) of the {@code count} events packed in
     * {@code data} from {@code from} on ({@link #writeRow}).
     */
    static int[] unpack(byte[] data, int from, int count) {
        int[] n = new int[count * ChainEvents.INTS];
        int p = from;
        for (int i = 0; i < count; i++) {
            int o = i * ChainEvents.INTS;
            n[o] = ((data[p] & 0xFF) << 24) | ((data[p + 1] & 0xFF) << 16) | ((data[p + 2] & 0xFF) << 8)
                    | (data[p + 3] & 0xFF);
            p += 4;
            for (int k = 1; k <= 4; k++) {
                long v = PackedReader.readVarint(data, p);
                n[o + k] = (int) v;
                p = (int) (v >>> 32);
            }
            long text = PackedReader.readVarint(data, p);
            p = (int) (text >>> 32);
            if ((int) text == 0) {
                n[o + 5] = -1 - p;
                p = PackedReader.skipStrings(data, p, EVENT_TEXTS);
            } else {
                n[o + 5] = (int) text - 1;
            }
            long tag = PackedReader.readVarint(data, p);
            n[o + 7] = (int) tag & 1;
            int ref = (int) tag >>> 1;
            if (ref == 0) {
                n[o + 6] = (int) (tag >>> 32);
                p = PackedReader.skipStrings(data, n[o + 6], 1);
            } else {
                n[o + 6] = -ref;
                p = (int) (tag >>> 32);
            }
            long others = PackedReader.readVarint(data, p);
            n[o + 8] = (int) others;
            p = (int) (others >>> 32);
            long file = PackedReader.readVarint(data, p);
            n[o + 9] = (int) file;
            p = (int) (file >>> 32);
        }
        return n;
    }

    /**
     * Encodes the events of {@code ev} (unpacked from {@code src}, whose offsets they hold) in their order, but those
     * marked in {@code drop} (may be null); returns how many it wrote.
     */
    static int write(PackedWriter out, ChainEvents ev, byte[] src, boolean[] drop) {
        int[] n = ev.numbers;
        int written = 0;
        for (int i = 0; i < ev.size(); i++) {
            if (drop != null && drop[i]) {
                continue;
            }
            written++;
            int o = i * ChainEvents.INTS;
            out.int4(n[o]);
            for (int k = 1; k <= 4; k++) {
                out.varint(n[o + k]);
            }
            int text = n[o + 5];
            if (text >= 0) {
                out.varint(1 + text);
            } else {
                out.varint(0);
                out.bytes(src, -1 - text, PackedReader.skipStrings(src, -1 - text, EVENT_TEXTS) - (-1 - text));
            }
            int ref = n[o + 6];
            if (ref < 0) {
                out.varint((-ref << 1) | n[o + 7]);
            } else {
                out.varint(n[o + 7]);
                out.bytes(src, ref, PackedReader.skipStrings(src, ref, 1) - ref);
            }
            out.varint(n[o + 8]);
            out.varint(n[o + 9]);
        }
        return written;
    }
}
