package org.mailpath.engine.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Data files on the class path with one entry a line, columns separated by TABs; blank lines and '#' lines are
 * skipped (the DNS blocklists' data files, and test data such as the is_email and IdnaTestV2 suites).
 */
public final class TabbedResource {

    private TabbedResource() {
    }

    /** The entries of {@code resource} (an absolute resource path), each split into its columns. */
    public static List<String[]> rows(String resource) {
        return rows(resource, 0);
    }

    /**
     * The entries of {@code resource}, each split into exactly {@code columns} columns (the last may hold TABs);
     * a line with fewer is an error that names the file and the line.
     */
    public static List<String[]> rows(String resource, int columns) {
        try (InputStream in = TabbedResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", columns);
                if (columns > 0 && row.length != columns) {
                    throw new IllegalStateException(resource + ": not " + columns + " columns: " + line);
                }
                rows.add(row);
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
