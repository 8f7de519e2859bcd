package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.codes;
import static org.mailpath.engine.smtp.SmtpProbeFakeServerTest.finding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.smtp.TargetResolver.Resolution;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/** Which addresses get probed (MX order, implicit MX, null MX, DNS failures), reverse DNS, and connect failures. */
class SmtpProbeTargetsTest {

    static SmtpProbeOptions.Builder options(int port) {
        return SmtpProbeOptions.builder().port(port).heloName("probe.mailpath.test")
                .connectTimeout(SmtpProbeFakeServerTest.GENEROUS).bannerLimit(SmtpProbeFakeServerTest.GENEROUS)
                .commandTimeout(SmtpProbeFakeServerTest.GENEROUS);
    }

    static ProbeReport probe(FakeDns dns, SmtpProbeOptions options, String... inputs) {
        return new SmtpProbe(dns, options, ReplyDecoder.NONE).probe(List.of(inputs), SmtpProbeListener.NONE,
                Cancellation.none());
    }

    /** Resolves targets on port 25 with a hosts file that names nothing (there is none at that path). */
    static TargetResolver resolver(DnsLookup dns) {
        return new TargetResolver(dns, new HostsFileParser(Path.of("no-such-hosts-file")), 25);
    }

    static List<String> runCodes(ProbeReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    @Test
    void mxHostsInPreferenceOrderWithEveryAddress() throws Exception {
        FakeDns dns = new FakeDns()
                .add("example.test", Type.MX, "20 backup.example.test.")
                .add("example.test", Type.MX, "10 mx1.example.test.")
                .add("mx1.example.test", Type.A, "127.0.0.1")
                .add("mx1.example.test", Type.AAAA, "::1")
                .add("backup.example.test", Type.A, "127.0.0.2");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            List<ProbeTarget> seen = new ArrayList<>();
            ProbeReport report = new SmtpProbe(dns, options(server.port()).build(), ReplyDecoder.NONE)
                    .probe(List.of("example.test"), new SmtpProbeListener() {
                        @Override
                        public void targetsResolved(List<ProbeTarget> targets) {
                            seen.addAll(targets);
                        }
                    }, Cancellation.none());
            assertEquals(List.of("mx1.example.test 127.0.0.1 10", "mx1.example.test ::1 10",
                    "backup.example.test 127.0.0.2 20"), seen.stream()
                    .map(t -> t.host() + " " + t.addressText() + " " + t.preference().orElseThrow()).toList());
            assertEquals(3, report.targets().size());
            // the fake server listens on 127.0.0.1 only: the others fail in their own way, not as a hang
            assertTrue(codes(report.targets().get(0)).contains(SmtpCodes.SMTP_CAPABILITIES));
        }
    }

    @Test
    void implicitMxWhenTheDomainHasNone() throws Exception {
        FakeDns dns = new FakeDns().add("example.test", Type.A, "127.0.0.1").add("example.test", Type.TXT, "\"x\"");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            ProbeReport report = probe(dns, options(server.port()).build(), "someone@Example.test");
            assertEquals("example.test", report.targets().getFirst().target().host());
            assertTrue(report.targets().getFirst().target().preference().isEmpty());
        }
    }

    /**
     * A '[HOST]' whose address questions fail is a server whose address cannot be found, not "the mail servers" of a
     * recipient whose DNS Salesforce logs as 554 5.4.4; an MX host whose address questions fail keeps that wording.
     */
    @Test
    void aNamedHostWhoseAddressLookupFailsIsWordedForThatServer() {
        FakeDns dns = new FakeDns().add("example.test", Type.MX, "10 mx.broken.test.")
                .fail("mx.broken.test", DnsStatus.SERVFAIL);
        ProbeReport report = probe(dns, options(25).build(), "[mx.broken.test]", "example.test");
        assertEquals(List.of(SmtpCodes.SMTP_DNS_FAILED, SmtpCodes.SMTP_DNS_FAILED), runCodes(report));
        Finding named = report.inputs().get(0).findings().getFirst();
        assertEquals("The DNS question mx.broken.test A/AAAA failed (no answer), so the server's address cannot be"
                + " found.", named.message());
        assertEquals("The DNS servers of the zone that holds mx.broken.test must answer this question; meanwhile the"
                + " server can be probed by its IP address.", named.remediation());
        assertEquals("DNS-frågan mx.broken.test A/AAAA misslyckades (inget svar), så serverns adress kan inte"
                + " hittas.", named.message(java.util.Locale.of("sv")));
        assertFalse(named.remediation().contains("5.4.4") || named.message().contains("mail servers"),
                named.toString());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, named.actor());
        Finding mxHost = report.inputs().get(1).findings().getFirst();
        assertTrue(mxHost.message().endsWith("so the mail servers cannot be found."), mxHost.message());
        assertTrue(mxHost.remediation().contains("554 5.4.4 Domain Lookup Failed"), mxHost.remediation());
    }

    @Test
    void nullMxNxdomainAndDnsFailuresAreFindingsWithEvidence() {
        FakeDns dns = new FakeDns().add("nomail.test", Type.MX, "0 .")
                .add("broken.test", Type.MX, "10 mx.broken.test.")
                .add("broken.test", Type.TXT, "\"only text\"")
                .fail("servfail.test", DnsStatus.SERVFAIL);
        ProbeReport report = probe(dns, options(25).build(), "nomail.test", "gone.test", "servfail.test",
                "broken.test");
        assertTrue(report.targets().isEmpty());
        assertEquals(List.of(SmtpCodes.SMTP_NULL_MX, SmtpCodes.SMTP_DOMAIN_NOT_FOUND, SmtpCodes.SMTP_DNS_FAILED,
                SmtpCodes.SMTP_NO_ADDRESS), runCodes(report));
        Finding dnsFailed = report.findings().get(2);
        assertTrue(dnsFailed.message().contains("SERVFAIL"), dnsFailed.message());
        assertFalse(dnsFailed.evidence().isEmpty());
    }

    /**
     * SMTP_NO_ADDRESS is worded by where the name came from: a [HOST] the user typed that does not exist is said not
     * to exist (the reviewer's '[no-such-host]' read "publish A or AAAA records for every MX host name"), one that
     * exists without an address, a domain without MX records or an address, and an MX host as before.
     */
    @Test
    void aNameWithoutAnAddressIsWordedByWhereItCameFrom() {
        FakeDns dns = new FakeDns().add("txt-only.test", Type.TXT, "\"x\"")
                .add("bare.test", Type.TXT, "\"x\"")
                .add("broken.test", Type.MX, "10 mx.broken.test.");
        ProbeReport report = probe(dns, options(25).build(), "[no-such-host.test]", "[txt-only.test]", "bare.test",
                "broken.test");
        assertEquals(List.of(SmtpCodes.SMTP_NO_ADDRESS, SmtpCodes.SMTP_NO_ADDRESS, SmtpCodes.SMTP_NO_ADDRESS,
                SmtpCodes.SMTP_NO_ADDRESS), runCodes(report));
        Finding missing = report.findings().get(0);
        assertEquals("The name no-such-host.test does not exist in DNS (NXDOMAIN), so there is no server to connect"
                + " to.", missing.message());
        assertTrue(missing.remediation().startsWith("Check the name for a typo"), missing.remediation());
        assertEquals(Actor.SENDER_ADMIN, missing.actor());
        assertEquals("Namnet no-such-host.test finns inte i DNS (NXDOMAIN), så det finns ingen server att ansluta"
                + " till.", missing.message(java.util.Locale.of("sv")));
        Finding noAddress = report.findings().get(1);
        assertTrue(noAddress.message().startsWith("The host name txt-only.test has no IPv4 or IPv6 address (the name"
                + " exists in DNS"), noAddress.message());
        Finding implicit = report.findings().get(2);
        assertEquals("The domain bare.test has no MX records and no IPv4 or IPv6 address, so senders find no mail"
                + " server for it.", implicit.message());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, implicit.actor());
        assertTrue(implicit.mailTeamRemediation().startsWith("Please publish MX records"),
                implicit.mailTeamRemediation());
        for (Finding f : report.findings().subList(0, 3)) {
            assertFalse((f.message() + f.remediation()).contains("MX host"), f.toString());
            assertFalse((f.message(java.util.Locale.of("sv")) + f.remediation(java.util.Locale.of("sv")))
                    .contains("MX-värd"), f.toString());
        }
        Finding mxHost = report.findings().get(3);
        assertEquals("The mail server name mx.broken.test has no IPv4 or IPv6 address.", mxHost.message());
        assertTrue(mxHost.remediation().contains("every MX host name"), mxHost.remediation());
    }

    /**
     * A refused connect to a server the user named ('[localhost]' --port 1 read "accept SMTP connections on port 25
     * … or remove the host from the MX records"): the port probed, and no MX records to take it out of. An MX host
     * probed on another port is not where senders connect either; one on port 25 keeps the MX wording.
     */
    @Test
    void aRefusedConnectIsWordedForThePortProbedAndWhereTheHostCameFrom() {
        int port = closedPort();
        FakeDns dns = new FakeDns().add("example.test", Type.MX, "10 mx.example.test.")
                .loopbackNamed("mx.example.test");
        ProbeReport report = probe(dns, options(port).build(), "[127.0.0.1]", "example.test");
        assertEquals(2, report.targets().size());
        for (TargetResult r : report.targets()) {
            Finding refused = finding(r, SmtpCodes.SMTP_CONNECT_REFUSED);
            assertEquals("The server's mail team must make it accept SMTP connections on port " + port
                    + " (service running, firewall open), unless the probe was pointed at the wrong address or port.",
                    refused.remediation());
            assertEquals("Please make your server accept SMTP connections on port " + port
                    + " (service running, firewall open).", refused.mailTeamRemediation());
            assertTrue(refused.remediation(java.util.Locale.of("sv")).contains("på port " + port + " "),
                    refused.remediation(java.util.Locale.of("sv")));
            assertFalse(refused.remediation(java.util.Locale.of("sv")).contains("MX"));
        }
        ProbeTarget mx = new ProbeTarget("example.test", "mx.example.test", InetAddress.getLoopbackAddress(), 25,
                java.util.OptionalInt.of(10));
        ProbeTarget implicit = new ProbeTarget("example.test", "example.test", InetAddress.getLoopbackAddress(), 25,
                java.util.OptionalInt.empty());
        assertTrue(SmtpFindings.of(SmtpCodes.SMTP_CONNECT_REFUSED, mx, mx.label(), List.of(), "x", 25).remediation()
                .contains("or remove the host from the MX records"));
        assertTrue(SmtpFindings.of(SmtpCodes.SMTP_CONNECT_REFUSED, implicit, implicit.label(), List.of(), "x", 25)
                .remediation().contains("on port 25 (service running"));
        // a code whose wording fits every target has no second text
        assertEquals(SmtpFindings.of(SmtpCodes.SMTP_TLS_WEAK_CIPHER, mx.label(), List.of(), "x"),
                SmtpFindings.of(SmtpCodes.SMTP_TLS_WEAK_CIPHER, implicit, mx.label(), List.of(), "x"));
    }

    @Test
    void aNullMxBesideOtherHostsIsSkippedAndTheOthersAreProbed() {
        // the null MX's root was looked up as a host named "" and reported as SMTP_NO_ADDRESS; RFC 7505 §3 forbids
        // the mix, Exim delivers to the other hosts (Postfix bounces): the probe tries those, the MX check reports
        // the mix (MX_NULL)
        FakeDns dns = new FakeDns().add("mixed.test", Type.MX, "0 .")
                .add("mixed.test", Type.MX, "10 mx.mixed.test.")
                .add("mx.mixed.test", Type.A, "127.0.0.1");
        TargetResolver.Resolution r = resolver(dns).resolve("mixed.test", Cancellation.none());
        assertEquals(List.of(), r.findings());
        assertEquals(List.of("mx.mixed.test 127.0.0.1 10"), r.targets().stream()
                .map(t -> t.host() + " " + t.addressText() + " " + t.preference().orElseThrow()).toList());
        assertEquals(List.of("mixed.test. MX", "mx.mixed.test. A", "mx.mixed.test. AAAA"), dns.asked());
        // two null MX records are a null MX too
        FakeDns twice = new FakeDns().add("nomail.test", Type.MX, "0 .").add("nomail.test", Type.MX, "10 .");
        TargetResolver.Resolution none = resolver(twice).resolve("nomail.test", Cancellation.none());
        assertEquals(List.of(SmtpCodes.SMTP_NULL_MX), none.findings().stream().map(Finding::code).toList());
        assertEquals(List.of("nomail.test. MX"), twice.asked());
    }

    @Test
    void aDnsFailureIsThisComputersWhenTheResolverAnswersNothing() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("quiet.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ MX 10 mx.quiet.test.\n")
                .misbehaveFor("quiet.test", TestDnsServer.Misbehaviour.SILENT)
                .resolver("127.0.2.1")
                .start()) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), Duration.ofMillis(300));
            ProbeReport alive = new SmtpProbe(lookup, options(25).build(), ReplyDecoder.NONE)
                    .probe(List.of("quiet.test"), SmtpProbeListener.NONE, Cancellation.none());
            assertEquals(List.of(SmtpCodes.SMTP_DNS_FAILED), runCodes(alive));
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, alive.findings().getFirst().actor());

            dns.behave("127.0.2.1", TestDnsServer.Misbehaviour.SILENT);
            lookup = DnsLookups.create(List.of(dns.resolverSpec()), Duration.ofMillis(300));
            ProbeReport dead = new SmtpProbe(lookup, options(25).build(), ReplyDecoder.NONE)
                    .probe(List.of("quiet.test"), SmtpProbeListener.NONE, Cancellation.none());
            Finding f = dead.findings().getFirst();
            assertEquals(SmtpCodes.SMTP_DNS_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
            assertTrue(f.message().contains("answers no question"), f.message());
        }
    }

    /**
     * Every form of an IP literal is probed as the address it is, with no question to DNS: a zone id naming an
     * interface of this computer too (before: {@code fe80::1%lo} was asked about as a domain, MX and all), and the
     * tag RFC 5321 §4.1.3 writes IPv6 address literals with.
     */
    @Test
    void everyFormOfAnIpLiteralIsProbedWithoutAskingDns() throws Exception {
        java.net.NetworkInterface lo = ProbeInputTest.loopback();
        FakeDns dns = new FakeDns();
        for (String input : List.of("192.0.2.1", "[192.0.2.1]", "2001:db8::1", "[IPv6:2001:db8::1]",
                "fe80::1%" + lo.getName(), "[fe80::1%" + lo.getName() + "]", "[IPv6:fe80::1%" + lo.getIndex() + "]",
                "someone@[192.0.2.1]")) {
            Resolution r = resolver(dns).resolve(input, Cancellation.none());
            assertEquals(List.of(), r.findings(), input);
            assertEquals(1, r.targets().size(), input);
            ProbeTarget target = r.targets().getFirst();
            assertEquals(ProbeTarget.Source.NAMED, target.source(), input);
            assertEquals(input, target.domain());
            assertTrue(target.byAddress(), input);
            if (input.contains("%")) {
                assertEquals(lo.getIndex(), ((java.net.Inet6Address) target.address()).getScopeId(), input);
            }
        }
        assertEquals(List.of(), dns.asked());
    }

    /**
     * A zone id that names no interface of this computer leaves nothing to probe, and nothing to ask DNS about (before:
     * looked up as a name and not found, SMTP_DOMAIN_NOT_FOUND or the "NXDOMAIN" wording of SMTP_NO_ADDRESS).
     */
    @Test
    void aZoneIdNamingNoInterfaceIsSaidSoWithoutAskingDns() throws Exception {
        String zone = ProbeInputTest.noSuchZone();
        FakeDns dns = new FakeDns();
        for (String input : List.of("fe80::1%" + zone, "[fe80::1%" + zone + "]", "[IPv6:fe80::1%" + zone + "]")) {
            Resolution r = resolver(dns).resolve(input, Cancellation.none());
            assertTrue(r.targets().isEmpty(), r.toString());
            Finding f = r.findings().getFirst();
            assertEquals(List.of(SmtpCodes.SMTP_NO_ADDRESS), r.findings().stream().map(Finding::code).toList());
            assertEquals("The address fe80::1%" + zone + " names the network interface " + zone + ", which this"
                    + " computer does not have, so there is no server to connect to.", f.message());
            assertEquals("Adressen fe80::1%" + zone + " pekar ut nätverksgränssnittet " + zone + ", som den här"
                    + " datorn saknar, så det finns ingen server att ansluta till.",
                    f.message(java.util.Locale.of("sv")));
            assertEquals(Actor.SENDER_ADMIN, f.actor());
        }
        assertEquals(List.of(), dns.asked());
    }

    @Test
    void ipLiteralsAreProbedWithoutMxLookup() throws Exception {
        FakeDns dns = new FakeDns();
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            ProbeReport report = probe(dns, options(server.port()).build(), "127.0.0.1");
            assertEquals("127.0.0.1", report.targets().getFirst().target().host());
            assertFalse(dns.asked().stream().anyMatch(q -> q.endsWith(" MX")), dns.asked().toString());
            // no PTR for 127.0.0.1 in this zone: FCrDNS fails
            Finding fcrdns = finding(report.targets().getFirst(), SmtpCodes.SMTP_FCRDNS_MISMATCH);
            assertTrue(fcrdns.message().contains("no PTR record"), fcrdns.message());
        }
    }

    @Test
    void aBracketedHostIsLookedUpInTheHostsFileBeforeDns(@TempDir Path dir) throws Exception {
        // before: "[localhost]" was asked of DNS only and failed with SMTP_DNS_FAILED (localhost A NXDOMAIN)
        Path hosts = Files.writeString(dir.resolve("hosts"), "# test hosts file\n127.0.0.1\tlocalhost\n"
                + "127.0.0.1 mx.hosts-only.test   # a name only this file knows\n192.0.2.1 other.test\n");
        FakeDns dns = new FakeDns().add("mx.example.test", Type.A, "127.0.0.1");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            ProbeReport report = probe(dns, options(server.port()).hostsFile(hosts).build(), "[LOCALHOST]",
                    "[mx.hosts-only.test]");
            assertEquals(List.of("localhost 127.0.0.1", "mx.hosts-only.test 127.0.0.1"), report.targets().stream()
                    .map(t -> t.target().host() + " " + t.target().addressText()).toList());
            assertEquals(List.of(), runCodes(report), report.toString());
            assertTrue(codes(report.targets().getFirst()).contains(SmtpCodes.SMTP_CAPABILITIES),
                    report.toString());
            // no address question went to DNS (only the reverse lookups of the probed address)
            assertFalse(dns.asked().stream().anyMatch(q -> q.endsWith(" A") || q.endsWith(" AAAA")),
                    dns.asked().toString());
        }
        // a host the file does not name is DNS's, and a domain's MX hosts are always DNS's
        TargetResolver resolver = new TargetResolver(dns, new HostsFileParser(hosts), 25);
        assertEquals(List.of("mx.example.test. A", "mx.example.test. AAAA"), askedFor(dns, () ->
                assertEquals(1, resolver.resolve("[mx.example.test]", Cancellation.none()).targets().size())));
        FakeDns mx = new FakeDns().add("example.test", Type.MX, "10 other.test.");
        Resolution viaMx = new TargetResolver(mx, new HostsFileParser(hosts), 25).resolve("example.test",
                Cancellation.none());
        assertEquals(List.of(SmtpCodes.SMTP_NO_ADDRESS), viaMx.findings().stream().map(Finding::code).toList());
    }

    /** The questions {@code run} asked of {@code dns}. */
    private static List<String> askedFor(FakeDns dns, Runnable run) {
        int before = dns.asked().size();
        run.run();
        return dns.asked().subList(before, dns.asked().size());
    }

    @Test
    void ptrThatDoesNotResolveBackAndNamesThatDisagree() throws Exception {
        FakeDns dns = new FakeDns().add("1.0.0.127.in-addr.arpa", Type.PTR, "host.isp.test.")
                .add("host.isp.test", Type.A, "192.0.2.7");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard().ehloName("other.example.test"))) {
            TargetResult r = probe(dns, options(server.port()).build(), "[127.0.0.1]").targets().getFirst();
            Finding fcrdns = finding(r, SmtpCodes.SMTP_FCRDNS_MISMATCH);
            assertTrue(fcrdns.message().contains("host.isp.test does not resolve back to 127.0.0.1"),
                    fcrdns.message());
            Finding names = finding(r, SmtpCodes.SMTP_HOSTNAME_MISMATCH);
            assertTrue(names.message().contains("greeting mx.example.test, EHLO reply other.example.test, PTR host.isp.test"),
                    names.message());
        }
    }

    @Test
    void aReverseLookupThatFailsSaysWhyInTheTranscript() throws Exception {
        FakeDns dns = new FakeDns().fail("1.0.0.127.in-addr.arpa", DnsStatus.TIMEOUT);
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            TargetResult r = probe(dns, options(server.port()).build(), "[127.0.0.1]").targets().getFirst();
            assertTrue(r.transcript().stream().anyMatch(l -> l.text()
                    .equals("reverse DNS of 127.0.0.1 not checked: TIMEOUT (scripted)")), r.transcript().toString());
            assertFalse(codes(r).contains(SmtpCodes.SMTP_FCRDNS_MISMATCH), "a failed lookup is no mismatch");
        }
    }

    @Test
    void targetsAreCapped() {
        FakeDns dns = new FakeDns();
        for (int i = 1; i <= 5; i++) {
            dns.add("many.test", Type.MX, i + " mx" + i + ".many.test.").add("mx" + i + ".many.test", Type.A,
                    "127.0.0." + (100 + i));
        }
        int closedPort = closedPort();
        ProbeReport report = probe(dns, options(closedPort).maxTargets(2).build(), "many.test");
        assertEquals(2, report.targets().size());
        assertTrue(runCodes(report).contains(SmtpCodes.SMTP_TARGETS_CAPPED), runCodes(report).toString());
    }

    /**
     * A listener whose accept queue is full drops further SYNs (Linux), so a connect to it times out: the same
     * thing a firewall that drops port 25 does. When every address times out, the local network is the suspect.
     */
    @Test
    void everyConnectTimingOutPointsAtTheLocalNetwork() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, loopback)) {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                fillers.add(s);
                try {
                    s.connect(new InetSocketAddress(loopback, full.getLocalPort()), 200);
                } catch (java.io.IOException e) {
                    break; // the queue is full: from now on connects time out
                }
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(connectTimesOut(loopback, full.getLocalPort()),
                    "this system does not drop SYNs to a full accept queue (Linux does)");
            SmtpProbeOptions o = options(full.getLocalPort()).connectTimeout(Duration.ofMillis(300)).build();
            ProbeReport report = probe(new FakeDns(), o, "127.0.0.1");
            TargetResult r = report.targets().getFirst();
            assertEquals(Optional.of(TargetResult.ConnectFailure.TIMEOUT), r.connectFailure(), codes(r).toString());
            finding(r, SmtpCodes.SMTP_CONNECT_TIMEOUT);
            Finding blocked = report.findings().stream()
                    .filter(f -> f.code().equals(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY)).findFirst().orElseThrow();
            assertEquals(Actor.LOCAL_NETWORK, blocked.actor());
            assertTrue(blocked.message().startsWith("The one mail server address did not answer on port "
                    + full.getLocalPort() + "."), "one address, the port without grouping: " + blocked.message());
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    /** The finding counts the addresses that timed out: "the one address" alone, "none of the N" of several. */
    @Test
    void theBlockedPortFindingCountsTheAddressesInWords() throws Exception {
        Locale swedish = Locale.forLanguageTag("sv");
        List<TargetResult> two = new ArrayList<>();
        for (String ip : List.of("192.0.2.1", "192.0.2.2")) {
            ProbeTarget t = new ProbeTarget("example.test", "mx.example.test", InetAddress.getByName(ip), 25,
                    OptionalInt.of(10), ProbeTarget.Source.MX_RECORD);
            two.add(new TargetResult(t, List.of(), List.of(), Capabilities.NONE,
                    Optional.of(TargetResult.ConnectFailure.TIMEOUT), new TlsFacts.NotReached()));
        }
        Finding one = PortBlockedCheck.check(two.subList(0, 1), 25).orElseThrow();
        assertTrue(one.message().startsWith("The one mail server address did not answer on port 25. Outbound port"
                + " 25 is probably blocked"), one.message());
        assertTrue(one.message(swedish).startsWith("Den enda adressen till e-postservern svarade inte på port 25."),
                one.message(swedish));
        Finding both = PortBlockedCheck.check(two, 25).orElseThrow();
        assertTrue(both.message().startsWith("None of the 2 mail server addresses answered on port 25."),
                both.message());
        assertTrue(both.message(swedish).startsWith("Ingen av de 2 adresserna till e-postservrarna svarade på port"
                + " 25."), both.message(swedish));
    }

    private static boolean connectTimesOut(InetAddress address, int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(address, port), 300);
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aUnicodeDomainIsAskedForInItsAsciiForm() throws Exception {
        FakeDns dns = new FakeDns().add("xn--bcher-kva.example.test", Type.MX, "10 xn--mx-bcher-95a.example.test.")
                .add("xn--mx-bcher-95a.example.test", Type.A, "127.0.0.1");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            ProbeReport report = probe(dns, options(server.port()).build(), "jane@B\u00fccher.example.test",
                    "[mx-b\u00fccher.example.test]");
            assertEquals(List.of(), runCodes(report), report.toString());
            assertEquals(2, report.targets().size(), report.toString());
            assertEquals("xn--mx-bcher-95a.example.test", report.targets().get(0).target().host());
            assertEquals("xn--bcher-kva.example.test", report.targets().get(0).target().domain());
            assertFalse(dns.asked().stream().anyMatch(q -> q.contains("\u00fc")), dns.asked().toString());
        }
    }
}
