package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.ReadAssumptions;

/** Which files were read day first, and which assumptions bear on what was counted, on real analyses. */
class ReadCaveatsTest {

    @TempDir
    Path dir;

    /** The sample with every date re-saved day first, {@code shift} days later. */
    private Path dayFirst(String name, int shift) throws Exception {
        String text = Files.readString(LogFixtures.sample("sample-email-log.csv"));
        Matcher m = Pattern.compile("\"(\\d{1,2})/(\\d{1,2})/(\\d{4}) ").matcher(text);
        return LogFixtures.write(dir, name, m.replaceAll(r -> "\"" + (Integer.parseInt(r.group(2)) + shift) + "/"
                + r.group(1) + "/" + r.group(3) + " "));
    }

    @Test
    void aSingleLogReadDayFirstIsOne() throws Exception {
        LogAnalysis a = analyze(dayFirst("day.csv", 0));
        assertEquals(List.of(0), ReadCaveats.readDayFirst(a));
        assertTrue(a.problems().stream().anyMatch(ReadCaveats.counts(a)), a.problems().toString());
    }

    @Test
    void ofSeveralOnlyTheOneReadDayFirst() throws Exception {
        LogAnalysis a = analyze(LogFixtures.sample("sample-email-log.csv"), dayFirst("week2.csv", 4));
        assertEquals(List.of(1), ReadCaveats.readDayFirst(a));
        assertEquals(List.of(), ReadCaveats.readDayFirst(analyze(LogFixtures.sample("sample-email-log.csv"))));
    }

    /** Its rows all left out as exact copies of the first log's: reading them day first changed nothing counted. */
    @Test
    void aLogReadDayFirstAllOfWhoseRowsWereCopiesIsNone() throws Exception {
        LogAnalysis a = analyze(LogFixtures.sample("sample-email-log.csv"), dayFirst("copy.csv", 0));
        assertEquals(a.files().get(1).rows(), a.files().get(1).copiesLeftOut(), a.files().toString());
        assertTrue(a.problems().stream().anyMatch(ReadAssumptions::isReadDayFirst), "its warning stays");
        assertEquals(List.of(), ReadCaveats.readDayFirst(a));
        assertFalse(a.problems().stream().anyMatch(ReadCaveats.counts(a)), a.problems().toString());
    }
}
