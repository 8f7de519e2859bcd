package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.LoopbackDns;

/**
 * {@code analyze --check-dns} tells the SPF check of a sending domain what the log shows: the Sender column is the
 * envelope sender (Salesforce Help, Email Log Reference), the user's own address without Bounce Management, an
 * address under bnc.salesforce.com with it. {@code check DOMAIN} alone knows neither.
 */
class AnalyzeSalesforceSendingTest {

    /** parked.example declares it sends and receives no mail; rcpt.example is where the bounced message went. */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("parked.example", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    @ MX 0 .
                    @ TXT "v=spf1 -all"
                    """)
            .zone("rcpt.example", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    @ MX 10 mx.rcpt.example.
                    mx A 192.0.2.25
                    """)
            .resolver("127.0.9.71"));

    private static final String DMARC_BOUNCE = "550 5.7.26 This mail has been blocked because the sender is"
            + " unauthenticated. DMARC policy. SPF check failed.";

    @TempDir
    Path dir;

    private Path log(String sender) {
        String received = LogFixtures.row("11/20/2026 8:00", "R", "ann@rcpt.example", "m1", "", "");
        String bounced = LogFixtures.row("11/20/2026 8:01", "P", "ann@rcpt.example", "m1", DMARC_BOUNCE,
                LogFixtures.TLS);
        return LogFixtures.writeLog(dir, "pk.csv", LogFixtures.with(received, LogFixtures.SENDER, sender),
                LogFixtures.with(bounced, LogFixtures.SENDER, sender));
    }

    private static CliRun analyze(Path log, String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", log.toString(), "--check-dns", "--resolver",
                DNS.resolver(), "--dns-port", String.valueOf(DNS.port()), "--timeout", "5000"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode findings(CliRun run, String domain) throws Exception {
        for (JsonNode d : FindingJson.MAPPER.readTree(run.out()).get("dnsChecks").get("domains")) {
            if (d.get("domain").asText().equals(domain)) {
                return d.get("findings");
            }
        }
        throw new AssertionError(domain + " not checked: " + run.out());
    }

    private static List<JsonNode> coded(JsonNode findings, String code) {
        List<JsonNode> out = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("code").asText().equals(code)) {
                out.add(f);
            }
        });
        return out;
    }

    /** Before: no SPF_SALESFORCE_INCLUDE_MISSING, a note for both cases, and the SPF bounce linked to nothing. */
    @Test
    void theUsersOwnAddressAsEnvelopeSenderMakesTheMissingIncludeAnErrorLinkedToTheBounce() throws Exception {
        Path log = log("u@parked.example");
        CliRun text = analyze(log);
        assertTrue(text.out().contains("ERROR   SPF_SALESFORCE_INCLUDE_MISSING  parked.example"), text.out());
        assertTrue(text.out().contains("\n  SPF_SALESFORCE_INCLUDE_MISSING parked.example (sender domain"
                + " parked.example): 1 message (AUTHENTICATION), e.g. ann@rcpt.example\n"), text.out());

        CliRun json = analyze(log, "--format", "json");
        JsonNode parked = findings(json, "parked.example");
        List<JsonNode> missing = coded(parked, "SPF_SALESFORCE_INCLUDE_MISSING");
        assertEquals(1, missing.size(), parked.toString());
        assertEquals("ERROR", missing.getFirst().get("severity").asText());
        assertTrue(missing.getFirst().get("message").asText().startsWith("The SPF of parked.example is \"v=spf1"
                + " -all\", which says no server sends mail as parked.example, but the Email Log shows Salesforce"
                + " sending as parked.example"), missing.getFirst().toString());
        assertTrue(coded(parked, "SPF_SALESFORCE").getFirst().get("message").asText()
                .startsWith("Salesforce sends without Bounce Management"), parked.toString());
        // its records say it sends no mail, the log says it does: not told to publish p=reject
        String dmarc = coded(parked, "DMARC_MISSING").getFirst().get("remediation").asText();
        assertTrue(dmarc.contains("\"v=DMARC1; p=none;"), dmarc);
        JsonNode chains = missing.getFirst().get("chains");
        assertEquals(1, chains.size(), "the bounce is linked: " + missing.getFirst());
        assertEquals("m1@sfdc.example", chains.get(0).get("messageIdHeader").asText());
    }

    @Test
    void aBounceManagementEnvelopeAsksForNoInclude() throws Exception {
        CliRun json = analyze(log("u=parked.example__0a1b@x1y2.bnc.salesforce.com"), "--format", "json");
        JsonNode parked = findings(json, "parked.example");
        assertTrue(coded(parked, "SPF_SALESFORCE_INCLUDE_MISSING").isEmpty(), parked.toString());
        assertTrue(coded(parked, "SPF_SALESFORCE").getFirst().get("message").asText()
                .startsWith("Salesforce sends with Bounce Management."), parked.toString());
    }

    /**
     * Salesforce's own addresses are no sending domain of ours: salesforce.com (and x1y2.bnc.salesforce.com) were
     * checked as ours, so their findings told our admin to fix Salesforce's DNS. The JSON has no field for the
     * messages left out, so it only leaves the domains out; the text says so in a note line.
     */
    @Test
    void salesforcesOwnAddressesAreNotCheckedAsOursAndTheTextSaysSo() throws Exception {
        String ours = "u=parked.example__0a1b@x1y2.bnc.salesforce.com";
        Path log = LogFixtures.writeLog(dir, "sf.csv",
                LogFixtures.with(LogFixtures.row("11/20/2026 8:01", "P", "ann@rcpt.example", "m1", DMARC_BOUNCE,
                        LogFixtures.TLS), LogFixtures.SENDER, "noreply@salesforce.com"),
                LogFixtures.with(LogFixtures.row("11/20/2026 8:02", "D", "bob@rcpt.example", "m2", "250 OK",
                        LogFixtures.TLS), LogFixtures.SENDER, "no-bounce-tag@x1y2.bnc.salesforce.com"),
                LogFixtures.with(LogFixtures.row("11/20/2026 8:03", "P", "cy@rcpt.example", "m3", DMARC_BOUNCE,
                        LogFixtures.TLS), LogFixtures.SENDER, ours));
        CliRun json = analyze(log, "--format", "json");
        List<String> checked = new ArrayList<>();
        FindingJson.MAPPER.readTree(json.out()).get("dnsChecks").get("domains").forEach(d -> checked.add(
                d.get("domain").asText() + " " + d.get("role").asText()));
        assertEquals(List.of("rcpt.example RECIPIENT", "parked.example SENDER"), checked, json.out());

        CliRun text = analyze(log);
        assertFalse(text.out().contains("salesforce.com =="), text.out());
        assertTrue(text.out().contains("\nNote: 2 messages were sent from Salesforce's own addresses (at or under"
                + " salesforce.com); those domains are Salesforce's, not our sending domains, so their DNS was not"
                + " checked.\n"), text.out());
        // a log of our own addresses only has no such note
        assertFalse(analyze(log(ours)).out().contains("Salesforce's own addresses"));
    }

    /** check alone knows nothing of how Salesforce sends: a domain that declares it sends no mail is not told. */
    @Test
    void checkAloneDoesNotTellADomainThatSendsNoMailToIncludeSalesforce() {
        CliRun run = CliRun.check(DNS, "parked.example");
        assertTrue(run.out().contains("OK      SPF_OK  parked.example"), run.out());
        assertFalse(run.out().contains("SPF_SALESFORCE_INCLUDE_MISSING"), run.out());
        assertFalse(run.out().contains("must include _spf.salesforce.com"), run.out());
        assertTrue(run.out().contains("it needs nothing for Salesforce as long as no mail is sent as parked.example"),
                run.out());
    }
}
