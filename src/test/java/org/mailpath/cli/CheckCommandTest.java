package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.testing.dns.LoopbackDns;

class CheckCommandTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network();

    private static CliRun check(String... args) {
        return CliRun.check(DNS, args);
    }

    @Test
    void jsonHasDomainsFindingsAndNameServers() throws Exception {
        CliRun r = check("--format", "json", "good.test", "broken.test");
        assertEquals(0, r.code(), r.err());
        JsonNode root = FindingJson.MAPPER.readTree(r.out());
        assertEquals(2, root.get("domains").size());
        JsonNode good = root.get("domains").get(0);
        assertEquals("good.test", good.get("domain").asText());
        JsonNode finding = good.get("findings").get(0);
        for (String field : List.of("code", "severity", "subject", "message", "evidence", "remediation", "actor")) {
            assertTrue(finding.has(field), field);
        }
        JsonNode ns = good.get("nameServers").get(0);
        assertEquals("ns1.good.test", ns.get("name").asText());
        assertEquals("127.0.1.2", ns.get("address").asText());
        assertEquals("ok", ns.get("tests").get("dns").asText());
        assertEquals("ok", ns.get("verdict").asText());
        List<String> brokenCodes = new ArrayList<>();
        root.get("domains").get(1).get("findings").forEach(f -> brokenCodes.add(f.get("code").asText()));
        assertTrue(brokenCodes.containsAll(List.of("MX_CNAME", "MX_IP_LITERAL", "NS_LAME", "NS_NO_TCP")),
                brokenCodes.toString());
        assertEquals("ERROR", root.get("domains").get(1).get("findings").get(0).get("severity").asText());
    }

    /**
     * A domain's fields, in their order: a contract, only added to at the end ({@code checksNotMade} came last),
     * never renamed or reordered.
     */
    @Test
    void aDomainsFieldsAreTheContractsInItsOrder() throws Exception {
        JsonNode good = FindingJson.MAPPER.readTree(check("--format", "json", "good.test").out()).get("domains").get(0);
        assertEquals(List.of("domain", "findings", "nameServers", "checksNotMade"), fieldNames(good));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void mtaStsAndTlsRptFindingsAreInBothFormats() throws Exception {
        JsonNode good = FindingJson.MAPPER.readTree(check("--format", "json", "good.test").out()).get("domains").get(0);
        List<String> codes = new ArrayList<>();
        good.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        assertTrue(codes.containsAll(List.of("MTA_STS_NONE", "TLSRPT_NONE")), codes.toString());
        String text = check("good.test").out();
        assertTrue(text.contains("INFO    MTA_STS_NONE  good.test"), text);
        assertTrue(text.contains("INFO    TLSRPT_NONE  good.test"), text);
    }

    @Test
    void textIsReadable() {
        CliRun r = check("broken.test");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== broken.test =="), r.out());
        assertTrue(r.out().contains("ERROR   NS_LAME  ns1.broken.test (127.0.1.4)"), r.out());
        assertTrue(r.out().contains("What to do (recipient's mail team):"), r.out());
        assertTrue(r.out().contains("verdict: dead"), r.out());
        assertTrue(r.out().contains("dead: resolvers have given up on this server"), "the verdicts are explained");
    }

    @Test
    void networkFailuresAreFindingsNotErrors() {
        CliRun r = CliRun.of("check", "--resolver", "127.0.1.99:" + DNS.port(), "--timeout", "200", "good.test");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DNS_TIMEOUT"), r.out());
    }

    @Test
    void badArgumentsExitWith2AndOneLine() {
        for (String[] args : List.of(new String[] {"check"}, new String[] {"check", "bad..domain"},
                new String[] {"check", "--timeout", "0", "good.test"},
                new String[] {"check", "--dns-port", "70000", "good.test"},
                new String[] {"check", "--resolver", "127.0.0.1:99999", "good.test"},
                new String[] {"check", "--ip", "not-an-ip", "good.test"},
                // a zone id names an interface of this computer: refused like [2001:db8::1], never a crash later
                new String[] {"check", "--ip", "fe80::1%lo", "good.test"},
                new String[] {"check", "--format", "xml", "good.test"})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().isBlank());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void analysisChecksPrintAndSerialiseWithTheirChains() throws Exception {
        var chain = org.mailpath.engine.analysis.TestChains.chain("<1@x>", "i1", "a@broken.test",
                "user=good.test__0a1b@x1.bnc.salesforce.com", "005", List.of(),
                org.mailpath.engine.analysis.Verdict.BOUNCED, 0, "554 5.4.4 [internal] Domain Lookup Failed",
                java.util.Optional.of(new org.mailpath.engine.status.Diagnosis(
                        org.mailpath.engine.status.Category.DNS, "", "",
                        org.mailpath.engine.finding.Actor.RECIPIENT_MAIL_TEAM,
                        "salesforce.domain-lookup-failed")), java.util.Optional.empty());
        var analysis = org.mailpath.engine.analysis.TestChains.analysis("log.csv", 1, 0, List.of(), List.of(chain),
                java.util.Map.of(), 0, java.util.Map.of(), java.util.Map.of(), List.of(), java.util.Optional.empty(),
                java.util.Optional.empty());
        var result = org.mailpath.engine.check.AnalysisDnsChecks.run(
                org.mailpath.engine.check.AnalysisDnsChecks.plan(analysis, java.util.Optional.empty()),
                org.mailpath.engine.check.DomainCheckers.standard(), DNS.options(),
                org.mailpath.engine.check.CheckListener.NONE, org.mailpath.engine.common.Cancellation.none());
        StringWriter text = new StringWriter();
        CheckReportText.printAnalysisChecks(result, new PrintWriter(text, true));
        assertTrue(text.toString().contains("NS_LAME ns1.broken.test (127.0.1.4) (recipient domain broken.test):"
                + " 1 message (DNS), e.g. a@broken.test"), text.toString());
        JsonNode json = FindingJson.analysisChecks(result);
        JsonNode broken = json.get("domains").get(0);
        assertEquals("broken.test", broken.get("domain").asText());
        assertEquals("RECIPIENT", broken.get("role").asText());
        assertEquals("<1@x>", broken.get("findings").get(0).get("chains").get(0).get("messageIdHeader").asText());
        assertEquals("DNS", broken.get("findings").get(0).get("chains").get(0).get("category").asText());
        assertEquals("SENDER", json.get("domains").get(1).get("role").asText());
        // check's fields, role after them as before, checksNotMade (added later) after it
        assertEquals(List.of("domain", "findings", "nameServers", "role", "checksNotMade"), fieldNames(broken));
        // the test network serves no blocklist zone: the lists are unusable from it, as check's JSON says too
        assertEquals("[{\"check\":\"DNSBL\",\"reasons\":[\"DNSBL_ZONE_UNUSABLE\"]}]",
                broken.get("checksNotMade").toString());
    }
}
