package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.fakedns.FakeDns;

/** The DKIM findings come from the package's resource bundles: English unchanged, Swedish for a Swedish user. */
class DkimFindingTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");

    private static List<DkimSelectorReport> inspect(String zone, String... selectors) {
        return DkimInspector.inspect("example.com", List.of(selectors), FakeDns.of(zone), Cancellation.none());
    }

    @Test
    void salesforcePartnerWithoutItsCnameIsSaidInSwedish() {
        List<DkimSelectorReport> r = inspect(
                "sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.\n", "sf1", "sf2");
        Finding f = single(r.get(1).findings(), "DKIM_SALESFORCE_CNAME_MISSING");
        assertEquals("Salesforce DKIM: selector sf1 points to Salesforce (key token ab12cd) but its partner selector "
                + "sf2 has no CNAME at sf2._domainkey.example.com: Salesforce cannot activate or rotate the key",
                f.message());
        assertEquals("Salesforce DKIM: selektorn sf1 pekar på Salesforce (nyckeltoken ab12cd), men dess "
                + "partnerselektor sf2 har ingen CNAME på sf2._domainkey.example.com: Salesforce kan inte aktivera "
                + "eller byta nyckeln", f.message(SWEDISH));
        assertEquals("Publicera: sf2._domainkey.example.com. CNAME sf2.ab12cd.custdkim.salesforce.com. — det målet "
                + "gick inte att slå upp, så kopiera det exakta värdet från Salesforce Inställningar → DKIM-nycklar "
                + "(CNAME-post / alternativ CNAME-post)", f.remediation(SWEDISH));
    }

    @Test
    void salesforcePartnerOnTheOtherSelectorsTargetIsSaidInSwedish() {
        Finding f = single(inspect("""
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                """, "sf1", "sf2").get(1).findings(), "DKIM_SALESFORCE_SAME_TARGET");
        assertEquals("Salesforce DKIM: selektorn sf2 pekar på sf1.ab12cd.custdkim.salesforce.com., som är målet för "
                + "selektorn sf1: båda selektorerna ger samma nyckel, så när Salesforce byter till sf2 misslyckas "
                + "dess signaturer", f.message(SWEDISH));
        assertEquals("Ändra CNAME-posten på sf2._domainkey.example.com till: sf2._domainkey.example.com. CNAME "
                + "sf2.ab12cd.custdkim.salesforce.com. — det målet gick inte att slå upp, så kopiera det exakta "
                + "värdet från Salesforce Inställningar → DKIM-nycklar (CNAME-post / alternativ CNAME-post)",
                f.remediation(SWEDISH));
    }

    /** A zone line with an RSA 2048 key at {@code name}, in strings of at most 200 characters. */
    private static String keyAt(String name) {
        String value;
        try {
            value = "v=DKIM1; k=rsa; p=" + DkimKeyTest.rsaKey(2048);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder line = new StringBuilder(name + " TXT");
        for (int i = 0; i < value.length(); i += 200) {
            line.append(" \"").append(value, i, Math.min(value.length(), i + 200)).append('"');
        }
        return line.append('\n').toString();
    }

    @Test
    void aPartnerPointingIntoSalesforceWronglyIsSaidInSwedish() {
        Finding f = single(inspect("""
                sf1._domainkey.example.com. CNAME sf1.ab12cd.custdkim.salesforce.com.
                sf2._domainkey.example.com. CNAME sf2.ab12cd.dkim.salesforce.com.
                """ + keyAt("sf1.ab12cd.custdkim.salesforce.com.") + keyAt("sf2.ab12cd.custdkim.salesforce.com."),
                "sf1", "sf2").get(1).findings(), "DKIM_CNAME_TARGET_MISSING");
        assertEquals("sf2._domainkey.example.com pekar på sf2.ab12cd.dkim.salesforce.com, som inte har någon "
                + "DKIM-nyckel, medan selektorn sf1 pekar på Salesforces mål med nyckeltoken ab12cd: Salesforces "
                + "DKIM-mål är <selektor>.<token>.custdkim.salesforce.com, med samma token för båda selektorerna i "
                + "paret", f.message(SWEDISH));
        assertEquals("Ändra CNAME-posten på sf2._domainkey.example.com till: sf2._domainkey.example.com. CNAME "
                + "sf2.ab12cd.custdkim.salesforce.com.", f.remediation(SWEDISH));
        Finding alone = single(inspect("s1._domainkey.example.com. CNAME s1.ab12cd.dkim.salesforce.com.\n", "s1")
                .getFirst().findings(), "DKIM_CNAME_TARGET_MISSING");
        assertEquals("s1._domainkey.example.com pekar på s1.ab12cd.dkim.salesforce.com, som inte har någon "
                + "DKIM-nyckel: Salesforces DKIM-mål har formen <selektor>.<token>.custdkim.salesforce.com, så "
                + "CNAME-värdet är felskrivet", alone.message(SWEDISH));
    }

    @Test
    void versionNotFirstAndAnotherTxtRecordAreSaidInSwedish() {
        String ed25519 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
        List<Finding> f = inspect("s._domainkey.example.com. TXT \"k=ed25519; v=DKIM1; p=" + ed25519 + "\"\n"
                + "s._domainkey.example.com. TXT \"v=spf1 -all\"\n", "s").getFirst().findings();
        Finding version = single(f, "DKIM_VERSION_NOT_FIRST");
        assertEquals("DKIM-nyckelposten på s._domainkey.example.com har v= men inte som första tagg: enligt RFC 6376 "
                + "§3.6.1 ska v= stå först, så strikta mottagare kan förkasta posten; dkimpy, go-msgauth, OpenDKIM, "
                + "Mail::DKIM och Rspamd använder nyckeln ändå", version.message(SWEDISH));
        assertEquals("Sätt v=DKIM1 först i posten (\"v=DKIM1; k=rsa; p=…\").", version.remediation(SWEDISH));
        Finding extra = single(f, "DKIM_EXTRA_TXT");
        assertEquals("s._domainkey.example.com har ännu en TXT-post bredvid DKIM-nyckeln: \"v=spf1 -all\". RFC 6376 "
                + "§3.6.2.2 tillåter en enda TXT-post där: OpenDKIM underkänner varje signatur (\"multiple DNS "
                + "replies\"), dkimpy läser bara den första TXT-posten och go-msgauth slår ihop dem alla till en",
                extra.message(SWEDISH));
        assertEquals("Ta bort alla TXT-poster på s._domainkey.example.com utom DKIM-nyckeln.",
                extra.remediation(SWEDISH));
    }

    @Test
    void keyProblemsAreListedInSwedish() {
        Finding f = single(inspect("s._domainkey.example.com. TXT \"v=DKIM1; k=dsa; p=abc\"\n", "s")
                .getFirst().findings(), "DKIM_KEY_INVALID");
        assertEquals("The DKIM key at s._domainkey.example.com is unusable: k=dsa is not a known key type (rsa, "
                + "ed25519)", f.message());
        assertEquals("DKIM-nyckeln på s._domainkey.example.com går inte att använda: k=dsa är ingen känd nyckeltyp "
                + "(rsa, ed25519)", f.message(SWEDISH));
    }
}
