package org.mailpath.docs;

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
        String docs = Files.readString(PROJECT.resolve("docs/findings.md"));
        List<String> missing = codes.stream().filter(c -> !docs.contains("`" + c + "`")).toList();
        assertTrue(missing.isEmpty(), "codes missing from docs/findings.md: " + missing);
    }

    @Test
    void everyCategoryIsDocumented() throws IOException {
        String docs = Files.readString(PROJECT.resolve("docs/findings.md"));
        for (Category c : Category.values()) {
            assertTrue(docs.contains("| `" + c.name() + "` |"), c + " missing from docs/findings.md");
        }
    }
}
