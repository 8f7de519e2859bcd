package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/**
 * Which hosts receive a domain's mail, in every case the checks used to read each in their own way. Sources:
 * RFC 5321 §5.1 (https://www.rfc-editor.org/rfc/rfc5321#section-5.1), RFC 7505 §3
 * (https://www.rfc-editor.org/rfc/rfc7505#section-3), Postfix vdukhovni/postfix postfix/src/dns/dns_lookup.c
 * (an MX target "." makes the whole lookup DNS_NULLMX) and postfix/src/smtp/smtp_addr.c (a numeric MX target is
 * used as an address), Exim Exim/exim src/src/host.c (duplicate MX hosts: the lower preference is kept) and
 * https://github.com/Exim/exim/wiki/Q0302 (MX targets that are addresses are refused unless allow_mx_to_ip).
 */
class MailHostsTest {

    private static MailHosts of(String zone) {
        return of(FakeDns.of(zone));
    }

    private static MailHosts of(FakeDns dns) {
        return MailHosts.of("example.com", mx(dns));
    }

    private static DnsAnswer mx(FakeDns dns) {
        return dns.lookup("example.com", Type.MX, Cancellation.none());
    }

    private static MailHosts.Hosts hosts(String zone) {
        return assertInstanceOf(MailHosts.Hosts.class, of(zone));
    }

    @Test
    void mxHostsByPreferenceThenName() {
        MailHosts.Hosts h = hosts("""
                example.com. MX 20 b.example.net.
                example.com. MX 10 z.example.net.
                example.com. MX 20 a.example.net.
                """);
        assertEquals(List.of("z.example.net", "a.example.net", "b.example.net"), h.names());
        assertEquals(List.of(10, 20, 20), h.hosts().stream().map(MailHost::preference).toList());
        assertFalse(h.implicit());
        assertFalse(h.nullMxBeside());
        assertEquals("z.example.net.", h.hosts().getFirst().record().orElseThrow().getTarget().toString());
    }

    @Test
    void tiesAreOrderedByNameWithoutRegardToCase() {
        // "MX3" sorted before "mx1" while names were compared as written
        MailHosts.Hosts h = hosts("""
                example.com. MX 10 MX3.example.com.
                example.com. MX 10 mx1.example.com.
                example.com. MX 10 Mx2.example.com.
                """);
        assertEquals(List.of("mx1.example.com", "mx2.example.com", "mx3.example.com"), h.names());
    }

    @Test
    void noSuchDomain() {
        FakeDns dns = FakeDns.of("example.net. MX 10 mx.example.net.\n");
        DnsAnswer answer = mx(dns);
        assertSame(answer, assertInstanceOf(MailHosts.NoSuchDomain.class, MailHosts.of("example.com", answer))
                .answer());
    }

    @Test
    void aFailedQuestionIsNoAnswer() {
        for (DnsStatus status : List.of(DnsStatus.SERVFAIL, DnsStatus.TIMEOUT, DnsStatus.REFUSED, DnsStatus.ERROR)) {
            FakeDns dns = FakeDns.of("example.com. MX 10 mx.example.com.\n").fail("example.com", Type.MX, status);
            assertInstanceOf(MailHosts.LookupFailed.class, of(dns), status.toString());
        }
    }

    @Test
    void aNullMxAloneAtAnyPreference() {
        for (String zone : List.of("example.com. MX 0 .\n", "example.com. MX 10 .\n",
                "example.com. MX 0 .\nexample.com. MX 10 .\n")) {
            assertInstanceOf(MailHosts.NullMx.class, of(zone), zone);
        }
    }

    @Test
    void aNullMxBesideOtherHostsLeavesTheOthersAndSaysSo() {
        MailHosts.Hosts h = hosts("""
                example.com. MX 0 .
                example.com. MX 20 mx2.example.com.
                example.com. MX 10 mx.example.com.
                """);
        assertEquals(List.of("mx.example.com", "mx2.example.com"), h.names());
        assertTrue(h.nullMxBeside());
        assertFalse(h.implicit());
    }

    @Test
    void noMxMakesTheDomainItsOwnHostWhetherOrNotItHasAnAddress() {
        // RFC 5321 §5.1: the implicit MX exists for every domain without MX records; whether it is usable (has an
        // address) is what each check then finds out
        for (String zone : List.of("example.com. A 192.0.2.1\n", "example.com. TXT \"no address\"\n")) {
            MailHosts.Hosts h = hosts(zone);
            assertEquals(List.of(new MailHost("example.com", 0, Optional.empty())), h.hosts(), zone);
            assertTrue(h.implicit(), zone);
            assertFalse(h.nullMxBeside(), zone);
        }
        MailHosts.Hosts spelled = assertInstanceOf(MailHosts.Hosts.class,
                MailHosts.of("Example.COM.", mx(FakeDns.of("example.com. A 192.0.2.1\n"))));
        assertEquals(List.of("example.com"), spelled.names());
    }

    @Test
    void anIpLiteralTargetIsAHostMarkedAsSuch() {
        MailHosts.Hosts h = hosts("""
                example.com. MX 10 192.0.2.1.
                example.com. MX 20 mx.example.com.
                """);
        assertEquals(List.of("192.0.2.1", "mx.example.com"), h.names());
        assertEquals(List.of(true, false), h.hosts().stream().map(MailHost::ipLiteral).toList());
        assertEquals(List.of("mx.example.com"), h.withoutIpLiterals().names());
    }

    @Test
    void aCnameTargetIsKeptAsNamed() {
        // the MX names an alias (RFC 2181 §10.3 forbids it); senders follow it, the checks say so after their A
        // and AAAA questions: the host is the name the MX record gives
        MailHosts.Hosts h = hosts("""
                example.com. MX 10 alias.example.com.
                alias.example.com. CNAME mx.example.net.
                mx.example.net. A 192.0.2.1
                """);
        assertEquals(List.of("alias.example.com"), h.names());
    }

    @Test
    void aDomainThatIsACnameGetsItsTargetsHosts() {
        MailHosts.Hosts h = hosts("""
                example.com. CNAME example.net.
                example.net. MX 10 mx.example.net.
                """);
        assertEquals(List.of("mx.example.net"), h.names());
    }

    @Test
    void aHostNamedTwiceIsTriedOnceAtItsBestPreference() {
        MailHosts.Hosts h = hosts("""
                example.com. MX 30 MX.Example.com.
                example.com. MX 10 mx.example.com.
                example.com. MX 20 backup.example.com.
                """);
        assertEquals(List.of("mx.example.com", "backup.example.com"), h.names());
        assertEquals(List.of(10, 20), h.hosts().stream().map(MailHost::preference).toList());
    }

    @Test
    void theFirstHostsByPreference() {
        StringBuilder zone = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            zone.append("example.com. MX ").append(i).append(" mx").append(i).append(".example.com.\n");
        }
        MailHosts.Hosts h = hosts(zone.toString());
        assertEquals(25, h.hosts().size());
        assertEquals(List.of("mx1.example.com", "mx2.example.com", "mx3.example.com"), h.first(3).names());
        assertSame(h, h.first(25));
        assertEquals(25, h.first(100).hosts().size());
    }
}
