package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Key records whose verdict the RFCs and real verifiers (dkimpy, go-msgauth, OpenDKIM, Mail::DKIM) decide, each with
 * its source (verifier-key-cases.txt): the check must give exactly those findings at exactly those severities.
 */
class DkimVerifierCasesTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+\"(.*?)\"\\s+# source: (.+)");

    static Stream<Arguments> cases() throws IOException {
        return RecordCases.read(DkimVerifierCasesTest.class, "verifier-key-cases.txt", LINE);
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("cases")
    void judgedAsTheRfcAndVerifiersDo(int line, List<String> expected, String record) {
        List<Finding> findings = FakeDns.of("sel._domainkey.example.com. TXT " + RecordCases.txtStrings(record) + "\n")
                .run(new DkimCheck(), "example.com", FakeDns.options(null, List.of("sel"), List.of()));
        List<String> actual = findings.stream().map(f -> f.code() + ":" + f.severity()).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), actual, () -> "line " + line + ":\n"
                + Findings.describe(findings));
    }
}
