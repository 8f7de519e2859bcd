package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;
import org.xbill.DNS.Type;

/** {@code mailpath probe} end to end: a DNS server and an SMTP server on loopback, text and JSON output, exit codes. */
class ProbeCommandTest {

    static FakeDns zone() {
        return new FakeDns().add("example.test", Type.MX, "10 mx.example.test.").loopbackNamed("mx.example.test");
    }

    static String[] args(FakeSmtpServer smtp, TinyDnsServer dns, String... more) {
        List<String> a = new ArrayList<>(List.of("probe", "example.test", "--port", String.valueOf(smtp.port()),
                "--resolver", dns.address(), "--timeout", "20", "--helo", "probe.mailpath.test"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void jsonListsTargetsWithTranscriptAndFindings() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard()
                .rcptReply("550 5.1.1 user unknown"));
             TinyDnsServer dns = new TinyDnsServer(zone())) {
            CliRun r = CliRun.of(args(smtp, dns, "--format", "json", "--rcpt", "nobody@example.test"));
            assertEquals(0, r.code(), r.err());
            JsonNode root = new ObjectMapper().readTree(r.out());
            JsonNode target = root.get("targets").get(0);
            assertEquals("mx.example.test", target.get("host").asText());
            assertEquals("127.0.0.1", target.get("address").asText());
            assertEquals(10, target.get("preference").asInt());
            assertEquals("server", target.get("transcript").get(2).get("direction").asText(), target.toString());
            assertTrue(target.get("transcript").get(2).get("text").asText().startsWith("220 mx.example.test"));
            JsonNode rejected = null;
            for (JsonNode f : target.get("findings")) {
                if (f.get("code").asText().equals("SMTP_RCPT_REJECTED")) {
                    rejected = f;
                }
            }
            assertTrue(rejected != null, target.get("findings").toString());
            for (String field : List.of("code", "severity", "subject", "message", "evidence", "remediation", "actor")) {
                assertTrue(rejected.has(field), field);
            }
            assertEquals("ERROR", rejected.get("severity").asText());
            // explained by the status knowledge base, not the generic meaning of 550
            assertFalse(rejected.get("message").asText().contains("The mailbox is unavailable: it does not exist, or policy"),
                    rejected.get("message").asText());
            assertTrue(root.get("findings").isArray());
        }
    }

    @Test
    void textShowsTranscriptAndFixes() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone())) {
            CliRun r = CliRun.of(args(smtp, dns));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("== mx.example.test [127.0.0.1]:" + smtp.port()
                    + " (MX of example.test, preference 10)"),
                    r.out());
            assertTrue(r.out().contains(" C: EHLO probe.mailpath.test"), r.out());
            assertTrue(r.out().contains("WARNING SMTP_NO_STARTTLS"), r.out());
            // worded as check's text output words it; an MX host on a port other than 25 is named, not "the MX host"
            assertTrue(r.out().contains("\n      What to do (recipient's mail team): The server's mail team should"
                    + " enable STARTTLS with a certificate for mx.example.test;"), r.out());
            assertFalse(r.out().contains("RECIPIENT_MAIL_TEAM"), r.out());
        }
    }

    /**
     * A server named directly ('[mx.example.test]') says so in the heading and the JSON ("source"), beside an MX host
     * and a domain without MX records probed through its own address, and its advice names it: stop 39's reviewer
     * read "a certificate for the MX host name" for a '[HOST]'.
     */
    @Test
    void aServerNamedDirectlyIsSaidToBeAndItsAdviceNamesIt() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone().loopbackNamed("bare.test"))) {
            List<String> a = List.of("probe", "[mx.example.test]", "example.test", "bare.test", "--port",
                    String.valueOf(smtp.port()), "--resolver", dns.address(), "--timeout", "20", "--helo",
                    "probe.mailpath.test", "--no-mta-sts");
            CliRun text = CliRun.of(a.toArray(String[]::new));
            assertEquals(0, text.code(), text.err());
            String out = text.out().replace(System.lineSeparator(), "\n");
            String named = "== mx.example.test [127.0.0.1]:" + smtp.port()
                    + " (named directly, not found through MX records)\n";
            assertTrue(out.contains(named), out);
            assertTrue(out.contains("== mx.example.test [127.0.0.1]:" + smtp.port()
                    + " (MX of example.test, preference 10)\n"), out);
            assertTrue(out.contains("== bare.test [127.0.0.1]:" + smtp.port()
                    + " (bare.test has no MX records: its own address)\n"), out);
            String namedPart = out.substring(out.indexOf(named), out.indexOf("\n\n", out.indexOf(named)));
            assertTrue(namedPart.contains("What to do (recipient's mail team): The server's mail team should enable"
                    + " STARTTLS with a certificate for mx.example.test;"), namedPart);
            assertFalse(namedPart.contains("MX host"), namedPart);

            List<String> json = new ArrayList<>(a);
            json.addAll(List.of("--format", "json"));
            CliRun j = CliRun.of(json.toArray(String[]::new));
            assertEquals(0, j.code(), j.err());
            JsonNode targets = new ObjectMapper().readTree(j.out()).get("targets");
            assertEquals(3, targets.size(), targets.toString());
            assertEquals("named", targets.get(0).get("source").asText());
            assertEquals("mx.example.test", targets.get(0).get("host").asText());
            assertFalse(targets.get(0).has("preference"), targets.get(0).toString());
            assertEquals("mxRecord", targets.get(1).get("source").asText());
            assertEquals("implicitMx", targets.get(2).get("source").asText());
        }
    }

    @Test
    void unknownDomainIsAFindingNotAFailure() throws Exception {
        try (TinyDnsServer dns = new TinyDnsServer(zone())) {
            CliRun r = CliRun.of("probe", "nowhere.test", "--resolver", dns.address(), "--timeout", "20", "--format", "json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("SMTP_DOMAIN_NOT_FOUND"), r.out());
        }
    }

    /**
     * With several inputs, a name that could not be found is shown under its own name, not under "== overall" as if
     * it were the run's (the reviewer's '[no-such-host]' beside a domain), and the JSON groups it by input too.
     */
    @Test
    void eachInputsFailureIsUnderItsOwnName() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone())) {
            CliRun text = CliRun.of(args(smtp, dns, "[no-such-host.test]", "--no-mta-sts"));
            assertEquals(0, text.code(), text.err());
            String out = text.out().replace(System.lineSeparator(), "\n");
            assertTrue(out.contains("\n== [no-such-host.test]\n  ERROR SMTP_NO_ADDRESS: The name no-such-host.test"
                    + " does not exist in DNS (NXDOMAIN), so there is no server to connect to.\n"
                    + "      What to do (our Salesforce admin): Check the name for a typo"), out);
            assertFalse(out.contains("== overall"), out);
            assertFalse(out.substring(out.indexOf("== [no-such-host.test]")).contains("MX"), out);
            assertTrue(out.indexOf("== mx.example.test [127.0.0.1]") < out.indexOf("== [no-such-host.test]"), out);

            CliRun json = CliRun.of(args(smtp, dns, "[no-such-host.test]", "--no-mta-sts", "--format", "json"));
            assertEquals(0, json.code(), json.err());
            JsonNode root = new ObjectMapper().readTree(json.out());
            JsonNode inputs = root.get("inputs");
            assertEquals(2, inputs.size(), inputs.toString());
            assertEquals("example.test", inputs.get(0).get("input").asText());
            assertEquals(0, inputs.get(0).get("findings").size(), inputs.toString());
            assertEquals("[no-such-host.test]", inputs.get(1).get("input").asText());
            assertEquals("SMTP_NO_ADDRESS", inputs.get(1).get("findings").get(0).get("code").asText());
            assertEquals("SENDER_ADMIN", inputs.get(1).get("findings").get(0).get("actor").asText());
            // "findings" keeps every finding of no one address, as scripts have read it
            assertEquals("SMTP_NO_ADDRESS", root.get("findings").get(0).get("code").asText());
        }
    }

    @Test
    void unusableArgumentsExitWithTwo() {
        assertEquals(2, CliRun.of("probe").code());
        assertEquals(2, CliRun.of("probe", "example.test", "--port", "0").code());
        assertEquals(2, CliRun.of("probe", "example.test", "--format", "xml").code());
        assertEquals(2, CliRun.of("probe", "example.test", "--timeout", "-1").code());
        CliRun smuggle = CliRun.of("probe", "example.test", "--rcpt", "a@b>\r\nDATA");
        assertEquals(2, smuggle.code());
        assertTrue(smuggle.err().startsWith("mailpath probe: --rcpt is not an address"), smuggle.err());
        assertEquals(2, CliRun.of("probe", "example.test", "--helo", "bad name").code());
    }

    @Test
    void aUrlOrANumericNameIsRefusedNotBlamedOnTheRecipientsDns() {
        for (String input : List.of("https://example.test/", "999.1.1.1", "@", "[]")) {
            CliRun r = CliRun.of("probe", input, "--resolver", "127.0.0.1:9", "--timeout", "1");
            assertEquals(2, r.code(), input + ": " + r.out() + r.err());
            assertEquals("mailpath probe: not a domain, [host] or IP address: \"" + input + "\"", r.err().strip());
            assertEquals("", r.out());
        }
    }

    /**
     * An IP literal in every form mailpath probe accepts is probed as that address, asked about in DNS only for its
     * reverse name (PTR), and given no MTA-STS check, which is a domain's: one rule (ProbeInput) decides for the
     * resolver and the command. Before, {@code ::1%lo} was asked about as a domain (MX, then A/AAAA).
     */
    @Test
    void anIpLiteralInEveryFormIsProbedWithoutDnsNamesOrMtaSts() throws Exception {
        java.net.NetworkInterface lo = org.mailpath.engine.smtp.ProbeInputTest.loopback();
        List<String> literals = List.of("127.0.0.1", "[127.0.0.2]", "[IPv6:::1]", "::1%" + lo.getName(),
                "[::1%" + lo.getIndex() + "]", "[ 127.0.0.3 ]");
        FakeDns zone = zone();
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone)) {
            ProbeCommand command = new ProbeCommand();
            command.policySource = (domain, timeout, cancellation) -> {
                fetches.incrementAndGet();
                throw new AssertionError("MTA-STS policy fetched for " + domain);
            };
            List<String> a = new ArrayList<>(literals);
            a.addAll(List.of("--port", String.valueOf(smtp.port()), "--resolver", dns.address(), "--timeout", "20",
                    "--helo", "probe.mailpath.test", "--format", "json"));
            CliRun r = CliRun.ofCommand(command, a.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            JsonNode targets = new ObjectMapper().readTree(r.out()).get("targets");
            List<String> hosts = new ArrayList<>();
            targets.forEach(t -> hosts.add(t.get("host").asText()));
            assertEquals(List.of("127.0.0.1", "127.0.0.2", "::1", "::1%" + lo.getName(), "::1%" + lo.getIndex(),
                    "127.0.0.3"), hosts, r.out());
            assertEquals("named", targets.get(3).get("source").asText());
            // reverse lookups (PTR, then the name it gives) and the resolver's health probes, nothing about a literal
            assertTrue(zone.asked().stream().noneMatch(q -> q.endsWith(" MX") || q.contains("_mta-sts")
                    || q.contains("127.0.0.") || q.contains(":") || q.contains("%")), zone.asked().toString());
            assertTrue(zone.asked().contains("1.0.0.127.in-addr.arpa. PTR"), zone.asked().toString());
            assertEquals(0, fetches.get());
        }
    }

    /**
     * A zone id that names no interface of this computer is refused in one line with exit code 2, as check refuses a
     * zone id in --ip (before: it passed as an address, was looked up as a domain and "not found", exit 0).
     */
    @Test
    void aZoneIdNamingNoInterfaceIsRefusedInOneLineWithTwo() throws Exception {
        String zone = org.mailpath.engine.smtp.ProbeInputTest.noSuchZone();
        for (String input : List.of("fe80::1%" + zone, "[fe80::1%" + zone + "]", "[IPv6:fe80::1%" + zone + "]")) {
            CliRun r = CliRun.of("probe", "example.test", input, "--resolver", "127.0.0.1:9", "--timeout", "1");
            assertEquals(2, r.code(), input + ": " + r.out() + r.err());
            assertEquals("mailpath probe: the address has a zone id (%...) that names no network interface of this"
                    + " computer: name one of its interfaces, or give the address alone: \"" + input + "\"",
                    r.err().strip());
            assertEquals("", r.out());
        }
    }

    @Test
    void aRefusedInputCannotSendEscapeSequencesToTheTerminal() {
        CliRun r = CliRun.of("probe", "x\u001b[2J.test");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("\\x1b[2J"), r.err());
    }

    @Test
    void aUnicodeDomainWithTrailingDotAndCapitalsIsProbedThroughItsMxHosts() throws Exception {
        FakeDns zone = new FakeDns().add("xn--bcher-kva.example.test", Type.MX, "10 mx.example.test.")
                .loopbackNamed("mx.example.test");
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone)) {
            CliRun r = CliRun.of("probe", "B\u00dcCHER.example.test.", "--port", String.valueOf(smtp.port()), "--resolver",
                    dns.address(), "--timeout", "20", "--helo", "probe.mailpath.test", "--format", "json");
            assertEquals(0, r.code(), r.err());
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertEquals("xn--bcher-kva.example.test", root.get("targets").get(0).get("domain").asText(), r.out());
            assertEquals("mx.example.test", root.get("targets").get(0).get("host").asText());
        }
    }

    @Test
    void aUnicodeHeloAndRcptDomainGoOnTheWireInAscii() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(zone())) {
            List<String> a = new ArrayList<>(List.of(args(smtp, dns, "--rcpt", "jane@B\u00fccher.example")));
            a.set(a.indexOf("probe.mailpath.test"), "pr\u00fcfer.example");
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertTrue(smtp.received().contains("EHLO xn--prfer-lva.example"), smtp.received().toString());
            assertTrue(smtp.received().contains("RCPT TO:<jane@xn--bcher-kva.example>"), smtp.received().toString());
        }
    }

    @Test
    void anUnusableResolverIsNamedAsCheckNamesIt() {
        CliRun r = CliRun.of("probe", "example.test", "--resolver", "127.0.0.1:0");
        assertEquals(2, r.code());
        assertEquals("mailpath probe: --resolver: not a port number in resolver address: 127.0.0.1:0", r.err().strip());
        CliRun check = CliRun.of("check", "example.test", "--resolver", "127.0.0.1:0");
        assertEquals(2, check.code());
        assertTrue(check.err().contains("--resolver: not a port number in resolver address: 127.0.0.1:0"), check.err());
    }

    @Test
    void aTimeoutOfThousandsOfSecondsIsSurelyMeantInMilliseconds() {
        CliRun r = CliRun.of("probe", "@", "--timeout", "3000");
        assertTrue(r.err().startsWith("mailpath probe: warning: --timeout is in seconds; 3000 s is 50 minutes per"
                + " wait (did you mean 3?)\n"), r.err());
        assertFalse(CliRun.of("probe", "@", "--timeout", "30").err().contains("warning"));
    }

    /**
     * The countdown while the greeting is awaited says "no complete greeting": a server may have sent part of it (the
     * reviewer's dripped "220 hell…"), and the finding then says the same. The durations are given, not waited for.
     */
    @Test
    void theGreetingCountdownSaysNoCompleteGreetingYet() throws Exception {
        StringWriter text = new StringWriter();
        ProbeCommand.Progress progress = new ProbeCommand.Progress(new PrintWriter(text));
        ProbeTarget target = new ProbeTarget("example.test",
                "mx.example.test", InetAddress.getLoopbackAddress(), 25, OptionalInt.of(10));
        progress.waitingForBanner(target, Duration.ofMillis(10_200), Duration.ofSeconds(30));
        assertEquals("  mx.example.test [127.0.0.1]:25: no complete greeting yet after 10 s; giving up in 19 s\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }
}
