package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The delegation from the parent zone: glue.test's server (scripted, 127.0.9.20) refers child.glue.test to
 * ns1 and ns2 inside it; the child's own servers (127.0.9.21 and 127.1.9.22, two networks) and the resolver are
 * the in-process test server.
 */
class GlueTest {

    private static final String CHILD = """
            @   SOA ns1.child.glue.test. h.child.glue.test. 1 3600 600 86400 300
            @   NS  ns1.child.glue.test.
            @   NS  ns2.child.glue.test.
            ns1 A   127.0.9.21
            ns2 A   127.1.9.22
            """;

    /** The parent's referral, with glue for the given in-zone servers only. */
    private static Message referral(Message q, boolean aa, String... glued) {
        return referral(q, aa, List.of("ns1.child.glue.test.", "ns2.child.glue.test."), glued);
    }

    private static Message referral(Message q, boolean aa, List<String> names, String... glued) {
        if (q.getQuestion().getType() != Type.NS || !q.getQuestion().getName().toString().equals("child.glue.test.")) {
            return ScriptedDnsServer.reply(q, Rcode.REFUSED);
        }
        Message r = ScriptedDnsServer.reply(q, Rcode.NOERROR);
        for (String ns : names) {
            r.addRecord(ScriptedDnsServer.record("child.glue.test. NS " + ns), Section.AUTHORITY);
        }
        for (String ns : glued) {
            String address = ns.equals("ns1") ? "127.0.9.21" : "127.1.9.22";
            r.addRecord(ScriptedDnsServer.record(ns + ".child.glue.test. A " + address), Section.ADDITIONAL);
        }
        if (aa) {
            r.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        }
        return r;
    }

    private static List<Finding> check(ScriptedDnsServer.Handler parent) throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("glue.test", "@ SOA ns.glue.test. h.glue.test. 1 3600 600 86400 300\n@ NS ns.glue.test.\n"
                        + "ns A 127.0.9.20\n")
                .zone("child.glue.test", CHILD)
                .resolver("127.0.9.19")
                .authoritative("127.0.9.21", "child.glue.test")
                .authoritative("127.1.9.22", "child.glue.test").start();
             ScriptedDnsServer parentServer = new ScriptedDnsServer("127.0.9.20", dns.port(), parent)) {
            return new NameServerCheck().run(CheckSetup.of(dns).context("child.glue.test")).findings();
        }
    }

    @Test
    void anInZoneServerWithoutGlueIsSaid() throws Exception {
        List<Finding> f = check((q, tcp) -> referral(q, false, "ns1"));
        Finding glue = single(f, "NS_GLUE_MISSING", Severity.WARNING);
        assertEquals("The parent zone's delegation of child.glue.test names ns2.child.glue.test, inside"
                + " child.glue.test itself, without its address (glue): resolvers cannot reach that server and rely"
                + " on the others.", glue.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, glue.actor());
        assertTrue(glue.evidence().stream().anyMatch(l -> l.startsWith(";; child.glue.test. NS (no recursion")
                && l.contains("127.0.9.20")), glue.evidence().toString());
        assertTrue(glue.evidence().stream().anyMatch(l -> l.contains("ns1.child.glue.test.") && l.contains("A")
                && l.contains("127.0.9.21")), glue.evidence().toString());
        absent(f, "NS_OK");
    }

    @Test
    void noGlueAtAllMeansTheZoneCannotBeResolved() throws Exception {
        single(check((q, tcp) -> referral(q, false)), "NS_GLUE_MISSING", Severity.ERROR);
    }

    @Test
    void fullGlueIsFine() throws Exception {
        List<Finding> f = check((q, tcp) -> referral(q, false, "ns1", "ns2"));
        absent(f, "NS_GLUE_MISSING");
        single(f, "NS_OK");
    }

    @Test
    void theParentAndTheZoneListingOtherServersIsSaid() throws Exception {
        List<Finding> f = check((q, tcp) -> referral(q, false, List.of("ns1.child.glue.test.", "old.dns.example."),
                "ns1"));
        absent(f, "NS_GLUE_MISSING");
        Finding mismatch = single(f, "NS_PARENT_CHILD_MISMATCH", Severity.WARNING);
        assertEquals("The name servers of child.glue.test differ between its delegation and the zone: only the"
                + " parent zone (the registrar's delegation) lists old.dns.example; only the zone itself lists"
                + " ns2.child.glue.test. Resolvers use one list or the other, so a stale entry sends some of them to"
                + " a wrong server.", mismatch.message());
        // the two sides are phrases inside the sentence: they are shown in the same language
        assertEquals("Namnservrarna för child.glue.test skiljer sig mellan delegeringen och zonen: bara den"
                + " överordnade zonen (registratorns delegering) listar old.dns.example; bara zonen själv listar"
                + " ns2.child.glue.test. Resolvrar använder den ena eller den andra listan, så en inaktuell post"
                + " skickar en del av dem till fel server.", mismatch.message(Locale.of("sv")));
        assertEquals("Gör NS-posterna hos domänregistratorn och i zonen child.glue.test till samma lista.",
                mismatch.remediation(Locale.of("sv")));
        assertTrue(mismatch.evidence().stream().anyMatch(l -> l.matches("child\\.glue\\.test\\.\\s+300\\s+IN\\s+NS"
                + "\\s+old\\.dns\\.example\\.")),
                mismatch.evidence().toString());
        absent(check((q, tcp) -> referral(q, false, "ns1", "ns2")), "NS_PARENT_CHILD_MISMATCH");
    }

    @Test
    void anAuthoritativeAnswerInsteadOfAReferralIsNoEvidence() throws Exception {
        List<Finding> f = check((q, tcp) -> referral(q, true, List.of("other.dns.example.")));
        absent(f, "NS_GLUE_MISSING");
        absent(f, "NS_PARENT_CHILD_MISMATCH");
    }
}
