package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domains table of {@code analyze} in a terminal's cells: a CJK name padded to its characters (例え.テスト, 6 of
 * them, 11 cells) put every number of its row 5 cells right of its heading, a name with a combining accent 1 left.
 */
class DomainsTableCellsTest {

    private static final String EXAMPLE = "\u4f8b\u3048.\u30c6\u30b9\u30c8"; // 例え.テスト
    // x has no precomposed form with the accent: the analysis spells domains as IDNA does (NFC), which would make
    // cafe + U+0301 the one character é
    private static final String COMBINING = "cafx\u0301.example";
    private static final String LONG = "\u6f22\u5b57".repeat(12) + ".\u4f8b"; // 漢字 x 12: 51 cells

    /** The numbers of a row ({@code " %8d %9d %7d %8d %13d"}): ASCII, 50 characters, after the domain's cell. */
    private static final int NUMBERS = 50;

    /** The cell the numbers of a row start at: the indent of 2 and the domain column of 40. */
    private static final int NUMBERS_START = 42;

    @TempDir
    Path dir;

    private Path log() throws IOException {
        StringBuilder csv = new StringBuilder(
                "Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,Delivery Status\n");
        int id = 0;
        for (String domain : List.of(EXAMPLE, COMBINING, LONG, "plain.example")) {
            id++;
            csv.append("11/16/2026 8:00,").append(id).append("/A,R,alice@").append(domain).append(",<").append(id)
                    .append("@sfdc.example>,\n");
            csv.append("11/16/2026 8:01,").append(id).append("/A,P,alice@").append(domain).append(",<").append(id)
                    .append("@sfdc.example>,550 5.1.1 no such\tuser\n");
        }
        Path file = dir.resolve("cjk.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The cells of {@code text} as a terminal draws the characters of this test: Han, Hiragana and Katakana two,
     * a combining mark none, the rest one. Counted here, not by {@link TerminalWidth}, which this test checks.
     */
    private static int cells(String text) {
        return text.codePoints().map(c -> Character.getType(c) == Character.NON_SPACING_MARK ? 0
                : switch (Character.UnicodeScript.of(c)) {
                    case HAN, HIRAGANA, KATAKANA -> 2;
                    default -> 1;
                }).sum();
    }

    private static String row(List<String> table, String start) {
        return table.stream().filter(l -> l.startsWith("  " + start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start + " in\n" + String.join("\n", table)));
    }

    @Test
    void everyRowsNumbersStartAtTheSameCellAsTheHeadingsColumns() throws IOException {
        List<String> table = domainsTable(CliRun.inLocale(StandardCharsets.UTF_8, "analyze", log().toString()));
        assertEquals(5, table.size(), String.join("\n", table));
        String heading = table.getFirst();
        String numbers = row(table, "plain.example").substring(2 + 40);
        assertEquals("  " + EXAMPLE + " ".repeat(29) + numbers, row(table, EXAMPLE), "11 cells and 29 spaces");
        assertEquals("  " + COMBINING + " ".repeat(28) + numbers, row(table, COMBINING), "12 cells and 28 spaces");
        // 19 ideographs and the ellipsis are 39 cells: the 20th would stand half in the next column
        assertEquals("  " + "\u6f22\u5b57".repeat(9) + "\u6f22\u2026 " + numbers, row(table, "\u6f22"));
        for (String row : table.subList(1, table.size())) {
            assertEquals(NUMBERS_START, cells(row.substring(0, row.length() - NUMBERS)), row);
            assertEquals(cells(heading), cells(row), row);
        }
        assertEquals(NUMBERS_START, cells(heading.substring(0, heading.indexOf(" messages"))));
    }

    /** Under LANG=C the names are codes, ASCII: the numbers stand in the same cells as under UTF-8. */
    @Test
    void underAnAsciiLocaleTheCodesAreCountedAndTheColumnsStay() throws IOException {
        Path file = log();
        List<String> ascii = domainsTable(CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", file.toString()));
        List<String> utf8 = domainsTable(CliRun.inLocale(StandardCharsets.UTF_8, "analyze", file.toString()));
        assertEquals(utf8.size(), ascii.size());
        assertEquals(utf8.getFirst(), ascii.getFirst());
        // 41 characters of codes: clipped to the column, no code cut, the ellipsis as "..."
        String example = row(ascii, "[U+4F8B][U+3048].[U+30C6]");
        assertEquals("  [U+4F8B][U+3048].[U+30C6][U+30B9]...    ", example.substring(0, NUMBERS_START));
        String combining = row(ascii, "cafx[U+0301].example ");
        for (String row : ascii) {
            assertTrue(row.chars().allMatch(c -> c < 0x80), row);
            assertEquals(ascii.getFirst().length(), row.length(), row);
        }
        assertEquals(numbers(row(utf8, EXAMPLE)), numbers(example));
        assertEquals(numbers(row(utf8, COMBINING)), numbers(combining));
    }

    /** A tab in a Delivery Status moved what followed it to the next tab stop; it is shown as its code. */
    @Test
    void aTabInAValueIsShownAsItsCode() throws IOException {
        CliRun r = CliRun.inLocale(StandardCharsets.UTF_8, "analyze", log().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("550 5.1.1 no such[U+0009]user"), r.out());
        assertTrue(r.out().indexOf('\t') < 0, r.out());
    }

    private static String numbers(String row) {
        return row.substring(row.length() - NUMBERS);
    }

    /** The table under the heading "Domains with the most failures": its heading row and its domains' rows. */
    private static List<String> domainsTable(CliRun r) {
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int heading = lines.indexOf("Domains with the most failures");
        assertTrue(heading >= 0, r.out());
        return lines.subList(heading + 1, lines.size()).stream().takeWhile(l -> !l.isBlank()).toList();
    }
}
