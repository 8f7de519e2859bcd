package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.log.LogFixtures.HEADER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.lines;
import static org.mailpath.engine.log.LogFixtures.read;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows a quote in the wrong place joined or split, a log separated by '|', and byte order marks of files joined
 * with cat (the inputs a bad-input review found read wrongly, made small).
 */
class QuotesAndJoinsTest {

    private static final String R1 = row("11/16/2026 8:00", "R", "alice@contoso.example", "m1", "", "");
    private static final String D1 = row("11/16/2026 8:01", "D", "alice@contoso.example", "m1", "250 2.0.0 Ok", TLS);
    private static final String R2 = row("11/16/2026 8:02", "R", "bob@contoso.example", "m2", "", "");

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkBeforeARowMidFileIsLeftOut() throws Exception {
        // two exports joined with cat, the second's header removed by hand: its mark stays before its first row
        Path f = dir.resolve("joined.csv");
        Files.writeString(f, "\uFEFF" + lines(HEADER, R1, D1) + "\uFEFF" + lines(R2)
                + "\uFEFF" + R2.replace("\"", "").replace("m2", "m3") + "\n", StandardCharsets.UTF_8);
        LogFixtures.Result r = read(f);
        assertEquals(List.of(2L, 3L, 4L, 5L), r.rows().stream().map(LogRow::line).toList(),
                r.summary().problems().toString());
        assertEquals(0, r.summary().rejectedRows());
    }
}
