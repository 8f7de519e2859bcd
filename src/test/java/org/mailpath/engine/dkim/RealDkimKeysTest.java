package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;

/**
 * DKIM key records as real domains publish them (and verifiers' fixtures), each with its source (real-dkim-keys.txt):
 * the check must give the findings RFC 6376, RFC 8463 and RFC 8301 justify, and no WARNING or ERROR beyond them.
 */
class RealDkimKeysTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+\"(.*?)\"\\s+# source: (.+)");
    /** Longest character-string of a TXT record (RFC 1035 §3.3). */
    private static final int STRING_LIMIT = 255;

    static Stream<Arguments> keys() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = RealDkimKeysTest.class.getResourceAsStream("real-dkim-keys.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(lines[i]);
                assertTrue(m.matches(), "line " + (i + 1) + " is not <codes> \"<record>\" # source: …");
                out.add(Arguments.of(i + 1, List.of(m.group(1).split(",")), m.group(2)));
            }
        }
        return out.stream();
    }

    /** The record as DNS holds it: strings of at most 255 characters. */
    private static String rdata(String record) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < record.length(); i += STRING_LIMIT) {
            parts.add("\"" + record.substring(i, Math.min(record.length(), i + STRING_LIMIT)) + "\"");
        }
        return parts.isEmpty() ? "\"\"" : String.join(" ", parts);
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("keys")
    void judgedAsVerifiersDo(int line, List<String> expected, String record) {
        List<Finding> findings = FakeDns.of("sel._domainkey.example.com. TXT " + rdata(record) + "\n")
                .run(new DkimCheck(), "example.com", FakeDns.options(null, List.of("sel"), List.of()));
        String all = "line " + line + ":\n" + Findings.describe(findings);
        for (String code : expected) {
            assertTrue(Findings.codes(findings).contains(code), "missing " + code + " in " + all);
        }
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) {
                assertTrue(expected.contains(f.code()), "unexpected " + f.code() + " in " + all);
            }
        }
    }
}
