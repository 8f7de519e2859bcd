package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Issue 7's corpus of malformed inputs, each with its expected outcome: ANALYSED (everything usable was analysed,
 * possibly with warnings), PARTIAL (reading stopped early, rows before it were analysed) or UNUSABLE (one sentence
 * naming the file). Small inputs live in src/test/resources/badfiles; big ones (50 MB field, 100,000 columns, a
 * million empty lines, bombs) are generated here into a temp folder. The input is never written to (hash and
 * modification time are checked). Writes target/badfiles-report.md.
 */
class BadFilesCorpusTest {

    /** Test limits: small enough that bombs are caught within seconds (the defaults are 4 GB / 200:1 / 64 MB). */
    private static final LogLimits LIMITS = new LogLimits(256L << 20, 200, 1L << 20, 4 << 20, 1000);
    private static final List<String> REPORT = new ArrayList<>();
    private static final String R = row("3/06/2026 13:37", "R", "admin@acme.example", "m1", "", "");
    private static final String D = row("3/06/2026 13:42", "D", "admin@acme.example", "m1", "250 2.0.0 OK", TLS);
    private static final String P = row("3/06/2026 13:43", "P", "bob@acme.example", "m2", "550 5.1.1 unknown", "");

    @TempDir
    static Path dir;

    enum Outcome { ANALYSED, PARTIAL, UNUSABLE }

    record Case(String name, Function<Path, Path> input, Outcome outcome, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("empty file", d -> res(d, "empty.csv"), Outcome.UNUSABLE, "is empty (0 bytes)"));
        c.add(new Case("header only", d -> res(d, "header-only.csv"), Outcome.UNUSABLE, "header row but no data rows"));
        c.add(new Case("header only, no final newline", d -> text(d, "h.csv", HEADER), Outcome.UNUSABLE, "no data rows"));
        c.add(new Case("one line of plain text named .csv.gz", d -> text(d, "plain.csv.gz", "notgzip\n"), Outcome.UNUSABLE, "plain.csv.gz is not an Email Log: its only line is neither a header MailPath recognizes nor a data row."));
        c.add(new Case("one line of plain text named .zip", d -> text(d, "plain.zip", "not a zip"), Outcome.UNUSABLE, "its only line is neither a header"));
        c.add(new Case("only a BOM", d -> bytes(d, "bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), Outcome.UNUSABLE, "contains no rows"));
        c.add(new Case("binary garbage", d -> bytes(d, "garbage.csv", random(4096)), Outcome.UNUSABLE, "not a CSV file"));
        c.add(new Case("PNG renamed .csv", d -> res(d, "image.png.csv"), Outcome.UNUSABLE, "it is a PNG image"));
        c.add(new Case("PDF renamed .csv", d -> res(d, "document.pdf.csv"), Outcome.UNUSABLE, "it is a PDF document"));
        c.add(new Case("HTML error page saved as .csv", d -> res(d, "html-page.csv"), Outcome.UNUSABLE, "HTML or XML document"));
        c.add(new Case("JSON file renamed .csv", d -> res(d, "json.csv"), Outcome.UNUSABLE, "it is JSON data"));
        c.add(new Case("UTF-16LE with BOM", d -> bytes(d, "u16.csv", log(R, D).getBytes(StandardCharsets.UTF_16LE), 0xFF, 0xFE), Outcome.ANALYSED, "UTF-16"));
        c.add(new Case("UTF-16BE without BOM", d -> bytes(d, "u16be.csv", log(R, D).getBytes(StandardCharsets.UTF_16BE)), Outcome.ANALYSED, "UTF-16BE"));
        c.add(new Case("Windows-1252 (not UTF-8)", d -> res(d, "windows-1252.csv"), Outcome.ANALYSED, "Windows-1252"));
        c.add(new Case("Windows-1252 only after 64 KB of ASCII", d -> lateEncoding(d, ""), Outcome.ANALYSED, "read as Windows-1252"));
        c.add(new Case("UTF-8 after 64 KB of ASCII, then Windows-1252", d -> lateEncoding(d, "m\u00fcller@acme.example"), Outcome.ANALYSED, "is UTF-8 but for 1 byte that is not"));
        c.add(new Case("NUL bytes in fields", d -> res(d, "nul-bytes.csv"), Outcome.ANALYSED, "NUL characters"));
        c.add(new Case("unclosed quote at the end", d -> res(d, "unclosed-quote.csv"), Outcome.ANALYSED, "is not closed on its line"));
        c.add(new Case("50 MB single field", BadFilesCorpusTest::hugeField, Outcome.ANALYSED, "line 4: The row is longer than 4,194,304 characters"));
        c.add(new Case("an 8 MB line right after the header", BadFilesCorpusTest::hugeFirstRow, Outcome.ANALYSED, "line 2: The row is longer than 4,194,304 characters"));
        c.add(new Case("an 8 MB line as the only row", BadFilesCorpusTest::hugeOnlyRow, Outcome.UNUSABLE, "has no usable row: its one row, line 2, was rejected. The row is longer"));
        c.add(new Case("100,000 columns in one row", BadFilesCorpusTest::manyColumns, Outcome.ANALYSED, "more fields than the header"));
        c.add(new Case("100,000 columns in the header", BadFilesCorpusTest::manyHeaderColumns, Outcome.UNUSABLE, "no usable row"));
        c.add(new Case("a million empty lines between rows", BadFilesCorpusTest::millionEmptyLines, Outcome.ANALYSED, ""));
        c.add(new Case("a million empty lines only", d -> repeat(d, "empty-lines.csv", "", "\n", 1_000_000), Outcome.UNUSABLE, "only empty lines"));
        c.add(new Case("wrong delimiter (|)", d -> res(d, "pipe-delimited.csv"), Outcome.UNUSABLE, "separated by '|', a separator MailPath does not read"));
        c.add(new Case("duplicated header names", d -> res(d, "duplicate-header.csv"), Outcome.ANALYSED, "more than once"));
        c.add(new Case("header repeated mid-file", d -> text(d, "rep.csv", log(R, HEADER, D)), Outcome.ANALYSED, "repeated once"));
        c.add(new Case("rows with more columns", d -> text(d, "more.csv", log(R + ",\"extra\",\"x\"", D)), Outcome.ANALYSED, "more fields than the header"));
        c.add(new Case("rows with fewer columns", d -> res(d, "fewer-columns.csv"), Outcome.ANALYSED, "different number of columns"));
        c.add(new Case("row too short to have a recipient", d -> text(d, "short.csv", log(R, "\"3/06/2026 13:37\",\"x\",\"R\"")), Outcome.ANALYSED, "The Recipient column is empty"));
        c.add(new Case("dates in the future", d -> text(d, "future.csv", log(R.replace("3/06/2026", "3/06/2040"), D)), Outcome.ANALYSED, "implausible date"));
        c.add(new Case("dates beyond what the analysis keeps", d -> text(d, "far.csv", log(R.replace("3/06/2026", "3/06/2099"), D)), Outcome.ANALYSED, "line 2: '3/06/2099 13:37' is outside the dates MailPath can analyse (1932 to 2067"));
        c.add(new Case("dates before 1970", d -> text(d, "old.csv", log(R.replace("3/06/2026", "3/06/1969"), D)), Outcome.ANALYSED, "implausible date"));
        c.add(new Case("impossible dates (13/45/2026)", d -> text(d, "bad-date.csv", log(R.replace("3/06/2026", "13/45/2026"), D)), Outcome.ANALYSED, "is not a date"));
        c.add(new Case("lower-case event letters", d -> text(d, "lower.csv", log(R.replace("\"R\"", "\"r\""), D.replace("\"D\"", "\"d\""))), Outcome.ANALYSED, "lower-case Mail Event"));
        c.add(new Case("unknown event letters only", d -> text(d, "xm.csv", log(R.replace("\"R\"", "\"X\""), D.replace("\"D\"", "\"M\""))), Outcome.UNUSABLE, "not a known Mail Event"));
        c.add(new Case("stray quotes inside unquoted fields", d -> res(d, "stray-quotes.csv"), Outcome.ANALYSED, ""));
        c.add(new Case("old Mac CR-only line ends", d -> text(d, "cr.csv", log(R, D).replace("\r\n", "\r")), Outcome.ANALYSED, ""));
        c.add(new Case("many rejected rows (problems capped)", BadFilesCorpusTest::manyRejected, Outcome.ANALYSED, "more problems were counted"));
        // each CSV read as if given on its own: the same log twice, so the second's rows are copies of the first's
        c.add(new Case("zip with several CSVs", d -> zip(d, "several.zip", "a.csv", "b.csv"), Outcome.ANALYSED, "line 2 repeats line 2 of several.zip!a.csv"));
        c.add(new Case("zip with several files, no CSV", d -> zip(d, "no-csv.zip", "a.txt", "b.txt"), Outcome.UNUSABLE, "none of them is a CSV file"));
        c.add(new Case("zip with one CSV and a readme", d -> zip(d, "csv-and-readme.zip", "log.csv", "README.txt"), Outcome.ANALYSED, "only log.csv"));
        c.add(new Case("zip with no file", d -> zip(d, "none.zip"), Outcome.UNUSABLE, "empty zip file"));
        c.add(new Case("zip with only a folder", d -> zip(d, "folder.zip", "logs/"), Outcome.UNUSABLE, "no file in it"));
        c.add(new Case("zip with a path-traversal entry name", d -> zip(d, "traversal.zip", "../../../etc/evil.csv"), Outcome.ANALYSED, "never extracts"));
        c.add(new Case("zip bomb (repeated rows)", d -> bomb(d, "bomb.zip", true, rowsBlock()), Outcome.PARTIAL, "compression bomb"));
        c.add(new Case("zip bomb (zeros)", d -> bomb(d, "zeros.zip", true, new byte[1 << 20]), Outcome.UNUSABLE, "binary data"));
        c.add(new Case("gzip bomb (repeated rows)", d -> bomb(d, "bomb.csv.gz", false, rowsBlock()), Outcome.PARTIAL, "compression bomb"));
        c.add(new Case("gzip bomb (zeros)", d -> bomb(d, "zeros.csv.gz", false, new byte[1 << 20]), Outcome.UNUSABLE, "binary data"));
        c.add(new Case("truncated gzip", BadFilesCorpusTest::truncatedGzip, Outcome.PARTIAL, "ends unexpectedly"));
        c.add(new Case("gzip cut off within its first 64 KB", BadFilesCorpusTest::earlyTruncatedGzip, Outcome.PARTIAL, "ends unexpectedly after line"));
        c.add(new Case("truncated zip", d -> truncate(zip(d, "t.zip", "log.csv"), 40), Outcome.UNUSABLE, "damaged"));
        c.add(new Case("gzip header followed by garbage", d -> bytes(d, "fake.gz", random(2000), 0x1F, 0x8B), Outcome.UNUSABLE, "cannot be decompressed: the compressed data is cut off or damaged"));
        c.add(new Case("gzip cut off inside its header", d -> truncate(sampleGzip(d, "header.csv.gz"), 10), Outcome.UNUSABLE, "cannot be decompressed: the compressed data is cut off or damaged"));
        c.add(new Case("gzip cut off before its first line ends", d -> truncate(sampleGzip(d, "first.csv.gz"), 60), Outcome.UNUSABLE, "cannot be decompressed: the compressed data is cut off or damaged"));
        c.add(new Case("gzip damaged near its start", d -> damage(sampleGzip(d, "damaged.csv.gz"), 300), Outcome.UNUSABLE, "cannot be decompressed: the compressed data is cut off or damaged"));
        c.add(new Case("a directory", d -> mkdir(d.resolve("a-folder.csv")), Outcome.UNUSABLE, "is a folder"));
        c.add(new Case("a file that does not exist", d -> d.resolve("missing.csv"), Outcome.UNUSABLE, "does not exist"));
        c.add(new Case("no read permission", BadFilesCorpusTest::unreadable, Outcome.UNUSABLE, "permission denied"));
        // the case above for any user, root too (who reads any file): the file system refuses as it refuses a user
        c.add(new Case("no read permission, for any user", d -> DeniedFiles.locked(text(d, "locked.csv", log(R, D))),
                Outcome.UNUSABLE, "permission denied"));
        c.add(new Case("file that changes while read", d -> text(d, "growing.csv", log(R, D)), Outcome.PARTIAL, "changed while"));
        return c.stream().map(Arguments::of);
    }

    @BeforeAll
    static void header() {
        REPORT.add("| # | input | expected | outcome | message |");
        REPORT.add("|---|---|---|---|---|");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputHasItsExpectedOutcome(Case c) throws Exception {
        Path input = c.input().apply(Files.createTempDirectory(dir, "case"));
        boolean changesWhileRead = c.name().startsWith("file that changes");
        if (c.name().equals("no read permission") && Files.isReadable(input)) {
            REPORT.add("| " + (REPORT.size() - 1) + " | " + c.name() + " | " + c.outcome() + " | SKIPPED | running as"
                    + " root, who can read any file; runs for normal users |");
        }
        if (c.name().equals("no read permission")) {
            Assumptions.assumeFalse(Files.isReadable(input), "running as root: root can read a file without read"
                    + " permission, so this case cannot happen here (it runs for normal users)");
        }
        String before = fingerprint(input);
        ProgressListener progress = changesWhileRead ? appendOnce(input) : ProgressListener.NONE;
        Outcome outcome;
        String message;
        try {
            LogAnalysis a = new EmailLogAnalyzer(StatusKnowledgeBase.standard(), LIMITS)
                    .analyze(input, progress, Cancellation.none());
            boolean stopped = a.problems().stream().anyMatch(p -> p.message().contains("stopped")
                    || p.message().contains("ends unexpectedly") || p.message().contains("changed while"));
            outcome = stopped ? Outcome.PARTIAL : Outcome.ANALYSED;
            message = a.problems().stream().map(p -> (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message())
                    .filter(m -> m.contains(c.messagePart())).findFirst()
                    .orElse(a.problems().isEmpty() ? "" : a.problems().get(0).message());
            assertTrue(a.messages() > 0, "nothing analysed");
            assertTrue(c.messagePart().isEmpty() || message.contains(c.messagePart()), message);
        } catch (UnusableLogException e) {
            outcome = Outcome.UNUSABLE;
            message = e.getMessage();
            assertTrue(message.startsWith(input.getFileName().toString() + " "), "message must name the file: " + message);
            assertTrue(message.contains(c.messagePart()), message);
            assertEquals(1, message.lines().count(), "one sentence, one line");
        }
        REPORT.add("| " + (REPORT.size() - 1) + " | " + c.name() + " | " + c.outcome() + " | " + outcome + " | "
                + message.replace("|", "\\|").replace("\n", " ") + " |");
        assertEquals(c.outcome(), outcome, message);
        if (!changesWhileRead) {
            assertEquals(before, fingerprint(input), "the input file was modified");
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path target = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target");
        Files.createDirectories(target);
        String report = "# Bad-file corpus (issue 7)\n\nEach malformed input and what MailPath did with it."
                + " Bombs are capped by LogLimits (here 256 MB uncompressed or more than 200:1 beyond 1 MB; defaults"
                + " 4 GB and 200:1 beyond 64 MB).\n\n" + String.join("\n", REPORT) + "\n";
        Files.writeString(target.resolve("badfiles-report.md"), report);
        System.out.println(report);
    }

    // ---- inputs -------------------------------------------------------------------------------------------

    private static String log(String... rows) {
        return LogFixtures.lines(Stream.concat(Stream.of(HEADER), Arrays.stream(rows)).toArray(String[]::new));
    }

    private static Path res(Path d, String name) {
        try (var in = BadFilesCorpusTest.class.getResourceAsStream("/badfiles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource badfiles/" + name);
            }
            Path p = d.resolve(name);
            Files.copy(in, p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path text(Path d, String name, String content) {
        return LogFixtures.write(d, name, content);
    }

    private static Path bytes(Path d, String name, byte[] content, int... prefix) {
        byte[] all = new byte[prefix.length + content.length];
        for (int i = 0; i < prefix.length; i++) {
            all[i] = (byte) prefix[i];
        }
        System.arraycopy(content, 0, all, prefix.length, content.length);
        return LogFixtures.write(d, name, all);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repeat(Path d, String name, String head, String unit, int times) {
        Path p = d.resolve(name);
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write(head);
            for (int i = 0; i < times; i++) {
                w.write(unit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** 70 KB of ASCII rows, then a row with {@code utf8Recipient} in UTF-8 (if any), then one in Windows-1252. */
    private static Path lateEncoding(Path d, String utf8Recipient) {
        StringBuilder sb = new StringBuilder(log(R));
        while (sb.length() < 70_000) {
            sb.append(D).append("\r\n");
        }
        if (!utf8Recipient.isEmpty()) {
            sb.append(D.replace("admin@acme.example", utf8Recipient)).append("\r\n");
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin = (P.replace("bob@", "jos\u00e9@") + "\r\n").getBytes(Charset.forName("windows-1252"));
        byte[] all = Arrays.copyOf(utf8, utf8.length + latin.length);
        System.arraycopy(latin, 0, all, utf8.length, latin.length);
        return LogFixtures.write(d, "late-encoding.csv", all);
    }

    private static Path hugeField(Path d) {
        Path p = d.resolve("huge-field.csv");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write(log(R, D));
            w.write("\"3/06/2026 13:50\",\"x\",\"P\",\"c@acme.example\",\"s\",\"h\",\"1\",\"u\",\"m3\",\"0\",\"0\",\"\",\"\",\"\",\"");
            char[] block = new char[1 << 20];
            Arrays.fill(block, 'A');
            for (int i = 0; i < 50; i++) {
                w.write(block);
            }
            w.write("\",\"\",\"\"\r\n");
            w.write(P + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path hugeOnlyRow(Path d) {
        Path p = d.resolve("huge-only-row.csv");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write(log());
            w.write("x".repeat(8 << 20));
            w.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path hugeFirstRow(Path d) {
        Path p = d.resolve("huge-first-row.csv");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write(log());
            char[] block = new char[1 << 20];
            Arrays.fill(block, 'x');
            for (int i = 0; i < 8; i++) {
                w.write(block);
            }
            w.write("\r\n" + R + "\r\n" + D + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path manyColumns(Path d) {
        StringBuilder wide = new StringBuilder(P);
        for (int i = 0; i < 100_000; i++) {
            wide.append(",\"c").append(i).append('"');
        }
        return text(d, "wide.csv", log(R, wide.toString(), D));
    }

    private static Path manyHeaderColumns(Path d) {
        StringBuilder h = new StringBuilder("\"c0\"");
        for (int i = 1; i < 100_000; i++) {
            h.append(",\"c").append(i).append('"');
        }
        return text(d, "wide-header.csv", h + "\r\n\"a\",\"b\"\r\n");
    }

    private static Path millionEmptyLines(Path d) {
        Path p = repeat(d, "sparse.csv", log(R), "\r\n", 1_000_000);
        try {
            Files.writeString(p, D + "\r\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path manyRejected(Path d) {
        return repeat(d, "rejects.csv", log(R, D), "\"not a date\",\"x\",\"R\",\"a@b.example\",\"s\"\r\n", 5000);
    }

    private static Path zip(Path d, String name, String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) {
                    z.write((e.endsWith(".txt") ? "readme" : log(R, D)).getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LogFixtures.write(d, name, out.toByteArray());
    }

    private static byte[] rowsBlock() {
        StringBuilder sb = new StringBuilder(log(R));
        while (sb.length() < (1 << 20)) {
            sb.append(D).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 1 GB of uncompressed data (1,024 times the block), only a few MB on disk. */
    private static Path bomb(Path d, String name, boolean asZip, byte[] block) {
        Path p = d.resolve(name);
        try (OutputStream file = Files.newOutputStream(p)) {
            OutputStream out;
            ZipOutputStream z = null;
            if (asZip) {
                z = new ZipOutputStream(file);
                z.putNextEntry(new ZipEntry("log.csv"));
                out = z;
            } else {
                out = new GZIPOutputStream(file, 1 << 16);
            }
            byte[] first = block;
            for (int i = 0; i < 1024; i++) {
                out.write(first);
                if (i == 0 && block[0] != 0) {
                    // later blocks without the header, so the content stays a valid log
                    first = Arrays.copyOfRange(block, log().length(), block.length);
                }
            }
            if (z != null) {
                z.closeEntry();
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Path truncatedGzip(Path d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(rowsBlock());
            gz.write(random(200_000)); // incompressible, so the cut falls inside real data
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = out.toByteArray();
        return LogFixtures.write(d, "truncated.csv.gz", Arrays.copyOf(all, all.length - 50_000));
    }

    /** The sample log gzipped and cut in half: the cut falls inside the bytes that decide the encoding. */
    private static Path earlyTruncatedGzip(Path d) {
        Path p = sampleGzip(d, "early-cut.csv.gz");
        try {
            return truncate(p, (int) Files.size(p) / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sampleGzip(Path d, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(LogFixtures.sample("sample-email-log.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LogFixtures.write(d, name, out.toByteArray());
    }

    /** Two bytes at {@code offset} changed, as a bad disk or transfer changes them. */
    private static Path damage(Path p, int offset) {
        try {
            byte[] b = Files.readAllBytes(p);
            b[offset] ^= (byte) 0xFF;
            b[offset + 1] ^= (byte) 0x55;
            Files.write(p, b);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path truncate(Path p, int keep) {
        try {
            byte[] b = Files.readAllBytes(p);
            Files.write(p, Arrays.copyOf(b, Math.min(keep, b.length)));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path unreadable(Path d) {
        Path p = text(d, "secret.csv", log(R, D));
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Appends a row to the file at the first progress report: the file changes while it is read. */
    private static ProgressListener appendOnce(Path p) {
        boolean[] done = {false};
        return (Progress progress) -> {
            if (!done[0]) {
                done[0] = true;
                try {
                    Files.writeString(p, P + "\r\n", java.nio.file.StandardOpenOption.APPEND);
                    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 5000));
                } catch (IOException e) {
                    fail(e);
                }
            }
        };
    }

    private static String fingerprint(Path p) throws Exception {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            return Files.exists(p) ? "not a readable file" : "absent";
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest()) + " " + Files.getLastModifiedTime(p);
    }
}
