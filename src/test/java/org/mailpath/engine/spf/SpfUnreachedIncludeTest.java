package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * An include of _spf.salesforce.com written only in a record that receivers never read: one that an include or a
 * redirect leads to which comes after a term matching every host (RFC 7208 §5.1: "Mechanisms after "all" will never
 * be tested"; §4.6.2: the first match ends the record), or a redirect beside an "all" (§5.1, §6.1: "Any "redirect"
 * modifier MUST be ignored if there is an "all" mechanism anywhere in the record"). The include is there but never
 * reached, and the finding says so and how to reach it, instead of "does not include … Add it". Reading those records
 * to see what they name is no evaluation: it costs no lookup and no void lookup (§4.6.4 counts the terms evaluated),
 * and a loop or a missing record among them is no error. Through a real resolver on loopback.
 */
class SpfUnreachedIncludeTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b
            .zone("salesforce.com", "@ SOA ns.x. h.x. 1 1 1 1 1\n_spf TXT \"v=spf1 ip4:13.108.0.0/14 -all\"\n")
            .zone("never.test", """
                    @ SOA ns.x. h.x. 1 1 1 1 1
                    after TXT "v=spf1 ip4:192.0.2.0/24 -all include:_spf.after.never.test"
                    _spf.after TXT "v=spf1 include:_spf.salesforce.com -all"
                    plus TXT "v=spf1 +all include:_spf.plus.never.test"
                    _spf.plus TXT "v=spf1 include:_spf.salesforce.com -all"
                    redirected TXT "v=spf1 include:_spf.other.never.test -all redirect=_spf.redirected.never.test"
                    _spf.other TXT "v=spf1 ip4:198.51.100.0/24 -all"
                    _spf.redirected TXT "v=spf1 include:_spf.salesforce.com -all"
                    direct TXT "v=spf1 redirect=_spf.salesforce.com -all"
                    deep TXT "v=spf1 -all include:_spf.deep.never.test"
                    _spf.deep TXT "v=spf1 ip4:203.0.113.0/24 include:_spf2.deep.never.test -all"
                    _spf2.deep TXT "v=spf1 include:_spf.salesforce.com ~all"
                    loop TXT "v=spf1 ip4:192.0.2.0/24 -all include:loop.never.test include:gone.never.test include:_spf.loop.never.test"
                    _spf.loop TXT "v=spf1 include:_spf.loop.never.test include:gone1.never.test include:gone2.never.test include:gone3.never.test -all"
                    """)
            .resolver("127.0.8.1"));

    private static List<Finding> check(String domain) {
        return new SpfCheck().run(DNS.context(domain)).findings();
    }

    private static List<Finding> check(String domain, SalesforceSending sending) {
        return new SpfCheck(sending).run(DNS.context(domain)).findings();
    }

    private static SpfEvaluation walk(String domain) {
        return new SpfEvaluator(DNS.lookup(Duration.ofSeconds(5)), Cancellation.none(), Optional.empty(),
                new SpfMacroContext("postmaster@" + domain, Optional.empty(), domain), false).evaluate(domain);
    }

    /** The include sits in a record that only an include after "-all" leads to: named, and the include to move. */
    @Test
    void anIncludeInARecordOnlyATermAfterAllLeadsToIsThereButNeverReached() {
        List<Finding> f = check("after.never.test", SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT);
        Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.ERROR);
        assertEquals("The SPF of after.never.test never reaches \"include:_spf.salesforce.com\" in the SPF record of "
                + "_spf.after.never.test, which only \"include:_spf.after.never.test\" leads to: \"-all\" in the SPF "
                + "record of after.never.test matches every server first, so Salesforce's servers get fail, not pass "
                + "(RFC 7208 §4.6.2: the first term that matches decides)", missing.message());
        assertEquals("Move \"include:_spf.after.never.test\" before \"-all\" in the SPF record of after.never.test.",
                missing.remediation());
        String state = single(f, "SPF_SALESFORCE").message();
        assertTrue(state.contains("the SPF of after.never.test names _spf.salesforce.com in \"include:"
                + "_spf.salesforce.com\" in the SPF record of _spf.after.never.test, which only \"include:"
                + "_spf.after.never.test\" leads to, but receivers never reach it"), state);
        assertFalse(state.contains("does not include"), state);
        assertTrue(missing.message(Locale.of("sv")).startsWith("SPF för after.never.test når aldrig \"include:"
                + "_spf.salesforce.com\" i SPF-posten för _spf.after.never.test"), missing.message(Locale.of("sv")));
        // the receiver agrees: Salesforce's address fails at "-all"
        Finding result = new SpfCheck().run(DNS.setup().withIp("13.108.0.1").context("after.never.test"))
                .findings().stream().filter(x -> x.code().equals("SPF_RESULT")).findFirst().orElseThrow();
        assertTrue(result.message().contains(": fail (matched \"-all\" in after.never.test"), result.message());
    }

    /** Two records below the include after "-all": still named, and the one term to move is that include. */
    @Test
    void anIncludeTwoRecordsBelowAnUnreachedIncludeIsFound() {
        Finding missing = single(check("deep.never.test"), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertTrue(missing.message().startsWith("The SPF of deep.never.test never reaches \"include:"
                + "_spf.salesforce.com\" in the SPF record of _spf2.deep.never.test, which only \"include:"
                + "_spf.deep.never.test\" leads to"), missing.message());
        assertEquals("Move \"include:_spf.deep.never.test\" before \"-all\" in the SPF record of deep.never.test.",
                missing.remediation());
    }

    /** Behind "+all" every server passes, Salesforce's too: no INCLUDE_MISSING, SPF_PLUS_ALL is the error. */
    @Test
    void anIncludeInARecordBehindPlusAllIsNotMissing() {
        List<Finding> f = check("plus.never.test", SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT);
        absent(f, "SPF_SALESFORCE_INCLUDE_MISSING");
        single(f, "SPF_PLUS_ALL", Severity.ERROR);
        String state = single(f, "SPF_SALESFORCE").message();
        assertTrue(state.contains("names _spf.salesforce.com in \"include:_spf.salesforce.com\" in the SPF record of "
                + "_spf.plus.never.test, which only \"include:_spf.plus.never.test\" leads to, but receivers never "
                + "reach it: \"+all\" in the SPF record of plus.never.test matches every server first, so it never "
                + "decides"), state);
    }

    /**
     * The include is in the record a redirect leads to, and the redirect stands beside "-all": receivers ignore it
     * (RFC 7208 §5.1, §6.1), so the fix is to drop the "-all" or to write the include before it, not to add it.
     */
    @Test
    void anIncludeBehindARedirectBesideAllIsThereButNeverFollowed() {
        List<Finding> f = check("redirected.never.test");
        single(f, "SPF_UNREACHABLE_TERMS", Severity.WARNING);
        Finding missing = single(f, "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertEquals("The SPF of redirected.never.test never reaches \"include:_spf.salesforce.com\" in the SPF "
                + "record of _spf.redirected.never.test, which only \"redirect=_spf.redirected.never.test\" leads to "
                + "(needed if Salesforce sends without Bounce Management): the SPF record of redirected.never.test has "
                + "\"-all\", and receivers ignore a redirect beside an \"all\" mechanism wherever it stands, so "
                + "Salesforce's servers get fail, not pass (RFC 7208 §5.1 and §6.1: a record with \"all\" is never "
                + "redirected)", missing.message());
        assertEquals("Remove \"-all\" from the SPF record of redirected.never.test, so that receivers follow "
                + "\"redirect=_spf.redirected.never.test\" for the servers no other term matches, or add "
                + "\"include:_spf.salesforce.com\" before \"-all\".", missing.remediation());
        assertTrue(single(f, "SPF_SALESFORCE").message().contains("receivers ignore a redirect beside an \"all\" "
                + "mechanism wherever it stands"), single(f, "SPF_SALESFORCE").message());
        assertEquals("Ta bort \"-all\" ur SPF-posten för redirected.never.test, så att mottagarna följer "
                + "\"redirect=_spf.redirected.never.test\" för de servrar som ingen annan term matchar, eller lägg till "
                + "\"include:_spf.salesforce.com\" före \"-all\".", missing.remediation(Locale.of("sv")));
    }

    /** A redirect to Salesforce itself, written before "-all": the "-all" does not come first, it cancels it. */
    @Test
    void aRedirectToSalesforceBeforeAllIsIgnoredNotOvertaken() {
        Finding missing = single(check("direct.never.test"), "SPF_SALESFORCE_INCLUDE_MISSING", Severity.WARNING);
        assertTrue(missing.message().startsWith("The SPF of direct.never.test never reaches "
                + "\"redirect=_spf.salesforce.com\" (needed if Salesforce sends without Bounce Management): the SPF "
                + "record of direct.never.test has \"-all\", and receivers ignore a redirect beside an \"all\" "
                + "mechanism wherever it stands"), missing.message());
        assertFalse(missing.message().contains("first"), missing.message());
        assertEquals("Remove \"-all\" from the SPF record of direct.never.test, so that receivers follow "
                + "\"redirect=_spf.salesforce.com\" for the servers no other term matches, or add "
                + "\"include:_spf.salesforce.com\" before \"-all\".", missing.remediation());
    }

    /**
     * Terms after "all" are not evaluated, so they cost nothing of §4.6.4's limits: not the record's include of itself,
     * not the includes of names that do not exist (void), not those of the records they lead to; and a loop or a
     * missing record there is not reported as one receivers meet.
     */
    @Test
    void unreachedIncludesCostNoLookupAndNoVoidLookup() {
        SpfEvaluation walk = walk("loop.never.test");
        assertEquals(0, walk.lookups());
        assertEquals(0, walk.voidLookups());
        assertFalse(walk.capped());
        List<Finding> f = check("loop.never.test");
        assertTrue(single(f, "SPF_LOOKUP_COUNT").message().contains("needs 0 of 10 DNS lookups in the worst case, "
                + "0 of them void"), single(f, "SPF_LOOKUP_COUNT").message());
        for (String code : List.of("SPF_INCLUDE_LOOP", "SPF_INCLUDE_NO_RECORD", "SPF_VOID_LOOKUPS",
                "SPF_TOO_MANY_LOOKUPS")) {
            absent(f, code);
        }
        single(f, "SPF_UNREACHABLE_TERMS", Severity.WARNING);
        // nor in a receiver's evaluation
        Finding result = single(new SpfCheck().run(DNS.setup().withIp("198.51.100.9").context("loop.never.test"))
                .findings(), "SPF_RESULT", Severity.ERROR);
        assertTrue(result.message().contains(": fail (matched \"-all\" in loop.never.test") && result.message()
                .contains("; 0 DNS lookups)"), result.message());
        // the include before "-all" is evaluated and counts; the ignored redirect and what it leads to do not
        SpfEvaluation redirected = walk("redirected.never.test");
        assertEquals(1, redirected.lookups());
        assertEquals(0, redirected.voidLookups());
    }

    /**
     * A long chain behind the unreached include is read up to {@link SpfUnreachedTargets#READ_CAP} records, no
     * further: a record cannot make the walk ask for more than that for terms no receiver evaluates.
     */
    @Test
    void theRecordsBehindUnreachedTermsAreReadWithinABound() {
        StringBuilder zone = new StringBuilder("example.com. TXT \"v=spf1 -all include:c0.example.net\"\n");
        for (int i = 0; i < 30; i++) {
            zone.append("c").append(i).append(".example.net. TXT \"v=spf1 include:c").append(i + 1)
                    .append(".example.net -all\"\n");
        }
        FakeDns dns = FakeDns.of(zone.toString());
        SpfEvaluation walk = new SpfEvaluator(dns, Cancellation.none(), Optional.empty(),
                new SpfMacroContext("postmaster@example.com", Optional.empty(), "example.com"), false)
                .evaluate("example.com");
        assertEquals(1 + SpfUnreachedTargets.READ_CAP, dns.queryCount(), dns.queries().toString());
        assertEquals(0, walk.lookups());
        assertTrue(walk.unreachedTargets().containsKey("c10.example.net"), walk.unreachedTargets().keySet().toString());
        assertEquals("include:c0.example.net", walk.unreachedTargets().get("c10.example.net").term().text());
    }
}
