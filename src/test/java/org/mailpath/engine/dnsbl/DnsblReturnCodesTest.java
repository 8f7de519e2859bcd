package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** What a listing means per its list's operator (return-codes.txt), and Spamhaus PBL as a policy, not spam. */
class DnsblReturnCodesTest {

    private static final Locale SWEDISH = Locale.of("sv");

    /** example.com's MX 198.51.100.10; Spamhaus ZEN and Mailspike answering their test points. */
    private static final String ZONES = """
            example.com. MX 10 mx1.example.com.
            mx1.example.com. A 198.51.100.10
            2.0.0.127.zen.spamhaus.org. A 127.0.0.2
            2.0.0.127.zen.spamhaus.org. A 127.0.0.4
            2.0.0.127.zen.spamhaus.org. A 127.0.0.10
            2.0.0.127.bl.mailspike.net. A 127.0.0.2
            2.0.0.127.k3y.zen.dq.spamhaus.net. A 127.0.0.2
            """;

    private static List<Finding> check(String zone, String ip, String... zones) {
        return FakeDns.of(ZONES + zone).run(new DnsblCheck(), "example.com",
                FakeDns.options(ip, List.of(), List.of(zones)));
    }

    private static Finding listed(List<Finding> f, String ip) {
        return f.stream().filter(x -> x.code().equals("DNSBL_LISTED") && x.subject().equals(ip)).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
    }

    @Test
    void aSpamhausListingNamesItsSublistAndWhatItMeans() {
        Finding sbl = listed(check("25.2.0.192.zen.spamhaus.org. A 127.0.0.2\n", "192.0.2.25", "zen.spamhaus.org"),
                "192.0.2.25");
        assertEquals(Severity.ERROR, sbl.severity());
        assertEquals("192.0.2.25 (sending IP) is listed on zen.spamhaus.org (127.0.0.2 = SBL: a direct spam source,"
                + " spam operation or spam service)", sbl.message());
        assertEquals("192.0.2.25 (avsändande IP) är listad på zen.spamhaus.org (127.0.0.2 = SBL: en direkt spamkälla,"
                + " spamverksamhet eller spamtjänst)", sbl.message(SWEDISH));
        assertTrue(sbl.remediation().startsWith("Find and stop the cause"), sbl.remediation());
    }

    @Test
    void aPblListingOfTheSendingIpIsStillAnErrorButWithPblsOwnRemedy() {
        Finding pbl = listed(check("25.2.0.192.zen.spamhaus.org. A 127.0.0.10\n", "192.0.2.25", "zen.spamhaus.org"),
                "192.0.2.25");
        assertEquals(Severity.ERROR, pbl.severity());
        assertEquals(Actor.SENDER_ADMIN, pbl.actor());
        assertTrue(pbl.message().contains("127.0.0.10 = PBL, set by the network's owner: an end-user range that"
                + " should not send mail directly to other mail servers"), pbl.message());
        assertTrue(pbl.remediation().startsWith("This is Spamhaus PBL, not a spam listing"), pbl.remediation());
        assertTrue(pbl.remediation(SWEDISH).startsWith("Det här är Spamhaus PBL, ingen spamlistning"),
                pbl.remediation(SWEDISH));
    }

    @Test
    void aPblOnlyListingOfARecipientMxAddressIsInformation() {
        // An MX host that only receives mail is not what PBL is about ("IPs that the ISP does not or should not
        // allow to send email directly to other SMTP servers").
        Finding pbl = listed(check("10.100.51.198.zen.spamhaus.org. A 127.0.0.11\n", null, "zen.spamhaus.org"),
                "198.51.100.10");
        assertEquals(Severity.INFO, pbl.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, pbl.actor());
        assertTrue(pbl.message().contains("127.0.0.11 = PBL, set by Spamhaus"), pbl.message());
        assertTrue(pbl.remediation().startsWith("Nothing to do for receiving mail"), pbl.remediation());
        assertTrue(pbl.remediation(SWEDISH).startsWith("Inget att göra för att ta emot e-post"),
                pbl.remediation(SWEDISH));
    }

    @Test
    void anMxAddressOnPblAndOnARealListIsInformationToo() {
        Finding both = listed(check("""
                10.100.51.198.zen.spamhaus.org. A 127.0.0.10
                10.100.51.198.zen.spamhaus.org. A 127.0.0.4
                """, null, "zen.spamhaus.org"), "198.51.100.10");
        // a listing does not stop mail arriving at a receiving address, whichever list it is on
        assertEquals(Severity.INFO, both.severity());
        assertTrue(both.message().contains("XBL: an exploited machine") && both.message().contains("PBL"),
                both.message());
        assertTrue(both.remediation().startsWith("Nothing to do for receiving mail"), both.remediation());
    }

    @Test
    void mailspikesGradedCodesAndACodeTheListDoesNotDocument() {
        List<Finding> f = check("""
                25.2.0.192.bl.mailspike.net. A 127.0.0.10
                10.100.51.198.bl.mailspike.net. A 127.0.0.77
                """, "192.0.2.25", "bl.mailspike.net");
        assertTrue(listed(f, "192.0.2.25").message().contains("127.0.0.10 = Mailspike reputation L5: the worst"
                + " possible reputation"), f.toString());
        Finding odd = listed(f, "198.51.100.10");
        assertTrue(odd.message().contains("127.0.0.77 = a code that bl.mailspike.net does not document"),
                odd.message());
        assertEquals(Severity.INFO, odd.severity());
        // Mailspike is a minor (reputation) list: our sending IP's listing there is a warning, not an error
        assertEquals(Severity.WARNING, listed(f, "192.0.2.25").severity());
    }

    @Test
    void spamhausDqsZonesShareZensCodes() {
        Finding sbl = listed(check("25.2.0.192.k3y.zen.dq.spamhaus.net. A 127.0.0.3\n", "192.0.2.25",
                "k3y.zen.dq.spamhaus.net"), "192.0.2.25");
        assertTrue(sbl.message().contains("127.0.0.3 = CSS"), sbl.message());
    }

    @Test
    void aListWithoutDocumentedCodesShowsTheBareCode() {
        Finding psbl = listed(check("2.0.0.127.psbl.surriel.com. A 127.0.0.2\n25.2.0.192.psbl.surriel.com. A"
                + " 127.0.0.2\n", "192.0.2.25", "psbl.surriel.com"), "192.0.2.25");
        assertEquals("192.0.2.25 (sending IP) is listed on psbl.surriel.com (127.0.0.2)", psbl.message());
    }

    @Test
    void aDefaultListThatDoesNotAnswerThisResolverSaysHowToGetAnswers() {
        // Barracuda answers only registered resolvers: its test point not listed is no "dead list" to remove.
        // (the other default lists answer: Barracuda alone fails)
        Finding barracuda = single(check("2.0.0.127.bl.spamcop.net. A 127.0.0.2\n2.0.0.127.psbl.surriel.com. A"
                + " 127.0.0.2\n", "192.0.2.25"), "DNSBL_ZONE_UNUSABLE");
        assertTrue(barracuda.remediation().startsWith("Barracuda Reputation Block List: the resolver's IP must be"
                + " registered"), barracuda.remediation());
        assertTrue(barracuda.remediation(SWEDISH).startsWith("Barracuda Reputation Block List: resolverns"),
                barracuda.remediation(SWEDISH));
        // a list without a note keeps the plain advice
        Finding spamcop = single(check("", "192.0.2.25", "bl.spamcop.net"), "DNSBL_ZONE_UNUSABLE");
        assertTrue(spamcop.remediation().startsWith("Check the resolver used (--resolver on the command line,"
                + " Resolver settings in the app)"), spamcop.remediation());
        // the default lists that do not answer are one finding, with Barracuda's note among its advice
        Finding both = single(check("", "192.0.2.25"), "DNSBL_ZONE_UNUSABLE");
        assertEquals("bl.spamcop.net, b.barracudacentral.org, psbl.surriel.com", both.subject());
        assertTrue(both.remediation().startsWith("Check the resolver used (--resolver on the command line,"
                + " Resolver settings in the app)"), both.remediation());
        assertTrue(both.remediation().contains("Barracuda Reputation Block List: the resolver's IP must be"
                + " registered"), both.remediation());
        assertTrue(both.remediation(SWEDISH).contains("Barracuda Reputation Block List: resolverns"),
                both.remediation(SWEDISH));
    }

    @Test
    void aDefaultListWhoseQuestionFailsSaysHowToGetAnswers() {
        // Spamhaus DQS: a refused service reaches the user as SERVFAIL from the resolver
        FakeDns dns = FakeDns.of(ZONES).fail("2.0.0.127.zen.spamhaus.org", Type.A, DnsStatus.SERVFAIL);
        List<Finding> f = dns.run(new DnsblCheck(), "example.com", FakeDns.options("192.0.2.25", List.of(),
                List.of()));
        Finding failed = f.stream().filter(x -> x.code().equals("DNS_LOOKUP_FAILED")
                && x.message().contains("zen.spamhaus.org")).findFirst().orElseThrow(() -> new AssertionError(f));
        assertTrue(failed.message().contains("blocklist zen.spamhaus.org could not be asked (Spamhaus ZEN"),
                failed.message());
        assertTrue(failed.message(SWEDISH).contains("blocklistan zen.spamhaus.org kunde inte tillfrågas (Spamhaus"
                + " ZEN"), failed.message(SWEDISH));
        assertFalse(f.stream().anyMatch(x -> x.code().equals("DNSBL_NOT_LISTED")
                && x.message().contains("zen.spamhaus.org")), f.toString());
        // the advice is the lists' with the list's note, not a domain's ("check the DNS servers of
        // 2.0.0.127.zen.spamhaus.org … an SPF include")
        assertTrue(failed.remediation().startsWith("Check the resolver used (--resolver on the command line,"),
                failed.remediation());
        assertTrue(failed.remediation().contains("Spamhaus"), failed.remediation());
        assertFalse(failed.remediation().contains("SPF include"), failed.remediation());
    }

    @Test
    void everyMeaningIsWordedInEveryLanguage() {
        assertFalse(DnsblReturnCodes.meaningKeys().isEmpty());
        for (String key : DnsblReturnCodes.meaningKeys()) {
            String english = DnsblTexts.text(key).in(Locale.ENGLISH);
            assertFalse(english.equals(DnsblTexts.text(key).in(SWEDISH)) && !english.contains("Mailspike"), key);
        }
        assertTrue(DnsblReturnCodes.documents("zen.spamhaus.org"));
        assertTrue(DnsblReturnCodes.documents("abc.zen.dq.spamhaus.net"));
        assertFalse(DnsblReturnCodes.documents("zen.dq.spamhaus.net.evil.test"));
        assertFalse(DnsblReturnCodes.documents("psbl.surriel.com"));
    }
}
