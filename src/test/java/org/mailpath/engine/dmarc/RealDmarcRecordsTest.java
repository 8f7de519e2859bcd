package org.mailpath.engine.dmarc;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.fakedns.FakeDns;
import org.mailpath.testing.fakedns.Findings;
import org.mailpath.testing.fakedns.RecordCases;

/**
 * DMARC records as real domains publish them (and other projects' fixtures), each with the source it was taken from
 * (real-dmarc-records.txt): the check must give the findings RFC 7489 justifies, and no WARNING or ERROR beyond them.
 * Report addresses at other organizations are authorized (§7.1) so that only the record itself is judged.
 */
class RealDmarcRecordsTest {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\".*?\")\\s+# source: (.+)");
    private static final Pattern MAILTO = Pattern.compile("(?i)mailto:[^@,;\\s\"]+@([A-Za-z0-9.-]+[A-Za-z0-9])");

    static Stream<Arguments> records() throws IOException {
        return RecordCases.read(RealDmarcRecordsTest.class, "real-dmarc-records.txt", LINE);
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @MethodSource("records")
    void judgedAsReceiversDo(int line, List<String> expected, String rdata) {
        StringBuilder zone = new StringBuilder("_dmarc.example.com. TXT " + rdata + "\n");
        Set<String> reportDomains = new LinkedHashSet<>();
        MAILTO.matcher(rdata).results().forEach(r -> reportDomains.add(r.group(1).toLowerCase()));
        reportDomains.forEach(d -> zone.append("example.com._report._dmarc.").append(d).append(". TXT \"v=DMARC1\"\n"));
        List<Finding> findings = FakeDns.of(zone.toString()).run(new DmarcCheck(), "example.com",
                CheckOptions.defaults());
        Findings.expectedAndNoOtherProblems("line " + line, expected, findings);
    }
}
