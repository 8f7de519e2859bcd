package org.mailpath.engine.spf;

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
 * SPF records as real domains publish them, each with its source (real-spf-records.txt): they parse, and the check
 * gives the findings RFC 7208 justifies and no WARNING or ERROR beyond them. The names they point to are answered by
 * stand-ins, so that only the record itself is judged.
 */
class RealSpfRecordsTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+\"(.*?)\"\\s+# source: (.+)");
    private static final Pattern INCLUDE = Pattern.compile("include:(\\S+)");
    /** Advice for Salesforce senders, not a judgment of the record under RFC 7208. */
    private static final String SALESFORCE_ADVICE = "SPF_SALESFORCE_INCLUDE_MISSING";

    static Stream<Arguments> records() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = RealSpfRecordsTest.class.getResourceAsStream("real-spf-records.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(lines[i]);
                assertTrue(m.matches(), "line " + (i + 1) + " is not <codes> \"<record>\" # source: …");
                List<String> codes = m.group(1).equals("-") ? List.of() : List.of(m.group(1).split(","));
                out.add(Arguments.of(i + 1, codes, m.group(2)));
            }
        }
        return out.stream();
    }

    /** The record as DNS holds it: strings of at most 255 characters (RFC 7208 §3.3). */
    private static String rdata(String record) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < record.length(); i += 255) {
            parts.add("\"" + record.substring(i, Math.min(record.length(), i + 255)) + "\"");
        }
        return String.join(" ", parts);
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("records")
    void judgedAsReceiversDo(int line, List<String> expected, String record) throws SpfSyntaxException {
        assertTrue(SpfParser.isSpfRecord(record), record);
        SpfParser.parse(record);
        StringBuilder zone = new StringBuilder("example.com. TXT " + rdata(record) + "\n"
                + "example.com. A 192.0.2.1\nexample.com. MX 10 mx.example.com.\nmx.example.com. A 192.0.2.2\n");
        INCLUDE.matcher(record).results().forEach(r -> zone.append(r.group(1)).append(". TXT \"v=spf1 -all\"\n"));
        List<Finding> findings = FakeDns.of(zone.toString()).run(new SpfCheck(), "example.com",
                FakeDns.options(null, List.of(), List.of()));
        String all = "line " + line + ":\n" + Findings.describe(findings);
        for (String code : expected) {
            assertTrue(Findings.codes(findings).contains(code), "missing " + code + " in " + all);
        }
        for (Finding f : findings) {
            if ((f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                    && !f.code().equals(SALESFORCE_ADVICE)) {
                assertTrue(expected.contains(f.code()), "unexpected " + f.code() + " in " + all);
            }
        }
    }
}
