package org.mailpath.engine.dkim;

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
 * DKIM key records as real domains publish them (and verifiers' fixtures), each with its source (real-dkim-keys.txt):
 * the check must give the findings RFC 6376, RFC 8463 and RFC 8301 justify, and no WARNING or ERROR beyond them.
 */
class RealDkimKeysTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+\"(.*?)\"\\s+# source: (.+)");

    static Stream<Arguments> keys() throws IOException {
        return RecordCases.read(RealDkimKeysTest.class, "real-dkim-keys.txt", LINE);
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("keys")
    void judgedAsVerifiersDo(int line, List<String> expected, String record) {
        List<Finding> findings = FakeDns.of("sel._domainkey.example.com. TXT " + RecordCases.txtStrings(record) + "\n")
                .run(new DkimCheck(), "example.com", FakeDns.options(null, List.of("sel"), List.of()));
        Findings.expectedAndNoOtherProblems("line " + line, expected, findings);
    }
}
