package org.mailpath.testing.fakedns;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The data files of the real-record tests (real-*.txt next to each test class): one case a line, {@code <codes>
 * <record> # source: <where it was taken from>}, where codes are the expected finding codes separated by commas
 * ({@code -} for none); blank lines and lines starting with '#' are comments.
 */
public final class RecordCases {

    /** Longest character-string of a TXT record (RFC 1035 §3.3). */
    private static final int STRING_LIMIT = 255;

    private RecordCases() {
    }

    /**
     * The cases of {@code file} (a resource next to {@code owner}), each as (line number, expected codes, record):
     * {@code line} must match each case, its group 1 being the codes and group 2 the record.
     */
    public static Stream<Arguments> read(Class<?> owner, String file, Pattern line) throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(file)) {
            assertNotNull(in, file);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                Matcher m = line.matcher(lines[i]);
                assertTrue(m.matches(), file + " line " + (i + 1) + " is not <codes> <record> # source: …");
                List<String> codes = m.group(1).equals("-") ? List.of() : List.of(m.group(1).split(","));
                out.add(Arguments.of(i + 1, codes, m.group(2)));
            }
        }
        return out.stream();
    }

    /** The record as zone text of a TXT record: quoted strings of at most 255 characters. */
    public static String txtStrings(String record) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < record.length(); i += STRING_LIMIT) {
            parts.add("\"" + record.substring(i, Math.min(record.length(), i + STRING_LIMIT)) + "\"");
        }
        return parts.isEmpty() ? "\"\"" : String.join(" ", parts);
    }
}
