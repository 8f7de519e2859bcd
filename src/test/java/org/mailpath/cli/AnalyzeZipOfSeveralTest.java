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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * {@code mailpath analyze month.zip}, a zip of two Email Logs: the same output as {@code analyze first.csv
 * second.csv}, each file named after the zip ({@code month.zip!first.csv}) in "files", "problems", the chains and a
 * report's appendix. The logs are the repository's synthetic sample cut into two requests that overlap by 33 rows, as
 * in {@link AnalyzeSeveralFilesTest}.
 */
class AnalyzeZipOfSeveralTest {

    @TempDir
    Path dir;

    private Path first;
    private Path second;
    private Path zip;

    @BeforeEach
    void twoOverlappingRequestsZipped() throws Exception {
        List<String> lines = Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
        List<String> rows = lines.subList(1, lines.size());
        first = write("first.csv", lines.getFirst(), rows.subList(0, 66));
        second = write("second.csv", lines.getFirst(), rows.subList(33, 99));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Path p : List.of(first, second)) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        zip = LogFixtures.write(dir, "month.zip", bytes.toByteArray());
    }

    private Path write(String name, String header, List<String> rows) {
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        return LogFixtures.write(dir, name, String.join("\r\n", all) + "\r\n");
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

    @Test
    void textListsTheZipsLogs() {
        CliRun r = CliRun.of("analyze", zip.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("MailPath analysis of 2 files, analysed together as one log", lines.get(0));
        assertEquals("  month.zip!first.csv: 66 rows", lines.get(2));
        assertEquals("  month.zip!second.csv: 66 rows, 33 left out as exact copies", lines.get(3));
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
}
