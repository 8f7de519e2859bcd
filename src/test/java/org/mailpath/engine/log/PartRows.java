package org.mailpath.engine.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * Collects the rows of one part of a log read in parts ({@link EmailLogReader#readInParts}): the one collector the
 * tests of reading in halves share, so that each compares one pass and two halves the same way.
 */
final class PartRows implements Consumer<LogRow> {

    final List<LogRow> rows = new ArrayList<>();

    @Override
    public void accept(LogRow row) {
        rows.add(row);
    }

    /** A collector for each of {@code n} parts. */
    static List<PartRows> forParts(int n) {
        return Stream.generate(PartRows::new).limit(n).toList();
    }

    /**
     * {@code file} read in parts, in two halves when it is at least {@code splitMinBytes} long (0: always;
     * {@link Long#MAX_VALUE}: in one pass), with the default limits, no progress and no cancellation.
     */
    static PartedRead<PartRows> readInParts(Path file, long splitMinBytes) throws UnusableLogException {
        return new EmailLogReader(LogLimits.DEFAULT, splitMinBytes).readInParts(file, PartRows::forParts,
                ProgressListener.NONE, Cancellation.none());
    }

    /** The rows of every part of {@code read}, in order. */
    static List<LogRow> rows(PartedRead<PartRows> read) {
        return read.parts().stream().flatMap(p -> p.rows.stream()).toList();
    }
}
