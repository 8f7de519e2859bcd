package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.log.LogFixtures;

/**
 * A report leaves the company: a zip of several logs made from their full path ({@code zip abs.zip
 * /home/jdoe.smith/exports/*.csv}) stores that path in its entries, and the report names each log by the zip and the
 * entry's file name, with only the entry's folders that tell two of its logs apart, never the user's home folder,
 * redacted or not.
 */
class ZipMemberNamesInReportTest {

    @TempDir
    Path dir;

    /** The repository's synthetic sample cut in two overlapping halves, as two logs. */
    private static List<String> halves() throws IOException {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        List<String> rows = lines.subList(1, lines.size());
        int n = rows.size();
        return List.of(LogFixtures.logText(rows.subList(0, 2 * n / 3)), LogFixtures.logText(rows.subList(n / 3, n)));
    }

    private Path zip(String name, String... entries) {
        return LogFixtures.write(dir, name, LogFixtures.zip(entries));
    }

    private static ReportModel report(Path zip, boolean redact) throws Exception {
        LogAnalysis a = LogFixtures.analyze(zip);
        return new ReportBuilder(a, ReportOptions.defaults().withRedaction(redact))
                .rawRows(LogFileRawRows.of(List.of(zip))).build();
    }

    /** Every name of a log the report gives: the Files line, the appendix's and the events' file names. */
    private static Set<String> namesIn(ReportModel m) {
        Set<String> names = new TreeSet<>();
        m.appendix().files().forEach(f -> names.add(f.file()));
        m.appendix().rows().forEach(r -> names.add(r.file()));
        m.recipientDomains().forEach(d -> d.messages().forEach(e -> e.events().forEach(v -> names.add(v.file()))));
        return names;
    }

    @Test
    void aZipMadeFromAHomeFolderIsNamedWithoutIt() throws Exception {
        List<String> logs = halves();
        Path zip = zip("abs.zip", "home/jdoe.smith/exports/week1.csv", logs.get(0),
                "home/jdoe.smith/exports/week2.csv", logs.get(1));
        for (boolean redact : new boolean[] {false, true}) {
            ReportModel m = report(zip, redact);
            assertEquals("abs.zip!week1.csv, abs.zip!week2.csv", m.title().fileName());
            Set<String> names = namesIn(m);
            assertTrue(names.contains("abs.zip!week1.csv") && names.contains("abs.zip!week2.csv"), names::toString);
            assertEquals(Set.of("abs.zip!week1.csv", "abs.zip!week2.csv"),
                    new TreeSet<>(m.appendix().files().stream().map(Appendix.FileColumns::file).toList()));
            // nowhere in the report, not only where a file is named
            assertFalse(m.toString().contains("jdoe"), "redact " + redact);
            assertFalse(m.toString().contains("home/"), "redact " + redact);
        }
    }

    @Test
    void theEntrysFoldersThatTellItsLogsApartStay() throws Exception {
        List<String> logs = halves();
        Path zip = zip("month.zip", "home/jdoe/exports/a/x.csv", logs.get(0), "home/jdoe/exports/b/x.csv",
                logs.get(1));
        ReportModel m = report(zip, true);
        assertEquals("month.zip!a/x.csv, month.zip!b/x.csv", m.title().fileName());
        assertFalse(m.toString().contains("jdoe"));
    }

    @Test
    void twoZipsOfOneNameKeepTheirFoldersThatTellThemApartAndLoseTheEntrysOwn() throws Exception {
        List<String> logs = halves();
        Files.createDirectories(dir.resolve("jan"));
        Files.createDirectories(dir.resolve("feb"));
        Path jan = zip("jan/month.zip", "home/jdoe/exports/w1.csv", logs.get(0), "home/jdoe/exports/w2.csv",
                logs.get(1));
        Path feb = zip("feb/month.zip", "home/jdoe/exports/w1.csv", logs.get(1), "home/jdoe/exports/w2.csv",
                logs.get(0));
        LogAnalysis a = LogFixtures.analyze(jan, feb);
        ReportModel m = new ReportBuilder(a, ReportOptions.defaults().withRedaction(true))
                .rawRows(LogFileRawRows.of(List.of(jan, feb))).build();
        assertEquals("jan/month.zip!w1.csv, jan/month.zip!w2.csv, feb/month.zip!w1.csv, feb/month.zip!w2.csv",
                m.title().fileName());
        assertFalse(m.toString().contains("jdoe"));
    }

    @Test
    void theAnalysisItselfKeepsTheWholeEntryForTheUsersOwnScreen() throws Exception {
        List<String> logs = halves();
        Path zip = zip("abs.zip", "home/jdoe.smith/exports/week1.csv", logs.get(0),
                "home/jdoe.smith/exports/week2.csv", logs.get(1));
        LogAnalysis a = LogFixtures.analyze(zip);
        assertEquals(List.of("abs.zip!home/jdoe.smith/exports/week1.csv", "abs.zip!home/jdoe.smith/exports/week2.csv"),
                a.files().stream().map(AnalysedFile::label).toList());
    }
}
