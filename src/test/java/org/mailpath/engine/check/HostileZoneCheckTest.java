package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * One sending domain whose every record is as large as DNS allows, checked end to end against the loopback test
 * DNS server: each finding's message stays a sentence, whatever the records hold.
 */
class HostileZoneCheckTest {

    /** A message quotes at most ten items of at most 200 characters each, plus its own words. */
    private static final int MESSAGE_LIMIT = 3000;

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 250) {
            out.append(" \"").append(text, i, Math.min(text.length(), i + 250)).append('"');
        }
        return out.toString();
    }

    private static String numbered(int count, String format) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format(format, i / 250, i % 250))
                .collect(Collectors.joining(" "));
    }

    @Test
    void hugeRecordsGiveFindingsOfSentenceSize() throws Exception {
        String spf = "v=spf1 -all " + numbered(3000, "ip4:10.0.%d.%d");
        String dmarc = "v=DMARC1; p=reject; pct=" + "9".repeat(3000) + "; rua="
                + numbered(1500, "http://r%d-%d.test").replace(' ', ',');
        String dkim = "v=DKIM1; h=" + "sha512:".repeat(2500) + "md5; p=";
        StringBuilder blocklist = new StringBuilder("@ SOA ns.x. h.x. 1 1 1 1 1\n2.0.0.127 A 127.0.0.2\n");
        for (int i = 0; i < 400; i++) {
            blocklist.append("7.2.0.192 A 127.0.").append(i / 200).append('.').append(2 + i % 200).append('\n');
        }
        blocklist.append("7.2.0.192 TXT").append(quoted("Listed because " + "spam ".repeat(9000))).append('\n');
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("huge.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ TXT" + quoted(spf) + "\n_dmarc TXT" + quoted(dmarc)
                        + "\ns1._domainkey TXT" + quoted(dkim) + "\n")
                .zone("bl.test", blocklist.toString())
                .resolver("127.0.7.9").start()) {
            CheckOptions options = CheckSetup.of(dns).withIp("192.0.2.7").withSelectors("s1").withBlocklists("bl.test")
                    .options();
            CheckReport report = DomainCheckers.standard().check(List.of(new CheckRequest("huge.test",
                            EnumSet.of(CheckKind.SPF, CheckKind.DMARC, CheckKind.DKIM, CheckKind.DNSBL))), options,
                    CheckListener.NONE, Cancellation.none());
            List<Finding> findings = report.domains().getFirst().findings();
            Set<String> codes = findings.stream().map(Finding::code).collect(Collectors.toSet());
            assertTrue(codes.containsAll(Set.of("SPF_UNREACHABLE_TERMS", "DMARC_SYNTAX", "DMARC_REPORT_URI_UNUSABLE",
                    "DKIM_KEY_INVALID", "DNSBL_LISTED")), codes.toString());
            for (Finding f : findings) {
                assertTrue(f.message().length() < MESSAGE_LIMIT, f.code() + ": " + f.message().length()
                        + " characters");
            }
            // the 1 500 http: report URIs lose reports, not the policy: said apart from the bad pct
            Finding uris = findings.stream().filter(f -> f.code().equals("DMARC_REPORT_URI_UNUSABLE")).findFirst()
                    .orElseThrow();
            assertTrue(uris.message().contains("; and 1,490 more"), uris.message());
            Finding listed = findings.stream().filter(f -> f.code().equals("DNSBL_LISTED")).findFirst().orElseThrow();
            assertTrue(listed.message().contains(", and 390 more)"), listed.message());
            assertEquals(1, findings.stream().filter(f -> f.code().equals("DNSBL_LISTED")).count());
        }
    }

    @Test
    void aSilentDomainIsOneTimeoutNotOnePerQuestion() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("silent.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n")
                .misbehaveFor("silent.test", TestDnsServer.Misbehaviour.SILENT)
                .resolver("127.0.7.10").start()) {
            // never answered: the outcome does not depend on speed
            Duration timeout = Duration.ofMillis(300);
            CheckOptions options = CheckSetup.of(dns).withTimeout(timeout).withSelectors("s1", "s2").options();
            CheckReport report = DomainCheckers.standard().check(List.of(new CheckRequest("silent.test",
                            EnumSet.of(CheckKind.EXISTENCE, CheckKind.MX, CheckKind.SPF, CheckKind.DMARC,
                                    CheckKind.DKIM))), options, CheckListener.NONE, Cancellation.none());
            List<Finding> timeouts = report.domains().getFirst().findings().stream()
                    .filter(f -> f.code().equals("DNS_TIMEOUT")).toList();
            assertEquals(1, timeouts.size(), timeouts.toString());
            Finding once = timeouts.getFirst();
            assertEquals("silent.test", once.subject());
            assertEquals(org.mailpath.engine.finding.Severity.ERROR, once.severity());
            assertTrue(once.message().startsWith("6 DNS questions got no answer within the time allowed (silent.test,"
                    + " _dmarc.silent.test, s1._domainkey.silent.test, s2._domainkey.silent.test)"), once.message());
            assertTrue(once.evidence().stream().anyMatch(l -> l.contains("the DKIM key of selector s2 could not be"
                    + " read")), once.evidence().toString());
        }
    }
}
