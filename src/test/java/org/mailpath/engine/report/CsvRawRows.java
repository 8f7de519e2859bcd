package org.mailpath.engine.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mailpath.engine.common.Cancellation;

/** Test stand-in for the log reader's raw-row source: plain UTF-8 CSV, rows by their first physical line. */
public final class CsvRawRows implements RawRowSource {
    private final Path file;

    public CsvRawRows(Path file) {
        this.file = file;
    }

    @Override
    public List<String> header() throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(in)) {
            return p.iterator().next().toList();
        }
    }

    @Override
    public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) throws IOException {
        Map<Long, List<String>> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(in)) {
            long start = 1;
            for (CSVRecord r : p) {
                if (lines.contains(start)) {
                    out.put(start, new ArrayList<>(r.toList()));
                }
                start = p.getCurrentLineNumber() + 1;
            }
        }
        return out;
    }
}
