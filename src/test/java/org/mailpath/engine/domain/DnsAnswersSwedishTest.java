package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Localizable;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;
import org.xbill.DNS.Type;

/** The shared lookup-failure finding and the quoting phrases are worded in the user's language. */
class DnsAnswersSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n"
            + "bad TXT \"v=spf1 \\195 -all\"\n";

    @Test
    void aFailedLookupIsSaidInSwedishWithTheConsequenceOfTheCaller() throws Exception {
        // SERVFAIL from a working resolver: the name's servers fail (a REFUSED is the resolver's own refusal)
        try (TestDnsServer dns = TestDnsServer.builder().zone("example.test", ZONE)
                .misbehaveFor("broken.example.test", Misbehaviour.SERVFAIL).resolver("127.0.2.32").start()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), Duration.ofSeconds(5))
                    .lookup("broken.example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status(), a.detail());
            // a consequence that is the same in every language, passed as words (a check passes its own phrase)
            Finding f = DnsAnswers.lookupFailed(a, Localizable.verbatim("SPF"), Actor.SENDER_ADMIN);
            assertEquals("DNS lookup broken.example.test TXT failed (SERVFAIL): SPF", f.message());
            assertEquals("DNS-uppslagningen broken.example.test TXT misslyckades (SERVFAIL): SPF", f.message(SWEDISH));
            assertEquals("Check the DNS servers of broken.example.test (and the resolver used). If another"
                    + " organization runs broken.example.test (an SPF include, a provider's mail host), check again"
                    + " later and tell them if it persists.", f.remediation());
            assertEquals("Kontrollera namnservrarna för broken.example.test (och den resolver som användes). Om en"
                    + " annan organisation driver broken.example.test (en SPF-include, en leverantörs e-postvärd),"
                    + " kontrollera igen senare och meddela dem om felet kvarstår.", f.remediation(SWEDISH));
            assertEquals(f, DnsAnswers.lookupFailed(a, "SPF", Actor.SENDER_ADMIN).withMessage(f.messageText()
                    .orElseThrow()), "the English-only consequence gives the same finding");
        }
    }

    @Test
    void anUnprintableByteIsNamedInSwedish() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder().zone("example.test", ZONE).resolver("127.0.2.33").start()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), Duration.ofSeconds(5))
                    .lookup("bad.example.test", Type.TXT, Cancellation.none());
            String text = DnsAnswers.texts(a).getFirst();
            assertEquals("the byte \\195 at position 8", DnsAnswers.unprintable(a, text).orElseThrow());
            assertEquals("byten \\195 på position 8", DnsAnswers.unprintableText(a, text).orElseThrow().in(SWEDISH));
        }
    }

    @Test
    void quotingPhrasesAreSwedishAndTheDataStaysAsItIs() {
        assertEquals("v=spf… (6 tecken till)", DnsText.clipText("v=spf1 -all", 5).in(SWEDISH));
        assertEquals("v=spf1 -all", DnsText.clipText("v=spf1 -all", 20).in(SWEDISH));
        List<String> items = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "ns" + i).toList();
        assertEquals("ns1, ns2, ns3, ns4, ns5, ns6, ns7, ns8, ns9, ns10, och 2 till",
                DnsText.joinText(items, ", ").in(SWEDISH));
        assertEquals("ns1, ns2, ns3, ns4, ns5, ns6, ns7, ns8, ns9, ns10, and 2 more",
                DnsText.joinText(items, ", ").toString());
    }
}
