package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.row;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A UTF-8 log with one byte saved by another program (an é as the one Windows-1252 byte 0xE9) stays UTF-8: its
 * accented names read as written, the stray byte is read as Windows-1252, and the warning says on how many lines such
 * bytes are and names the first few.
 */
class StrayBytesTest {

    /** Where {@link #strayLog} puts the byte 0xE9 (a Windows-1252 é) into UTF-8 text. */
    private static final char STRAY = '\u0001';

    @TempDir
    Path dir;

    /** Lines of the log, each in UTF-8 but the one at {@code latinIndex}, in Windows-1252. */
    private static byte[] log(List<String> lines, int latinIndex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes((lines.get(i) + "\r\n").getBytes(i == latinIndex ? Charset.forName("windows-1252")
                    : StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void oneWindows1252ByteInAUtf8FileIsReadSoAndItsLineNamed() throws Exception {
        List<String> lines = List.of(HEADER,
                row("11/16/2026 8:00", "R", "j\u00f6rg@b\u00fccher.example", "m1", "", ""),
                row("11/16/2026 8:01", "R", "\u30e6\u30fc\u30b6\u30fc@\u4f8b\u3048.jp", "m2", "", ""),
                row("11/16/2026 8:02", "R", "ren\u00e9@acme.example", "m3", "", ""),
                row("11/16/2026 8:03", "R", "zo\u00eb@acme.example", "m4", "", ""));
        LogFixtures.Result r = LogFixtures.read(LogFixtures.write(dir, "mixed.csv", log(lines, 3)));
        assertEquals("UTF-8", r.summary().charset());
        assertEquals(List.of("j\u00f6rg@b\u00fccher.example", "\u30e6\u30fc\u30b6\u30fc@\u4f8b\u3048.jp",
                "ren\u00e9@acme.example", "zo\u00eb@acme.example"),
                r.rows().stream().map(LogRow::recipient).toList(), "each name as written, the stray byte too");
        List<FileProblem> said = r.summary().problems().stream()
                .filter(p -> p.message().contains("is UTF-8 but for 1 byte that is not")).toList();
        assertEquals(1, said.size(), r.summary().problems().toString());
        assertEquals(4, said.getFirst().line(), "the line of the stray byte");
        assertTrue(said.getFirst().message().startsWith("mixed.csv is UTF-8 but for 1 byte that is not, on line 4, "
                + "as a row edited in another program may hold; it was read as Windows-1252"),
                said.getFirst().message());
    }

    /**
     * A log of {@code rows} rows whose recipients are UTF-8 names ({@code jörg3@bücher.example}), but on the lines of
     * {@code stray} a name with a stray byte ({@code é} as the one byte 0xE9), two on those of {@code twice}; each
     * line ends with {@code newline}, and a blank line follows the header.
     */
    private static byte[] strayLog(int rows, Set<Integer> stray, Set<Integer> twice, String newline) {
        StringBuilder text = new StringBuilder(HEADER).append(newline).append(newline);
        for (int i = 0; i < rows; i++) {
            // the header on line 1, the blank line on 2: row i on line i + 3
            int line = i + 3;
            String recipient = stray.contains(line) ? "ren" + STRAY + i + "@b\u00fccher.example"
                    : twice.contains(line) ? "ren" + STRAY + i + "@b\u00fccher" + STRAY + ".example"
                    : "j\u00f6rg" + i + "@b\u00fccher.example";
            text.append(row("11/16/2026 8:00", "R", recipient, "m" + i, "", "")).append(newline);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == STRAY) {
                bytes[i] = (byte) 0xE9;
            }
        }
        return bytes;
    }

    private static FileProblem strayWarning(ReadSummary summary) {
        List<FileProblem> said = summary.problems().stream()
                .filter(p -> p.messageText().filter(t -> t.key().startsWith("file.strayBytes")).isPresent()).toList();
        assertEquals(1, said.size(), summary.problems().toString());
        return said.getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void strayBytesOnSeveralLinesAreCountedAndTheLinesNamed(String newline) throws Exception {
        // lines 7 and 40 hold two stray bytes each; 41 follows 40; 5 and 6 come after the blank line's count
        Path file = LogFixtures.write(dir, "several.csv", strayLog(60, Set.of(5, 6, 41, 62), Set.of(7, 40),
                newline));
        LogFixtures.Result r = LogFixtures.read(file);
        assertEquals("UTF-8", r.summary().charset());
        FileProblem warning = strayWarning(r.summary());
        assertEquals(5, warning.line(), "the first line with a stray byte");
        assertEquals("several.csv is UTF-8 but for 8 bytes that are not, on 6 lines (5, 6, 7, 40, 41 and 1 more), as"
                + " rows edited in another program may hold; they were read as Windows-1252 (Western European). Check"
                + " the names with accents on those lines.", warning.message());
        assertTrue(r.rows().stream().anyMatch(row -> row.recipient().equals("ren\u00e937@b\u00fccher\u00e9.example")),
                "the stray bytes of line 40 read as Windows-1252");
        assertEquals("several.csv \u00e4r UTF-8 utom 8 byte som inte \u00e4r det, p\u00e5 6 rader (5, 6, 7, 40, 41 och"
                + " 1 till), som rader redigerade i ett annat program kan inneh\u00e5lla; de l\u00e4stes som Windows-1252"
                + " (v\u00e4steuropeisk). Kontrollera namnen med accenter och \u00e5, \u00e4, \u00f6 p\u00e5 de raderna.",
                warning.message(Locale.of("sv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void aFewLinesAreAllNamed(String newline) throws Exception {
        Path file = LogFixtures.write(dir, "few.csv", strayLog(30, Set.of(12, 30), Set.of(29), newline));
        FileProblem warning = strayWarning(LogFixtures.read(file).summary());
        assertEquals(12, warning.line());
        assertTrue(warning.message().startsWith("few.csv is UTF-8 but for 4 bytes that are not, on 3 lines"
                + " (12, 29 and 30), "), warning.message());
    }

    /** A file full of stray bytes: every line counted, only the first few named (and kept). */
    @Test
    void aLineCountBeyondTheNamedOnes() throws Exception {
        Set<Integer> all = IntStream.rangeClosed(4, 20_002).boxed().collect(Collectors.toSet());
        Path file = LogFixtures.write(dir, "full.csv", strayLog(20_000, all, Set.of(), "\r\n"));
        FileProblem warning = strayWarning(LogFixtures.read(file).summary());
        assertTrue(warning.message().startsWith("full.csv is UTF-8 but for 19,999 bytes that are not, on 19,999 lines (4, 5, 6, 7, 8 and 19,994 more), "), warning.message());
    }

    /** A compressed file's lines are counted, not numbered: the warning gives the first byte's offset. */
    @Test
    void aCompressedFileGivesTheCountOfLinesAndTheFirstOffset() throws Exception {
        byte[] plain = strayLog(30, Set.of(12, 30), Set.of(29), "\r\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        Path file = LogFixtures.write(dir, "few.csv.gz", gz.toByteArray());
        FileProblem warning = strayWarning(LogFixtures.read(file).summary());
        int first = firstStray(plain);
        assertEquals("few.csv.gz is UTF-8 but for 4 bytes that are not, on 3 lines (the first at byte " + first
                + "), as rows edited in another program may hold; they were read as Windows-1252 (Western European)."
                + " Check the names with accents there.", warning.message());
        assertEquals(0, warning.line());
    }

    /** The offset of the first byte 0xE9 (a stray one: in UTF-8 it is never the second byte of a character). */
    private static int firstStray(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xE9) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aWindows1252FileWithoutUtf8CharactersStaysWindows1252() throws Exception {
        List<String> lines = List.of(HEADER,
                row("11/16/2026 8:00", "R", "ren\u00e9@acme.example", "m1", "", ""),
                row("11/16/2026 8:01", "R", "m\u00fcller@acme.example", "m2", "", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) {
            out.writeBytes((l + "\r\n").getBytes(Charset.forName("windows-1252")));
        }
        LogFixtures.Result r = LogFixtures.read(LogFixtures.write(dir, "latin.csv", out.toByteArray()));
        assertEquals("windows-1252", r.summary().charset());
        assertEquals(List.of("ren\u00e9@acme.example", "m\u00fcller@acme.example"),
                r.rows().stream().map(LogRow::recipient).toList());
    }
}
