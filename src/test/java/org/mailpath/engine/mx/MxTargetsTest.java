package org.mailpath.engine.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** What the MX check says about its targets: one that does not exist, a null MX alone or among others, IPv6 only. */
class MxTargetsTest {

    private static final Locale SWEDISH = Locale.of("sv");

    private static List<Finding> check(String zone) {
        return check(FakeDns.of(zone));
    }

    private static List<Finding> check(FakeDns dns) {
        return dns.run(new MxCheck(), "example.com", FakeDns.options(null, List.of(), List.of()));
    }

    @Test
    void aTargetThatDoesNotExistIsSaidSo() {
        Finding f = single(check("example.com. MX 10 mx.nowhere.example.net.\n"), "MX_NO_ADDRESS", Severity.ERROR);
        assertEquals("The MX target mx.nowhere.example.net does not exist (NXDOMAIN), so no mail can be delivered"
                + " to it.", f.message());
        assertTrue(f.remediation().contains("a typo in the host name?"), f.remediation());
        assertEquals("MX-målet mx.nowhere.example.net finns inte (NXDOMAIN), så ingen e-post kan levereras dit.",
                f.message(SWEDISH));
        // a name that exists without addresses keeps the old wording
        Finding noAddress = single(check("""
                example.com. MX 10 mx.example.com.
                mx.example.com. TXT "exists"
                """), "MX_NO_ADDRESS", Severity.ERROR);
        assertEquals("The MX target mx.example.com has no A or AAAA record, so no mail can be delivered to it.",
                noAddress.message());
    }

    @Test
    void aNullMxAmongOthersIsReportedAndTheOthersAreExamined() {
        List<Finding> f = check("""
                example.com. MX 0 .
                example.com. MX 10 mx.example.com.
                example.com. MX 20 mx2.example.com.
                mx.example.com. A 10.0.0.25
                mx2.example.com. A 192.0.2.25
                """);
        Finding mixed = single(f, "MX_NULL", Severity.ERROR);
        assertEquals("example.com", mixed.subject());
        assertTrue(mixed.message().startsWith("example.com mixes a null MX (RFC 7505, \"accepts no mail\") with other"
                + " MX records, which RFC 7505 §3 forbids"), mixed.message());
        single(f, "MX_PRIVATE_ADDRESS", Severity.ERROR);
        absent(f, "MX_OK");
    }

    @Test
    void aNullMxAloneIsTheOnlyFindingAndNothingMoreIsAsked() {
        // MX 0 . as RFC 7505 writes it, and MX 10 .: the preference does not matter
        for (String zone : List.of("example.com. MX 0 .\n", "example.com. MX 10 .\n")) {
            FakeDns alone = FakeDns.of(zone);
            assertEquals(List.of("MX_NULL"), check(alone).stream().map(Finding::code).toList(), zone);
            assertEquals(List.of("example.com MX"), alone.queries(), zone);
        }
    }

    @Test
    void anIpv6OnlyTargetBesideAnIpv4OneIsANote() {
        List<Finding> f = check("""
                example.com. MX 10 mx6.example.com.
                example.com. MX 20 mx4.example.com.
                mx6.example.com. AAAA 2001:db8::25
                mx4.example.com. A 192.0.2.25
                """);
        Finding note = single(f, "MX_IPV6_ONLY", Severity.INFO);
        assertEquals("mx6.example.com", note.subject());
        assertEquals("The MX target mx6.example.com has IPv6 addresses only (AAAA, no A record): senders without "
                + "IPv6 cannot reach it and deliver to the other MX hosts.", note.message());
        single(f, "MX_OK", Severity.OK);
    }

    @Test
    void onlyIpv6TargetsAreAWarning() {
        List<Finding> f = check("""
                example.com. MX 10 mx6.example.com.
                mx6.example.com. AAAA 2001:db8::25
                """);
        Finding warning = single(f, "MX_IPV6_ONLY", Severity.WARNING);
        assertEquals("The MX target mx6.example.com has IPv6 addresses only (AAAA, no A record), and no MX host of "
                + "example.com has an IPv4 address: senders without IPv6 cannot deliver mail to example.com at all.",
                warning.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, warning.actor());
        assertTrue(warning.message(SWEDISH).startsWith("MX-målet mx6.example.com har bara IPv6-adresser"),
                warning.message(SWEDISH));
        assertTrue(warning.evidence().stream().anyMatch(l -> l.contains("AAAA") && l.contains("2001:db8:")),
                warning.evidence().toString());
        absent(f, "MX_OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "198.18.0.1", "240.0.0.1", "192.0.0.8", "fec0::25", "2001:2::25"})
    void aTargetAtABenchmarkingOrReservedAddressIsReportedLikeOneAtAPrivateAddress(String address) {
        // one table (SpecialAddresses) for the MX and blocklist checks: 198.18.0.0/15 (benchmarking) and 240.0.0.0/4
        // (reserved) were public here while the blocklist check already knew them unreachable
        String type = address.contains(":") ? "AAAA" : "A";
        List<Finding> f = check("example.com. MX 10 mx.example.com.\nmx.example.com. " + type + " " + address + "\n");
        Finding hidden = single(f, "MX_PRIVATE_ADDRESS", Severity.ERROR);
        assertEquals("The MX target mx.example.com resolves to " + address + ", an address that cannot be reached from"
                + " the internet (private, loopback, link-local or reserved).", hidden.message());
        assertEquals("MX-målet mx.example.com pekar på " + address + ", en adress som inte kan nås från internet"
                + " (privat, loopback, link-local eller reserverad).", hidden.message(SWEDISH));
        absent(f, "MX_OK");
        absent(f, "MX_IPV6_ONLY");
        // and the implicit MX of a domain without MX records
        Finding implicit = single(check("example.com. " + type + " " + address + "\n"), "MX_PRIVATE_ADDRESS",
                Severity.ERROR);
        assertEquals("The implicit MX of example.com resolves to a non-public address: " + address + ".",
                implicit.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.17.255.255", "198.20.0.0", "192.0.0.9", "192.0.1.0", "2001:2:1::25"})
    void aTargetJustOutsideThoseRangesIsNot(String address) {
        String type = address.contains(":") ? "AAAA" : "A";
        List<Finding> f = check("example.com. MX 10 mx.example.com.\nmx.example.com. " + type + " " + address + "\n");
        absent(f, "MX_PRIVATE_ADDRESS");
    }

    @Test
    void aFailedIpv4QuestionIsNoProofOfIpv6Only() {
        FakeDns dns = FakeDns.of("""
                example.com. MX 10 mx6.example.com.
                mx6.example.com. AAAA 2001:db8::25
                """).fail("mx6.example.com", Type.A, DnsStatus.SERVFAIL);
        absent(check(dns), "MX_IPV6_ONLY");
        // a private IPv6 address is MX_PRIVATE_ADDRESS, not a reachable IPv6-only host
        List<Finding> privateOnly = check("""
                example.com. MX 10 mx6.example.com.
                mx6.example.com. AAAA fd00::25
                """);
        single(privateOnly, "MX_PRIVATE_ADDRESS");
        absent(privateOnly, "MX_IPV6_ONLY");
    }

    @Test
    void aHostNamedByTwoRecordsIsExaminedOnce() {
        // it was examined per record: asked twice and reported twice; senders try a host once (Exim's
        // host_find_bydns keeps its lower preference: Exim/exim src/src/host.c)
        FakeDns dns = FakeDns.of("""
                example.com. MX 10 mx.example.com.
                example.com. MX 20 MX.Example.com.
                """);
        List<Finding> f = check(dns);
        assertEquals(List.of("MX_NO_ADDRESS"), f.stream().map(Finding::code).toList());
        assertEquals(List.of("example.com MX", "mx.example.com A", "mx.example.com AAAA"),
                dns.queries().stream().sorted().toList());
        Finding ok = single(check("""
                example.com. MX 10 mx.example.com.
                example.com. MX 20 mx.example.com.
                mx.example.com. A 192.0.2.25
                """), "MX_OK", Severity.OK);
        assertEquals("example.com receives mail at 10 mx.example.com.", ok.message());
    }

    @Test
    void tooManyCountsThePublishedRecordsAndEachHostIsExaminedOnce() {
        StringBuilder zone = new StringBuilder("mx.example.com. A 192.0.2.25\n");
        for (int i = 0; i < 25; i++) {
            zone.append("example.com. MX ").append(i).append(" mx.example.com.\n");
        }
        FakeDns dns = FakeDns.of(zone.toString());
        Finding tooMany = single(check(dns), "MX_TOO_MANY", Severity.WARNING);
        assertEquals("example.com publishes 25 MX records; only the 20 most preferred were checked.",
                tooMany.message());
        assertEquals(List.of("example.com MX", "mx.example.com A", "mx.example.com AAAA"),
                dns.queries().stream().sorted().toList());
    }
}
