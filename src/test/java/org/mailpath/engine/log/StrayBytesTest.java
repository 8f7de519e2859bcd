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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UTF-8 log with one byte saved by another program (an é as the one Windows-1252 byte 0xE9) stays UTF-8: its
 * accented names read as written, the stray byte is read as Windows-1252, and the warning names its line.
 */
class StrayBytesTest {

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
        assertTrue(said.getFirst().message().contains("(the first on line 4)"), said.getFirst().message());
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
