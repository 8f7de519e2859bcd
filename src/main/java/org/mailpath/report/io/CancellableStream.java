package org.mailpath.report.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.mailpath.engine.common.Cancellation;

/**
 * What a renderer writes a report to: stops it at its next write once cancelled, and counts the bytes written.
 * Renderers do not look at the cancel themselves, and a large PDF takes long enough to render that a cancel must stop
 * it. Closing it flushes and leaves the stream it writes to open, for its owner to close.
 */
public final class CancellableStream extends FilterOutputStream {
    private final Cancellation cancellation;
    private long count;

    public CancellableStream(OutputStream out, Cancellation cancellation) {
        super(out);
        this.cancellation = cancellation;
    }

    /** The bytes written so far. */
    public long count() {
        return count;
    }

    /** @throws org.mailpath.engine.common.CancelledException when cancelled */
    @Override
    public void write(int b) throws IOException {
        cancellation.throwIfCancelled();
        out.write(b);
        count++;
    }

    /** @throws org.mailpath.engine.common.CancelledException when cancelled */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        cancellation.throwIfCancelled();
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
