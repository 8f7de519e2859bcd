package org.mailpath.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files of real texts with their sources (real-bounce-texts.txt, real-email-log-lines.txt): entries of three
 * fields, {@code A | B | text}, each under the nearest {@code # source: <where>} line above it; other lines starting
 * with '#' and blank lines are comments.
 */
public final class SourcedEntries {

    private static final String SOURCE = "# source:";

    /**
     * One entry: its first two fields stripped, the text as written (everything after the second separator: it
     * may hold " | " itself), the source it stands under ("" before the first) and its line number.
     */
    public record Entry(String first, String second, String text, String source, int line) {
    }

    private SourcedEntries() {
    }

    /** The entries of {@code file}, a resource next to {@code owner}; {@code layout} names the fields in failures. */
    public static List<Entry> read(Class<?> owner, String file, String layout) throws IOException {
        String text;
        try (InputStream in = owner.getResourceAsStream(file)) {
            assertNotNull(in, file);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Entry> entries = new ArrayList<>();
        String source = "";
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(SOURCE)) {
                source = line.substring(SOURCE.length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split(" \\| ", 3);
                assertEquals(3, f.length, file + " line " + (i + 1) + ": " + layout);
                entries.add(new Entry(f[0].strip(), f[1].strip(), f[2], source, i + 1));
            }
        }
        return entries;
    }
}
