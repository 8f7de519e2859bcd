package org.mailpath.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/** Small synthetic Email Log texts for tests. */
public final class LogFixtures {

    public static final String HEADER = "\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Sender\","
            + "\"Remote Host\",\"Bytes Transferred\",\"User ID\",\"Message ID Header\",\"Retry Count\","
            + "\"Seconds in Queue\",\"Delivery Stage\",\"Relay Address\",\"Relay Host\",\"Delivery Status\","
            + "\"TLS_Cipher\",\"TLS_Verified\"";
    public static final String TLS = "TLSv1.3:TLS_AES_256_GCM_SHA384";

    private LogFixtures() {
    }

    /** One data row in documented order; {@code msg} is used for both ids. */
    public static String row(String date, String event, String recipient, String msg, String status, String cipher) {
        return String.join(",", q(date), q("16/A4-" + msg), q(event), q(recipient), q("user@acme.example"),
                q("10.0.0.1"), q("1000"), q("005000000000001"), q(msg.isEmpty() ? "" : msg + "@sfdc.example"),
                q("0"), q("0"), q(""), q("192.0.2.1"), q("mx.example"), q(status), q(cipher), q(""));
    }

    public static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Reads a file and returns the accepted rows with the summary. */
    public static Result read(Path file) throws UnusableLogException {
        return read(file, LogLimits.DEFAULT);
    }

    public static Result read(Path file, LogLimits limits) throws UnusableLogException {
        List<LogRow> rows = new ArrayList<>();
        Consumer<LogRow> sink = rows::add;
        ReadSummary s = new EmailLogReader(limits).read(file, sink, ProgressListener.NONE, Cancellation.none());
        return new Result(rows, s);
    }

    public record Result(List<LogRow> rows, ReadSummary summary) {
        public boolean hasProblem(String fragment) {
            return summary.problems().stream().anyMatch(p -> p.message().contains(fragment));
        }
    }

    /** The main synthetic sample of the repository. */
    public static Path sample(String name) {
        return Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("assets/samples").resolve(name);
    }
}
