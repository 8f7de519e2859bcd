package org.mailpath.report.pdf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.io.RandomAccessStreamCache;

/**
 * Where PDFBox keeps the bytes of a document's streams (each page's content, the fonts) while the document is built
 * and saved: in memory up to {@link #IN_MEMORY} bytes in all, and beyond that the streams written longest ago are
 * moved to one temporary file, each as one run of bytes, read from there when the document is saved. PDFBox's own
 * file-backed cache ({@code IOUtils.createTempFileOnlyStreamCache()}, a ScratchFile) keeps a 4 KB page of every
 * stream in memory for as long as the stream lives, so a report of 40,000 pages (two streams each) held over 300 MB
 * of them: memory grew with the number of pages however small each page's content. Here a stream moved to the file
 * keeps only its place and length. A stream written again after it was moved is read back into memory first.
 * Not thread-safe: one document is built by one thread.
 */
final class SpillingStreamCache implements RandomAccessStreamCache {

    /** Bytes of stream data kept in memory in all, by default, before the oldest are moved to the file. */
    static final int IN_MEMORY = 4 << 20;
    private static final int FIRST_CAPACITY = 256;

    /** The buffers holding their bytes in memory, the one written longest ago first. */
    private final SequencedSet<Buffer> inMemory = new LinkedHashSet<>();
    private long memoryBytes;
    private Path path;
    private FileChannel file;
    private long fileEnd;
    private boolean closed;
    private final long inMemoryLimit;
    /**
     * The one moved stream whose bytes are read back into memory for reading ({@link Buffer#back}): PDFBox reads a
     * stream byte by byte when it saves the document, and one read of the file per byte made a large report's save
     * slow; holding one stream at a time keeps memory bounded.
     */
    private Buffer readingBack;

    SpillingStreamCache() {
        this(IN_MEMORY);
    }

    /** A cache keeping up to {@code inMemoryLimit} bytes of stream data in memory. */
    SpillingStreamCache(long inMemoryLimit) {
        this.inMemoryLimit = inMemoryLimit;
    }

    @Override
    public RandomAccess createBuffer() throws IOException {
        if (closed) {
            throw new IOException("stream cache already closed");
        }
        return new Buffer();
    }

    /** Bytes of stream data now held in memory (the capacity of the buffers in memory). */
    long memoryBytes() {
        return memoryBytes;
    }

    /** Bytes of stream data moved to the temporary file so far. */
    long fileBytes() {
        return fileEnd;
    }

    /** The temporary file, once streams have been moved to it. */
    Optional<Path> temporaryFile() {
        return Optional.ofNullable(path);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        inMemory.clear();
        memoryBytes = 0;
        readingBack = null;
        if (file != null) {
            file.close();
            file = null;
            // DELETE_ON_CLOSE is best effort (on Linux the name is gone at once, on Windows at close): no log data is
            // left behind
            Files.deleteIfExists(path);
        }
    }

    /** {@code buffer} was just written: it is the newest, and the oldest others leave memory if there are too many. */
    private void written(Buffer buffer) throws IOException {
        // PDFBox writes a page's content in many small writes to one stream: move it to the end only once
        if (inMemory.isEmpty() || inMemory.getLast() != buffer) {
            inMemory.remove(buffer);
            inMemory.addLast(buffer);
        }
        if (memoryBytes <= inMemoryLimit) {
            return;
        }
        List<Buffer> oldest = new ArrayList<>();
        long left = memoryBytes;
        for (Buffer b : inMemory) {
            if (left <= inMemoryLimit / 2) {
                break;
            }
            if (b != buffer) {
                oldest.add(b);
                left -= b.data.length;
            }
        }
        for (Buffer b : oldest) {
            b.spill();
        }
    }

    private FileChannel file() throws IOException {
        if (file == null) {
            // createTempFile makes it readable by its owner only: it holds what the report shows of the logs
            path = Files.createTempFile("mailpath-pdf-", ".tmp");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
        return file;
    }

    private long append(byte[] bytes, int length) throws IOException {
        FileChannel f = file();
        long at = fileEnd;
        ByteBuffer src = ByteBuffer.wrap(bytes, 0, length);
        long pos = at;
        while (src.hasRemaining()) {
            pos += f.write(src, pos);
        }
        fileEnd += length;
        return at;
    }

    private void readAt(long at, byte[] into, int off, int length) throws IOException {
        ByteBuffer dst = ByteBuffer.wrap(into, off, length);
        long pos = at;
        while (dst.hasRemaining()) {
            int n = file.read(dst, pos);
            if (n < 0) {
                throw new EOFException("stream cache file ends early");
            }
            pos += n;
        }
    }

    /** One stream's bytes: in memory ({@code data}), or in the file from {@code offset}. */
    private final class Buffer implements RandomAccess {
        private byte[] data = new byte[0];
        private long offset = -1;
        private int size;
        private int position;
        private boolean bufferClosed;
        /** This moved stream's bytes read back for reading, while it is the cache's {@link #readingBack}. */
        private byte[] back;

        private void spill() throws IOException {
            offset = append(data, size);
            memoryBytes -= data.length;
            data = null;
            inMemory.remove(this);
        }

        /** Makes room for {@code more} bytes at the position, in memory (read back from the file if moved there). */
        private void writable(int more) throws IOException {
            checkOpen();
            if (data == null) {
                byte[] restored = new byte[Math.max(size, FIRST_CAPACITY)];
                readAt(offset, restored, 0, size);
                forgetBack();
                data = restored;
                offset = -1;
                memoryBytes += restored.length;
            }
            long needed = (long) position + more;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IOException("stream too long for the report: " + needed + " bytes");
            }
            if (needed > data.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(needed, Math.max(FIRST_CAPACITY, 2L * data.length)));
                byte[] grown = new byte[capacity];
                System.arraycopy(data, 0, grown, 0, size);
                memoryBytes += capacity - data.length;
                data = grown;
            }
        }

        @Override
        public void write(int b) throws IOException {
            writable(1);
            data[position++] = (byte) b;
            size = Math.max(size, position);
            written(this);
        }

        @Override
        public void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writable(len);
            System.arraycopy(b, off, data, position, len);
            position += len;
            size = Math.max(size, position);
            written(this);
        }

        @Override
        public void clear() throws IOException {
            checkOpen();
            release();
            forgetBack();
            data = new byte[0];
            offset = -1;
            size = 0;
            position = 0;
        }

        @Override
        public int read() throws IOException {
            checkOpen();
            if (position >= size) {
                return -1;
            }
            return (data != null ? data : readBack())[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkOpen();
            if (len == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int n = Math.min(len, size - position);
            System.arraycopy(data != null ? data : readBack(), position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long getPosition() throws IOException {
            checkOpen();
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            checkOpen();
            if (to < 0) {
                throw new IOException("Negative seek offset: " + to);
            }
            if (to > size) {
                throw new EOFException();
            }
            position = (int) to;
        }

        @Override
        public long length() throws IOException {
            checkOpen();
            return size;
        }

        @Override
        public boolean isClosed() {
            return bufferClosed || closed;
        }

        @Override
        public boolean isEOF() throws IOException {
            checkOpen();
            return position >= size;
        }

        @Override
        public RandomAccessReadView createView(long start, long length) throws IOException {
            checkOpen();
            return new RandomAccessReadView(this, start, length);
        }

        @Override
        public void close() {
            if (!bufferClosed) {
                bufferClosed = true;
                release();
                forgetBack();
                data = null;
            }
        }

        /** This moved stream's bytes, read back from the file once; the stream read back before lets go of its own. */
        private byte[] readBack() throws IOException {
            if (back == null) {
                byte[] bytes = new byte[size];
                readAt(offset, bytes, 0, size);
                if (readingBack != null) {
                    readingBack.back = null;
                }
                back = bytes;
                readingBack = this;
            }
            return back;
        }

        private void forgetBack() {
            back = null;
            if (readingBack == this) {
                readingBack = null;
            }
        }

        /** Gives up the memory held (the file's bytes, if moved there, stay unused until the cache closes). */
        private void release() {
            if (data != null) {
                memoryBytes -= data.length;
                inMemory.remove(this);
            }
        }

        private void checkOpen() throws IOException {
            if (isClosed()) {
                throw new IOException("stream buffer already closed");
            }
        }
    }
}
