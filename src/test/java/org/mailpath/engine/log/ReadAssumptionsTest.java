package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the reader's warnings say the log was read by an assumption, on real files read by the reader. */
class ReadAssumptionsTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyIsOneOfTheReadersTexts() {
        ResourceBundle texts = ResourceBundle.getBundle(LogTexts.BUNDLE, Locale.ROOT);
        List<String> unknown = ReadAssumptions.keys().stream().filter(k -> !texts.containsKey(k)).sorted().toList();
        assertEquals(List.of(), unknown, "a key misspelt would never match");
    }

    @Test
    void datesReadDayFirstAreADayFirstAssumption() throws Exception {
        List<FileProblem> problems = LogFixtures.read(LogFixtures.write(dir, "day.csv",
                LogFixtures.HEADER + "\r\n" + LogFixtures.row("16/11/2026 8:00", "R", "a@example.com", "m1", "", "")
                        + "\r\n")).summary().problems();
        assertTrue(problems.stream().anyMatch(ReadAssumptions::isOne));
        assertTrue(problems.stream().anyMatch(ReadAssumptions::isReadDayFirst), problems.toString());
    }

    /** A file read month first while the files analysed with it disagree is about the dates, but not read day first. */
    @Test
    void filesDisagreeingOnTheOrderIsNoFileReadDayFirst() {
        FileProblem disagree = new FileProblem(0, "", LogTexts.text("file.dateOrdersDisagree", "a.csv", "b.csv"), false);
        assertTrue(ReadAssumptions.isOne(disagree));
        assertFalse(ReadAssumptions.isReadDayFirst(disagree));
        assertTrue(ReadAssumptions.isReadDayFirst(new FileProblem(0, "", LogTexts.text("file.readDayFirst.like",
                "a.csv"), false)));
    }

    @Test
    void aSemicolonSeparatorIsNone() throws Exception {
        List<FileProblem> problems = LogFixtures.read(LogFixtures.sample("synthetic-semicolon.csv")).summary()
                .problems();
        assertFalse(problems.isEmpty(), "the separator is said");
        assertTrue(problems.stream().noneMatch(ReadAssumptions::isOne), problems.toString());
    }

    @Test
    void aRejectedRowIsNone() {
        FileProblem rejected = new FileProblem(3, "Date", LogTexts.text("file.readDayFirst", 1, 1), true);
        assertFalse(ReadAssumptions.isOne(rejected));
        assertFalse(ReadAssumptions.isReadDayFirst(rejected));
    }
}
