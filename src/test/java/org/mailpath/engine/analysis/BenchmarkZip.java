package org.mailpath.engine.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of one generated Email Log ({@link BenchmarkLog}) split into many CSV members, each with the header, as
 * Salesforce may deliver a log over several files: for measuring what a zip of many members costs
 * ({@link ManyMemberZipBenchmark}). Run by hand: {@code mvn -o -q test-compile exec:exec
 * -Dexec.classpathScope=test -Dmailpath.mainClass=org.mailpath.engine.analysis.BenchmarkZip
 * -Dmailpath.args="target/benchmark/zip-200x500.zip 200 500"}.
 */
public final class BenchmarkZip {

    private BenchmarkZip() {
    }

    /** Writes {@code zip} of {@code members} members of {@code rowsEach} rows each, unless it is already there. */
    public static void generate(Path zip, int members, int rowsEach) throws IOException {
        if (Files.exists(zip)) {
            return;
        }
        int rows = members * rowsEach;
        Path log = zip.resolveSibling("email-log-" + rows + ".csv");
        BenchmarkLog.generate(log, rows);
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8);
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            // every field is quoted and no value holds a line break: one line is one row
            String header = in.readLine();
            for (int m = 1; m <= members; m++) {
                out.putNextEntry(new ZipEntry(String.format("email-log-%05d.csv", m)));
                write(out, header);
                for (int r = 0; r < rowsEach; r++) {
                    String line = in.readLine();
                    if (line == null) {
                        break;
                    }
                    write(out, line);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, zip);
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws IOException {
        generate(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
