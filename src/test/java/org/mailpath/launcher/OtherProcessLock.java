package org.mailpath.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on a file held by another process, as another MailPath running holds its log's: the test goes on once the
 * process says it holds it, and {@link #close()} ends it. Run as its own {@code main} in a child JVM.
 */
final class OtherProcessLock implements AutoCloseable {

    private final Process process;

    private OtherProcessLock(Process process) {
        this.process = process;
    }

    static OtherProcessLock on(Path file) throws IOException {
        Path classes;
        try {
            classes = Path.of(OtherProcessLock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), OtherProcessLock.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String said = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(said)) {
            p.destroy();
            throw new IllegalStateException("the other process did not lock " + file + ": " + said);
        }
        return new OtherProcessLock(p);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.getOutputStream().close(); // its stdin ends: it lets go and exits
        process.waitFor();
    }

    /** Locks {@code args[0]} and holds it until stdin ends. */
    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            System.out.println(channel.tryLock() != null ? "locked" : "held by another");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
