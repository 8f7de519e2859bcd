package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;

/**
 * A report for one recipient domain's mail team ({@code --domain D}, usually with {@code --redact}) is sent outside
 * the company: the privacy review found in it other domains' probe findings, our own sending domains of messages to
 * other domains, a sender's display name taken into a domain ("acme.example>"), our resolver's address and the
 * probe's own address and EHLO name. And a report of one Message ID whose copies went to several domains gave no
 * hint to write one per domain.
 */
class OneDomainReportPrivacyTest {

    @TempDir
    Path dir;

    private static String row(String time, String id, String event, String recipient, String sender, String stage,
                              String status) {
        return String.join(",", q("12/01/2026 " + time), q("16/A4-" + id), q(event), q(recipient), q(sender),
                q("10.0.0.1"), q("1000"), q("005000000000001"), q(id + ".JavaMail.sfdc@acme-prod.example"), q("0"),
                q("0"), q(stage), q(""), q(""), q(status), q(""), q(""));
    }

    private Path log(String... rows) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, LogFixtures.HEADER + "\n" + String.join("\n", rows) + "\n");
        return log;
    }

    /** A message to bob@example.test and one to carol@other.test, each bounced as TLS negotiation failed. */
    private Path twoDomainsBouncedForTls() throws Exception {
        String tls = "554 5.7.5 [internal] TLS negotiation failed";
        return log(
                row("8:00", "1", "R", "bob@example.test", "me@mail.test", "", ""),
                row("8:01", "1", "P", "bob@example.test", "me@mail.test", "while not connected", tls),
                row("8:02", "2", "R", "carol@other.test", "me@mail.test", "", ""),
                row("8:03", "2", "P", "carol@other.test", "me@mail.test", "while not connected", tls));
    }

    @Test
    void theProbeOfAnotherDomainAndOurOwnAddressAndNameStayOutOfARedactedOneDomainReport() throws Exception {
        Path log = twoDomainsBouncedForTls();
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(ProbeCommandTest.zone().fail("other.test", DnsStatus.SERVFAIL))) {
            Path report = dir.resolve("r.json");
            CliRun run = CliRun.of("analyze", log.toString(), "--probe-smtp", "--port", String.valueOf(smtp.port()),
                    "--helo", "probe.mailpath.test", "--resolver", dns.address(), "--timeout", "2000",
                    "--report", report.toString(), "--domain", "example.test", "--redact");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("other.test"), "the admin's own output has every domain: " + run.out());
            String text = Files.readString(report);
            // other.test's failed MX lookup stood under our side's "Other findings", and the conclusion named it
            assertFalse(text.contains("other.test"), text);
            assertTrue(text.contains("SMTP_NO_STARTTLS"), text);
            // the transcript's own end: a placeholder for our address and port, and for the name we gave
            assertFalse(text.contains("probe.mailpath.test"), text);
            assertTrue(text.contains("*: connected from [our address]\""), text);
            assertFalse(text.contains("connected from 127."), text);
            assertTrue(text.contains("C: EHLO [our host name]\""), text);
            // what the server said stays
            assertTrue(text.contains("S: 220 "), text);

            // the same report unredacted keeps the transcript as it was
            Path plain = dir.resolve("plain.json");
            CliRun unredacted = CliRun.of("analyze", log.toString(), "--probe-smtp", "--port",
                    String.valueOf(smtp.port()), "--helo", "probe.mailpath.test", "--resolver", dns.address(),
                    "--timeout", "2000", "--report", plain.toString(), "--domain", "example.test");
            assertEquals(0, unredacted.code(), unredacted.err());
            assertTrue(Files.readString(plain).contains("C: EHLO probe.mailpath.test\""));
            assertFalse(Files.readString(plain).contains("other.test"));
        }
    }

    @Test
    void theLookupOfTheDomainsOwnMxHostElsewhereStaysInItsOneDomainReport() throws Exception {
        Path log = twoDomainsBouncedForTls();
        // example.test's second MX host lies under a domain of no recipient, and its address cannot be looked up
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = new TinyDnsServer(ProbeCommandTest.zone()
                     .add("example.test", org.xbill.DNS.Type.MX, "20 mx.hosted-elsewhere.test.")
                     .fail("mx.hosted-elsewhere.test", DnsStatus.SERVFAIL)
                     .fail("other.test", DnsStatus.SERVFAIL))) {
            Path report = dir.resolve("r.json");
            CliRun run = CliRun.of("analyze", log.toString(), "--probe-smtp", "--port", String.valueOf(smtp.port()),
                    "--helo", "probe.mailpath.test", "--resolver", dns.address(), "--timeout", "2000",
                    "--report", report.toString(), "--domain", "example.test");
            assertEquals(0, run.code(), run.err());
            JsonNode json = new ObjectMapper().readTree(Files.readString(report));
            // it is example.test's mail team's to mend: in its section, not left out, nor under our side
            assertTrue(json.get("recipientDomains").toString().contains("mx.hosted-elsewhere.test"), json.toString());
            assertFalse(json.get("ownSide").toString().contains("mx.hosted-elsewhere.test"), json.toString());
            assertFalse(json.toString().contains("other.test"), json.toString());
        }
    }

    @Test
    void ourSideOfARedactedOneDomainReportHasOnlyItsMessagesSendersAndNoResolverAddress() throws Exception {
        String unknown = "550 5.1.1 <x>: Recipient address rejected: User unknown";
        Path log = log(
                row("8:00", "1", "R", "bob@contoso.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com", "",
                        ""),
                row("8:01", "1", "P", "bob@contoso.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com",
                        "during RCPT TO", unknown),
                row("9:00", "2", "R", "alice@contoso.example", "Mary Jones <mary.jones@acme.example>", "", ""),
                row("9:01", "2", "P", "alice@contoso.example", "Mary Jones <mary.jones@acme.example>",
                        "during RCPT TO", unknown),
                row("10:00", "3", "R", "legal@fabrikam.example", "jane@acme-legal-dept.example", "", ""),
                row("10:01", "3", "P", "legal@fabrikam.example", "jane@acme-legal-dept.example", "during RCPT TO",
                        unknown));
        // a resolver that answers NXDOMAIN even for the root zone: every check is one our network kept from being made
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", "@ SOA ns1 h 1 3600 600 86400 300\n@ NS ns1\nns1 A 127.0.9.72\n")
                .resolver("127.0.9.71").start()) {
            dns.behave("127.0.9.71", TestDnsServer.Misbehaviour.NXDOMAIN);
            Path report = dir.resolve("r.json");
            CliRun run = CliRun.of("analyze", log.toString(), "--check-dns", "--resolver", dns.resolverSpec(),
                    "--timeout", "2000", "--report", report.toString(), "--domain", "contoso.example", "--redact");
            assertEquals(0, run.code(), run.err());
            String text = Files.readString(report);
            JsonNode json = new ObjectMapper().readTree(text);
            List<String> ours = new ArrayList<>();
            json.get("ownSide").get("domains").forEach(d -> ours.add(d.get("domain").asText()));
            // acme-legal-dept.example sent only to fabrikam.example; "Mary Jones <…@acme.example>" is acme.example's
            assertEquals(List.of("acme.example"), ours, text);
            // the sender's cell itself is shown as the log has it (masked); the domain taken from it is not
            assertFalse(json.get("ownSide").toString().contains("acme.example>"), text);
            assertFalse(json.get("conclusion").asText().contains("acme.example>"), text);
            assertFalse(text.contains("acme-legal-dept"), text);
            assertFalse(text.contains("fabrikam"), text);
            // our resolver's address: not in our side's evidence either; that the lookups failed stays
            assertFalse(text.contains("127.0.9.71"), text);
            assertTrue(text.contains(";; acme.example SOA @[our DNS resolver] -> "), text);
            assertTrue(text.contains("DNS_LOOKUP_FAILED"), text);
        }
    }

    @Test
    void aReportOfOneMessageToSeveralDomainsSaysToWriteOnePerDomain() throws Exception {
        Path log = log(
                row("8:00", "1", "R", "bob@contoso.example", "me@acme.example", "", ""),
                row("8:00", "1", "R", "carol@fabrikam.example", "me@acme.example", "", ""),
                row("8:01", "1", "P", "bob@contoso.example", "me@acme.example", "during RCPT TO",
                        "550 5.1.1 user unknown"),
                row("9:00", "2", "R", "dave@contoso.example", "me@acme.example", "", ""));
        String hint = "mailpath: the report covers 2 recipient domains; for one domain's mail team, write it with"
                + " --domain DOMAIN";
        CliRun both = CliRun.of("analyze", log.toString(), "--report", dir.resolve("one.txt").toString(),
                "--message-id", "1.JavaMail.sfdc@acme-prod.example");
        assertEquals(0, both.code(), both.err());
        assertTrue(both.err().contains(hint), both.err());
        // one domain's messages: nothing to add
        CliRun one = CliRun.of("analyze", log.toString(), "--report", dir.resolve("two.txt").toString(),
                "--message-id", "2.JavaMail.sfdc@acme-prod.example");
        assertEquals(0, one.code(), one.err());
        assertFalse(one.err().contains("the report covers"), one.err());
    }
}
