package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.mtasts.PolicyFetch;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TinyDnsServer;
import org.xbill.DNS.Type;

/**
 * {@code mailpath probe} judges the servers against the domain's MTA-STS policy: a loopback DNS server publishes the
 * policy record and an MX host without STARTTLS; the policy file comes from a stand-in source (the HTTPS fetch itself
 * is tested with the engine's loopback fixtures).
 */
class ProbeMtaStsTest {

    static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 86400\n";

    private final AtomicInteger fetches = new AtomicInteger();

    private CliRun run(String... args) {
        ProbeCommand command = new ProbeCommand();
        command.policySource = (domain, timeout, cancellation) -> {
            fetches.incrementAndGet();
            return new PolicyFetch.Retrieved(POLICY, List.of("GET https://mta-sts." + domain + "/.well-known/mta-sts.txt"));
        };
        return CliRun.ofCommand(command, args);
    }

    static TinyDnsServer dns() throws Exception {
        return new TinyDnsServer(ProbeCommandTest.zone()
                .add("_mta-sts.example.test", Type.TXT, "\"v=STSv1; id=1\"")
                .add("mta-sts.example.test", Type.A, "192.0.2.80"));
    }

    private static String[] args(FakeSmtpServer smtp, TinyDnsServer dns, String... more) {
        List<String> a = new ArrayList<>(List.of(ProbeCommandTest.args(smtp, dns, more)));
        a.removeFirst(); // "probe": the command itself is run here
        return a.toArray(String[]::new);
    }

    @Test
    void textSaysThePolicyMakesSendersRefuseTheServer() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = dns()) {
            CliRun r = run(args(smtp, dns));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("SMTP_NO_STARTTLS"), r.out());
            assertTrue(r.out().contains("== MTA-STS policy of example.test (mode enforce, mx mx.example.test)\n"
                    + "  ERROR MTA_STS_HOST_REFUSED: The MTA-STS policy of example.test is in enforce mode, and none "
                    + "of its MX hosts meets it: mx.example.test (it offers no STARTTLS). Senders that apply the "
                    + "policy deliver no mail to example.test at all.\n"
                    + "      What to do (recipient's mail team): Make the MX hosts meet the policy"), r.out());
            assertEquals(1, fetches.get());
        }
    }

    @Test
    void aPastedAddressIsJudgedByItsDomainsPolicyAsItIsProbedThroughItsDomain() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = dns()) {
            String[] a = args(smtp, dns);
            a[0] = " Someone@Example.test ";
            CliRun r = run(a);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("== MTA-STS policy of example.test (mode enforce, mx mx.example.test)\n"
                    + "  ERROR MTA_STS_HOST_REFUSED"), r.out());
            assertEquals(1, fetches.get());
        }
    }

    @Test
    void jsonListsThePolicyWithItsVerdict() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = dns()) {
            CliRun r = run(args(smtp, dns, "--format", "json"));
            assertEquals(0, r.code(), r.err());
            JsonNode sts = new ObjectMapper().readTree(r.out()).get("mtaSts");
            assertEquals(1, sts.size(), r.out());
            assertEquals("example.test", sts.get(0).get("domain").asText());
            assertEquals("enforce", sts.get(0).get("mode").asText());
            assertEquals("mx.example.test", sts.get(0).get("mx").get(0).asText());
            assertEquals(86400, sts.get(0).get("maxAge").asLong());
            assertEquals("MTA_STS_HOST_REFUSED", sts.get(0).get("findings").get(0).get("code").asText());
            assertEquals("ERROR", sts.get(0).get("findings").get(0).get("severity").asText());
        }
    }

    @Test
    void noMtaStsLeavesThePolicyAlone() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard());
             TinyDnsServer dns = dns()) {
            CliRun r = run(args(smtp, dns, "--no-mta-sts"));
            assertEquals(0, r.code(), r.err());
            assertFalse(r.out().contains("MTA-STS"), r.out());
            assertEquals(0, fetches.get());
        }
    }
}
