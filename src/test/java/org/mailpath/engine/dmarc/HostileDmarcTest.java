package org.mailpath.engine.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/** DMARC records built to make the checker ask too much, served by the loopback test DNS server. */
class HostileDmarcTest {

    /** Only for questions that are never answered: the outcome (timeout) does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 250) {
            out.append(" \"").append(text, i, Math.min(text.length(), i + 250)).append('"');
        }
        return out.toString();
    }

    private static List<Finding> codes(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void hundredsOfReportDomainsOnADeadServerAreAskedBoundedAndSaidOnce() throws Exception {
        StringBuilder record = new StringBuilder("v=DMARC1; p=reject; rua=");
        for (int i = 0; i < 200; i++) {
            record.append(i == 0 ? "" : ",").append("mailto:r@d").append(i).append(".dead.test");
        }
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("dmarc.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n_dmarc TXT" + quoted(record.toString()) + "\n")
                .zone("dead.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n")
                .misbehaveFor("dead.test", TestDnsServer.Misbehaviour.SILENT)
                .resolver("127.0.7.2").start()) {
            List<Finding> findings = new DmarcCheck().run(CheckSetup.of(dns).withTimeout(SHORT).context("dmarc.test"))
                    .findings();

            List<Finding> timeouts = codes(findings, "DNS_TIMEOUT");
            assertEquals(1, timeouts.size(), findings.toString());
            assertTrue(timeouts.getFirst().message().contains("and 9 more report authorization lookups failed the "
                    + "same way"), timeouts.getFirst().message());
            assertEquals(10, timeouts.getFirst().evidence().size(), timeouts.getFirst().evidence().toString());
            Finding limited = codes(findings, "DMARC_REPORT_DOMAINS_LIMITED").getFirst();
            assertTrue(limited.message().contains("to 200 domains of other organizations; only the first 10"),
                    limited.message());
            assertTrue(limited.evidence().getFirst().startsWith("not checked: d10.dead.test, d11.dead.test"),
                    limited.evidence().toString());
            assertTrue(limited.evidence().getFirst().endsWith(", …"), limited.evidence().toString());
            // 10 authorization questions (two UDP sends each) plus the policy and tree-walk questions, not 200
            assertTrue(dns.queries() <= 40, "queries: " + dns.queries());
        }
    }
}
