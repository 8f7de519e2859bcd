package org.mailpath.engine.log;

/**
 * Safety limits for reading untrusted files. {@code maxInflatedBytes}: a compressed log is read only up to this
 * many uncompressed bytes; {@code maxInflationRatio}: beyond {@code ratioFloorBytes}, uncompressed/compressed may
 * not exceed this (zip/gzip bombs; real CSV compresses about 10–30:1); {@code maxRecordChars}: one record may not
 * be longer (a 50 MB field or an unclosed quote would otherwise take the whole file into memory);
 * {@code maxStoredProblems}: problems kept with details (all are counted).
 */
public record LogLimits(long maxInflatedBytes, int maxInflationRatio, long ratioFloorBytes, int maxRecordChars,
                        int maxStoredProblems) {

    public static final LogLimits DEFAULT = new LogLimits(4L << 30, 200, 64L << 20, 4 << 20, 1000);
}
