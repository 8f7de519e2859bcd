package org.mailpath.engine.mtasts;

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
 * MTA-STS policy files and _mta-sts / _smtp._tls TXT records as real domains publish them (and other projects'
 * fixtures), each with its source (real-mta-sts-policies.txt, real-txt-records.txt): the check must give the
 * findings RFC 8461 and RFC 8460 justify, and no WARNING or ERROR beyond them.
 */
class RealMtaStsPoliciesTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(.*?)\\s+# source: (.+)");
    private static final Pattern MX_LINE = Pattern.compile("(?m)^mx:[ \\t]*(\\S+?)\\r?$");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final String GOOD_POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 86400\n";

    private static Stream<Arguments> lines(String file) throws IOException {
        return RecordCases.read(RealMtaStsPoliciesTest.class, file, LINE);
    }

    static Stream<Arguments> policies() throws IOException {
        return lines("real-mta-sts-policies.txt");
    }

    static Stream<Arguments> txtRecords() throws IOException {
        return lines("real-txt-records.txt");
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("policies")
    void policyJudgedAsSendersDo(int line, List<String> expected, String escaped) {
        String body = escaped.replace("\\r", "\r").replace("\\n", "\n");
        StringBuilder zone = new StringBuilder("_mta-sts.example.com. TXT \"v=STSv1; id=20240101\"\n"
                + "mta-sts.example.com. A 192.0.2.1\n");
        // the domain's MX hosts are the policy's own names: only the policy file is judged
        MX_LINE.matcher(body).results().map(r -> r.group(1).replaceFirst("^\\*\\.", "mx."))
                .filter(h -> HOST.matcher(h).matches())
                .forEach(h -> zone.append("example.com. MX 10 ").append(h).append(".\n"));
        assertFindings(line, expected, check(zone.toString(), body));
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("txtRecords")
    void txtRecordJudgedAsSendersDo(int line, List<String> expected, String rdata) {
        String name = rdata.contains("STSv1") ? "_mta-sts" : "_smtp._tls";
        String zone = name + ".example.com. TXT " + rdata + "\nmta-sts.example.com. A 192.0.2.1\n"
                + "example.com. MX 10 mx1.example.com.\n";
        assertFindings(line, expected, check(zone, GOOD_POLICY));
    }

    private static List<Finding> check(String zone, String policy) {
        MtaStsPolicySource source = (domain, timeout, cancellation) -> new PolicyFetch.Retrieved(policy, List.of());
        return FakeDns.of(zone).run(new MtaStsCheck(source), "example.com", FakeDns.options(null, List.of(),
                List.of()));
    }

    private static void assertFindings(int line, List<String> expected, List<Finding> findings) {
        Findings.expectedAndNoOtherProblems("line " + line, expected, findings);
    }
}
