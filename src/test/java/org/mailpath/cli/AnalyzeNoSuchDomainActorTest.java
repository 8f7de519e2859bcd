package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.smtp.TinyDnsServer;

/**
 * {@code analyze --check-dns} names who acts on a message to a recipient domain that does not exist as its report
 * does: Salesforce's "[internal] Domain Lookup Failed" to gone.test (a typo of a domain, NXDOMAIN to the checks) is
 * our admin's address to correct, in the text's "What to do", the chain's JSON and the DOMAIN_NXDOMAIN finding, not
 * the recipient's mail team's, as the reply alone would have it.
 */
class AnalyzeNoSuchDomainActorTest {

    @TempDir
    Path dir;

    @Test
    void aDomainThatDoesNotExistIsOurAdminsInTheTextTheJsonAndTheReport() throws Exception {
        try (TinyDnsServer dns = ProbeMtaStsTest.dns()) {
            Path log = dir.resolve("log.csv");
            // and mail delivered to another domain: the report on the whole log is then our admin's, on several
            // domains (the whole of a log of gone.test alone is for gone.test's team, where the domain is theirs to
            // restore, as with --domain gone.test: OneDomainLogReportTest)
            Files.writeString(log, String.join("\n", LogFixtures.HEADER,
                    LogFixtures.row("11/30/2026 11:00", "R", "ann@fabrikam.test", "m3", "", ""),
                    LogFixtures.row("11/30/2026 11:00", "D", "ann@fabrikam.test", "m3", "250 2.0.0 Ok",
                            LogFixtures.TLS),
                    LogFixtures.row("11/30/2026 12:00", "R", "henry@gone.test", "m4", "", ""),
                    noRelay(LogFixtures.row("11/30/2026 12:00", "P", "henry@gone.test", "m4",
                            "554 5.4.4 [internal] Domain Lookup Failed", ""))) + "\n");
            // the reply alone, without the checks, names the recipient's mail team
            CliRun plain = CliRun.of("analyze", log.toString(), "--format", "json");
            assertEquals("RECIPIENT_MAIL_TEAM", chain(plain.out()).get("actor").asText());

            Path report = dir.resolve("report.json");
            CliRun json = run(dns, log, "--format", "json", "--report", report.toString());
            assertEquals(0, json.code(), json.err());
            JsonNode out = new ObjectMapper().readTree(json.out());
            JsonNode c = chain(json.out());
            assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
            assertTrue(c.get("remediation").asText().startsWith("The DNS checks found that gone.test does not exist"
                    + " (NXDOMAIN)"), c.toString());
            assertTrue(c.get("explanation").asText().startsWith("gone.test does not exist (NXDOMAIN)"), c.toString());
            JsonNode nx = finding(out.get("dnsChecks"), "DOMAIN_NXDOMAIN").orElseThrow();
            assertEquals("SENDER_ADMIN", nx.get("actor").asText(), nx.toString());

            // the report made in the same run says the same
            JsonNode exported = new ObjectMapper().readTree(report.toFile());
            JsonNode section = AnalyzeNxdomainOnceTest.recipientDomain(exported, "gone.test");
            assertEquals("SENDER_ADMIN", section.get("messages").get(0).get("actor").asText());
            assertEquals(c.get("remediation").asText(), section.get("messages").get(0).get("remediation").asText());
            assertEquals("SENDER_ADMIN", finding(section, "DOMAIN_NXDOMAIN").orElseThrow().get("actor").asText());

            CliRun text = run(dns, log);
            assertEquals(0, text.code(), text.err());
            String t = text.out();
            int ours = t.indexOf("  Our Salesforce admin: 1 bounced");
            assertTrue(ours >= 0, t);
            assertTrue(t.indexOf("    Recipient DNS (DNS): 1 bounced", ours) > ours, t);
            assertTrue(!t.contains("Recipient's mail team: 1 bounced"), t);
            int card = t.indexOf("DOMAIN_NXDOMAIN  gone.test");
            assertTrue(card > 0, t);
            String gone = t.substring(card, t.indexOf("\n==", card));
            assertTrue(gone.contains("What to do (our Salesforce admin): Check the spelling"), gone);
        }
    }

    private static CliRun run(TinyDnsServer dns, Path log, String... more) throws Exception {
        AnalyzeCommand command = new AnalyzeCommand();
        command.checker = new ConcurrentDomainChecker(DomainCheckers.standardChecks(),
                options -> DnsLookups.create(options.resolvers(), options.timeout()));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(log.toString(), "--check-dns",
                "--resolver", dns.address(), "--timeout", "2000"));
        args.addAll(java.util.List.of(more));
        return CliRun.ofCommand(command, args.toArray(String[]::new));
    }

    /** henry@gone.test's chain, the log's one failed message. */
    private static JsonNode chain(String json) throws Exception {
        JsonNode chains = new ObjectMapper().readTree(json).get("chains");
        assertEquals(2, chains.size(), json);
        for (JsonNode c : chains) {
            if (c.get("recipient").asText().equals("henry@gone.test")) {
                return c;
            }
        }
        throw new AssertionError(json);
    }

    /** The first finding of {@code code} anywhere under {@code node}. */
    private static Optional<JsonNode> finding(JsonNode node, String code) {
        for (JsonNode f : node.findParents("code")) {
            if (f.get("code").asText().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
