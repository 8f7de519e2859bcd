package org.mailpath.engine.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.status.StatusKnowledgeBase;

/** Small synthetic Email Log texts for tests. */
public final class LogFixtures {

    public static final String HEADER = "\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Sender\","
            + "\"Remote Host\",\"Bytes Transferred\",\"User ID\",\"Message ID Header\",\"Retry Count\","
            + "\"Seconds in Queue\",\"Delivery Stage\",\"Relay Address\",\"Relay Host\",\"Delivery Status\","
            + "\"TLS_Cipher\",\"TLS_Verified\"";
    public static final String TLS = "TLSv1.3:TLS_AES_256_GCM_SHA384";
    /** Indexes of columns in the lines {@link #row} makes (the documented order), for {@link #with} and the like. */
    public static final int INTERNAL_MESSAGE_ID = 1;
    public static final int RECIPIENT = 3;
    public static final int SENDER = 4;
    public static final int REMOTE_HOST = 5;
    public static final int USER_ID = 7;
    public static final int MESSAGE_ID_HEADER = 8;
    public static final int RETRY_COUNT = 9;
    public static final int DELIVERY_STAGE = 11;
    public static final int RELAY_ADDRESS = 12;
    public static final int RELAY_HOST = 13;
    public static final int TLS_CIPHER = 15;
    public static final int TLS_VERIFIED = 16;
    /** The columns an older export lacks: TLS_Cipher and TLS_Verified. */
    public static final List<Integer> TLS_COLUMNS = List.of(TLS_CIPHER, TLS_VERIFIED);

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

    /** The cells of a line made here (every cell quoted, none holding {@code ","}), unquoted. */
    public static List<String> cells(String line) {
        return List.of(line.substring(1, line.length() - 1).split("\",\"", -1));
    }

    /** The line of {@code cells}, each quoted. */
    public static String line(List<String> cells) {
        return cells.stream().map(LogFixtures::q).collect(Collectors.joining(","));
    }

    /** {@code line} with cell {@code column} set to {@code value}. */
    public static String with(String line, int column, String value) {
        List<String> c = new ArrayList<>(cells(line));
        c.set(column, value);
        return line(c);
    }

    /**
     * {@code row} without a Relay Address and Relay Host, as Salesforce writes a row for a domain it found no mail
     * host of: no server of the domain was tried (a row naming one tried a host of the domain, which then had one).
     */
    public static String noRelay(String row) {
        return with(with(row, RELAY_ADDRESS, ""), RELAY_HOST, "");
    }

    /**
     * Writes a log of {@link #HEADER} and {@code rows} (lines made by {@link #row}) without the columns
     * {@code lacking} (their indexes in the documented order), as a log exported without them.
     */
    public static Path writeWithout(Path dir, String name, List<Integer> lacking, String... rows) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(rows));
        return write(dir, name, lines(all.stream().map(l -> {
            List<String> kept = new ArrayList<>();
            List<String> c = cells(l);
            for (int i = 0; i < c.size(); i++) {
                if (!lacking.contains(i)) {
                    kept.add(c.get(i));
                }
            }
            return line(kept);
        }).toArray(String[]::new)));
    }

    /** The text of a log of {@link #HEADER} and {@code rows} (lines made by {@link #row}), each line ended by CRLF. */
    public static String logText(String... rows) {
        return logText(List.of(rows));
    }

    public static String logText(List<String> rows) {
        List<String> all = new ArrayList<>(rows.size() + 1);
        all.add(HEADER);
        all.addAll(rows);
        return lines(all.toArray(String[]::new));
    }

    /** Writes a log of {@link #HEADER} and {@code rows} to {@code dir} as {@code name}. */
    public static Path writeLog(Path dir, String name, String... rows) {
        return write(dir, name, logText(rows));
    }

    public static Path writeLog(Path dir, String name, List<String> rows) {
        return write(dir, name, logText(rows));
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

    /**
     * A zip of {@code entries}: name, then content (UTF-8), in turn (a name ending in '/' is a folder: its content
     * "").
     */
    public static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry(entries[i]));
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A zip of one entry, {@code name}, holding {@code content} as it is (bytes of any encoding, or a zip or gzip
     * within).
     */
    public static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** A log of one message, {@code msg}, received and delivered to a@b.example. */
    public static String deliveredLog(String msg) {
        return lines(HEADER, row(date(0), "R", "a@b.example", msg, "", ""),
                row(date(1), "D", "a@b.example", msg, "250 ok", TLS));
    }

    /** A log of one message to each of {@code recipients} in turn (m0, m1, …), received and bounced as unknown. */
    public static String bouncedToEach(List<String> recipients) {
        StringBuilder log = new StringBuilder(HEADER).append("\r\n");
        for (int m = 0; m < recipients.size(); m++) {
            String r = recipients.get(m);
            log.append(row(date(2 * m), "R", r, "m" + m, "", "")).append("\r\n");
            log.append(row(date(2 * m + 1), "P", r, "m" + m, "550 5.1.1 User unknown", "")).append("\r\n");
        }
        return log.toString();
    }

    /**
     * Four bounces: three spellings of one internationalised domain (bücher.de, XN--BCHER-KVA.DE, bücher．de) and a
     * look-alike, раypal.com with a Cyrillic р and а.
     */
    public static String idnSpellingsLog() {
        return lines(HEADER,
                row("11/16/2026 9:01", "P", "a@bücher.de", "m1", "550 5.1.1 User unknown", ""),
                row("11/16/2026 9:02", "P", "b@XN--BCHER-KVA.DE", "m2", "550 5.1.1 User unknown", ""),
                row("11/16/2026 9:03", "P", "c@bücher\uFF0Ede", "m3", "550 5.1.1 User unknown", ""),
                row("11/16/2026 9:04", "P", "d@раypal.com", "m4", "550 5.1.1 User unknown", ""));
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

    /** The analysis of {@code files} together, as the app and the command line make it (default limits). */
    public static LogAnalysis analyze(Path... files) throws UnusableLogException {
        return analyze(List.of(files));
    }

    public static LogAnalysis analyze(List<Path> files) throws UnusableLogException {
        return analyze(LogLimits.DEFAULT, files);
    }

    public static LogAnalysis analyze(LogLimits limits, Path... files) throws UnusableLogException {
        return analyze(limits, List.of(files));
    }

    private static LogAnalysis analyze(LogLimits limits, List<Path> files) throws UnusableLogException {
        return new EmailLogAnalyzer(StatusKnowledgeBase.standard(), limits).analyze(files, ProgressListener.NONE,
                Cancellation.none());
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

    /** A date in M/d/yyyy H:mm:ss, {@code i} seconds into 11/10/2026 (a day later every 50,000). */
    public static String date(int i) {
        return "11/" + (10 + i / 50_000) + "/2026 " + (i / 3600 % 24) + ":" + String.format("%02d:%02d", i / 60 % 60,
                i % 60);
    }

    /**
     * A log of {@code n} rows with quirks on both sides of the middle: rejected rows, a repeated warning, one
     * message whose rows are at the start and at the end, and (if asked) multi-line fields in the first quarter.
     */
    public static String quirkyLog(int n, String newline, boolean multiLineEarly) {
        StringBuilder sb = new StringBuilder(HEADER).append(newline);
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            String msg = i == 3 || i == n - 3 ? "spanning" : "m" + (i / 3);
            String status = "250 2.0.0 OK " + random.nextInt(1000);
            if (multiLineEarly && i < n / 4 && i % 10 == 0) {
                status = "550 5.1.1 first line\nsecond line\r\nthird line, \"quoted\"";
            }
            // the spanning message's last row is dated before its first: events are ordered by time, then line
            String row = row(i == n - 3 ? date(1) : date(i), i % 2 == 0 ? "R" : "D", "user" + (i % 97) + "@example.com", msg,
                    status, TLS);
            if (i % 173 == 5) {
                row = row.replace(date(i), "not a date");
            } else if (i % 211 == 7) {
                row = row.replace("user" + (i % 97) + "@example.com", "");
            } else if (i % 301 == 9) {
                row = row.replace("\"R\"", "\"r\"").replace("\"D\"", "\"d\"");
            }
            sb.append(row).append(newline);
            if (i % 400 == 11) {
                sb.append(newline);
            }
        }
        return sb.toString();
    }

    /**
     * A log of {@code n} rows one minute apart from 11 November 2026 0:00 (day 13 from row 2880 on, within the rows
     * the order is decided on), two rows a message, some bounced, every 500th row's date not a date; its dates written
     * day first if {@code dayFirst}.
     */
    public static String slashedLog(int n, boolean dayFirst, boolean header) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(HEADER).append("\r\n");
        }
        for (int i = 0; i < n; i++) {
            int minutes = i;
            int day = 11 + minutes / 1440;
            String time = " " + (minutes / 60 % 24) + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
            String date = (dayFirst ? day + "/11/2026" : "11/" + day + "/2026") + time;
            if (i % 500 == 499) {
                date = "not a date";
            }
            String msg = "m" + (i / 2);
            boolean bounced = i / 2 % 10 == 3;
            String event = i % 2 == 0 ? "R" : bounced ? "P" : "D";
            String status = i % 2 == 0 ? "" : bounced ? "550 5.1.1 no such user" : "250 2.0.0 OK";
            sb.append(row(date, event, "user" + (i / 2 % 37) + "@example.com", msg, status, i % 2 == 0 ? "" : TLS))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /**
     * {@code zip} with the entry {@code name}'s general purpose flag ORed with {@code flag} and, unless negative, its
     * method set to {@code method}, in its central directory header (found by its name) and its local header (at the
     * offset that header gives).
     */
    public static byte[] patchedEntry(byte[] zip, String name, int flag, int method) {
        byte[] b = zip.clone();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int central = -1;
        for (int i = 0; i + 46 + n.length <= b.length && central < 0; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 1 && b[i + 3] == 2 && (b[i + 28] & 0xFF) == n.length
                    && Arrays.equals(b, i + 46, i + 46 + n.length, n, 0, n.length)) {
                central = i;
            }
        }
        if (central < 0) {
            throw new IllegalArgumentException("no entry " + name);
        }
        int local = (b[central + 42] & 0xFF) | (b[central + 43] & 0xFF) << 8 | (b[central + 44] & 0xFF) << 16;
        for (int[] at : new int[][] {{local + 6, local + 8}, {central + 8, central + 10}}) {
            b[at[0]] |= (byte) flag;
            if (method >= 0) {
                b[at[1]] = (byte) method;
                b[at[1] + 1] = (byte) (method >> 8);
            }
        }
        return b;
    }
}
