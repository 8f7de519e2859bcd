package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.testing.dns.LoopbackDns;

/**
 * The review: under LANG=C (cron, Docker, systemd) {@code --format json} printed {@code alice@b?cher.example} with
 * exit 0, the text output did the same without a word, and a file name or IDN argument reached MailPath mangled and
 * was refused with a Java exception's name.
 */
class NonUtf8LocaleTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network();

    @TempDir
    Path dir;

    private Path idnLog() throws IOException {
        Path file = dir.resolve("idn.csv");
        Files.writeString(file, "Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,Delivery Status\n"
                + "11/16/2026 8:00,1/A,R,alice@b\u00fccher.example,<a@sfdc.example>,\n"
                + "11/16/2026 8:01,1/A,P,alice@b\u00fccher.example,<a@sfdc.example>,550 5.1.1 no such user\n",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void analyzeJsonIsUtf8WhateverTheLocale() throws IOException {
        CliRun r = CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", "--format", "json", idnLog().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode chain = FindingJson.MAPPER.readTree(r.out()).get("chains").get(0);
        assertEquals("alice@b\u00fccher.example", chain.get("recipient").asText());
        assertEquals("", r.err(), "JSON loses nothing, so there is nothing to warn about");
    }

    @Test
    void checkJsonIsUtf8WhateverTheLocale() throws IOException {
        CliRun r = CliRun.inLocale(StandardCharsets.US_ASCII, "check", "--resolver", DNS.resolver(), "--dns-port",
                String.valueOf(DNS.port()), "--timeout", "5000", "--format", "json", "good.test");
        CliRun utf8 = CliRun.check(DNS, "--format", "json", "good.test");
        assertEquals(utf8.code(), r.code(), r.err());
        // the findings' words hold non-ASCII (an ellipsis, dashes, quotes): the same JSON as under a UTF-8 locale
        assertFalse(utf8.out().chars().allMatch(c -> c < 0x80), "the test needs non-ASCII text");
        assertEquals(FindingJson.MAPPER.readTree(utf8.timeless()), FindingJson.MAPPER.readTree(r.timeless()));
    }

    @Test
    void textShowsWhatTheLocaleCannotAsCodesAndSaysSoOnce() throws IOException {
        CliRun r = CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", idnLog().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("b[U+00FC]cher.example"), r.out());
        assertFalse(r.out().contains("b?cher"), r.out());
        assertEquals("mailpath: the locale's encoding (US-ASCII) cannot show some characters of the output, shown as"
                + " [U+XXXX] instead; run with LANG=C.UTF-8 to see them", r.err().strip());
    }

    /**
     * The review: the domains table padded {@code bücher.example} to its column before the locale's writer widened
     * it to {@code b[U+00FC]cher.example}, and every number after it moved right by 7 (a name clipped to the column
     * by 2 more, its ellipsis written as {@code ...}). Under LANG=C each row's numbers stand where they stand under a
     * UTF-8 locale, under their headings.
     */
    @Test
    void theDomainsTableKeepsItsColumnsWhenANameIsShownAsCodes() throws IOException {
        // 35 characters, which fit in the column of 40; shown under LANG=C, 42, which are clipped
        String longer = "a".repeat(20) + "-b\u00fccher.example";
        Path file = dir.resolve("columns.csv");
        Files.writeString(file, "Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,Delivery Status\n"
                + "11/16/2026 8:00,1/A,R,alice@b\u00fccher.example,<a@sfdc.example>,\n"
                + "11/16/2026 8:01,1/A,P,alice@b\u00fccher.example,<a@sfdc.example>,550 5.1.1 no such user\n"
                + "11/16/2026 8:00,2/B,R,bob@" + longer + ",<b@sfdc.example>,\n"
                + "11/16/2026 8:01,2/B,T,bob@" + longer + ",<b@sfdc.example>,451 4.4.1 try again later\n",
                StandardCharsets.UTF_8);
        List<String> ascii = domainsTable(CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", file.toString()));
        List<String> utf8 = domainsTable(CliRun.inLocale(StandardCharsets.UTF_8, "analyze", file.toString()));
        assertEquals(3, ascii.size(), String.join("\n", ascii));
        assertEquals(utf8.get(0), ascii.get(0));
        String idn = ascii.stream().filter(l -> l.startsWith("  b[U+00FC]cher.example ")).findFirst().orElseThrow();
        String clipped = ascii.stream().filter(l -> l.startsWith("  aaa")).findFirst().orElseThrow();
        assertTrue(clipped.startsWith("  " + "a".repeat(20) + "-b[U+00FC]cher.ex... "), clipped);
        int column = 2 + 40; // the indent and the domain column
        for (String row : List.of(idn, clipped)) {
            String sameRow = utf8.get(ascii.indexOf(row)); // the same analysis, its domains in the same order
            assertEquals(sameRow.substring(column), row.substring(column), row);
            assertEquals(ascii.get(0).length(), row.length(), row);
        }
    }

    /** The table under the heading "Domains with the most failures": its heading row and its domains' rows. */
    private static List<String> domainsTable(CliRun r) {
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int heading = lines.indexOf("Domains with the most failures");
        assertTrue(heading >= 0, r.out());
        return lines.subList(heading + 1, lines.size()).stream().takeWhile(l -> !l.isBlank()).toList();
    }

    /** MailPath's own dashes and ellipses are no lost data: ASCII stand-ins, and no warning for them. */
    @Test
    void ownTypographyHasAsciiStandInsWithoutAWarning() throws IOException {
        Path file = dir.resolve("ascii.csv");
        Files.writeString(file, "Date/Time,Internal Message ID,Mail Event,Recipient,Message ID Header,Delivery Status\n"
                + "11/16/2026 8:00,1/A,R,alice@contoso.example,<a@sfdc.example>,\n"
                + "11/16/2026 8:01,1/A,D,alice@contoso.example,<a@sfdc.example>,250 2.0.0 OK\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.inLocale(StandardCharsets.US_ASCII, "analyze", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2026-11-16 08:00 - 2026-11-16 08:01 UTC"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void textInAUtf8LocaleIsAsItIs() throws IOException {
        CliRun r = CliRun.inLocale(StandardCharsets.UTF_8, "analyze", idnLog().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("b\u00fccher.example"), r.out());
        assertEquals("", r.err());
    }

    /** What the JDK gives main for {@code Ärende.csv} and {@code bücher.de} under LANG=C: U+FFFD for each byte. */
    @Test
    void aFileNameWhoseCharactersWereLostIsNamedWithoutAJavaException() {
        CliRun r = CliRun.of("analyze", "\uFFFD\uFFFDrende.csv");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("mailpath: FILE '??rende.csv': "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("java."), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aDomainOrOptionValueWhoseCharactersWereLostIsNamed() {
        CliRun domain = CliRun.check(DNS, "b\uFFFD\uFFFDcher.de");
        assertEquals(2, domain.code(), domain.err());
        assertTrue(domain.err().startsWith("mailpath: DOMAIN 'b??cher.de': "), domain.err());
        CliRun report = CliRun.of("analyze", "log.csv", "--report", "\uFFFD\uFFFDrende.pdf");
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().startsWith("mailpath: --report '??rende.pdf': "), report.err());
    }

    @Test
    void theLineSaysWhyAndWhatToDo() {
        assertEquals("mailpath: argument 'b??cher.de': characters the locale's encoding (ANSI_X3.4-1968, not UTF-8)"
                + " cannot hold were lost before MailPath got it; run with LANG=C.UTF-8",
                MailPathCommand.lostLine(Optional.empty(), "b\uFFFD\uFFFDcher.de", "ANSI_X3.4-1968"));
        assertTrue(MailPathCommand.lostLine(Optional.empty(), "\uFFFDrende.csv", "UTF-8")
                .endsWith("it holds bytes that are not UTF-8, the locale's encoding, and they were lost; give it in"
                        + " UTF-8"));
    }
}
