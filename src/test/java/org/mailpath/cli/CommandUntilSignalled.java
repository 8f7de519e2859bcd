package org.mailpath.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.common.CancelledException;
import picocli.CommandLine;

/**
 * A JVM of its own for {@link CancelledCommandsTest}: runs a command as {@code mailpath} does, its standard
 * output wherever the parent sent it (a file, as {@code > out.json}), until a signal ends it. {@code args[0]}: a file
 * created once the run is where the signal is to come; {@code args[1]}: how the run goes; the rest are its arguments.
 * <ul>
 * <li>{@code cli}: the command line itself (the parent knows otherwise when it is there: {@code probe} has connected);
 * <li>{@code checking}: {@code check} with checks that end only when cancelled, as the real ones do
 *     ({@link CancelledException});
 * <li>{@code writing}: {@code check} whose output reaches standard output in two halves, the signal (the JVM's
 *     shutdown begun) awaited between them (a slow disk or pipe): past the run's point of no return.
 * </ul>
 */
public final class CommandUntilSignalled {

    private CommandUntilSignalled() {
    }

    public static void main(String[] args) throws IOException {
        Path ready = Path.of(args[0]);
        String[] command = Arrays.copyOfRange(args, 2, args.length);
        if (args[1].equals("cli")) {
            System.exit(MailPathCommand.run(command));
        }
        CheckCommand check = new CheckCommand();
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        if (args[1].equals("checking")) {
            check.checker = (requests, options, listener, c) -> {
                CountDownLatch cancelled = new CountDownLatch(1);
                c.onCancel(cancelled::countDown);
                signalMe(ready);
                awaitUninterruptibly(cancelled);
                throw new CancelledException();
            };
        } else {
            check.checker = (requests, options, listener, c) -> new CheckReport(requests.stream()
                    .map(r -> new DomainCheckResult(r.domain(), List.of(), List.of())).toList());
            stdout = new HalfThenSignal(stdout, ready);
        }
        PrintWriter err = MailPathCommand.errorWriter(System.err, System.err.charset());
        PrintWriter out = new StandardOutput(stdout, StandardCharsets.UTF_8, () -> { });
        int code = MailPathCommand.configure(new CommandLine(check), out, err).execute(command);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void signalMe(Path ready) {
        try {
            Files.createFile(ready);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // only the cancel ends the wait
            }
        }
    }

    /**
     * Writes the first half of the first write, then awaits the signal (the JVM's shutdown begun: its hooks, the run's
     * among them, run together), then the rest.
     */
    private static final class HalfThenSignal extends FilterOutputStream {
        private final Path ready;
        private boolean first = true;

        HalfThenSignal(OutputStream out, Path ready) {
            super(out);
            this.ready = ready;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (first && len > 1) {
                first = false;
                out.write(b, off, len / 2);
                out.flush();
                CountDownLatch signalled = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(signalled::countDown));
                signalMe(ready);
                awaitUninterruptibly(signalled);
                out.write(b, off + len / 2, len - len / 2);
            } else {
                out.write(b, off, len);
            }
        }
    }
}
