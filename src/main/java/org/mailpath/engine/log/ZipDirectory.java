package org.mailpath.engine.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * The list of a zip's entries as its central directory gives them: name, general purpose flag and compression method.
 * Only for a zip that {@link java.util.zip.ZipFile} refuses as a whole: it checks every entry's central header and
 * refuses the file if any one is encrypted or compressed with a method other than Stored and Deflate ("invalid CEN
 * header (encrypted entry)"), without saying which entry. This says which, so that the user is told of that file, not
 * of the zip's first one. Layout from PKWARE's APPNOTE.TXT (6.3.x): end of central directory record 4.3.16
 * (signature 0x06054b50, entries at 10, directory size at 12, its offset at 16), ZIP64 end of central directory
 * locator 4.3.15 and record 4.3.14, central file header 4.3.12 (signature 0x02014b50, flag at 8, method at 10, name,
 * extra and comment lengths at 28, 30, 32, name at 46); general purpose bit 0: encrypted (4.4.4), bit 11: the name is
 * UTF-8. A cut zip has no central directory to read: for it, {@link #firstLocal} reads the first entry's local file
 * header (4.3.7: signature 0x04034b50, flag at 6, method at 8, name length at 26, name at 30).
 */
final class ZipDirectory {

    /** The end record's size without its comment, and the longest comment after it. */
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    /** A central directory larger than this is not read: a zip of one CSV has a few entries. */
    private static final long MAX_DIRECTORY = 16L << 20;

    /** One entry: its name, general purpose flag and compression method. */
    record Entry(String name, int flag, int method) {

        boolean encrypted() {
            // WinZip's AES marks the method 99 (APPNOTE 4.4.5), with bit 0 set as well
            return (flag & 1) != 0 || method == 99;
        }

        /** Whether java.util.zip can read it: not encrypted, Stored or Deflate. */
        boolean readable() {
            return !encrypted() && (method == ZipEntry.STORED || method == ZipEntry.DEFLATED);
        }
    }

    private ZipDirectory() {
    }

    /** The entries of {@code file}'s central directory, in its order; empty when it cannot be found or is cut. */
    static Optional<List<Entry>> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        } catch (EOFException cut) {
            // a record that runs past the bytes there are
            return Optional.empty();
        }
    }

    /**
     * The first entry as its local file header at the start of {@code file} gives it; its name is empty when the file
     * is cut inside it. Empty if the file does not start with a whole local header.
     */
    static Optional<Entry> firstLocal(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(30);
            if (bytes.length < 30) {
                return Optional.empty();
            }
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (header.getInt(0) != 0x04034b50) {
                return Optional.empty();
            }
            int flag = header.getShort(6) & 0xFFFF;
            int method = header.getShort(8) & 0xFFFF;
            int nameLength = header.getShort(26) & 0xFFFF;
            byte[] name = in.readNBytes(nameLength);
            return Optional.of(new Entry(name.length == nameLength ? new String(name, StandardCharsets.UTF_8) : "",
                    flag, method));
        }
    }

    private static Optional<List<Entry>> read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < END_SIZE) {
            return Optional.empty();
        }
        int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        ByteBuffer tail = readAt(ch, size - tailLength, tailLength);
        int end = -1;
        for (int i = tailLength - END_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        long count = tail.getShort(end + 10) & 0xFFFF;
        long dirSize = tail.getInt(end + 12) & 0xFFFFFFFFL;
        long dirOffset = tail.getInt(end + 16) & 0xFFFFFFFFL;
        if (count == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
            // ZIP64: the locator is the 20 bytes right before the end record
            long locatorAt = size - tailLength + end - 20;
            if (locatorAt < 0) {
                return Optional.empty();
            }
            ByteBuffer locator = readAt(ch, locatorAt, 20);
            if (locator.getInt(0) != 0x07064b50) {
                return Optional.empty();
            }
            long recordAt = locator.getLong(8);
            if (recordAt < 0 || recordAt > size - 56) {
                return Optional.empty();
            }
            ByteBuffer record = readAt(ch, recordAt, 56);
            if (record.getInt(0) != 0x06064b50) {
                return Optional.empty();
            }
            count = record.getLong(32);
            dirSize = record.getLong(40);
            dirOffset = record.getLong(48);
        }
        if (dirSize < 0 || dirSize > MAX_DIRECTORY || dirOffset < 0 || dirOffset > size - dirSize || count < 0
                || count > dirSize / 46) {
            return Optional.empty();
        }
        return entries(readAt(ch, dirOffset, (int) dirSize), count);
    }

    private static Optional<List<Entry>> entries(ByteBuffer dir, long count) {
        List<Entry> entries = new ArrayList<>((int) count);
        int at = 0;
        for (long n = 0; n < count; n++) {
            if (at + 46 > dir.limit() || dir.getInt(at) != 0x02014b50) {
                return Optional.empty();
            }
            int flag = dir.getShort(at + 8) & 0xFFFF;
            int method = dir.getShort(at + 10) & 0xFFFF;
            int nameLength = dir.getShort(at + 28) & 0xFFFF;
            int next = at + 46 + nameLength + (dir.getShort(at + 30) & 0xFFFF) + (dir.getShort(at + 32) & 0xFFFF);
            if (next > dir.limit()) {
                return Optional.empty();
            }
            byte[] name = new byte[nameLength];
            dir.get(at + 46, name);
            // java.util.zip reads names as UTF-8 too, whether bit 11 is set or not
            entries.add(new Entry(new String(name, StandardCharsets.UTF_8), flag, method));
            at = next;
        }
        return Optional.of(List.copyOf(entries));
    }

    /** {@code length} bytes at {@code position}; an {@link EOFException} when the file ends before them. */
    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new EOFException(length + " bytes at " + position + " run past the end");
            }
        }
        return buf.flip();
    }
}
