package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.log.LogFixtures;

/**
 * {@code mailpath analyze month.zip}, a zip of two Email Logs: the same output as {@code analyze first.csv
 * second.csv}, each file named after the zip ({@code month.zip!first.csv}) in "files", "problems", the chains and a
 * report's appendix. The logs are the repository's synthetic sample cut into two requests that overlap by 33 rows, as
 * in {@link AnalyzeSeveralFilesTest} ({@link SampleRequests}).
 */
class AnalyzeZipOfSeveralTest {

    @TempDir
    Path dir;

    private Path first;
    private Path second;
    private Path zip;

    @BeforeEach
    void twoOverlappingRequestsZipped() throws Exception {
        first = SampleRequests.write(dir, "first.csv", SampleRequests.firstRows());
        second = SampleRequests.write(dir, "second.csv", SampleRequests.secondRows());
        zip = zipOf("month.zip");
    }

    @Test
    void jsonIsThatOfTheTwoLogsGivenOneByOneWithTheZipsName() throws Exception {
        CliRun zipped = CliRun.of("analyze", zip.toString(), "--format", "json");
        assertEquals(0, zipped.code(), zipped.err());
        CliRun separate = CliRun.of("analyze", first.toString(), second.toString(), "--format", "json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode j = mapper.readTree(zipped.out());
        assertEquals(mapper.readTree(separate.out()), mapper.readTree(zipped.out().replace("month.zip!", "")));
        assertEquals("month.zip!first.csv", j.get("file").asText());
        assertEquals("[{\"file\":\"month.zip!first.csv\",\"label\":\"month.zip!first.csv\",\"usable\":true,"
                + "\"rows\":66,\"rejectedRows\":0,\"copiesLeftOut\":0,\"blankRows\":0},"
                + "{\"file\":\"month.zip!second.csv\",\"label\":\"month.zip!second.csv\",\"usable\":true,\"rows\":66,"
                + "\"rejectedRows\":0,\"copiesLeftOut\":33,\"blankRows\":0}]", j.get("files").toString());
        JsonNode problem = j.get("problems").get(0);
        assertEquals("month.zip!second.csv", problem.get("file").asText());
        assertTrue(problem.get("message").asText().contains(" of month.zip!first.csv): "), problem.toString());
    }

    /**
     * What of the zip was not read (a readme) is the zip's own warning: named by the zip in the JSON ("file", and
     * "fileLabel" the same), and in the text once, as the zip's, not as its first log's.
     */
    @Test
    void theZipsOwnWarningNamesTheZip() throws Exception {
        Path withReadme = zipOf("month.zip", "readme.txt");
        String warning = "month.zip: its 2 CSV files were each read as an Email Log; one other entry was left out:"
                + " readme.txt.";
        CliRun json = CliRun.of("analyze", withReadme.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode leftOut = only(new ObjectMapper().readTree(json.out()).get("problems"), warning);
        assertEquals("month.zip", leftOut.get("file").asText());
        assertEquals("month.zip", leftOut.get("fileLabel").asText());

        CliRun text = CliRun.of("analyze", withReadme.toString());
        assertEquals(0, text.code(), text.err());
        assertEquals(List.of("  " + warning), text.out().lines().filter(l -> l.contains("readme.txt")).toList());
    }

    /** Two zips of one name: each one's warning has the zip's name as "file" and its folder in "fileLabel". */
    @Test
    void zipsOfOneNameAreToldApartByTheirFolderInTheirOwnWarnings() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = Files.move(zipOf("month.zip", "readme.txt"), dir.resolve("a/month.zip"));
        Path b = Files.copy(a, dir.resolve("b/month.zip"));
        CliRun r = CliRun.of("analyze", a.toString(), b.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode problems = new ObjectMapper().readTree(r.out()).get("problems");
        for (String folder : List.of("a", "b")) {
            JsonNode leftOut = only(problems, folder + "/month.zip: its 2 CSV files were each read as an Email Log;"
                    + " one other entry was left out: readme.txt.");
            assertEquals("month.zip", leftOut.get("file").asText());
            assertEquals(folder + "/month.zip", leftOut.get("fileLabel").asText());
        }
    }

    /** A zip {@code name} of the two logs, then the entries {@code others}, which are no CSV. */
    private Path zipOf(String name, String... others) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Path p : List.of(first, second)) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
            for (String other : others) {
                z.putNextEntry(new ZipEntry(other));
                z.write("exported from Setup".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return LogFixtures.write(dir, name, bytes.toByteArray());
    }

    private static JsonNode only(JsonNode problems, String message) {
        List<JsonNode> said = StreamSupport.stream(problems.spliterator(), false)
                .filter(p -> p.get("message").asText().equals(message)).toList();
        assertEquals(1, said.size(), problems.toString());
        return said.getFirst();
    }

    @Test
    void textListsTheZipsLogs() {
        CliRun r = CliRun.of("analyze", zip.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("MailPath analysis of 2 files, analysed together as one log", lines.get(0));
        assertEquals("  month.zip!first.csv: 66 rows", lines.get(2));
        assertEquals("  month.zip!second.csv: 66 rows, 33 left out as copies", lines.get(3));
    }

    @Test
    void aReportsAppendixReadsEachLogsRowsAgainFromTheZip() throws Exception {
        Path json = dir.resolve("report.json");
        CliRun r = CliRun.of("analyze", zip.toString(), "--report", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("month.zip!first.csv", "month.zip!second.csv"), StreamSupport.stream(
                j.get("appendix").get("files").spliterator(), false).map(x -> x.get("file").asText()).toList());
        assertFalse(j.get("appendix").toString().contains("could not be read again"), j.get("appendix").toString());
        assertTrue(j.get("appendix").get("rows").size() > 0, j.get("appendix").toString());
        Path separate = dir.resolve("separate.json");
        assertEquals(0, CliRun.of("analyze", first.toString(), second.toString(), "--report", separate.toString())
                .code());
        assertEquals(new ObjectMapper().readTree(separate.toFile()).get("appendix").get("rows"),
                new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8).replace("month.zip!", ""))
                        .get("appendix").get("rows"));
    }

    @Test
    void logsOfOneNameInTheZipsFoldersKeepThoseFoldersInAReport() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String[] e : new String[][] {{"jan/EmailLog.csv", first.toString()},
                    {"feb/EmailLog.csv", second.toString()}}) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(Files.readAllBytes(Path.of(e[1])));
                z.closeEntry();
            }
        }
        Path months = LogFixtures.write(dir, "months.zip", bytes.toByteArray());
        Path json = dir.resolve("months.json");
        CliRun r = CliRun.of("analyze", months.toString(), "--report", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("[\"months.zip!jan/EmailLog.csv\",\"months.zip!feb/EmailLog.csv\"]",
                j.get("title").get("fileNames").toString());
    }

    /**
     * A zip of 21 or 25 logs: the text lists the first 20 files, one line each, and says how many more there are ("1
     * more file", "5 more files"); the JSON's "files" lists them all. A zip of thousands would otherwise print
     * thousands of lines before the verdicts.
     */
    @ParameterizedTest
    @ValueSource(ints = {21, 25})
    void textListsTheFirstTwentyFilesAndCountsTheOthers(int files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < files; i++) {
                z.putNextEntry(new ZipEntry(String.format("week%02d.csv", i)));
                z.write(Files.readAllBytes(i % 2 == 0 ? first : second));
                z.closeEntry();
            }
        }
        Path many = LogFixtures.write(dir, "many.zip", bytes.toByteArray());
        CliRun text = CliRun.of("analyze", many.toString());
        assertEquals(0, text.code(), text.err());
        List<String> listed = text.out().lines().filter(l -> l.matches("  many\\.zip!week\\d\\d\\.csv: 66 rows.*"))
                .toList();
        assertEquals(20, listed.size(), text.out());
        assertTrue(listed.getLast().startsWith("  many.zip!week19.csv: "), text.out());
        String more = "  … and " + (files == 21 ? "1 more file" : "5 more files") + " (see --format json).";
        assertEquals(1, text.out().lines().filter(l -> l.equals(more)).count(), text.out());

        CliRun json = CliRun.of("analyze", many.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertEquals(files, new ObjectMapper().readTree(json.out()).get("files").size());
    }
}
