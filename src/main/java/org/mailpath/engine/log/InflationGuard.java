package org.mailpath.engine.log;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/** Counts uncompressed bytes and stops at the {@link LogLimits} (zip and gzip bombs). */
final class InflationGuard extends FilterInputStream {

    private final LogLimits limits;
    private final LongSupplier compressedRead;
    private long inflated;

    InflationGuard(InputStream in, LogLimits limits, LongSupplier compressedRead) {
        this(in, limits, compressedRead, 0);
    }

    /**
     * A guard that counts on from {@code inflatedBefore}: a zip's member read after others, the limits holding for
     * the zip as a whole ({@link ZipContents}).
     */
    InflationGuard(InputStream in, LogLimits limits, LongSupplier compressedRead, long inflatedBefore) {
        super(in);
        this.limits = limits;
        this.compressedRead = compressedRead;
        this.inflated = inflatedBefore;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        inflated += n;
        if (inflated > limits.maxInflatedBytes()) {
            throw new LogLimitException(LogTexts.text("limit.inflated", limits.maxInflatedBytes() >> 20), 0);
        }
        long compressed = Math.max(1, compressedRead.getAsLong());
        if (inflated > limits.ratioFloorBytes() && inflated / compressed > limits.maxInflationRatio()) {
            throw new LogLimitException(LogTexts.text("limit.ratio", inflated >> 20, limits.maxInflationRatio()), 0);
        }
    }

    long inflated() {
        return inflated;
    }
}
