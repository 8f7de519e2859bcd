package org.mailpath.engine.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.mailpath.engine.log.LogRow;

/** The stored form of a chain key (Message ID Header and recipient): a row's encoded, a chain's read back. */
final class ChainKeyBytes {

    /** Between the Message ID Header (or "#" and the Internal Message ID) and the recipient of a decoded key. */
    static final char SEPARATOR = '\n';

    private ChainKeyBytes() {
    }

    /**
     * The stored form of a row's chain key (Message ID Header — or "#" and the Internal Message ID when it is empty —
     * and the lower-cased recipient): each as UTF-8 up to its last '@', then a NUL (the reader removes NULs from
     * fields) and the {@link ChainTexts} id + 1 of the part from that '@' on (0 when there is none). Mail server host
     * names and recipient domains repeat a lot, so they are kept once.
     */
    static byte[] encode(LogRow row, ChainTextCache texts) {
        String id = row.messageIdHeader().isEmpty() ? "#" + row.internalMessageId() : row.messageIdHeader();
        String recipient = row.recipient().toLowerCase(Locale.ROOT);
        PackedWriter out = texts.scratch();
        out.length = 0;
        encodeAtPart(out, id, texts);
        encodeAtPart(out, recipient, texts);
        return Arrays.copyOf(out.buf, out.length);
    }

    private static void encodeAtPart(PackedWriter out, String value, ChainTextCache texts) {
        // '@' is one byte in UTF-8 and never part of a longer sequence: the UTF-8 up to the last '@' char is the
        // UTF-8 of the chars before it
        int at = value.lastIndexOf('@');
        int partId = at < 0 ? -1 : texts.partId(value, at);
        // without a shared part (no '@', or the shared texts are full) the whole value is kept here
        out.utf8(value, 0, partId < 0 ? value.length() : at);
        out.varint(0);
        out.varint(partId + 1);
    }

    /** Hash of a key's UTF-8 bytes, as used by {@link ChainIndex}. */
    static int hash(byte[] keyBytes) {
        return Arrays.hashCode(keyBytes);
    }

    /**
     * The key {@link #encode}d at the start of {@code data} ({@code keyLength} bytes), its parts from '@' on read
     * from {@code texts}: the Message ID Header (or "#" and the Internal Message ID), {@link #SEPARATOR} and the
     * lower-cased recipient.
     */
    static String decode(byte[] data, int keyLength, ChainTexts texts) {
        StringBuilder sb = new StringBuilder(keyLength + 48);
        int p = decodeAtPart(sb, data, 0, texts);
        sb.append(SEPARATOR);
        decodeAtPart(sb, data, p, texts);
        return sb.toString();
    }

    private static int decodeAtPart(StringBuilder sb, byte[] data, int from, ChainTexts texts) {
        int nul = from;
        while (data[nul] != 0) {
            nul++;
        }
        sb.append(new String(data, from, nul - from, StandardCharsets.UTF_8));
        long id = PackedReader.readVarint(data, nul + 1);
        if ((int) id > 0) {
            sb.append((String) texts.get((int) id - 1));
        }
        return (int) (id >>> 32);
    }

    /** From a {@link #decode}d key: a chain keyed by "#" and its Internal Message ID has no Message ID Header. */
    static String messageIdHeader(String key, String internalId) {
        String id = key.substring(0, key.indexOf(SEPARATOR));
        return id.startsWith("#") && id.substring(1).equals(internalId) ? "" : id;
    }

    /** The recipient of a {@link #decode}d key, lower-cased as there. */
    static String recipientOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    /**
     * The recipient's domain as the log writes it (lower case), of the key {@link #encode}d at the start of
     * {@code data} ({@code keyLength} bytes).
     */
    static String recipientDomain(byte[] data, int keyLength, ChainTexts texts) {
        // Fast path, without decoding the whole key: a recipient with an '@' has its part from the last '@' on in
        // the shared texts, and the last '@' of the whole key is that one.
        int nul = 0;
        while (data[nul] != 0) {
            nul++;
        }
        nul = (int) (PackedReader.readVarint(data, nul + 1) >>> 32);
        while (data[nul] != 0) {
            nul++;
        }
        int partId = (int) PackedReader.readVarint(data, nul + 1);
        if (partId > 0) {
            return ((String) texts.get(partId - 1)).substring(1).strip();
        }
        String key = decode(data, keyLength, texts);
        int at = key.lastIndexOf('@');
        int nl = key.indexOf(SEPARATOR);
        return at < nl ? "" : key.substring(at + 1).strip();
    }
}
