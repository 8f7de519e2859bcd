package org.mailpath.engine.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;

/**
 * The one opened {@link ZipFile} of a zip of several CSVs, shared by its members ({@link LogSource.ZipMember}), which
 * are read one after another. Opening a zip reads and checks its whole central directory, so opening it again for
 * each member took time quadratic in its entries (20,000 two-row CSVs: half a minute, nearly all of it there). It is
 * open while a member of it is open ({@link #use}) or a read holds it ({@link OpenZips}), and closed when neither is
 * left: a member read without a hold (a report's rows read again) opens and closes it on its own, as before.
 */
final class SharedZip {

    private static final System.Logger LOG = System.getLogger(SharedZip.class.getName());

    private final Path file;
    /** Open, or null. Guarded by this. */
    private ZipFile zip;
    /** Members open and holds on it. Guarded by this. */
    private int users;
    /** How many times it was opened (tests: once per read when held). Guarded by this. */
    private int opened;

    SharedZip(Path file) {
        this.file = file;
    }

    /** A member's use of the zip, which it lets go of once, however often closed. */
    final class Use implements Closeable {

        private final ZipFile zip;
        private final AtomicBoolean done = new AtomicBoolean();

        private Use(ZipFile zip) {
            this.zip = zip;
        }

        /** The opened zip, shared: its entries' streams are closed by whoever opened them, the zip by this. */
        ZipFile zip() {
            return zip;
        }

        @Override
        public void close() {
            if (done.compareAndSet(false, true)) {
                letGo();
            }
        }
    }

    /** The zip for a member: the one open, else opened now. */
    synchronized Use use() throws IOException {
        if (zip == null) {
            zip = new ZipFile(file.toFile());
            opened++;
        }
        users++;
        return new Use(zip);
    }

    /** A read holds it open for its members to come (opened by the first of them). */
    synchronized void hold() {
        users++;
    }

    /** A member or a read is done with it: closed when no one is left. */
    synchronized void letGo() {
        if (--users > 0 || zip == null) {
            return;
        }
        try {
            zip.close();
        } catch (IOException e) {
            // only read from: nothing lost, and the members' reading has said all there is to say
            LOG.log(System.Logger.Level.DEBUG, "closing " + file, e);
        }
        zip = null;
    }

    /** Whether it is open now. */
    synchronized boolean isOpen() {
        return zip != null;
    }

    /** How many times it was opened. */
    synchronized int timesOpened() {
        return opened;
    }
}
