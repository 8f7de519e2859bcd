package org.mailpath.ui.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The lock a settings write holds while it reads the file, merges its changes and moves its new file in, so that two
 * MailPaths saving at the same moment do not each merge into the file as it was before the other's write (one change
 * was lost). It is a file beside the settings ({@code settings.properties.lock}), never the settings file itself: that
 * is replaced by a move, and a lock on the old file would not stop the next writer.
 *
 * <p>Settings are a convenience, so the lock never stops a save: where it cannot be had (a file system without locks, a
 * folder where the lock file cannot be created) the write goes on without it, as it did before there was a lock. A
 * lock held by another MailPath is waited for a bounded time ({@link #TRIES} tries, {@link #BETWEEN_TRIES} apart): a
 * write holds it for milliseconds, so one held longer belongs to a MailPath that hangs, and a blocking lock would have
 * hung this one's writes (and its close, which waits for them) with it.
 */
final class SettingsLock {

    static final int TRIES = 20;
    static final Duration BETWEEN_TRIES = Duration.ofMillis(50);
    private static final String SUFFIX = ".lock";
    private static final System.Logger LOG = System.getLogger(SettingsLock.class.getName());

    /** What is done between two tries; tests pass their own, so that none depends on how long anything takes. */
    @FunctionalInterface
    interface Pause {
        Pause SLEEP = () -> Thread.sleep(BETWEEN_TRIES);

        void pause() throws InterruptedException;
    }

    /** The outcome of {@link #hold()}: closing it lets the next writer in. */
    sealed interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock is this write's until closed. */
    record Locked(FileChannel channel, FileLock lock) implements Held {
        @Override
        public void close() {
            SettingsLock.close(channel); // releases the lock with it
        }
    }

    /** The write goes on without the lock, for the reason given (for the log). */
    record Unlocked(String why) implements Held {
        @Override
        public void close() {
        }
    }

    private final Path file;
    private final Pause pause;

    private SettingsLock(Path file, Pause pause) {
        this.file = file;
        this.pause = pause;
    }

    /** The lock for {@code settings}: the file of its name with {@code .lock} added, beside it. */
    static SettingsLock beside(Path settings, Pause pause) {
        return new SettingsLock(settings.resolveSibling(settings.getFileName() + SUFFIX), pause);
    }

    Path file() {
        return file;
    }

    /**
     * Takes the lock, waiting for another writer at most {@link #TRIES} tries; the folder must exist. Never fails: what
     * keeps the lock from being had gives {@link Unlocked}.
     */
    Held hold() {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return unlocked("the lock file cannot be opened (" + e + ")");
        }
        // one channel for every try: closing a channel can release each lock this process holds on the file
        for (int tried = 1; ; tried++) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Locked(channel, lock);
                }
            } catch (OverlappingFileLockException e) {
                // held by another writer in this process (two stores on one file): wait as for another MailPath
            } catch (IOException | RuntimeException e) {
                close(channel);
                return unlocked("the file system gives no lock (" + e + ")");
            }
            if (tried == TRIES) {
                close(channel);
                return unlocked("held by another writer through " + TRIES + " tries");
            }
            try {
                pause.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close(channel);
                return unlocked("interrupted while waiting");
            }
        }
    }

    private Unlocked unlocked(String why) {
        LOG.log(System.Logger.Level.DEBUG, "saving settings without the lock " + file + ": " + why);
        return new Unlocked(why);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the settings lock", e);
        }
    }
}
