package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Labels of files analysed together. Salesforce names every Email Log export alike (the download is a CSV named after
 * the request), so a month of exports kept in one folder per request has one name many times.
 */
class FileNamesTest {

    @Test
    void aNameOnlyOneFileHasIsItsLabel() {
        assertEquals(List.of("jan.csv", "feb.csv"),
                FileNames.labelsOf(List.of(Path.of("/home/ann/logs/jan.csv"), Path.of("/home/ann/logs/feb.csv"))));
        assertEquals(List.of("EmailLog.csv"), FileNames.labelsOf(List.of(Path.of("/home/ann/EmailLog.csv"))));
    }

    @Test
    void filesOfOneNameGetTheFolderThatTellsThemApartAndNoMore() {
        assertEquals(List.of("jan/EmailLog.csv", "feb/EmailLog.csv", "other.csv"), FileNames.labelsOf(List.of(
                Path.of("/home/ann/logs/jan/EmailLog.csv"), Path.of("/home/ann/logs/feb/EmailLog.csv"),
                Path.of("/home/ann/logs/other.csv"))));
    }

    @Test
    void whereTheNearestFolderIsAlikeTooMoreFoldersAreNamed() {
        assertEquals(List.of("2025/jan/EmailLog.csv", "2026/jan/EmailLog.csv", "feb/EmailLog.csv"),
                FileNames.labelsOf(List.of(Path.of("/logs/2025/jan/EmailLog.csv"),
                        Path.of("/logs/2026/jan/EmailLog.csv"), Path.of("/logs/2026/feb/EmailLog.csv"))));
    }

    @Test
    void aFileInAFolderThatEndsTheOthersPathIsNamedWithAllItHas() {
        assertEquals(List.of("a/EmailLog.csv", "b/a/EmailLog.csv"),
                FileNames.labelsOf(List.of(Path.of("/a/EmailLog.csv"), Path.of("/b/a/EmailLog.csv"))));
    }

    @Test
    void relativePathsAreToldApartByTheirFoldersToo() {
        Path here = Path.of("").toAbsolutePath();
        assertEquals(List.of(here.getFileName() + "/EmailLog.csv", "jan/EmailLog.csv"),
                FileNames.labelsOf(List.of(Path.of("EmailLog.csv"), Path.of("jan/../jan/EmailLog.csv"))));
    }

    @Test
    void theSameFileGivenTwiceIsNumbered() {
        assertEquals(List.of("EmailLog.csv (1)", "other.csv", "EmailLog.csv (2)"), FileNames.labelsOf(List.of(
                Path.of("/logs/EmailLog.csv"), Path.of("/logs/other.csv"), Path.of("/logs/./EmailLog.csv"))));
    }

    @Test
    void aZipsEntriesAreNamedWithoutTheFoldersTheZipWasMadeFrom() {
        // zip logs.zip /home/jdoe.smith/exports/*.csv stores the whole path: the file name tells them apart
        assertEquals(List.of("week1.csv", "week2.csv"), FileNames.entryLabelsOf(List.of(
                "home/jdoe.smith/exports/week1.csv", "home/jdoe.smith/exports/week2.csv")));
        assertEquals(List.of("a/x.csv", "b/x.csv", "y.csv"),
                FileNames.entryLabelsOf(List.of("a/x.csv", "b/x.csv", "y.csv")));
        assertEquals(List.of("jan/EmailLog.csv", "feb/EmailLog.csv"), FileNames.entryLabelsOf(List.of(
                "C:\\Users\\jdoe\\jan\\EmailLog.csv", "C:/Users/jdoe/feb/EmailLog.csv")));
    }

    @Test
    void aHomeFolderNeverTellsAZipsEntriesApart() {
        // the folder that tells them apart would be the user's: "jdoe/x.csv"
        assertEquals(List.of("x.csv", "old/x.csv"), FileNames.entryLabelsOf(List.of(
                "home/jdoe/x.csv", "home/jdoe/old/x.csv")));
        assertEquals(List.of("x.csv", "old/x.csv"), FileNames.entryLabelsOf(List.of(
                "root/x.csv", "Users/ann/old/x.csv")));
        // nothing but the users' folders tells them apart: they are numbered
        assertEquals(List.of("x.csv (1)", "x.csv (2)"), FileNames.entryLabelsOf(List.of(
                "home/alice/x.csv", "/home/bob/x.csv")));
    }
}
