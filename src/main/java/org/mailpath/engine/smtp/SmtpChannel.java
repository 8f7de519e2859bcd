package org.mailpath.engine.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.LocalText;

/**
 * The line level of one SMTP conversation: sends commands, reads replies under a deadline with caps on line
 * length, line count and bytes, and records both directions in the transcript. Not thread-safe (one per target).
 */
final class SmtpChannel {

    /** Longest server line kept in the transcript; the rest is elided. */
    private static final int TRANSCRIPT_LINE_CAP = 300;
    /** Grace before the watchdog closes the socket, so the read loop's own clean timeout normally comes first. */
    private static final long WATCHDOG_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** No countdown: wait in one piece (a TLS socket is not read again after a read timeout). */
    static final Runnable NO_TICK = () -> { };

    private final SmtpProbeOptions options;
    private final Consumer<TranscriptLine> transcript;
    private final Cancellation cancellation;
    private final Clock clock;
    private final Watchdog watchdog;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    /** True once the server sent any byte: a greeting that started but never ended is no silence. */
    private boolean anyReceived;

    SmtpChannel(Socket socket, SmtpProbeOptions options, Consumer<TranscriptLine> transcript, Cancellation cancellation)
            throws IOException {
        this.options = options;
        this.transcript = transcript;
        this.cancellation = cancellation;
        this.clock = options.clock();
        this.watchdog = new Watchdog(this::closeQuietly);
        use(socket);
    }

    /** Switches to a new socket layered over the old one (after STARTTLS). */
    void use(Socket next) throws IOException {
        this.socket = next;
        this.in = new BufferedInputStream(next.getInputStream(), 4096);
        this.out = next.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    Watchdog.Guard guard(long deadlineNanos) {
        return watchdog.arm(deadlineNanos + WATCHDOG_GRACE_NANOS);
    }

    /** True once the server sent anything, complete lines or not. */
    boolean anyReceived() {
        return anyReceived;
    }

    /** True once a deadline closed the socket. */
    boolean timedOut() {
        return watchdog.fired();
    }

    /** Sends one command line and reads its reply, all before {@code deadlineNanos}. */
    ServerReply command(String line, long deadlineNanos) throws SmtpIoException {
        try (Watchdog.Guard g = guard(deadlineNanos)) {
            rejectUnasked();
            send(line);
            return readReply(deadlineNanos, NO_TICK);
        }
    }

    void send(String line) throws SmtpIoException {
        transcript.accept(new TranscriptLine(clock.instant(), TranscriptLine.Direction.CLIENT, line));
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw failure(e, SmtpFindings.text("io.whileSending", firstWord(line)));
        }
    }

    /**
     * Reads one complete (possibly multi-line) reply. {@code onTick} runs about every {@code options.tick()} while
     * nothing arrives (only used on the plain socket: the banner countdown).
     */
    ServerReply readReply(long deadlineNanos, Runnable onTick) throws SmtpIoException {
        List<String> texts = new ArrayList<>();
        int code = -1;
        long total = 0;
        while (true) {
            String line = readLine(deadlineNanos, onTick);
            total += line.length() + 2;
            if (total > options.maxReplyBytes()) {
                throw new SmtpIoException(SmtpIoException.Kind.TOO_LONG,
                        SmtpFindings.text("io.tooManyBytes", options.maxReplyBytes()));
            }
            // RFC 5321 §4.2.1: the first digit of a reply code is 2, 3, 4 or 5
            if (line.length() < 3 || !isDigits(line.substring(0, 3)) || line.charAt(0) < '2' || line.charAt(0) > '5'
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new SmtpIoException(SmtpIoException.Kind.PROTOCOL,
                        SmtpFindings.text("io.notReplyLine", Printable.escape(line, 80)));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code < 0) {
                code = lineCode;
            } else if (lineCode != code) {
                // RFC 5321 §4.2.1: every line of a multi-line reply carries the same code
                throw new SmtpIoException(SmtpIoException.Kind.PROTOCOL, SmtpFindings.text("io.codeChanged",
                        code, lineCode, Printable.escape(line, 80)));
            }
            texts.add(line.length() > 4 ? line.substring(4) : "");
            boolean last = line.length() == 3 || line.charAt(3) == ' ';
            if (last) {
                rejectUnasked();
                return new ServerReply(code, texts);
            }
            if (texts.size() >= options.maxReplyLines()) {
                throw new SmtpIoException(SmtpIoException.Kind.TOO_LONG,
                        SmtpFindings.text("io.tooManyLines", options.maxReplyLines()));
            }
        }
    }

    private String readLine(long deadlineNanos, Runnable onTick) throws SmtpIoException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b;
            try {
                b = readByte(deadlineNanos, onTick);
            } catch (SmtpIoException e) {
                // what did arrive is the evidence of a trickling or cut-off reply (a tarpit, a broken proxy)
                if (line.size() > 0) {
                    serverLine(Printable.escape(line.toString(StandardCharsets.UTF_8), TRANSCRIPT_LINE_CAP)
                            + " (incomplete: no end of line)");
                }
                throw e;
            }
            anyReceived = true;
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                String text = new String(bytes, 0, len, StandardCharsets.UTF_8);
                serverLine(Printable.escape(text, TRANSCRIPT_LINE_CAP));
                return text;
            }
            line.write(b);
            if (line.size() > options.maxLineLength()) {
                String start = new String(line.toByteArray(), 0, 80, StandardCharsets.UTF_8);
                serverLine(Printable.escape(start, 80) + "… (cut off after " + options.maxLineLength() + " bytes)");
                throw new SmtpIoException(SmtpIoException.Kind.TOO_LONG,
                        SmtpFindings.text("io.lineTooLong", options.maxLineLength()));
            }
        }
    }

    /** A line from the server into the transcript, {@code shown} as it is printed (escaped, with any note). */
    private void serverLine(String shown) {
        transcript.accept(new TranscriptLine(clock.instant(), TranscriptLine.Direction.SERVER, shown));
    }

    /**
     * The probe never pipelines, so after a complete reply nothing may be waiting: lines the server sent unasked
     * would be taken as the replies to the next commands (and after STARTTLS they would be plaintext injected
     * into the TLS session).
     */
    private void rejectUnasked() throws SmtpIoException {
        int waiting;
        try {
            waiting = in.available();
            if (waiting <= 0) {
                return;
            }
            byte[] start = new byte[Math.min(waiting, 120)];
            int n = in.read(start, 0, start.length);
            String text = new String(start, 0, Math.max(0, n), StandardCharsets.UTF_8).strip().lines().findFirst()
                    .orElse("");
            throw new SmtpIoException(SmtpIoException.Kind.PROTOCOL,
                    SmtpFindings.text("io.unasked", Printable.escape(text, 80)));
        } catch (IOException e) {
            // nothing readable is waiting: the next read will tell what happened to the connection
        }
    }

    private int readByte(long deadlineNanos, Runnable onTick) throws SmtpIoException {
        long tickMillis = onTick == NO_TICK ? Long.MAX_VALUE : Math.max(1, options.tick().toMillis());
        while (true) {
            cancellation.throwIfCancelled();
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remaining <= 0 || watchdog.fired()) {
                throw new SmtpIoException(SmtpIoException.Kind.TIMEOUT, SmtpFindings.text("io.deadline"));
            }
            try {
                if (in.available() == 0) {
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.min(remaining, tickMillis)));
                }
                int b = in.read();
                if (b < 0) {
                    throw new SmtpIoException(SmtpIoException.Kind.CLOSED, SmtpFindings.text("io.closedByServer"));
                }
                return b;
            } catch (SocketTimeoutException e) {
                if (onTick == NO_TICK) {
                    throw new SmtpIoException(SmtpIoException.Kind.TIMEOUT, SmtpFindings.text("io.deadline"));
                }
                onTick.run();
            } catch (IOException e) {
                throw failure(e, SmtpFindings.text("io.whileReading"));
            }
        }
    }

    /** Maps an I/O error to what caused it: our deadline, the user's cancel, or the server. */
    SmtpIoException failure(IOException e, LocalText when) {
        if (cancellation.isCancelled()) {
            throw new CancelledException();
        }
        if (watchdog.fired()) {
            return new SmtpIoException(SmtpIoException.Kind.TIMEOUT, SmtpFindings.text("io.deadlineWhen", when));
        }
        if (e instanceof SocketTimeoutException) {
            return new SmtpIoException(SmtpIoException.Kind.TIMEOUT, SmtpFindings.text("io.timedOutWhen", when));
        }
        String reason = e instanceof SocketException && e.getMessage() != null ? e.getMessage() : e.toString();
        return new SmtpIoException(SmtpIoException.Kind.CLOSED,
                SmtpFindings.text("io.connectionLost", when, reason));
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort: the probe is over for this target
        }
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String firstWord(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }
}
