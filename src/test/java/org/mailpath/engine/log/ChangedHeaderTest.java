package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two exports joined with {@code cat}, the second's header in another column order or without the TLS columns: the
 * rows below the second header are read by its columns, said once with its line, never by the first header's.
 */
class ChangedHeaderTest {

    @TempDir
    Path dir;

    /** The sample log, its header repeated on line 51 and it and the rows below it changed by {@code change}. */
    private Path joined(String name, UnaryOperator<List<String>> change) throws Exception {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(Files.readString(
                LogFixtures.sample("sample-email-log.csv"), StandardCharsets.UTF_8))).getRecords();
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setQuoteMode(
                org.apache.commons.csv.QuoteMode.ALL).get())) {
            for (int i = 0; i < records.size(); i++) {
                List<String> cells = new ArrayList<>(records.get(i).toList());
                if (i == 50) {
                    p.printRecord(change.apply(new ArrayList<>(records.getFirst().toList())));
                }
                p.printRecord(i >= 50 ? change.apply(cells) : cells);
            }
        }
        return LogFixtures.write(dir, name, out.toString());
    }

    private static List<String> swapRecipientAndSender(List<String> cells) {
        String recipient = cells.get(3);
        cells.set(3, cells.get(4));
        cells.set(4, recipient);
        return cells;
    }

    private static boolean hasProblem(LogFixtures.Result r, String text) {
        return r.summary().problems().stream().anyMatch(p -> p.message().contains(text));
    }

    @Test
    void aSecondHeaderInAnotherOrderSwitchesTheColumnsForTheRowsBelowIt() throws Exception {
        LogFixtures.Result r = LogFixtures.read(joined("reordered.csv", ChangedHeaderTest::swapRecipientAndSender));
        LogFixtures.Result plain = LogFixtures.read(LogFixtures.sample("sample-email-log.csv"));
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
        for (int i = 0; i < plain.rows().size(); i++) {
            assertEquals(plain.rows().get(i).recipient(), r.rows().get(i).recipient(), "row " + i);
            assertEquals(plain.rows().get(i).sender(), r.rows().get(i).sender(), "row " + i);
        }
        assertTrue(hasProblem(r, "Line 51 is a header again, with other columns"), r.summary().problems()
                .toString());
        assertFalse(hasProblem(r, "The header row is repeated"), "not a plain repeat");
    }

    @Test
    void aSecondHeaderWithoutTheTlsColumnsLeavesThemOutForTheFile() throws Exception {
        LogFixtures.Result r = LogFixtures.read(joined("older.csv", cells -> new ArrayList<>(cells.subList(0, 15))));
        assertEquals(99, r.summary().rows());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
        assertTrue(hasProblem(r, "Line 51 is a header again"), r.summary().problems().toString());
        // the rows below the older header have no TLS cells: the file as a whole is not one with the column
        assertFalse(r.summary().mapping().has(LogColumn.TLS_CIPHER));
        assertTrue(r.summary().mapping().has(LogColumn.DELIVERY_STATUS));
        assertTrue(hasProblem(r, "TLS_Cipher"), r.summary().problems().toString());
    }

    @Test
    void theSameHeaderAgainIsStillSkippedAsARepeat() throws Exception {
        LogFixtures.Result r = LogFixtures.read(joined("same.csv", cells -> cells));
        assertEquals(99, r.summary().rows());
        assertTrue(hasProblem(r, "The header row is repeated once inside the file (on line 51"),
                r.summary().problems().toString());
        assertFalse(hasProblem(r, "is a header again"));
    }

    @Test
    void aSecondHeaderLackingARequiredColumnRejectsTheRowsBelowIt() throws Exception {
        // the second export without its Mail Event column: its rows cannot be read by either header
        LogFixtures.Result r = LogFixtures.read(joined("noevent.csv", cells -> {
            cells.remove(2);
            return cells;
        }));
        assertEquals(99, r.summary().rows());
        assertEquals(50, r.summary().rejectedRows());
        assertEquals(49, r.rows().size());
        assertTrue(hasProblem(r, "Line 51 is a header again"), r.summary().problems().toString());
        assertTrue(hasProblem(r, "below the header on line 51"), r.summary().problems().toString());
    }
}
