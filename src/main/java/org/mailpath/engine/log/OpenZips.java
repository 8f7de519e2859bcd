package org.mailpath.engine.log;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The zips of several CSVs among the sources of one read, each kept open from its first member opened until its last
 * member among them is read ({@link #read}), so that its members share one opened zip instead of opening it once each
 * ({@link SharedZip}), while a read of many zips still has only the one being read open (held to the end, 400 zips
 * under a limit of 256 open files left out those the limit was reached at). Close it however the read ends (done, a
 * member that throws, cancelled): in a try-with-resources around the read; it lets go of the zips still held.
 */
public final class OpenZips implements AutoCloseable {

    /** Each zip held, with how many of its members are still to be read. Guarded by this. */
    private final Map<SharedZip, Integer> toRead;

    private OpenZips(Map<SharedZip, Integer> toRead) {
        this.toRead = toRead;
    }

    /** Holds the zip of every member among {@code sources} (each zip once); nothing for whole files. */
    public static OpenZips of(List<LogSource> sources) {
        Map<SharedZip, Integer> members = new IdentityHashMap<>();
        for (LogSource s : sources) {
            if (s instanceof LogSource.ZipMember m) {
                members.merge(m.contents().zip(), 1, Integer::sum);
            }
        }
        members.keySet().forEach(SharedZip::hold);
        return new OpenZips(members);
    }

    /**
     * {@code source}, one of this read's, is read (or refused): its zip is let go of once its last member among them
     * is, and closed then (or when that member's own use of it ends). Nothing for a whole file, or once closed.
     */
    public synchronized void read(LogSource source) {
        if (source instanceof LogSource.ZipMember m) {
            SharedZip zip = m.contents().zip();
            Integer left = toRead.get(zip);
            if (left == null) {
                return;
            }
            if (left > 1) {
                toRead.put(zip, left - 1);
            } else {
                toRead.remove(zip);
                zip.letGo();
            }
        }
    }

    /** Lets go of the zips still held: each is closed now, or when its member still open is. Again does nothing. */
    @Override
    public synchronized void close() {
        toRead.keySet().forEach(SharedZip::letGo);
        toRead.clear();
    }
}
