package org.mailpath.engine.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Bytes {@code from} (inclusive) to {@code to} (exclusive) of a file, read through a channel of its own. */
final class FileRangeStream extends InputStream {

    private final FileChannel channel;
    private long position;
    private final long end;

    FileRangeStream(Path file, long from, long to) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = from;
        this.end = to;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
