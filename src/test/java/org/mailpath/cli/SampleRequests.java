package org.mailpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.log.LogFixtures;

/**
 * The repository's synthetic sample (assets/samples/sample-email-log.csv, 99 rows, 40 messages) cut into two Email Log
 * requests of 66 rows that overlap by 33, as the 7-day requests of a month do: rows 1 to 66 and 34 to 99. Written
 * under the sample's header with CRLF line ends.
 */
final class SampleRequests {

    private SampleRequests() {
    }

    /** The first request's rows. */
    static List<String> firstRows() throws IOException {
        return rows().subList(0, 66);
    }

    /** The second request's rows, the last 33 of the first among them. */
    static List<String> secondRows() throws IOException {
        return rows().subList(33, 99);
    }

    /** A log of the sample's header and {@code rows}, written to {@code dir} as {@code name}. */
    static Path write(Path dir, String name, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>(List.of(lines().getFirst()));
        all.addAll(rows);
        return LogFixtures.write(dir, name, String.join("\r\n", all) + "\r\n");
    }

    private static List<String> rows() throws IOException {
        List<String> lines = lines();
        return lines.subList(1, lines.size());
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(LogFixtures.sample("sample-email-log.csv"));
    }
}
