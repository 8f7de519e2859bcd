package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.testing.dns.LoopbackDns;

/**
 * {@code analyze --relay-host}: the org's Email Relay is named, so a Relay Host that is it is no recipient's server.
 * The log (email-relay.csv, a reviewer's) sends every message through smtp-relay.acme.example (198.51.100.25): relay
 * refusals (relaying denied, STARTTLS required, credentials), an outage until expiry, and deliveries to the relay.
 */
class AnalyzeEmailRelayTest {

    private static final String RELAY = "smtp-relay.acme.example";

    /** Only our sending domain has data: a recipient domain asked about would be refused, and show in the output. */
    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("acme.example", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    @ MX 10 smtp-relay.acme.example.
                    @ TXT "v=spf1 include:_spf.salesforce.com -all"
                    smtp-relay A 198.51.100.25
                    """)
            .resolver("127.0.9.72"));

    @TempDir
    Path dir;

    private Path log() throws Exception {
        Path log = dir.resolve("relay.csv");
        try (InputStream in = AnalyzeEmailRelayTest.class.getResourceAsStream("email-relay.csv")) {
            Files.copy(in, log);
        }
        return log;
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.code(), run.err());
        return FindingJson.MAPPER.readTree(run.out());
    }

    @Test
    void theJsonNamesTheRelayAndEachChainSaysWhetherItWentViaIt() throws Exception {
        JsonNode a = json(CliRun.of("analyze", log().toString(), "--format", "json", "--relay-host",
                "SMTP-RELAY.acme.example.", "--relay-host", "192.0.2.99"));
        assertEquals(List.of(RELAY, "192.0.2.99"), texts(a.get("relayHosts")));
        for (JsonNode c : a.get("chains")) {
            assertTrue(c.get("viaRelay").asBoolean(), c.toString());
            if (!c.get("verdict").asText().equals("DELIVERED")) {
                // relay refusals and the relay's outage: our admin's, never the recipient's mail team's
                assertEquals("SENDER_ADMIN", c.get("actor").asText(), c.toString());
                assertTrue(c.get("explanation").asText().toLowerCase().contains("our email relay"), c.toString());
            }
        }
        // no hint to name a relay already named
        assertFalse(a.get("problems").toString().contains("--relay-host"));
    }

    @Test
    void withoutTheOptionTheJsonKeepsItsFormAndHintsAtTheRelay() throws Exception {
        JsonNode a = json(CliRun.of("analyze", log().toString(), "--format", "json"));
        assertFalse(a.has("relayHosts"));
        a.get("chains").forEach(c -> assertFalse(c.has("viaRelay"), c.toString()));
        assertTrue(a.get("problems").toString().contains("Relay Host " + RELAY + " took mail for 4 recipient"
                + " domains"), a.get("problems").toString());
        assertEquals("RECIPIENT_MAIL_TEAM", chain(a, "bob@contoso.example").get("actor").asText());
    }

    @Test
    void theTextSaysTheModeIsOnAndThatDeliveriesReachedOnlyTheRelay() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", "198.51.100.25");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Email Relay mode (--relay-host): 198.51.100.25 is our Email Relay"), run.out());
        assertTrue(run.out().contains("were handed to the relay"), run.out());
        assertFalse(run.out().contains("handed over to the recipient's mail server"), run.out());
        assertFalse(run.out().contains("Recipient's mail team:"), run.out());
    }

    @Test
    void aValueThatIsNoHostIsAUsageError() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", "not a host");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--relay-host: 'not a host' is neither a host name nor an IP address"),
                run.err());
    }

    @Test
    void anIpv4LookingValueThatIsNoAddressIsAUsageError() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", "198.51.100.256");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--relay-host: '198.51.100.256' is not an IPv4 address"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMistypedRelayIsSaidAndTheHintKept() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", "smtp-relay.acme.exmaple");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("No row of the log went to the Email Relay named as smtp-relay.acme.exmaple"),
                run.out());
        assertTrue(run.out().contains("Relay Host " + RELAY + " took mail for 4 recipient domains"), run.out());
    }

    @Test
    void theRelaysCategoriesAreLabelledAsTheRelaysInWhatToDo() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", RELAY);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("    Our Email Relay (DNS) (DNS): "), run.out());
        assertFalse(run.out().contains("    Recipient DNS (DNS): "), run.out());
    }

    @Test
    void theRelaysCategoriesAreLabelledAsTheRelaysInTheTotalsToo() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString(), "--relay-host", RELAY);
        assertEquals(0, run.code(), run.err());
        List<String> table = categoryTable(run.out());
        // the label the relay's replies have everywhere else; the JSON id as it is
        assertTrue(table.stream().anyMatch(r -> r.startsWith("  Our Email Relay (DNS) ") && r.endsWith("  DNS")),
                table.toString());
        assertFalse(table.stream().anyMatch(r -> r.startsWith("  Recipient DNS ")), table.toString());
        assertColumnsLineUp(table);
    }

    @Test
    void theCategoryTableColumnsLineUp() throws Exception {
        CliRun run = CliRun.of("analyze", log().toString());
        assertEquals(0, run.code(), run.err());
        List<String> table = categoryTable(run.out());
        assertColumnsLineUp(table);
    }

    @Test
    void theDnsChecksLeaveRecipientDomainsOutThatOnlyTheRelayFailedFor() throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", log().toString(), "--check-dns", "--relay-host", RELAY,
                "--sender-domain", "acme.example", "--resolver", DNS.resolver(), "--dns-port",
                String.valueOf(DNS.port()), "--timeout", "5000"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertFalse(run.out().contains("== gmail.com =="), run.out());
        assertFalse(run.out().contains("== contoso.example =="), run.out());
        assertTrue(run.out().contains("Not checked: contoso.example, fabrikam.example, gmail.com, northwind.example:"
                + " their failing messages all ended at our Email Relay"), run.out());
        assertTrue(run.out().contains("== acme.example =="), run.out());
    }

    private static JsonNode chain(JsonNode a, String recipient) {
        for (JsonNode c : a.get("chains")) {
            if (c.get("recipient").asText().equals(recipient)) {
                return c;
            }
        }
        throw new AssertionError(recipient);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The text output's category totals table: its header row and the rows up to the blank line after it. */
    private static List<String> categoryTable(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf("Bounces and deferrals by cause category");
        assertTrue(header >= 0, out);
        List<String> table = new ArrayList<>();
        for (int i = header + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            table.add(lines.get(i));
        }
        return table;
    }

    /** Every row's "in JSON" column starts where the header's does. */
    private static void assertColumnsLineUp(List<String> table) {
        int column = table.getFirst().indexOf("in JSON");
        for (String row : table.subList(1, table.size())) {
            assertEquals(column, row.lastIndexOf("  ") + 2, row);
        }
    }
}
