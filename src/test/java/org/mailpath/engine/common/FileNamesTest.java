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
}
