package org.mailpath.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.Category;

/**
 * Every finding code the engine can emit, and every failure category, is explained in docs/findings.md
 * (scripts rely on the codes; the document is their contract).
 */
class FindingCodesDocumentedTest {

    /** A string literal that is a finding code: a known check prefix, then upper-case words. */
    private static final Pattern CODE = Pattern.compile(
            "\"((?:DOMAIN|DNS|MX|NS|EDNS|DNSSEC|CHECK|SPF|DMARC|DKIM|PTR|DNSBL|SMTP|MTA_STS|TLSRPT|DANE)_[A-Z0-9_]+)\"");

    private static final Path PROJECT = Path.of(System.getProperty("mailpath.projectDir", "."));

    private static final String SEVERITY = "(?:ERROR|WARNING|INFO|OK)";
    /**
     * {@code | `CODE` | SEVERITY ...|}; the first cell may name several codes, the second may say when which severity
     * applies ({@code Sending IP: ERROR on a major list, ...}).
     */
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*((?:`[A-Z0-9_]+`[,/ ]*(?:or\\s+)?)+)\\|[^|]*\\b" + SEVERITY + "\\b");
    private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+(.*`[A-Z0-9_]+`.*)$");
    private static final Pattern SEVERITY_WORD = Pattern.compile("\\b" + SEVERITY + "\\b");
    private static final Pattern QUOTED_CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    @Test
    void everyEmittedCodeIsDocumented() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/main/java/org/mailpath/engine"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertTrue(codes.size() > 100, "the scan found the codes: " + codes);
        Set<String> entries = codesWithAnEntry(Files.readString(PROJECT.resolve("docs/findings.md")));
        // A literal ending in "_" is a family of codes (FindingCauses' prefixes): documented by its members' entries.
        List<String> missing = codes.stream().filter(c -> c.endsWith("_")
                ? entries.stream().noneMatch(e -> e.startsWith(c)) : !entries.contains(c)).toList();
        assertTrue(missing.isEmpty(), "codes without their own entry (| `CODE` | SEVERITY | ...) in docs/findings.md: "
                + missing);
    }

    /**
     * The codes with an entry of their own: a table row whose first cell names the code and whose second cell gives
     * its severity ({@code | `DMARC_NO_RUA` | WARNING | ...}), or a heading naming the code and a severity. A
     * code named only in passing, in another code's sentence, has no entry: a script's author finds nothing to read.
     */
    static Set<String> codesWithAnEntry(String markdown) {
        Set<String> entries = new TreeSet<>();
        for (String line : markdown.lines().toList()) {
            Matcher row = ROW.matcher(line);
            Matcher heading = HEADING.matcher(line);
            if (row.find()) {
                addCodes(row.group(1), entries);
            } else if (heading.find() && SEVERITY_WORD.matcher(line).find()) {
                addCodes(heading.group(1), entries);
            }
        }
        return entries;
    }

    private static void addCodes(String cell, Set<String> entries) {
        Matcher code = QUOTED_CODE.matcher(cell);
        while (code.find()) {
            entries.add(code.group(1));
        }
    }

    @Test
    void aCodeNamedOnlyInPassingHasNoEntry() {
        String doc = """
                | `DMARC_MISSING` | ERROR | No record; unlike `DMARC_NO_RUA` it blocks. |
                | `DMARC_OK` | OK | Fine. |
                | `DNSBL_LISTED` | Sending IP: ERROR on a major list | Listed. |
                | `DMARC_SYNTAX` | `AUTHENTICATION` |
                Some text naming `DMARC_PCT` in passing.
                ### `DMARC_POLICY_NONE` (WARNING)
                ### `DMARC_ALIGNMENT`
                """;
        assertEquals(Set.of("DMARC_MISSING", "DMARC_OK", "DNSBL_LISTED", "DMARC_POLICY_NONE"), codesWithAnEntry(doc));
    }

    @Test
    void everyCategoryIsDocumented() throws IOException {
        String docs = Files.readString(PROJECT.resolve("docs/findings.md"));
        for (Category c : Category.values()) {
            assertTrue(docs.contains("| `" + c.name() + "` |"), c + " missing from docs/findings.md");
        }
    }
}
