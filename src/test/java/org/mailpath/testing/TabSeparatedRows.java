package org.mailpath.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data files of tab-separated rows (is_email-tests.tsv, IdnaTestV2-idna2008.tsv): blank lines and lines starting
 * with '#' are comments; every other line must have exactly the given number of fields (the last may hold tabs).
 */
public final class TabSeparatedRows {

    private TabSeparatedRows() {
    }

    /** The rows of {@code file}, a resource next to {@code owner}, each split into {@code fields} fields. */
    public static List<String[]> read(Class<?> owner, String file, int fields) {
        String text;
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> rows = new ArrayList<>();
        // line ends as BufferedReader knows them: a row may hold U+2028 or U+0085, which \R would split at
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", fields);
            if (f.length != fields) {
                throw new IllegalStateException("bad line in " + file + " (" + fields + " fields expected): " + line);
            }
            rows.add(f);
        }
        return rows;
    }
}
