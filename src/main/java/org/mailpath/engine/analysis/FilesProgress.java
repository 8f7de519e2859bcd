package org.mailpath.engine.analysis;

import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;

/**
 * Progress over several logs read one after the other, in bytes of all the files: a file's own progress (whose
 * total may be its inflated size, for a zip) is scaled to its size on disk and added to the sizes of the files before
 * it; rows count on across files. A single file's progress is passed on as it is. A second read of the files (their
 * dates read day first, {@link DayFirstFiles}) goes on from where the first ended: its bytes are added to the first
 * read's, of a total that grows to both reads' once it is known, so the bytes done never go back; its rows are not
 * counted, as they would count from none again (the analysis gives them when done).
 */
final class FilesProgress {

    private final ProgressListener listener;
    private final long[] sizes;
    private final long total;
    private final boolean single;
    /** The bytes done before this read: a first read's, for a second one; 0 otherwise. */
    private final long readBefore;
    private long bytesBefore;
    private long rowsBefore;

    /**
     * Progress over logs of {@code sizes} on disk (a zip's member: its compressed size,
     * {@link org.mailpath.engine.log.LogSource#size}), read in that order.
     */
    FilesProgress(long[] sizes, ProgressListener listener) {
        this(sizes, listener, false);
    }

    private FilesProgress(long[] sizes, ProgressListener listener, boolean again) {
        this.listener = listener;
        this.single = sizes.length == 1 && !again;
        this.sizes = sizes.clone();
        long sum = 0;
        for (long s : sizes) {
            sum += s;
        }
        this.readBefore = again ? sum : 0;
        this.total = readBefore + sum;
    }

    /** Progress over a second read of the logs of {@code sizes}, after a first read of them all. */
    static FilesProgress readAgain(long[] sizes, ProgressListener listener) {
        return new FilesProgress(sizes, listener, true);
    }

    /** The listener for the file with index {@code k}, read after those before it. */
    ProgressListener ofFile(int k) {
        if (single) {
            return listener;
        }
        long before = readBefore + bytesBefore;
        long rows = rowsBefore;
        boolean countRows = readBefore == 0;
        long size = sizes[k];
        return p -> {
            double fraction = Math.max(0, p.fraction());
            long done = Math.min(total, before + Math.round(fraction * size));
            listener.onProgress(new Progress(done, total, p.message(), p.items() < 0 || !countRows ? -1 : rows + p.items()));
        };
    }

    /** File {@code k} is read, with {@code rows} data rows; the next one's progress starts after it. */
    void fileDone(int k, long rows) {
        bytesBefore += sizes[k];
        rowsBefore += rows;
    }
}
