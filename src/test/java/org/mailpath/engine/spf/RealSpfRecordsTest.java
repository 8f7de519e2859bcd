package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.mailpath.testing.fakedns.RecordCases;

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
        return RecordCases.read(RealSpfRecordsTest.class, "real-spf-records.txt", LINE);
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("records")
    void judgedAsReceiversDo(int line, List<String> expected, String record) throws SpfSyntaxException {
        assertTrue(SpfParser.isSpfRecord(record), record);
        SpfParser.parse(record);
        StringBuilder zone = new StringBuilder("example.com. TXT " + RecordCases.txtStrings(record) + "\n"
                + "example.com. A 192.0.2.1\nexample.com. MX 10 mx.example.com.\nmx.example.com. A 192.0.2.2\n");
        INCLUDE.matcher(record).results().forEach(r -> zone.append(r.group(1)).append(". TXT \"v=spf1 -all\"\n"));
        List<Finding> findings = FakeDns.of(zone.toString()).run(new SpfCheck(), "example.com",
                FakeDns.options(null, List.of(), List.of()));
        Findings.expectedAndNoOtherProblems("line " + line, expected, findings, SALESFORCE_ADVICE);
    }
}
