package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * {@code analyze --check-dns} through a "resolver" that answers REFUSED to every question (an authoritative server for
 * other zones given with --resolver): each domain's checks are not checked from this network, said once, and no
 * lookup failure is put to a recipient's mail team (it gave four WARNINGs "Check the DNS servers of gmail.com" below
 * the NOT CHECKED finding that said the same answers were the resolver's, and counted them as problems). With
 * --fail-on the exit code is 4, as for a resolver that does not answer.
 */
class AnalyzeDnsRefusingResolverTest {

    private static final String LOG = LogFixtures.sample("sample-email-log.csv").toString();

    @Test
    void aResolverThatRefusesEverythingLeavesEveryDomainNotCheckedAndBlamesNone() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", "@ SOA ns1 h 1 3600 600 86400 300\n@ NS ns1\nns1 A 127.0.9.82\n")
                .resolver("127.0.9.81").start()) {
            dns.behave("127.0.9.81", TestDnsServer.Misbehaviour.REFUSED);
            CliRun run = CliRun.of("analyze", LOG, "--check-dns", "--resolver", dns.resolverSpec(), "--timeout",
                    "2000");
            assertEquals(0, run.code(), run.err());
            String text = run.out();
            String checks = text.substring(text.indexOf("DNS checks (--check-dns)"));
            assertTrue(checks.contains("  NOT CHECKED DNS_LOOKUP_FAILED  fabrikam.example\n"), checks);
            assertFalse(checks.contains("What to do (recipient's mail team)"), checks);
            // nothing found about any domain: no "N problems found"
            RefusedQuestions.assertNothingBlamed(checks);
            assertTrue(checks.contains("refuses to look names up for this computer"), checks);
            // the lists' questions were refused by the same resolver: not a list's refusal, whose advice (another
            // resolver than a public one, Spamhaus DQS) is for a list that refuses this resolver
            assertFalse(checks.contains("DNSBL_QUERY_REFUSED"), checks);
            assertFalse(checks.contains("Spamhaus DQS"), checks);

            CliRun json = CliRun.of("analyze", LOG, "--check-dns", "--resolver", dns.resolverSpec(), "--timeout",
                    "2000", "--format", "json");
            assertEquals(0, json.code(), json.err());
            List<String> blamed = new ArrayList<>();
            FindingJson.MAPPER.readTree(json.out()).get("dnsChecks").get("domains").forEach(d -> d.get("findings")
                    .forEach(f -> {
                        if (f.get("code").asText().startsWith("DNS_")
                                && !f.get("actor").asText().equals("LOCAL_NETWORK")) {
                            blamed.add(d.get("domain").asText() + " " + f.get("code").asText() + " "
                                    + f.get("actor").asText());
                        }
                    }));
            assertEquals(List.of(), blamed, json.out());
            JsonNode first = FindingJson.MAPPER.readTree(json.out()).get("dnsChecks").get("domains").get(0);
            assertTrue(first.get("findings").toString().contains("LOCAL_NETWORK"), first.toString());
            // each domain's failures are one finding, none a list's refusal; fabrikam.example's refusals name
            // client IPs (192.0.2.x), which the lists were asked about: its finding counts their questions
            List<String> refusedByLists = new ArrayList<>();
            List<JsonNode> fabrikam = new ArrayList<>();
            FindingJson.MAPPER.readTree(json.out()).get("dnsChecks").get("domains").forEach(d -> {
                List<JsonNode> resolver = new ArrayList<>();
                d.get("findings").forEach(f -> {
                    if (f.get("code").asText().equals("DNSBL_QUERY_REFUSED")) {
                        refusedByLists.add(d.get("domain").asText());
                    }
                    if (f.get("code").asText().startsWith("DNS_")
                            && f.get("actor").asText().equals("LOCAL_NETWORK")) {
                        resolver.add(f);
                    }
                });
                assertEquals(1, resolver.size(), d.toString());
                if (d.get("domain").asText().equals("fabrikam.example")) {
                    fabrikam.add(resolver.getFirst());
                }
            });
            assertEquals(List.of(), refusedByLists, json.out());
            assertEquals(1, fabrikam.size(), json.out());
            RefusedQuestions.assertCountsEveryList(fabrikam.getFirst());

            CliRun failOn = CliRun.of("analyze", LOG, "--check-dns", "--resolver", dns.resolverSpec(), "--timeout",
                    "2000", "--fail-on", "error");
            assertEquals(MailPathCommand.EXIT_NOT_CHECKED, failOn.code(), failOn.out());
        }
    }
}
