package org.mailpath.engine.ptr;

import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/** Reverse DNS through a real resolver on loopback (the in-process test server). */
class PtrCheckLoopbackTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("2.0.192.in-addr.arpa", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    25 PTR mail.example.test.
                    30 PTR mail.servfail.test.
                    31 PTR other.example.test.
                    31 PTR mail.servfail.test.
                    """)
            .zone("example.test", "@ SOA ns.x. h.x. 1 1 1 1 1\nmail A 192.0.2.25\nother A 192.0.2.99\n")
            .zone("servfail.test", "@ SOA ns.x. h.x. 1 1 1 1 1\nmail A 192.0.2.30\n")
            .misbehaveFor("servfail.test", TestDnsServer.Misbehaviour.SERVFAIL)
            .resolver("127.0.8.1"));

    private static List<Finding> check(String ip) {
        return new PtrCheck().run(DNS.setup().withIp(ip).context("example.test")).findings();
    }

    @Test
    void forwardConfirmed() {
        single(check("192.0.2.25"), "PTR_OK", Severity.OK);
    }

    @Test
    void aPtrNameThatCannotBeResolvedIsUnknownNotAMismatch() {
        List<Finding> f = check("192.0.2.30");
        absent(f, "PTR_MISMATCH");
        Finding failed = single(f, "DNS_LOOKUP_FAILED", Severity.WARNING);
        assertTrue(failed.message().contains("mail.servfail.test") && failed.message().contains("unknown"),
                failed.message());
    }

    @Test
    void oneNameMismatchesWhileAnotherFails() {
        List<Finding> f = check("192.0.2.31");
        absent(f, "PTR_MISMATCH");
        Finding failed = single(f, "DNS_LOOKUP_FAILED");
        assertTrue(failed.message().contains("other.example.test → 192.0.2.99"), failed.message());
        assertTrue(failed.evidence().stream().anyMatch(l -> l.contains("other.example.test")),
                failed.evidence().toString());
    }

    @Test
    void findingsAreWordedInSwedishFromTheBundles() {
        Locale swedish = Locale.of("sv");
        assertEquals("192.0.2.25 → mail.example.test → 192.0.2.25 (framåtbekräftad omvänd DNS)",
                single(check("192.0.2.25"), "PTR_OK").message(swedish));
        Finding failed = single(check("192.0.2.30"), "DNS_LOOKUP_FAILED");
        assertTrue(failed.message().endsWith(": whether the reverse DNS of 192.0.2.30 resolves back to it is unknown"
                + " (mail.servfail.test → SERVFAIL)"), failed.message());
        String swedishMessage = failed.message(swedish);
        assertTrue(swedishMessage.startsWith("DNS-uppslagningen mail.servfail.test A misslyckades (SERVFAIL"),
                swedishMessage);
        assertTrue(swedishMessage.endsWith(": det är okänt om omvänd DNS för 192.0.2.30 pekar tillbaka på adressen"
                + " (mail.servfail.test → SERVFAIL)"), swedishMessage);
        assertTrue(failed.remediation(swedish).startsWith("Kontrollera namnservrarna för mail.servfail.test (och"
                + " den resolver som användes)."), failed.remediation(swedish));
    }
}
