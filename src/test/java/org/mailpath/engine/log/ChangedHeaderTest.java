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
        // the rows above line 51 have the column: the warning names the rows that lack it, not the whole file
        List<FileProblem> tls = r.summary().problems().stream().filter(MissingTlsColumn::is).toList();
        assertEquals(1, tls.size(), r.summary().problems().toString());
        assertEquals("The rows below line 51 (an older export's header) have no TLS_Cipher column, which marks"
                + " internal hand-offs between Salesforce mail servers: among them, a D row to a private address (such"
                + " as 10.x.x.x or 192.168.x.x) counts as a hand-off, since Salesforce never delivers to one, and any"
                + " other D row counts as delivered, though some may still be hand-offs.", tls.getFirst().message());
        assertTrue(tls.getFirst().message(java.util.Locale.forLanguageTag("sv"))
                .startsWith("Raderna under rad 51 (en äldre exports rubrikrad) har ingen TLS_Cipher-kolumn"));
        assertFalse(hasProblem(r, "The file has no TLS_Cipher column"), r.summary().problems().toString());
        // still the warning the report's caveat and the analysis of several logs look for
        assertTrue(MissingTlsColumn.anyIn(r.summary().problems()));
        assertTrue(ReadAssumptions.isOne(tls.getFirst()));
    }

    @Test
    void anOlderExportAboveANewerOneStillLacksTheColumnAsAWhole() throws Exception {
        // the first header lacks the TLS columns, the one met again (line 52) has them: none for all its rows
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(Files.readString(
                LogFixtures.sample("sample-email-log.csv"), StandardCharsets.UTF_8))).getRecords();
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (int i = 0; i < records.size(); i++) {
                List<String> cells = records.get(i).toList();
                if (i == 51) {
                    p.printRecord(records.getFirst().toList());
                }
                p.printRecord(i <= 50 ? cells.subList(0, 15) : cells);
            }
        }
        LogFixtures.Result r = LogFixtures.read(LogFixtures.write(dir, "older-first.csv", out.toString()));
        assertTrue(hasProblem(r, "Line 52 is a header again"), r.summary().problems().toString());
        List<FileProblem> tls = r.summary().problems().stream().filter(MissingTlsColumn::is).toList();
        assertEquals(1, tls.size(), r.summary().problems().toString());
        assertTrue(tls.getFirst().message().startsWith("The file has no TLS_Cipher column (an older export)"),
                tls.getFirst().message());
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
