package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.TLS_COLUMNS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.writeLog;
import static org.mailpath.engine.log.LogFixtures.writeWithout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MissingTlsColumn;

/**
 * The warning of a file without the TLS_Cipher column (an older export) among several logs analysed together: it is
 * about D rows (one with TLS_Cipher None is an internal hand-off, not the delivery), so it is left out when every D row
 * of the file was also in a file with the column (no verdict depended on it), says how many D rows it concerns when
 * only some were, and stays as it was for a single log and when no row was found elsewhere. Before, it was kept for a
 * file every row of which was a copy of a file with the column.
 */
class TlsColumnWarningTest {

    private static final String A = "a@acme.example";
    // "(an older export), which marks": the copy review read "which" as the export; the column is meant
    private static final String WARNING = "The file has no TLS_Cipher column (an older export). That column marks"
            + " internal hand-offs between Salesforce mail servers; without it, a D row to a private address (such as"
            + " 10.x.x.x or"
            + " 192.168.x.x) counts as a hand-off, since Salesforce never delivers to one, and any other D row counts"
            + " as delivered, though some may still be hand-offs.";
    private static final String WARNING_SV = "Filen har ingen TLS_Cipher-kolumn (en äldre export), den som markerar"
            + " interna överlämningar mellan Salesforces e-postservrar: en D-rad till en privat adress (till exempel"
            + " 10.x.x.x eller 192.168.x.x) räknas som överlämning, eftersom Salesforce aldrig levererar till en sådan,"
            + " och övriga D-rader räknas som levererade, även om några ändå kan vara överlämningar.";

    /**
     * Three messages: m1 handed off internally, then delivered; m2 only handed off (received only, when its
     * TLS_Cipher None is known); m3 delivered. Four D rows.
     */
    private static final List<String> ROWS = List.of(
            row("3/6/2009 13:30", "R", A, "m1", "", ""),          // 0
            row("3/6/2009 13:31", "D", A, "m1", "250 OK", "None"), // 1 hand-off
            row("3/6/2009 13:32", "D", A, "m1", "250 OK", TLS),    // 2
            row("3/6/2009 13:40", "R", A, "m2", "", ""),          // 3
            row("3/6/2009 13:41", "D", A, "m2", "250 OK", "None"), // 4 hand-off
            row("3/6/2009 13:50", "R", A, "m3", "", ""),          // 5
            row("3/6/2009 13:51", "D", A, "m3", "250 OK", TLS));   // 6

    @TempDir
    Path dir;

    /** A log of the {@link #ROWS} at {@code rows}; {@code older}: without the TLS columns, header and rows. */
    private Path log(String name, boolean older, Integer... rows) {
        String[] lines = Arrays.stream(rows).map(ROWS::get).toArray(String[]::new);
        return older ? writeWithout(dir, name, TLS_COLUMNS, lines) : writeLog(dir, name, lines);
    }

    /** The problems about the TLS_Cipher column, as "file: message". */
    private static List<String> tlsWarnings(LogAnalysis a, Locale locale) {
        return a.problems().stream().filter(p -> MissingTlsColumn.anyIn(List.of(p)))
                .map(p -> p.file() + ":" + p.line() + ": " + p.message(locale)).toList();
    }

    private static List<String> tlsWarnings(LogAnalysis a) {
        return tlsWarnings(a, Locale.ROOT);
    }

    private static List<String> verdicts(LogAnalysis a) {
        return a.chains().stream().map(c -> c.messageIdHeader() + " " + c.verdict()).sorted().toList();
    }

    private static String partly(String file, int without, int all, String withColumn) {
        // English groups its counts: "5,000 of its 25,000 D rows"
        return file + ":0: " + WARNING + " This applies to " + String.format(Locale.ROOT, "%,d of its %,d", without, all)
                + " D rows: the rest were"
                + " also in a file analysed with it that has the column (" + withColumn + ") and were judged by the"
                + " TLS_Cipher there.";
    }

    @Test
    void aWholeFileCopiedFromAFileWithTheColumnHasNoWarningInEitherOrder() throws Exception {
        Path older = log("older.csv", true, 0, 1, 2, 3, 4, 5, 6);
        Path newer = log("newer.csv", false, 0, 1, 2, 3, 4, 5, 6);
        List<String> judgedWithTls = verdicts(analyze(List.of(newer)));
        assertEquals(List.of("m1@sfdc.example DELIVERED", "m2@sfdc.example RECEIVED_ONLY",
                "m3@sfdc.example DELIVERED"), judgedWithTls);
        for (List<Path> files : List.of(List.of(older, newer), List.of(newer, older))) {
            for (LogAnalysis a : List.of(analyze(files), analyzeInHalves(files))) {
                assertEquals(List.of(), tlsWarnings(a), files.toString());
                assertEquals(judgedWithTls, verdicts(a), files.toString());
                // what is left is the copies' warning, in the later file
                assertEquals(List.of(files.get(1).getFileName().toString()),
                        a.problems().stream().map(FileProblem::file).toList(), files.toString());
                assertEquals(List.of(0L, 7L), a.files().stream().map(AnalysedFile::copiesLeftOut).toList());
            }
        }
    }

    @Test
    void anOlderFileWhoseRowsAreAllInTheNewerOneHasNoWarningInEitherOrder() throws Exception {
        Path older = log("older.csv", true, 0, 1, 2, 3, 4);
        Path newer = log("newer.csv", false, 0, 1, 2, 3, 4, 5, 6);
        for (List<Path> files : List.of(List.of(older, newer), List.of(newer, older))) {
            LogAnalysis a = analyze(files);
            assertEquals(List.of(), tlsWarnings(a), files.toString());
            assertEquals(verdicts(analyze(List.of(newer))), verdicts(a), files.toString());
        }
    }

    @Test
    void aPartlyCopiedFileSaysHowManyOfItsDRowsTheWarningConcernsInEitherOrder() throws Exception {
        // D rows 1 and 2 are in the newer file too; 4 (m2's hand-off) and 6 are only in the older one
        Path older = log("older.csv", true, 0, 1, 2, 3, 4, 5, 6);
        Path newer = log("newer.csv", false, 0, 1, 2);
        for (List<Path> files : List.of(List.of(older, newer), List.of(newer, older))) {
            for (LogAnalysis a : List.of(analyze(files), analyzeInHalves(files))) {
                assertEquals(List.of(partly("older.csv", 2, 4, "newer.csv")), tlsWarnings(a), files.toString());
                assertEquals(List.of("older.csv:0: " + WARNING_SV + " Det gäller 2 av dess 4 D-rader: övriga fanns"
                        + " också i en fil som analyserades tillsammans med den och har kolumnen (newer.csv) och"
                        + " bedömdes efter TLS_Cipher där."), tlsWarnings(a, Locale.of("sv")), files.toString());
                // what the warning says: m2's hand-off, only in the older file, counts as its delivery
                assertEquals(List.of("m1@sfdc.example DELIVERED", "m2@sfdc.example DELIVERED",
                        "m3@sfdc.example DELIVERED"), verdicts(a), files.toString());
            }
        }
    }

    @Test
    void aDRowInTwoFilesWithTheColumnCountsOnceAndNamesBothInEveryOrder() throws Exception {
        Path older = log("older.csv", true, 0, 1, 2, 3, 4, 5, 6);
        Path first = log("first.csv", false, 0, 1, 2);
        Path second = log("second.csv", false, 1, 2, 3);
        List<List<Path>> orders = List.of(List.of(older, first, second), List.of(older, second, first),
                List.of(first, older, second), List.of(second, older, first), List.of(first, second, older),
                List.of(second, first, older));
        for (List<Path> files : orders) {
            String withColumn = files.stream().filter(f -> f != older).map(f -> f.getFileName().toString())
                    .reduce((x, y) -> x + ", " + y).orElseThrow();
            assertEquals(List.of(partly("older.csv", 2, 4, withColumn)), tlsWarnings(analyze(files)),
                    files.toString());
        }
    }

    @Test
    void aFileWithoutOverlapKeepsTheWarningAsItWas() throws Exception {
        Path older = log("older.csv", true, 3, 4);
        Path newer = log("newer.csv", false, 0, 1, 2, 5, 6);
        for (List<Path> files : List.of(List.of(older, newer), List.of(newer, older))) {
            assertEquals(List.of("older.csv:0: " + WARNING), tlsWarnings(analyze(files)), files.toString());
        }
    }

    @Test
    void twoFilesWithoutTheColumnKeepTheirWarningsForTheRowsNoFileWithItHas() throws Exception {
        // the second older file's rows are all in the first, which lacks the column too: judged without it
        Path older = log("older.csv", true, 0, 1, 2, 3, 4, 5, 6);
        Path oldest = log("oldest.csv", true, 3, 4);
        for (List<Path> files : List.of(List.of(older, oldest), List.of(oldest, older))) {
            assertEquals(List.of("older.csv:0: " + WARNING, "oldest.csv:0: " + WARNING).stream().sorted().toList(),
                    tlsWarnings(analyze(files)).stream().sorted().toList(), files.toString());
        }
        // with a file that has the column for m1 only: oldest's rows are judged without it, older's partly
        Path newer = log("newer.csv", false, 0, 1, 2);
        for (List<Path> files : List.of(List.of(older, oldest, newer), List.of(newer, oldest, older))) {
            assertEquals(List.of(partly("older.csv", 2, 4, "newer.csv"), "oldest.csv:0: " + WARNING),
                    tlsWarnings(analyze(files)).stream().sorted().toList(), files.toString());
        }
    }

    /** Enough messages for two judging threads, whose counts are added up; each file also read in two parts. */
    @Test
    void manyMessagesAreCountedOnceWhateverThreadJudgedThem() throws Exception {
        int messages = 25_000;
        List<String> older = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            String d = row(LogFixtures.date(m), "D", A, "n" + m, "250 OK", TLS);
            older.add(d);
            if (m % 5 != 0) {
                newer.add(d);
            }
        }
        Path olderFile = writeWithout(dir, "older.csv", TLS_COLUMNS, older.toArray(String[]::new));
        Path newerFile = writeLog(dir, "newer.csv", newer);
        for (List<Path> files : List.of(List.of(olderFile, newerFile), List.of(newerFile, olderFile))) {
            for (LogAnalysis a : List.of(analyze(files), analyzeInHalves(files))) {
                assertEquals(messages, a.messages());
                assertEquals(List.of(partly("older.csv", messages / 5, messages, "newer.csv")), tlsWarnings(a),
                        files.toString());
            }
        }
    }

    @Test
    void aSingleLogKeepsTheWarningAsItWas() throws Exception {
        for (Path single : List.of(log("older.csv", true, 0, 1, 2, 3, 4, 5, 6), log("r-only.csv", true, 0, 3))) {
            LogAnalysis a = analyze(List.of(single));
            String name = single.getFileName().toString();
            assertEquals(List.of(name + ":0: " + WARNING), tlsWarnings(a));
            assertEquals(List.of(name + ":0: " + WARNING_SV), tlsWarnings(a, Locale.of("sv")));
            assertEquals(1, a.problems().size());
        }
    }
}
