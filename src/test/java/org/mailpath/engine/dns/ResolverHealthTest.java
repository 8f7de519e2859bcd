package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.TestDnsServer.Misbehaviour;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A timeout, NXDOMAIN or SERVFAIL is about the domain only if the resolver works: one that answers nothing, or
 * fails even for the root zone, makes it this computer's, and one that drops EDNS queries is asked without EDNS.
 */
class ResolverHealthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Only where nothing is ever answered: the outcome does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final String ZONE = "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n@ TXT \"v=spf1 -all\"\n";

    private static TestDnsServer server(Misbehaviour... resolverBehaviour) throws Exception {
        TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .zone("quiet.test", ZONE)
                .misbehaveFor("quiet.test", Misbehaviour.SILENT)
                .resolver("127.0.2.1")
                .start();
        dns.behave("127.0.2.1", resolverBehaviour);
        return dns;
    }

    @Test
    void aResolverThatAnswersNothingIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.SILENT)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertTrue(a.resolverAtFault());
            assertTrue(a.detail().contains("did not answer . NS either"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_TIMEOUT, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            // the reason once, in the message; the evidence line gives the question and its outcome only
            assertTrue(f.message().contains("does not work (no answer over UDP within 300 ms; it did not answer . NS"
                    + " either, so it answers no question)"), f.message());
            assertEquals(1, f.evidence().size(), f.evidence().toString());
            assertTrue(f.evidence().getFirst().matches(";; example.test A @\\S+ -> TIMEOUT \\(no answer over UDP within"
                    + " 300 ms\\) at \\S+"), f.evidence().toString());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
        }
    }

    @Test
    void aSilentNameOnAWorkingResolverStaysTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = server()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertFalse(a.resolverAtFault());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    /**
     * A resolver that truncates every UDP reply (TC, nothing in it) and accepts TCP but never answers there is as dead
     * as a silent one: its health probe gets the same truncated reply and stalled TCP for . NS, so the timeout is its
     * own, not the domain's. The short client timeout bounds the question; the probe waits its own least time.
     */
    @Test
    void aResolverThatTruncatesEveryReplyAndStallsOnTcpIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.ALWAYS_TRUNCATE, Misbehaviour.TCP_STALL)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("example.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status(), a.toString());
            assertTrue(a.resolverAtFault(), a.toString());
            assertTrue(a.detail().contains("did not answer . NS either"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_TIMEOUT, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
            assertTrue(dns.queries(". NS") >= 2, "the probe asked . NS over UDP and then over TCP");
        }
    }

    /**
     * A resolver that truncates every UDP reply and then closes the TCP connection (at once, or after reading the
     * question) or resets it answers nothing either: its health probe meets the same for . NS, so the failure is its
     * own (this computer's network), not the domain's.
     */
    @Test
    void aResolverThatTruncatesEveryReplyAndClosesOrResetsTcpIsBlamedNotTheDomain() throws Exception {
        for (Misbehaviour tcp : List.of(Misbehaviour.TCP_CLOSE_AT_ONCE, Misbehaviour.TCP_CLOSE,
                Misbehaviour.TCP_RESET)) {
            try (TestDnsServer dns = server(Misbehaviour.ALWAYS_TRUNCATE, tcp)) {
                DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                        .lookup("example.test", Type.MX, Cancellation.none());
                assertEquals(DnsStatus.ERROR, a.status(), tcp + ": " + a);
                assertTrue(a.resolverAtFault(), tcp + ": " + a);
                assertTrue(a.detail().contains("did not answer . NS either"), tcp + ": " + a.detail());
                Finding f = LookupFindings.failure(a).orElseThrow();
                assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
                assertEquals(Actor.LOCAL_NETWORK, f.actor());
                assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
            }
        }
    }

    /**
     * One name whose replies are truncated and whose TCP connection is closed or reset, on a resolver that answers
     * other names: still that name's problem.
     */
    @Test
    void oneNameTruncatedAndClosedOnTcpOnAWorkingResolverStaysTheDomainsProblem() throws Exception {
        for (Misbehaviour tcp : List.of(Misbehaviour.TCP_CLOSE, Misbehaviour.TCP_RESET)) {
            try (TestDnsServer dns = TestDnsServer.builder()
                    .zone("example.test", ZONE)
                    .zone("big.test", ZONE)
                    .misbehaveFor("big.test", Misbehaviour.ALWAYS_TRUNCATE, tcp)
                    .resolver("127.0.2.1")
                    .start()) {
                DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), SHORT);
                DnsAnswer big = lookup.lookup("big.test", Type.TXT, Cancellation.none());
                assertEquals(DnsStatus.ERROR, big.status(), tcp + ": " + big);
                assertFalse(big.resolverAtFault(), tcp + ": " + big);
                assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(big).orElseThrow().actor());
                assertEquals(DnsStatus.OK, lookup.lookup("example.test", Type.TXT, Cancellation.none()).status());
            }
        }
    }

    /**
     * One name whose replies are truncated and whose TCP question stalls, on a resolver that answers other names (the
     * root's NS, a made-up name in the top-level domain) normally: still that name's problem, as before.
     */
    @Test
    void oneNameTruncatedAndStalledOnTcpOnAWorkingResolverStaysTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .zone("big.test", ZONE)
                .misbehaveFor("big.test", Misbehaviour.ALWAYS_TRUNCATE, Misbehaviour.TCP_STALL)
                .resolver("127.0.2.1")
                .start()) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), SHORT);
            DnsAnswer big = lookup.lookup("big.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, big.status(), big.toString());
            assertFalse(big.resolverAtFault(), big.toString());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(big).orElseThrow().actor());
            assertEquals(DnsStatus.OK, lookup.lookup("example.test", Type.TXT, Cancellation.none()).status());
        }
    }

    @Test
    void aResolverThatDeniesEveryNameOrFailsForTheRootIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.NXDOMAIN)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.ERROR, a.status(), "not NXDOMAIN: the name's existence is unknown");
            assertTrue(a.resolverAtFault());
            assertTrue(a.detail().startsWith("NXDOMAIN; ") && a.detail().contains("even for . NS"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
        }
        try (TestDnsServer dns = server(Misbehaviour.SERVFAIL)) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status());
            assertTrue(a.resolverAtFault());
            assertEquals(Actor.LOCAL_NETWORK, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    /**
     * A server that refuses every question (an authoritative server for other zones, as Knot or NSD answer, given as
     * the resolver): the refusal is its policy, not the domain's failure, whatever the other checks ask.
     */
    @Test
    void aResolverThatRefusesEveryQuestionIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.REFUSED)) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT);
            DnsAnswer a = lookup.lookup("example.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.REFUSED, a.status());
            assertTrue(a.resolverAtFault(), a.toString());
            assertTrue(a.detail().contains("refuses to look names up for this computer"), a.detail());
            // the evidence keeps the outcome, not the explanation (said once, in the message)
            assertTrue(a.evidence().getFirst().contains("-> REFUSED at "), a.evidence().toString());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertTrue(f.message().contains("says nothing about example.test"), f.message());
        }
    }

    /**
     * A name server that does not recurse for this computer and answers SERVFAIL to one question, REFUSED to the
     * others (the root's NS, a made-up name in the same top-level domain): its SERVFAIL is its own, not the domain's.
     */
    @Test
    void aServfailFromAServerThatRefusesTheTopLevelDomainIsTheResolversFault() throws Exception {
        try (org.mailpath.engine.edns.ScriptedDnsServer refusing = new org.mailpath.engine.edns.ScriptedDnsServer(
                "127.0.2.9", 0, (q, tcp) -> org.mailpath.engine.edns.ScriptedDnsServer.reply(q,
                        q.getQuestion().getName().toString().equals("example.test.") ? Rcode.SERVFAIL
                                : Rcode.REFUSED))) {
            DnsAnswer a = DnsLookups.create(List.of(refusing.spec()), TIMEOUT)
                    .lookup("example.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status());
            assertTrue(a.resolverAtFault(), a.toString());
            assertEquals(Actor.LOCAL_NETWORK, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    @Test
    void aMissingNameOnAWorkingResolverIsTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = server()) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT);
            DnsAnswer a = lookup.lookup("nothing.example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.NXDOMAIN, a.status());
            assertFalse(a.resolverAtFault());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, f.code());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        }
    }

    /**
     * A resolver that drops queries with EDNS and refuses the question asked again without it: the refusal is still its
     * policy, as when it refuses at once.
     */
    @Test
    void aRefusalToTheQuestionAskedAgainWithoutEdnsIsTheResolversFault() throws Exception {
        try (org.mailpath.engine.edns.ScriptedDnsServer dropping = new org.mailpath.engine.edns.ScriptedDnsServer(
                "127.0.2.9", 0, (q, tcp) -> q.getOPT() != null ? null
                        : q.getQuestion().getName().equals(Name.root)
                                ? org.mailpath.engine.edns.ScriptedDnsServer.answer(q, ". 3600 IN NS a.root-servers.net.")
                                : org.mailpath.engine.edns.ScriptedDnsServer.reply(q, Rcode.REFUSED))) {
            DnsAnswer a = DnsLookups.create(List.of(dropping.spec()), TIMEOUT)
                    .lookup("example.test", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.REFUSED, a.status());
            assertTrue(a.resolverAtFault(), a.toString());
            assertEquals(Actor.LOCAL_NETWORK, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    @Test
    void aResolverDroppingEdnsIsAskedWithoutIt() throws Exception {
        try (TestDnsServer dns = server(Misbehaviour.DROP_EDNS)) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT);
            DnsAnswer first = lookup.lookup("example.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.OK, first.status());
            assertTrue(first.detail().contains("without EDNS"), first.detail());
            DnsAnswer second = lookup.lookup("example.test", Type.TXT, Cancellation.none());
            assertEquals(DnsStatus.OK, second.status());
            assertEquals(1, dns.queries("example.test. TXT"), "once known, the resolver is asked without EDNS at once");
        }
    }

    @Test
    void oneSilentResolverBesideAWorkingOneIsNotBlamed() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("quiet.test", ZONE)
                .zone("failing.test", ZONE)
                .misbehaveFor("quiet.test", Misbehaviour.SILENT)
                .misbehaveFor("failing.test", Misbehaviour.SERVFAIL)
                .resolver("127.0.2.1")
                .resolver("127.0.2.2")
                .start()) {
            dns.behave("127.0.2.1", Misbehaviour.SILENT);
            String first = "127.0.2.1:" + dns.port();
            String second = "127.0.2.2:" + dns.port();
            DnsAnswer a = DnsLookups.create(List.of(first, second), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertFalse(a.resolverAtFault(), "the second resolver answers other questions");
            DnsAnswer both = DnsLookups.create(List.of(first, first), SHORT)
                    .lookup("quiet.test", Type.A, Cancellation.none());
            assertTrue(both.resolverAtFault());
            // a working resolver's SERVFAIL, then a resolver that denies every name: the SERVFAIL is the answer
            dns.behave("127.0.2.1");
            dns.behave("127.0.2.2", Misbehaviour.NXDOMAIN);
            DnsAnswer mixed = DnsLookups.create(List.of(first, second), TIMEOUT)
                    .lookup("failing.test", Type.A, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, mixed.status(), mixed.toString());
            assertFalse(mixed.resolverAtFault(), mixed.toString());
        }
    }
    /**
     * A resolver whose upstream is gone: it answers the root's NS from its cache and fails everything else, here every
     * name in the top-level domain test. Its SERVFAIL, or its silence, is this computer's, not the domain's.
     */
    @Test
    void aResolverCutOffFromTheInternetThatAnswersOnlyTheRootIsBlamedNotTheDomain() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .misbehaveFor("test", Misbehaviour.SERVFAIL)
                .resolver("127.0.2.1")
                .start()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT)
                    .lookup("example.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status());
            assertTrue(a.resolverAtFault(), a.toString());
            assertTrue(a.detail().contains("fails a made-up name in the top-level domain test too"), a.detail());
            Finding f = LookupFindings.failure(a).orElseThrow();
            assertEquals("No usable DNS answer for example.test SOA: the resolver asked (" + dns.resolverSpec()
                    + ") does not work (it fails a made-up name in the top-level domain test too, where a working"
                    + " resolver gets NXDOMAIN from the servers of test, so it cannot reach the name servers of the"
                    + " internet), so this says nothing about example.test.", f.message());
            assertTrue(f.evidence().stream().noneMatch(l -> l.contains("made-up")), f.evidence().toString());
            assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertEquals(LookupFindings.BROKEN_RESOLVER_REMEDIATION, f.remediation());
        }
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .misbehaveFor("test", Misbehaviour.SILENT)
                .resolver("127.0.2.1")
                .start()) {
            DnsAnswer a = DnsLookups.create(List.of(dns.resolverSpec()), SHORT)
                    .lookup("example.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, a.status());
            assertTrue(a.resolverAtFault(), a.toString());
            assertEquals(Actor.LOCAL_NETWORK, LookupFindings.failure(a).orElseThrow().actor());
        }
    }

    /**
     * A domain whose own servers fail, on a resolver that reaches its top-level domain (a made-up name there is
     * denied) and answers its sibling: the failure stays the domain's, whether SERVFAIL or silence.
     */
    @Test
    void aBrokenDomainWhoseTopLevelDomainAnswersStaysTheDomainsProblem() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("example.test", ZONE)
                .zone("broken.test", ZONE)
                .zone("quiet.test", ZONE)
                .misbehaveFor("broken.test", Misbehaviour.SERVFAIL)
                .misbehaveFor("quiet.test", Misbehaviour.SILENT)
                .resolver("127.0.2.1")
                .start()) {
            DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), SHORT);
            DnsAnswer broken = lookup.lookup("broken.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, broken.status());
            assertFalse(broken.resolverAtFault(), broken.toString());
            assertEquals(Actor.RECIPIENT_MAIL_TEAM, LookupFindings.failure(broken).orElseThrow().actor());
            DnsAnswer quiet = lookup.lookup("quiet.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.TIMEOUT, quiet.status());
            assertFalse(quiet.resolverAtFault(), quiet.toString());
            assertEquals(DnsStatus.OK, lookup.lookup("example.test", Type.SOA, Cancellation.none()).status());
            assertTrue(dns.queriesEndingIn(".test.") > dns.queries("broken.test. SOA") + dns.queries("quiet.test. SOA")
                    + dns.queries("example.test. SOA"), "a made-up name in test was asked");
        }
    }

    /**
     * The health probes are asked beside the first question, not after it has timed out: this resolver answers the
     * question (SERVFAIL) only once it has been asked both the root's NS and a made-up name in the question's
     * top-level domain, so probes asked only after a failure would leave it unanswered until the (long) timeout.
     */
    @Test
    void theHealthProbesAreAskedBeforeTheFirstQuestionIsAnswered() throws Exception {
        try (HoldingResolver resolver = new HoldingResolver("held.test.")) {
            DnsAnswer a = DnsLookups.create(List.of(resolver.spec()), Duration.ofSeconds(30))
                    .lookup("held.test", Type.SOA, Cancellation.none());
            assertEquals(DnsStatus.SERVFAIL, a.status(), a.toString());
            assertTrue(a.resolverAtFault(), a.toString());
            assertTrue(a.detail().contains("top-level domain test"), a.detail());
        }
    }

    /**
     * A resolver cut off from the internet, on loopback: answers the root's NS, SERVFAIL for a made-up name, and
     * holds every question for {@code held} until it has been asked both, then SERVFAIL.
     */
    private static final class HoldingResolver implements AutoCloseable {

        private final DatagramSocket socket;
        private final Name held;
        private final List<DatagramPacket> waiting = new ArrayList<>();
        private boolean rootAsked;
        private boolean madeUpAsked;

        HoldingResolver(String held) throws Exception {
            this.held = Name.fromString(held);
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.2.9"), 0));
            Thread.ofVirtual().start(this::serve);
        }

        String spec() {
            return "127.0.2.9:" + socket.getLocalPort();
        }

        private void serve() {
            byte[] buffer = new byte[65535];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    socket.receive(p);
                    Message q = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                    Name name = q.getQuestion().getName();
                    if (name.equals(Name.root)) {
                        rootAsked = true;
                        Message r = reply(q, Rcode.NOERROR);
                        r.addRecord(new NSRecord(Name.root, DClass.IN, 3600, Name.fromString("a.root-servers.net.")),
                                Section.ANSWER);
                        send(r, p.getSocketAddress());
                    } else if (name.equals(held)) {
                        waiting.add(new DatagramPacket(Arrays.copyOf(p.getData(), p.getLength()), p.getLength(),
                                p.getSocketAddress()));
                    } else {
                        madeUpAsked |= name.getLabelString(0).startsWith(ResolverHealth.MADE_UP_PREFIX);
                        send(reply(q, Rcode.SERVFAIL), p.getSocketAddress());
                    }
                    if (rootAsked && madeUpAsked) {
                        for (DatagramPacket w : waiting) {
                            send(reply(new Message(w.getData()), Rcode.SERVFAIL), w.getSocketAddress());
                        }
                        waiting.clear();
                    }
                } catch (java.io.IOException e) {
                    // closed, or a packet that does not parse: go on until closed
                }
            }
        }

        private static Message reply(Message q, int rcode) {
            Message r = new Message(q.getHeader().getID());
            r.getHeader().setFlag(Flags.QR);
            r.getHeader().setFlag(Flags.RD);
            r.getHeader().setFlag(Flags.RA);
            r.getHeader().setRcode(rcode);
            r.addRecord(q.getQuestion(), Section.QUESTION);
            if (q.getOPT() != null) {
                r.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            }
            return r;
        }

        private void send(Message r, SocketAddress to) throws java.io.IOException {
            byte[] wire = r.toWire();
            socket.send(new DatagramPacket(wire, wire.length, to));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
