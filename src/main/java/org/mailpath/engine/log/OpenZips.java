package org.mailpath.engine.log;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The zips of several CSVs among the sources of one read, each kept open from its first member opened until this is
 * closed, so that its members share one opened zip instead of opening it once each ({@link SharedZip}). Close it
 * however the read ends (done, a member that throws, cancelled): in a try-with-resources around the read.
 */
public final class OpenZips implements AutoCloseable {

    private final List<SharedZip> held;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpenZips(List<SharedZip> held) {
        this.held = held;
    }

    /** Holds the zip of every member among {@code sources} (each zip once); nothing for whole files. */
    public static OpenZips of(List<LogSource> sources) {
        Set<SharedZip> zips = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LogSource s : sources) {
            if (s instanceof LogSource.ZipMember m) {
                zips.add(m.contents().zip());
            }
        }
        zips.forEach(SharedZip::hold);
        return new OpenZips(List.copyOf(zips));
    }

    /** Lets go of the zips: each is closed now, or when its member still open is. Once; again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            held.forEach(SharedZip::letGo);
        }
    }
}
