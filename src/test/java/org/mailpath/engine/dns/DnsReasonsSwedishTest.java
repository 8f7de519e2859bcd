package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mx.MxCheck;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;

/**
 * Why a lookup failed is said in the user's language inside the finding (the evidence quotes it in English, for the
 * recipient's mail team); what the resolver or dnsjava said stays as it is.
 */
class DnsReasonsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");
    /** Only for questions that are never answered: the outcome does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ MX 10 mx\nmx A 192.0.2.1\n";

    private static Finding mx(TestDnsServer dns, String domain, Duration timeout) {
        return new MxCheck().run(CheckSetup.of(dns).withTimeout(timeout).context(domain)).findings().getFirst();
    }

    @Test
    void anMxQuestionThatTimesOutReadsEntirelyInSwedish() throws Exception {
        // the resolver answers (the root zone too), only this name's questions are dropped: the name's fault
        try (TestDnsServer dns = TestDnsServer.builder().zone("example.test", ZONE)
                .misbehaveFor("silent.example.test", Misbehaviour.SILENT).resolver("127.0.2.41").start()) {
            Finding f = mx(dns, "silent.example.test", SHORT);
            assertEquals(DnsFindingCodes.DNS_TIMEOUT, f.code());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
            assertEquals("No DNS answer for silent.example.test MX within the time allowed (no answer over UDP within"
                    + " 300 ms).", f.message());
            assertEquals("Inget DNS-svar på silent.example.test MX inom den tillåtna tiden (inget svar över UDP inom"
                    + " 300 ms).", f.message(SWEDISH));
            assertEquals("Försök igen. Kvarstår felet går domänens namnservrar inte att nå, eller så når den"
                    + " tillfrågade resolvern (" + dns.resolverSpec() + ") dem inte.", f.remediation(SWEDISH));
            // the evidence is raw fact for the mail team: English
            assertTrue(f.evidence().getFirst().contains(" -> TIMEOUT (no answer over UDP within 300 ms) at "),
                    f.evidence().toString());
        }
    }

    @Test
    void aMalformedReplyIsSaidInSwedishWithDnsjavasWordsAsTheyAre() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder().zone("example.test", ZONE)
                .misbehaveFor("garbled.example.test", Misbehaviour.MALFORMED).resolver("127.0.2.42").start()) {
            Finding f = mx(dns, "garbled.example.test", Duration.ofSeconds(5));
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            String prefix = "The DNS question garbled.example.test MX failed: ERROR (malformed reply: ";
            assertTrue(f.message().startsWith(prefix), f.message());
            String dnsjava = f.message().substring(prefix.length(), f.message().length() - ").".length());
            assertEquals("DNS-frågan garbled.example.test MX misslyckades: ERROR (felaktigt svar: " + dnsjava + ").",
                    f.message(SWEDISH));
        }
    }

    @Test
    void aResolverThatAnswersNothingIsNamedInSwedishInTheDetail() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder().zone("example.test", ZONE).resolver("127.0.2.43").start()) {
            dns.behave("127.0.2.43", Misbehaviour.SILENT);
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("example.test", org.xbill.DNS.Type.MX, org.mailpath.engine.common.Cancellation.none());
            assertTrue(a.resolverAtFault(), a.toString());
            assertEquals("no answer over UDP within 300 ms; it did not answer . NS either, so it answers no question",
                    a.detail());
            assertEquals("inget svar över UDP inom 300 ms; den svarade inte heller på . NS, så den besvarar inga"
                    + " frågor alls", a.detailText().in(SWEDISH));
        }
    }
}
