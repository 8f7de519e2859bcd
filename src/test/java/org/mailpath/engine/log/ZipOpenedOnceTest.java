package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.deliveredLog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.ProgressListener;

/**
 * A zip of several CSVs is opened once for all its members while a read holds it ({@link OpenZips}), instead of once
 * per member (each opening parses the whole central directory: quadratic in the members), and closed when the hold
 * is let go of, however the read ended. A member read without a hold opens and closes it itself, as before.
 */
class ZipOpenedOnceTest {

    @TempDir
    Path dir;

    /** A zip of three CSVs, the second {@code second}. */
    private Path zip(String second) {
        return LogFixtures.write(dir, "month.zip", LogFixtures.zip("w1.csv", deliveredLog("m1"), "w2.csv", second,
                "w3.csv", deliveredLog("m3")));
    }

    /** A sink per part, gathering the rows read. */
    private record Rows(List<LogRow> rows) implements PartSinks<Consumer<LogRow>> {
        @Override
        public List<Consumer<LogRow>> create(int parts) {
            return java.util.stream.Stream.<Consumer<LogRow>>generate(() -> rows::add).limit(parts).toList();
        }
    }

    /** Reads {@code member}, its rows into {@code rows}; a refusal is returned, as the analysis goes on after one. */
    private static String read(LogSource member, List<LogRow> rows, Cancellation cancellation) {
        try {
            new EmailLogReader().readInParts(member, member.name(), 100, DateOrder.FROM_FIRST_ROWS, new Rows(rows),
                    ProgressListener.NONE, cancellation);
            return "";
        } catch (UnusableLogException e) {
            return e.getMessage();
        }
    }

    private static SharedZip zipOf(List<LogSource> sources) {
        return ((LogSource.ZipMember) sources.getFirst()).contents().zip();
    }

    @Test
    void heldTheZipIsOpenedOnceForAllItsMembersAndClosedWhenLetGo() {
        List<LogSource> sources = LogSource.of(zip(deliveredLog("m2")));
        assertEquals(3, sources.size());
        SharedZip zip = zipOf(sources);
        List<LogRow> rows = new ArrayList<>();
        try (OpenZips _ = OpenZips.of(sources)) {
            assertFalse(zip.isOpen(), "opened by the first member, not before");
            for (LogSource s : sources) {
                assertEquals("", read(s, rows, Cancellation.none()));
                assertTrue(zip.isOpen(), "kept open between members");
            }
        }
        assertFalse(zip.isOpen());
        assertEquals(1, zip.timesOpened());
        assertEquals(List.of("m1@sfdc.example", "m1@sfdc.example", "m2@sfdc.example", "m2@sfdc.example",
                "m3@sfdc.example", "m3@sfdc.example"), rows.stream().map(LogRow::messageIdHeader).toList());
    }

    @Test
    void notHeldEachMemberOpensAndClosesTheZipAsBefore() {
        List<LogSource> sources = LogSource.of(zip(deliveredLog("m2")));
        SharedZip zip = zipOf(sources);
        List<LogRow> rows = new ArrayList<>();
        for (LogSource s : sources) {
            assertEquals("", read(s, rows, Cancellation.none()));
            assertFalse(zip.isOpen(), "closed with its member");
        }
        assertEquals(3, zip.timesOpened());
        assertEquals(6, rows.size());
    }

    @Test
    void aRefusedMemberLetsGoOfTheZipAndTheOthersStillShareIt() {
        List<LogSource> sources = LogSource.of(zip("just some words\r\nand more\r\n"));
        SharedZip zip = zipOf(sources);
        List<LogRow> rows = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        try (OpenZips _ = OpenZips.of(sources)) {
            sources.forEach(s -> refusals.add(read(s, rows, Cancellation.none())));
        }
        assertEquals("", refusals.get(0));
        assertTrue(refusals.get(1).startsWith("month.zip!w2.csv"), refusals.get(1));
        assertEquals("", refusals.get(2));
        assertEquals(4, rows.size());
        assertEquals(1, zip.timesOpened());
        assertFalse(zip.isOpen(), "the refused member's use of it ended with its refusal");
        // not held, a refused member closes it too
        read(sources.get(1), rows, Cancellation.none());
        assertFalse(zip.isOpen());
    }

    @Test
    void aReadCancelledHalfWayClosesTheZipWhenItsHoldIsLetGo() {
        List<LogSource> sources = LogSource.of(zip(deliveredLog("m2")));
        SharedZip zip = zipOf(sources);
        List<LogRow> rows = new ArrayList<>();
        Cancellation cancellation = new Cancellation();
        assertThrows(CancelledException.class, () -> {
            try (OpenZips _ = OpenZips.of(sources)) {
                read(sources.getFirst(), rows, cancellation);
                assertTrue(zip.isOpen());
                cancellation.cancel();
                read(sources.get(1), rows, cancellation);
            }
        });
        assertFalse(zip.isOpen());
        assertEquals(1, zip.timesOpened());
    }

    @Test
    void aZipReadAgainIsOpenedAgainOnceForItsSecondRead() {
        List<LogSource> sources = LogSource.of(zip(deliveredLog("m2")));
        for (List<LogSource> read : List.of(sources, LogSource.anew(sources))) {
            try (OpenZips _ = OpenZips.of(read)) {
                read.forEach(s -> read(s, new ArrayList<>(), Cancellation.none()));
            }
            assertEquals(1, zipOf(read).timesOpened());
            assertFalse(zipOf(read).isOpen());
        }
    }

    @Test
    void severalZipsReadInTurnAreEachClosedAfterTheirLastMemberSoOnlyOneIsOpenAtATime() {
        List<LogSource> sources = new ArrayList<>();
        for (String name : List.of("a.zip", "b.zip", "c.zip")) {
            sources.addAll(LogSource.of(LogFixtures.write(dir, name, LogFixtures.zip("w1.csv", deliveredLog(name + "1"),
                    "w2.csv", deliveredLog(name + "2"), "w3.csv", deliveredLog(name + "3")))));
        }
        assertEquals(9, sources.size());
        List<SharedZip> zips = List.of(zipOf(sources.subList(0, 3)), zipOf(sources.subList(3, 6)),
                zipOf(sources.subList(6, 9)));
        List<LogRow> rows = new ArrayList<>();
        try (OpenZips held = OpenZips.of(sources)) {
            for (int k = 0; k < sources.size(); k++) {
                assertEquals("", read(sources.get(k), rows, Cancellation.none()));
                held.read(sources.get(k));
                assertTrue(zips.stream().filter(SharedZip::isOpen).count() <= 1, "at most one zip open, after " + k);
                boolean lastOfItsZip = k % 3 == 2;
                assertEquals(!lastOfItsZip, zips.get(k / 3).isOpen(), "open between its members only, after " + k);
            }
            assertTrue(zips.stream().noneMatch(SharedZip::isOpen), "each closed after its last member, before the end");
        }
        zips.forEach(z -> assertEquals(1, z.timesOpened(), "once per read"));
        assertEquals(18, rows.size());
    }

    @Test
    void aZipWhoseLastMemberIsRefusedIsClosedAfterItAndTheNextZipIsOpenedOnce() {
        List<LogSource> sources = new ArrayList<>(LogSource.of(LogFixtures.write(dir, "a.zip",
                LogFixtures.zip("w1.csv", deliveredLog("a1"), "w2.csv", "just some words\r\nand more\r\n"))));
        sources.addAll(LogSource.of(LogFixtures.write(dir, "b.zip", LogFixtures.zip("w1.csv", deliveredLog("b1"),
                "w2.csv", deliveredLog("b2")))));
        SharedZip a = zipOf(sources);
        SharedZip b = zipOf(sources.subList(2, 4));
        try (OpenZips held = OpenZips.of(sources)) {
            assertEquals("", read(sources.get(0), new ArrayList<>(), Cancellation.none()));
            held.read(sources.get(0));
            assertTrue(read(sources.get(1), new ArrayList<>(), Cancellation.none()).startsWith("a.zip!w2.csv"));
            held.read(sources.get(1));
            assertFalse(a.isOpen(), "closed after its refused last member");
            read(sources.get(2), new ArrayList<>(), Cancellation.none());
            held.read(sources.get(2));
            assertTrue(b.isOpen());
            // said read again (or after the close), a member changes nothing
            held.read(sources.get(0));
            assertTrue(b.isOpen());
        }
        assertFalse(b.isOpen(), "let go of however the read ended");
        assertEquals(1, a.timesOpened());
        assertEquals(1, b.timesOpened());
    }

    @Test
    void wholeFilesHoldNothing() {
        Path csv = LogFixtures.write(dir, "one.csv", deliveredLog("m1"));
        List<LogSource> sources = LogSource.of(csv);
        try (OpenZips _ = OpenZips.of(sources)) {
            assertEquals("", read(sources.getFirst(), new ArrayList<>(), Cancellation.none()));
        }
    }

    @Test
    void aZipOfMoreCsvsThanTheCapIsRefusedNamingItAndTheCap() throws Exception {
        assertEquals(LogSource.MAX_MEMBERS, LogSource.of(emptyCsvs("most.zip", LogSource.MAX_MEMBERS)).size());
        Path many = emptyCsvs("many.zip", LogSource.MAX_MEMBERS + 1);
        List<LogSource> sources = LogSource.of(many);
        assertEquals(List.of(new LogSource.WholeFile(many)), sources, "read whole, to be refused");
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> LogInput.open(sources.getFirst(), "many.zip", LogLimits.DEFAULT).close());
        assertEquals("many.zip contains 65,536 CSV files, more than the 65,535 MailPath reads from one zip (an Email Log"
                + " export is one CSV): unzip it and open the Email Logs a few at a time.", e.getMessage());
        assertEquals("unusable.zipTooManyCsvs", e.messageText().orElseThrow().key());
    }

    /** A zip of {@code count} empty CSVs. */
    private Path emptyCsvs(String name, int count) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            for (int i = 0; i < count; i++) {
                z.putNextEntry(new ZipEntry("d" + i + ".csv"));
                z.closeEntry();
            }
        }
        return zip;
    }
}
