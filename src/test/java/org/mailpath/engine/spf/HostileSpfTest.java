package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;

/** SPF records built to exhaust the checker, served by the loopback test DNS server. */
class HostileSpfTest {

    /** A name of 248 characters and 122 labels: every %{d} expands to it. */
    private static final String DOMAIN = "a.".repeat(120) + "spf.test";

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 250) {
            out.append(" \"").append(text, i, Math.min(text.length(), i + 250)).append('"');
        }
        return out.toString();
    }

    private static List<Finding> check(String zone) throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder().zone("spf.test", zone).resolver("127.0.7.1").start()) {
            return new SpfCheck().run(CheckSetup.of(dns).context(DOMAIN)).findings();
        }
    }

    @Test
    void aRecordOfFifteenThousandMacrosExpandsInOnePass() {
        // 60 KB of %{d}: 3.7 MB once expanded, 1.8 million labels to drop from the left (RFC 7208 §7.3). Dropping
        // them one copy at a time took hours; the walk must end at once with the single exists lookup.
        String record = "v=spf1 exists:" + "%{d}".repeat(15_000) + " -all";
        String zone = "@ SOA ns.x. h.x. 1 1 1 1 1\n" + DOMAIN + ". TXT" + quoted(record) + "\n";
        List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(zone));
        Finding count = findings.stream().filter(f -> f.code().equals("SPF_LOOKUP_COUNT")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertTrue(count.message().contains("needs 1 of 10 DNS lookups in the worst case, 1 of them void"),
                count.message());
    }

    @Test
    void bytesThatAreNotPrintableAsciiAreASyntaxErrorShownEscaped() throws Exception {
        // "bücher" in UTF-8 and a NUL inside a domain: dnsjava shows them as \195\188 and \000, which parse as ASCII
        for (String raw : List.of("v=spf1 a:b\\195\\188cher.spf.test -all", "v=spf1 a:x\\000y.spf.test -all")) {
            String zone = "@ SOA ns.x. h.x. 1 1 1 1 1\n" + DOMAIN + ". TXT \"" + raw + "\"\n";
            List<Finding> findings = check(zone);
            Finding syntax = findings.stream().filter(f -> f.code().equals("SPF_SYNTAX")).findFirst()
                    .orElseThrow(() -> new AssertionError(raw + ": " + findings));
            String expected = raw.contains("195") ? "the byte \\195 at position 11" : "the byte \\000 at position 11";
            assertTrue(syntax.message().contains(expected + " is not printable ASCII"), syntax.message());
            assertTrue(syntax.message().chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '§'), syntax.message());
            assertTrue(findings.stream().noneMatch(f -> f.code().equals("SPF_OK")
                    || f.code().equals("SPF_LOOKUP_COUNT")), findings.toString());
        }
    }

    @Test
    void anEvaluationStopsWhenItsTimeBudgetIsSpent() throws Exception {
        // A tarpit answering every question just before the timeout: here each question "takes" one second on a
        // clock the test moves, with a timeout of one second the budget is 20 seconds, so about 20 questions.
        AtomicLong seconds = new AtomicLong();
        InstantSource clock = () -> Instant.EPOCH.plusSeconds(seconds.get());
        AtomicInteger asked = new AtomicInteger();
        String zone = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ TXT \"v=spf1 include:a.ex.spf.test -all\"\n"
                + "*.ex TXT \"v=spf1 include:a.%{d} include:b.%{d} include:c.%{d} -all\"\n";
        try (TestDnsServer dns = TestDnsServer.builder().zone("spf.test", zone).resolver("127.0.7.12").start()) {
            CheckOptions options = CheckSetup.of(dns).withTimeout(Duration.ofSeconds(1)).options();
            DnsLookup real = CheckSetup.of(dns).lookup(); // the usual 5 s: the options' 1 s sets the budget
            DnsLookup slow = (name, type, cancellation) -> {
                asked.incrementAndGet();
                seconds.incrementAndGet();
                return real.lookup(name, type, cancellation);
            };
            List<Finding> findings = new SpfCheck(SalesforceSending.UNKNOWN, clock)
                    .run(new CheckContext("spf.test", options, slow, Cancellation.none())).findings();
            Finding slowFinding = findings.stream().filter(f -> f.code().equals("DNS_TIMEOUT")).findFirst()
                    .orElseThrow(() -> new AssertionError(findings.toString()));
            assertTrue(slowFinding.message().startsWith("SPF evaluation of spf.test stopped after 20 s and 21 DNS"
                    + " questions: the answers come too slowly"), slowFinding.message());
            assertEquals(21, asked.get(), "the walk stops asking once the budget is spent, not after 51 lookups");
            assertTrue(findings.stream().anyMatch(f -> f.code().equals("SPF_TOO_MANY_LOOKUPS")
                    && f.message().contains("at least 2")), findings.toString());
        }
    }

    @Test
    void truncationKeepsTheRightmostLabelsWithin253Characters() throws Exception {
        SpfMacroContext context = new SpfMacroContext("postmaster@" + DOMAIN, Optional.empty(), DOMAIN);
        String expanded = SpfMacros.expandDomain("%{d}%{d}%{d}", DOMAIN, context).orElseThrow();
        String whole = DOMAIN.repeat(3);
        assertTrue(expanded.length() <= 253, expanded);
        assertTrue(whole.endsWith(expanded) && whole.charAt(whole.length() - expanded.length() - 1) == '.',
                expanded);
        assertEquals("b.example", SpfMacros.truncate("b.example."));
        assertEquals("x".repeat(300), SpfMacros.truncate("x".repeat(300)), "no label to drop: left to the caller");
    }
}
