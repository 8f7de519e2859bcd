package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;

/**
 * The same file given twice ({@code analyze sample.csv sample.csv}, dropped twice, or by another path to it) is read
 * once with a note, not explained as overlapping exports; a copy with the same content still is such an export.
 */
class SameFileGivenTwiceTest {

    @TempDir
    Path dir;

    private static List<String> messages(LogAnalysis a) {
        return a.problems().stream().map(FileProblem::message).toList();
    }

    private Path sample() throws Exception {
        return Files.copy(LogFixtures.sample("sample-email-log.csv"), dir.resolve("sample.csv"));
    }

    @Test
    void theSameFileGivenTwiceIsReadOnce() throws Exception {
        Path f = sample();
        LogAnalysis once = analyze(f);
        LogAnalysis twice = analyze(f, f);
        assertEquals(1, twice.files().size());
        assertEquals("sample.csv", twice.files().getFirst().label());
        assertEquals(0, twice.files().getFirst().copiesLeftOut());
        assertEquals(once.rows(), twice.rows());
        assertEquals(once.verdicts(), twice.verdicts());
        assertEquals(once.chains().size(), twice.chains().size());
        assertTrue(messages(twice).contains("sample.csv was given twice; it was read once."), messages(twice).toString());
        assertFalse(messages(twice).stream().anyMatch(m -> m.contains("overlap")), messages(twice).toString());
    }

    @Test
    void anotherPathToTheSameFileIsTheSameFile() throws Exception {
        Path f = sample();
        Files.createDirectories(dir.resolve("sub"));
        LogAnalysis a = analyze(f, dir.resolve("sub").resolve("..").resolve("sample.csv"), f);
        assertEquals(1, a.files().size());
        assertTrue(messages(a).contains("sample.csv was given 3 times; it was read once."), messages(a).toString());
    }

    @Test
    void theNoteFollowsTheFileAmongOthers() throws Exception {
        Path f = sample();
        Path other = LogFixtures.writeLog(dir, "other.csv",
                LogFixtures.row("3/06/2009 13:37", "R", "admin@acme.example", "m1", "", ""));
        LogAnalysis a = analyze(other, f, other);
        assertEquals(List.of("other.csv", "sample.csv"), a.files().stream().map(AnalysedFile::label).toList());
        assertTrue(messages(a).contains("other.csv was given twice; it was read once."), messages(a).toString());
    }

    @Test
    void aCopyWithTheSameContentIsStillAnOverlappingExport() throws Exception {
        Path f = sample();
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("sample.csv");
        Files.copy(f, copy);
        LogAnalysis a = analyze(f, copy);
        assertEquals(2, a.files().size());
        assertTrue(a.files().get(1).copiesLeftOut() > 0);
        assertTrue(messages(a).stream().anyMatch(m -> m.contains("overlap")), messages(a).toString());
        assertFalse(messages(a).stream().anyMatch(m -> m.contains("given twice")), messages(a).toString());
    }
}
