package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;

/** Which MX hosts the MTA-STS policy is compared with (the hosts of MailHosts), without a network. */
class MtaStsMxHostsTest {

    private static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n";

    private static List<Finding> check(String zone) {
        MtaStsPolicySource source = (domain, timeout, cancellation) -> new PolicyFetch.Retrieved(POLICY, List.of());
        String policyHost = "_mta-sts.example.com. TXT \"v=STSv1; id=1\"\nmta-sts.example.com. A 192.0.2.80\n";
        return FakeDns.of(policyHost + zone)
                .run(new MtaStsCheck(source), "example.com", FakeDns.options(null, List.of(), List.of()));
    }

    @Test
    void theHostsBesideANullMxAreCompared() {
        // they were not compared at all: no mismatch and no OK, though senders that ignore the null MX there
        // (Exim; RFC 7505 §3 forbids the mix, Postfix bounces) deliver to them
        Finding mismatch = single(check("""
                example.com. MX 0 .
                example.com. MX 10 mx.example.com.
                example.com. MX 20 other.example.net.
                """), "MTA_STS_MX_MISMATCH", Severity.ERROR);
        assertEquals("The MTA-STS policy of example.com (mode enforce, mx mx.example.com) does not match the MX host"
                + " other.example.net of example.com: senders that honor MTA-STS will not deliver to that host, only"
                + " to mx.example.com.", mismatch.message());
        Finding ok = single(check("""
                example.com. MX 0 .
                example.com. MX 10 mx.example.com.
                """), "MTA_STS_OK", Severity.OK);
        assertEquals("example.com enforces MTA-STS (max_age 86,400 s) and its policy matches every MX host"
                + " (mx.example.com → mx.example.com): senders that honor it deliver only over TLS with a valid"
                + " certificate.", ok.message());
    }

    @Test
    void aNullMxAloneHasNothingToCompareAndIsSaidToContradictThePolicy() {
        // no host to compare the policy with: no mismatch and no OK, but the contradiction itself
        List<Finding> findings = check("example.com. MX 0 .\n");
        // and no TLSRPT_NONE: no mail server whose TLS failures could be reported
        assertEquals(List.of("MTA_STS_NULL_MX"), findings.stream().map(Finding::code).toList());
        single(findings, "MTA_STS_NULL_MX", Severity.INFO);
    }
}
