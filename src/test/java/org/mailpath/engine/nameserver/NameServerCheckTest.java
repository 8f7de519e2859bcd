package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.dns.TestDnsServer;

/** The name-server check against the loopback test DNS network. */
class NameServerCheckTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> b
            .zone("alias.test", """
                    @   SOA ns.alias.test. h.alias.test. 1 3600 600 86400 300
                    @   NS  ns.alias.test.
                    @   NS  ns2.alias.test.
                    ns  A   127.0.1.30
                    ns2 A   127.1.1.32
                    www CNAME good.test.
                    """)
            .zone("samehost.test", """
                    @ SOA a.samehost.test. h.samehost.test. 1 3600 600 86400 300
                    @ NS  a.samehost.test.
                    @ NS  b.samehost.test.
                    a A   127.0.1.31
                    b A   127.0.1.31
                    """)
            .zone("nsalias.test", """
                    @   SOA ns1.nsalias.test. h.nsalias.test. 1 3600 600 86400 300
                    @   NS  ns1.nsalias.test.
                    @   NS  dns.nsalias.test.
                    ns1 A   127.0.1.33
                    dns CNAME ns2.nsalias.test.
                    ns2 A   127.0.1.34
                    """)
            .zone("halfhost.test", """
                    @ SOA a.halfhost.test. h.halfhost.test. 1 3600 600 86400 300
                    @ NS  a.halfhost.test.
                    @ NS  b.halfhost.test.
                    a A   127.0.1.35
                    """)
            .zone("onedead.test", """
                    @   SOA ns1.onedead.test. h.onedead.test. 1 3600 600 86400 300
                    @   NS  ns1.onedead.test.
                    @   NS  ns2.onedead.test.
                    @   NS  ns3.onedead.test.
                    ns1 A   127.0.1.36
                    ns2 A   127.1.1.37
                    ns3 A   127.2.1.38
                    """)
            .zone("alldead.test", """
                    @   SOA ns1.alldead.test. h.alldead.test. 1 3600 600 86400 300
                    @   NS  ns1.alldead.test.
                    @   NS  ns2.alldead.test.
                    ns1 A   127.0.1.39
                    ns2 A   127.1.1.39
                    """)
            .zone("onehost.test", """
                    @   SOA ns1.onehost.test. h.onehost.test. 1 3600 600 86400 300
                    @   NS  ns1.onehost.test.
                    ns1 A   127.0.1.44
                    ns1 A   127.2.1.45
                    """)
            .authoritative("127.0.1.44", "onehost.test")
            .authoritative("127.0.1.36", "onedead.test")
            .authoritative("127.1.1.37", "onedead.test")
            .authoritative("127.0.1.35", "halfhost.test")
            .authoritative("127.0.1.33", "nsalias.test")
            .authoritative("127.0.1.34", "nsalias.test")
            .authoritative("127.0.1.30", "alias.test")
            .authoritative("127.1.1.32", "alias.test")
            .authoritative("127.0.1.31", "samehost.test"));

    static List<Finding> check(String domain) {
        return new NameServerCheck().run(DNS.context(domain)).findings();
    }

    @Test
    void aDomainThatIsACnameIsCheckedInTheZoneHoldingIt() {
        // www.alias.test CNAME good.test: the NS set the resolver returns is good.test's, whose servers do not
        // serve www.alias.test; the zone to test is alias.test
        List<Finding> f = check("www.alias.test");
        absent(f, "NS_LAME");
        Finding ok = single(f, "NS_OK");
        assertTrue(ok.message().startsWith("The zone alias.test is served by ns.alias.test, ns2.alias.test;"),
                ok.message());
    }

    @Test
    void aSingleNameServerIsTooFew() {
        Finding f = single(check("edns.test"), "NS_TOO_FEW", Severity.WARNING);
        assertEquals("The zone edns.test has only one name server, ns.edns.test: when it is down or unreachable,"
                + " edns.test and its mail addresses cannot be resolved at all.", f.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.evidence().getFirst().contains("edns.test NS"), f.evidence().toString());
        absent(check("good.test"), "NS_TOO_FEW");
    }

    @Test
    void theFindingsAreWordedInSwedishToo() {
        Locale swedish = Locale.of("sv");
        Finding tooFew = single(check("samehost.test"), "NS_TOO_FEW");
        assertEquals("Zonen samehost.test har 2 namnservrar (a.samehost.test, b.samehost.test) men bara en adress"
                + " för dem alla, 127.0.1.31: när den är nere eller onåbar kan samehost.test och dess e-postadresser"
                + " inte slås upp alls.", tooFew.message(swedish));
        assertTrue(tooFew.remediation(swedish).startsWith("Lägg till minst en namnserver till i ett annat nät"),
                tooFew.remediation(swedish));
        Finding alias = single(check("nsalias.test"), "NS_CNAME");
        assertTrue(alias.message(swedish).startsWith("Namnservernamnet dns.nsalias.test är ett alias (CNAME) för"
                + " ns2.nsalias.test."), alias.message(swedish));
        Finding ok = single(check("www.alias.test"), "NS_OK");
        assertEquals("Zonen alias.test betjänas av ns.alias.test, ns2.alias.test; varje adress svarar auktoritativt"
                + " över UDP och TCP.", ok.message(swedish));
    }

    @Test
    void twoNamesOfOneAddressAreTooFew() {
        Finding f = single(check("samehost.test"), "NS_TOO_FEW");
        assertTrue(f.message().contains("2 name servers (a.samehost.test, b.samehost.test) but only one address"
                + " among them, 127.0.1.31"), f.message());
    }

    @Test
    void aNameServerNameThatIsAnAliasIsSaid() {
        List<Finding> f = check("nsalias.test");
        Finding alias = single(f, "NS_CNAME", Severity.WARNING);
        assertEquals("dns.nsalias.test", alias.subject());
        assertTrue(alias.message().startsWith("The name server name dns.nsalias.test is an alias (CNAME) of"
                + " ns2.nsalias.test;"), alias.message());
        assertTrue(alias.evidence().stream().anyMatch(l -> l.contains("CNAME")), alias.evidence().toString());
        absent(check("good.test"), "NS_CNAME");
    }

    @Test
    void twoNamesOfWhichOneHasNoAddressAreTooFew() {
        List<Finding> f = check("halfhost.test");
        single(f, "NS_NO_ADDRESS");
        assertTrue(single(f, "NS_TOO_FEW").message().contains("2 name servers (a.halfhost.test, b.halfhost.test) but"
                + " only one address among them, 127.0.1.35"), f.toString());
    }

    @Test
    void aTruncatedUdpAnswerIsNotALameDelegation() {
        // TC on every UDP answer (as response-rate limiting does); the same question over TCP is answered
        DNS.behave(TestDnsNetwork.EDNS_SERVER, TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE);
        List<Finding> f = check("edns.test");
        absent(f, "NS_LAME");
        absent(f, "NS_UNREACHABLE");
        absent(f, "NS_NO_TCP");
    }

    /**
     * One dead server of three: resolvers ask the others (RFC 1035 §7.2), so lookups slow down but succeed, a WARNING
     * as Zonemaster rates a server that does not respond (CN01_NO_RESPONSE_UDP, B02_NS_NO_RESPONSE). No server that
     * answers at all: nothing resolves, an ERROR (Zonemaster's B02_NO_WORKING_NS is CRITICAL).
     */
    @Test
    void aDeadServerIsAnErrorOnlyWhenNoOtherAnswers() {
        Finding one = single(check("onedead.test"), "NS_UNREACHABLE", Severity.WARNING);
        assertEquals("ns3.onedead.test (127.2.1.38)", one.subject());
        assertEquals("The name server ns3.onedead.test (127.2.1.38) does not answer over UDP or TCP. The zone's other"
                + " name servers answer, so resolvers that get no answer from it ask them: lookups take longer, but"
                + " succeed.", one.message());
        assertEquals("Namnservern ns3.onedead.test (127.2.1.38) svarar varken över UDP eller TCP. Zonens övriga"
                + " namnservrar svarar, så resolvrar som inte får svar från den frågar dem: uppslagningarna tar längre"
                + " tid, men lyckas.", one.message(Locale.of("sv")));
        assertEquals("Bring the server back or remove it from the NS set (at the registrar and in the zone).",
                one.remediation());
        // one name server, one of its two addresses dead: it is the same server that answers, at its other address
        Finding sameServer = single(check("onehost.test"), "NS_UNREACHABLE", Severity.WARNING);
        assertEquals("The name server ns1.onehost.test (127.2.1.45) does not answer over UDP or TCP. ns1.onehost.test"
                + " answers at its other address 127.0.1.44, so resolvers that get no answer here ask it there:"
                + " lookups take longer, but succeed.", sameServer.message());
        assertEquals("Namnservern ns1.onehost.test (127.2.1.45) svarar varken över UDP eller TCP. ns1.onehost.test"
                + " svarar på sin andra adress 127.0.1.44, så resolvrar som inte får svar här frågar den där:"
                + " uppslagningarna tar längre tid, men lyckas.", sameServer.message(Locale.of("sv")));
        List<Finding> all = check("alldead.test");
        assertEquals(2, all.stream().filter(f -> f.code().equals("NS_UNREACHABLE")).count(), all.toString());
        assertTrue(all.stream().filter(f -> f.code().equals("NS_UNREACHABLE")).allMatch(f -> f.severity()
                == Severity.ERROR && f.message().endsWith("does not answer over UDP or TCP.")), all.toString());
    }
}
