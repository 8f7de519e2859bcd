package org.mailpath.engine.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.fakedns.FakeDns;

/** The DMARC check's findings come from its resource bundles: English unchanged, Swedish for a Swedish user. */
class DmarcFindingTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");

    private static List<Finding> check(String zone) {
        return FakeDns.of(zone).run(new DmarcCheck(), "example.com", CheckOptions.defaults());
    }

    @Test
    void missingRecordWithItsDiscardedCandidateIsSaidInSwedish() {
        Finding f = single(check("_dmarc.example.com. TXT \"v=dmarc1; p=reject\"\n"), "DMARC_MISSING");
        assertEquals("No DMARC record at _dmarc.example.com (the TXT record \"v=dmarc1; p=reject\" at "
                + "_dmarc.example.com is ignored by receivers: the version is case-sensitive, it must read "
                + "\"v=DMARC1\"): receivers apply no DMARC policy, and large mailbox providers expect one from bulk "
                + "senders", f.message());
        assertEquals("Ingen DMARC-post på _dmarc.example.com (TXT-posten \"v=dmarc1; p=reject\" på "
                + "_dmarc.example.com ignoreras av mottagarna: versionen är skiftlägeskänslig, den måste skrivas "
                + "\"v=DMARC1\"): mottagarna tillämpar ingen DMARC-policy, och stora e-postleverantörer förväntar "
                + "sig en av den som skickar massutskick", f.message(SWEDISH));
        assertEquals("Se till att posten på _dmarc.example.com börjar med exakt \"v=DMARC1;\" (DMARC1 med versaler, "
                + "som första tagg).", f.remediation(SWEDISH));
    }

    @Test
    void aParkedDomainIsToldToRejectInSwedish() {
        Finding f = single(check("example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n"), "DMARC_MISSING");
        assertEquals("Ingen DMARC-post på _dmarc.example.com: mottagarna tillämpar ingen DMARC-policy på example.com, "
                + "som anger att den varken skickar eller tar emot e-post (dess enda MX är en null-MX och dess "
                + "SPF-post är \"v=spf1 -all\"), så e-post som förfalskas i dess namn avvisas inte av DMARC",
                f.message(SWEDISH));
        assertTrue(f.remediation(SWEDISH).startsWith("Publicera en TXT-post på _dmarc.example.com: "
                + "\"v=DMARC1; p=reject;\"."), f.remediation(SWEDISH));
    }

    @Test
    void aParkedDomainWithPolicyNoneIsToldToRejectInSwedish() {
        Finding f = single(check("example.com. MX 0 .\nexample.com. TXT \"v=spf1 -all\"\n"
                + "_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n"), "DMARC_POLICY_NONE");
        assertTrue(f.remediation(SWEDISH).startsWith("Ändra posten på _dmarc.example.com till \"v=DMARC1; p=reject;\" "
                + "redan nu: domänen anger att den varken skickar eller tar emot e-post"), f.remediation(SWEDISH));
    }

    @Test
    void defaultedPctFoRiAndRepeatedTagsAreSaidInSwedish() {
        assertEquals("DMARC-posten för example.com: pct=5% är inte ett tal från 0 till 100: mottagarna läser pct=100 "
                + "(RFC 7489 §6.3; RFC 9989 har ingen pct); OpenDMARC (Postfix- och Sendmail-milter, Exim) läser "
                + "pct=5", single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=5%\"\n"), "DMARC_SYNTAX")
                .message(SWEDISH));
        assertEquals("DMARC-posten för example.com: fo=1x är inte en kolonseparerad lista av 0, 1, d, s: mottagarna "
                + "läser fo=0 (RFC 7489 §6.3, RFC 9989 §4.8); OpenDMARC (Postfix- och Sendmail-milter, Exim) läser "
                + "fo=1; ri=x är inte ett 32-bitars tal utan tecken: mottagarna läser ri=86400 (RFC 7489 §6.3; RFC "
                + "9989 har ingen ri); OpenDMARC (Postfix- och Sendmail-milter, Exim) förkastar hela posten: ingen "
                + "DMARC", single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; fo=1x; ri=x\"\n"),
                "DMARC_SYNTAX").message(SWEDISH));
        assertEquals("DMARC-posten för example.com: taggen sp= står mer än en gång: mottagare kan förkasta posten "
                + "(RFC 6376 §3.2, RFC 7489 §6.3); kontrollen läser den första, sp=none, OpenDMARC (Postfix- och "
                + "Sendmail-milter, Exim) den sista, sp=reject", single(check("_dmarc.example.com. TXT \"v=DMARC1; "
                + "p=reject; sp=none; sp=reject\"\n"), "DMARC_SYNTAX").message(SWEDISH));
    }

    @Test
    void badRfc9989FlagsAreSaidInSwedish() {
        assertEquals("DMARC-posten för example.com: t=yes är varken y eller n: mottagare som följer RFC 9989 läser t=n, "
                + "standardvärdet, så posten är inte i testläge (RFC 9989 §4.7, §4.8; RFC 7489 har ingen t); psd=ja är "
                + "varken y, n eller u: mottagare som följer RFC 9989 läser psd=u, standardvärdet, i sin DNS tree walk "
                + "(RFC 9989 §4.7, §4.8; RFC 7489 har ingen psd)", single(check("_dmarc.example.com. TXT \"v=DMARC1; "
                + "p=reject; t=yes; psd=ja\"\n"), "DMARC_SYNTAX").message(SWEDISH));
    }

    @Test
    void syntaxProblemsAreListedInSwedishAndPartialPctKeepsItsNumber() {
        List<Finding> findings = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=25; adkim=x\"\n");
        assertEquals("DMARC-posten för example.com: adkim=x är varken r eller s: mottagarna läser adkim=r, "
                + "standardvärdet (RFC 7489 §6.3, RFC 9989 §4.8); OpenDMARC (Postfix- och Sendmail-milter, Exim) "
                + "förkastar hela posten: ingen DMARC", single(findings, "DMARC_SYNTAX").message(SWEDISH));
        assertEquals("DMARC-posten för example.com: taggen p= saknas: RFC 7489 kräver den; RFC 9989 (DMARCbis) gör det "
                + "inte och läser en post utan den som p=none, men bara när rua= har en giltig adress (RFC 9989 §4.7, "
                + "§4.10.1)", single(check("_dmarc.example.com. TXT \"v=DMARC1; rua=mailto:d@example.com\"\n"),
                "DMARC_SYNTAX").message(SWEDISH));
        Finding pct = single(findings, "DMARC_PCT_PARTIAL");
        assertEquals("pct=25: receivers that follow RFC 7489 reject only 25% of failing mail and quarantine the rest "
                + "(RFC 7489 §6.6.4); receivers that follow RFC 9989 (DMARCbis), which has no pct, reject all of it",
                pct.message());
        assertEquals("pct=25: mottagare som följer RFC 7489 avvisar bara 25 % av den e-post som inte klarar DMARC och "
                + "sätter resten i karantän (RFC 7489 §6.6.4); mottagare som följer RFC 9989 (DMARCbis), som saknar "
                + "pct, avvisar all sådan e-post", pct.message(SWEDISH));
        assertEquals("DMARC-policyn för example.com är i praktiken none hos mottagare som följer RFC 7489: med "
                + "p=quarantine och pct=0 sätter de ingen e-post i karantän som inte klarar DMARC, de behandlar all "
                + "sådan e-post som under p=none (RFC 7489 §6.6.4) och rapporterar bara. Mottagare som följer RFC 9989 "
                + "(DMARCbis), som saknar pct, tillämpar p=quarantine",
                single(check("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=0\"\n"), "DMARC_POLICY_NONE")
                        .message(SWEDISH));
        assertEquals("pct=25: policyn gäller bara 25 % av den e-post som inte klarar DMARC",
                single(check("_dmarc.example.com. TXT \"v=DMARC1; p=none; pct=25\"\n"), "DMARC_PCT_PARTIAL")
                        .message(SWEDISH));
    }

    @Test
    void policyOutcomesAndReportAddressesAreSaidInSwedish() {
        List<Finding> pct0 = check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=0; t=y; rua=d@example.com\"\n");
        assertEquals("DMARC-policy för example.com: p=reject, men med pct=0 tillämpar mottagare som följer RFC 7489 i "
                + "stället quarantine på all e-post som inte klarar DMARC (RFC 7489 §6.6.4)",
                single(pct0, "DMARC_OK").message(SWEDISH));
        assertEquals("t=y: enligt RFC 9989 (DMARCbis) är posten för example.com i testläge, och mottagare som följer "
                + "den tillämpar quarantine i stället för reject på e-post som inte klarar DMARC; mottagare som följer "
                + "RFC 7489 bortser från t=", single(pct0, "DMARC_TEST_MODE").message(SWEDISH));
        assertEquals("DMARC-posten för example.com: mottagarna skickar inga rapporter till rua: \"d@example.com\" är "
                + "ingen URI (skriv \"mailto:\" före en e-postadress). Policyn beror inte på de här adresserna: det är "
                + "bara rapporterna som går förlorade", single(pct0, "DMARC_REPORT_URI_UNUSABLE").message(SWEDISH));
        Finding none = single(check("_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=bogus; "
                + "rua=mailto:d@example.com\"\n"), "DMARC_POLICY_NONE");
        assertEquals("DMARC-policyn för example.com är none: posten för example.com har fel i p= eller sp= (sp=bogus "
                + "är varken none, quarantine eller reject); mottagarna gör då som om den bara löd \"v=DMARC1; "
                + "p=none\", eftersom den har en giltig rua=-adress (RFC 7489 §6.6.3, RFC 9989 §4.10.1): de "
                + "rapporterar bara, de varken avvisar eller sätter i karantän e-post som inte klarar DMARC", none.message(SWEDISH));
    }
}
