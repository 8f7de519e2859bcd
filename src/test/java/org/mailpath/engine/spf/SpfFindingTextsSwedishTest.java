package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * The SPF findings come from the package's resource bundles, the evaluator's reasons and the syntax errors included:
 * English unchanged, Swedish for a Swedish user.
 */
class SpfFindingTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");

    private static List<Finding> check(String zone, String ip) {
        return FakeDns.of(zone).run(new SpfCheck(), "example.com", FakeDns.options(ip, List.of(), List.of()));
    }

    @Test
    void syntaxErrorAndTheResultItLeadsToAreSaidInSwedish() {
        List<Finding> f = check("example.com. TXT \"v=spf1 ip4:192.0.2.300 -all\"\n", "192.0.2.1");
        Finding syntax = single(f, "SPF_SYNTAX");
        assertEquals("SPF record of example.com: term \"ip4:192.0.2.300\": \"192.0.2.300\" is not an IPv4 address",
                syntax.message());
        assertEquals("SPF-posten för example.com: termen \"ip4:192.0.2.300\": \"192.0.2.300\" är ingen IPv4-adress",
                syntax.message(SWEDISH));
        Finding result = single(f, "SPF_RESULT");
        assertEquals("SPF result for 192.0.2.1 sending as example.com: permerror (syntax error in the SPF record of "
                + "example.com; 0 DNS lookups)", result.message());
        assertEquals("SPF-resultat för 192.0.2.1 som skickar som example.com: permerror (syntaxfel i SPF-posten för "
                + "example.com; 0 DNS-uppslagningar)", result.message(SWEDISH));
    }

    @Test
    void anIgnoredRedirectAndAnUnreachedIncludeAreSaidInSwedish() {
        Finding redirect = single(check("example.com. TXT \"v=spf1 redirect=i1.example.net -all\"\n", null),
                "SPF_UNREACHABLE_TERMS");
        assertEquals("I SPF-posten för example.com följs \"redirect=i1.example.net\" aldrig: posten har \"-all\", och "
                + "mottagarna bortser från omdirigeringen i en post med en \"all\"-mekanism var den än står "
                + "(RFC 7208 §5.1)", redirect.message(SWEDISH));
        Finding missing = single(check("example.com. TXT \"v=spf1 -all include:_spf.salesforce.com\"\n", null),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        assertEquals("Flytta \"include:_spf.salesforce.com\" före \"-all\" i SPF-posten för example.com.",
                missing.remediation(SWEDISH));
    }

    @Test
    void discardedLookAlikeIsNamedInSwedish() {
        Finding missing = single(check("example.com. TXT \"v=spf10 -all\"\n", null), "SPF_MISSING");
        assertEquals("example.com publicerar ingen SPF-post (TXT-posten \"v=spf10 -all\" ignoreras av mottagarna: "
                + "dess version är \"v=spf10\", inte \"v=spf1\")", missing.message(SWEDISH));
        assertEquals("Se till att TXT-posten på example.com börjar med exakt \"v=spf1\" följt av ett mellanslag "
                + "(RFC 7208 §4.5), t.ex. \"v=spf1 include:_spf.salesforce.com -all\".", missing.remediation(SWEDISH));
    }

    @Test
    void nestedReasonsAndSalesforceAdviceAreSaidInSwedish() {
        String zone = "example.com. TXT \"v=spf1 include:gone.example.net -all\"\n"
                + "gone.example.net. TXT \"hello\"\n";
        Finding result = single(check(zone, "192.0.2.1"), "SPF_RESULT");
        assertEquals("SPF-resultat för 192.0.2.1 som skickar som example.com: permerror (\"include:gone.example.net\": "
                + "ingen SPF-post på gone.example.net; 1 DNS-uppslagning)", result.message(SWEDISH));
        assertEquals("Godkänn 192.0.2.1 i SPF-posten för example.com (eller rätta felet) om den här servern skickar "
                + "för domänen.", result.remediation(SWEDISH));
        Finding noRecord = single(check(zone, null), "SPF_INCLUDE_NO_RECORD");
        assertEquals("\"include:gone.example.net\" pekar på gone.example.net, som inte har någon SPF-post (namnet har "
                + "TXT-poster, men ingen av dem är en SPF-post): permerror för varje meddelande som når den här termen",
                noRecord.message(SWEDISH));
        Finding missing = single(check(zone, null), "SPF_SALESFORCE_INCLUDE_MISSING");
        assertEquals("The SPF of example.com does not include _spf.salesforce.com (needed if Salesforce sends without "
                + "Bounce Management)", missing.message());
        assertEquals("SPF för example.com innehåller inte _spf.salesforce.com (behövs om Salesforce skickar utan "
                + "Bounce Management)", missing.message(SWEDISH));
    }

    @Test
    void aMissingIncludeBesideAPassingRelayIpIsSaidInSwedish() {
        Finding missing = single(check("example.com. TXT \"v=spf1 ip4:198.51.100.25 -all\"\n", "198.51.100.25"),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        assertEquals("SPF för example.com innehåller inte _spf.salesforce.com. SPF för example.com ger pass för "
                + "198.51.100.25, den IP-adress som kontrollerades: om Salesforce skickar via Email Relay från "
                + "198.51.100.25 kontrollerar mottagarna den adressen, och SPF för example.com behöver inget mer för "
                + "den e-posten; om Salesforce skickar direkt (från sina egna servrar, utan Bounce Management) "
                + "kontrollerar mottagarna Salesforces servrar, och SPF för example.com måste innehålla "
                + "_spf.salesforce.com.", missing.message(SWEDISH));
        assertEquals("Bara om Salesforce skickar direkt, inte via Email Relay: Lägg till "
                + "\"include:_spf.salesforce.com\" före \"all\" i SPF-posten för example.com.",
                missing.remediation(SWEDISH));
    }
}
