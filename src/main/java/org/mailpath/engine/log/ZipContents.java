package org.mailpath.engine.log;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a zip of several CSVs holds, shared by its {@link LogSource.ZipMember}s: every entry's name and the CSVs read,
 * in the zip's order, and the bytes inflated from the members read so far. The members are read one after another,
 * each through its own {@link InflationGuard}, which starts from what the members before it inflated: the limits hold
 * for the zip as a whole, as for a zip of one CSV. Without that, many small members each under the ratio's floor
 * would inflate far beyond the limits together, and so would entries that overlap to share one compressed kernel
 * (David Fifield's non-recursive zip bomb, 2019, which goes past DEFLATE's 1032:1 that way): the members' ratio is
 * taken against the zip's size on disk, which no overlap can shrink. What of the zip is not read is said once, with
 * the warnings of the first member read ({@link #leftOutSaid}). The zip is opened once for its members
 * ({@link #zip}) while a read holds it ({@link OpenZips}); each read has contents of its own ({@link #unread}).
 */
public final class ZipContents {

    private final Path file;
    private final SharedZip zip;
    private final List<String> entries;
    private final List<String> csvs;
    private final long zipSize;
    private final AtomicLong inflated = new AtomicLong();
    private final AtomicBoolean leftOutSaid = new AtomicBoolean();
    /** Found when first asked for. Guarded by this. */
    private List<String> notRead;

    ZipContents(Path file, List<String> entries, List<String> csvs, long zipSize) {
        this.file = file;
        this.zip = new SharedZip(file);
        this.entries = List.copyOf(entries);
        this.csvs = List.copyOf(csvs);
        this.zipSize = zipSize;
    }

    /** The same zip's contents before any member is read: for a second read of its members. */
    ZipContents unread() {
        return new ZipContents(file, entries, csvs, zipSize);
    }

    /** The zip, opened once for the members read while a read holds it. */
    SharedZip zip() {
        return zip;
    }

    /** The CSVs read, in the zip's order. */
    List<String> csvs() {
        return csvs;
    }

    /** What of the zip is not read ({@link ZipLeftOut#notRead}), found once: each member refused asks again. */
    synchronized List<String> notRead() {
        if (notRead == null) {
            notRead = ZipLeftOut.notRead(entries, csvs);
        }
        return notRead;
    }

    /** The zip file's size: the most compressed bytes its members can have been inflated from together. */
    long zipSize() {
        return zipSize;
    }

    /** Bytes inflated from the members read so far. */
    long inflatedBefore() {
        return inflated.get();
    }

    /** A member is read (or given up): {@code bytes} more were inflated from the zip. */
    void addInflated(long bytes) {
        inflated.addAndGet(bytes);
    }

    /**
     * Whether a member was read, and so said what of the zip was left out: until then each member opened says it, as
     * the first CSV may be no log at all and the warning would go with its refusal.
     */
    boolean leftOutSaid() {
        return leftOutSaid.get();
    }

    /** A member was read, its warnings among the analysis's: what was left out is said. */
    void sayLeftOut() {
        leftOutSaid.set(true);
    }
}
