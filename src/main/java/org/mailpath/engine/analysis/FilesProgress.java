package org.mailpath.engine.analysis;

import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.common.ProgressPhase;

/**
 * Progress over several logs read one after the other, in bytes of all the files: a file's own progress (whose
 * total may be its inflated size, for a zip) is scaled to its size on disk and added to the sizes of the files before
 * it; rows count on across files. A single file's progress is passed on as it is. A second read of the files (their
 * dates read day first, or in the other order, {@link DayFirstFiles}) is a phase of its own
 * ({@link ProgressPhase.ReadAgain}): its bytes and rows start again from none, of the files' sizes, so that the one
 * who waits is told why the bar starts over rather than see it jump back, or fill only half way, with nothing said.
 */
final class FilesProgress {

    private final ProgressListener listener;
    private final long[] sizes;
    private final long total;
    private final boolean single;
    private final ProgressPhase phase;
    private long bytesBefore;
    private long rowsBefore;

    /**
     * Progress over logs of {@code sizes} on disk (a zip's member: its compressed size,
     * {@link org.mailpath.engine.log.LogSource#size}), read in that order.
     */
    FilesProgress(long[] sizes, ProgressListener listener) {
        this(sizes, listener, ProgressPhase.FIRST);
    }

    private FilesProgress(long[] sizes, ProgressListener listener, ProgressPhase phase) {
        this.listener = listener;
        this.single = sizes.length == 1;
        this.sizes = sizes.clone();
        this.phase = phase;
        long sum = 0;
        for (long s : sizes) {
            sum += s;
        }
        this.total = sum;
    }

    /** Progress over a second read of the logs of {@code sizes}, after a first read of them all: its own phase. */
    static FilesProgress readAgain(long[] sizes, ProgressListener listener, ProgressPhase phase) {
        return new FilesProgress(sizes, listener, phase);
    }

    /** The listener for the file with index {@code k}, read after those before it. */
    ProgressListener ofFile(int k) {
        if (single) {
            return phase instanceof ProgressPhase.First ? listener : p -> listener.onProgress(p.in(phase));
        }
        long before = bytesBefore;
        long rows = rowsBefore;
        long size = sizes[k];
        return p -> {
            double fraction = Math.max(0, p.fraction());
            long done = Math.min(total, before + Math.round(fraction * size));
            listener.onProgress(new Progress(done, total, p.message(), p.items() < 0 ? -1 : rows + p.items(), phase));
        };
    }

    /** File {@code k} is read, with {@code rows} data rows; the next one's progress starts after it. */
    void fileDone(int k, long rows) {
        bytesBefore += sizes[k];
        rowsBefore += rows;
    }
}
