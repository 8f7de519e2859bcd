package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Only for questions that are never answered: the outcome (TIMEOUT) does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> b
            .zone("many.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n" + many())
            .zone("hugetxt.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n" + hugeTxt() + "\n"));

    private static String many() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            big.append("@ MX ").append(i).append(" mx").append(i).append(".many.test.\n");
        }
        return big.toString();
    }

    private static String hugeTxt() {
        StringBuilder txt = new StringBuilder("@ TXT");
        for (int i = 0; i < 200; i++) {
            txt.append(" \"").append("x".repeat(250)).append('"');
        }
        return txt.toString();
    }

    private static DnsAnswer ask(String name, int type) {
        return DNS.lookup(TIMEOUT).lookup(name, type, Cancellation.none());
    }

    @Test
    void answersWithRecordsServerAndEvidence() {
        DnsAnswer a = ask("good.test", Type.MX);
        assertEquals(DnsStatus.OK, a.status());
        assertEquals(2, a.records().size());
        assertTrue(a.server().startsWith("127.0.1.1:"));
        assertTrue(a.evidence().getFirst().contains("good.test MX @127.0.1.1:"), a.evidence().getFirst());
        assertTrue(a.evidence().stream().anyMatch(l -> l.contains("MX\t10 mx1.good.test.")), a.evidence().toString());
    }

    @Test
    void aQuestionForDnssecDataBringsTheSignaturesAPlainOneDoesNot() {
        DnsLookup lookup = DNS.lookup(TIMEOUT);
        DnssecAnswer signed = lookup.lookupSigned("good.test", Type.MX, Cancellation.none());
        assertTrue(signed.dnssecOk());
        assertEquals(2, signed.answer().records().size());
        assertFalse(signed.signatures().isEmpty());
        assertTrue(signed.signatures().stream().allMatch(s -> s.getTypeCovered() == Type.MX), signed.toString());
        assertTrue(signed.evidence().stream().anyMatch(l -> l.contains("RRSIG\tMX 13")), signed.evidence().toString());
        DnsAnswer plain = lookup.lookup("good.test", Type.MX, Cancellation.none());
        assertEquals(2, plain.records().size(), plain.records().toString());
        assertTrue(plain.records().stream().allMatch(MXRecord.class::isInstance), plain.records().toString());
        assertTrue(plain.evidence().stream().noneMatch(l -> l.contains("RRSIG")), plain.evidence().toString());
    }

    @Test
    void questionsForDnssecDataSetDoAndCdAndTrustOnlyAReplyThatEchoesDo() throws Exception {
        List<Message> seen = new CopyOnWriteArrayList<>();
        ScriptedDnsServer.Handler handler = (query, tcp) -> {
            seen.add(query);
            Message reply = ScriptedDnsServer.reply(query);
            Name name = query.getQuestion().getName();
            reply.addRecord(new MXRecord(name, DClass.IN, 300, 10, Name.fromConstantString("mx.example.")),
                    Section.ANSWER);
            OPTRecord opt = query.getOPT();
            if (opt != null && name.toString().startsWith("echo")) {
                reply.addRecord(new RRSIGRecord(name, DClass.IN, 300, Type.MX, 13, 300, Instant.EPOCH, Instant.EPOCH,
                        1, name, new byte[64]), Section.ANSWER);
                reply.addRecord(new OPTRecord(1232, 0, 0, opt.getFlags()), Section.ADDITIONAL);
            }
            return reply;
        };
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.1.77", 0, handler)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            DnssecAnswer echoed = lookup.lookupSigned("echo.example", Type.MX, Cancellation.none());
            // the last query for the name asked: the resolver's health probes are asked beside the first question
            Message query = lastFor(seen, "echo.example.");
            assertTrue(query.getHeader().getFlag(Flags.CD), query.toString());
            assertTrue((query.getOPT().getFlags() & ExtendedFlags.DO) != 0, query.toString());
            assertTrue(echoed.dnssecOk());
            assertEquals(1, echoed.signatures().size());

            // a resolver that drops EDNS from its reply returns no DNSSEC data: missing signatures mean nothing
            DnssecAnswer stripped = lookup.lookupSigned("strip.example", Type.MX, Cancellation.none());
            assertFalse(stripped.dnssecOk());
            assertTrue(stripped.evidence().stream().anyMatch(l -> l.contains("no DNSSEC data")),
                    stripped.evidence().toString());

            lookup.lookup("plain.example", Type.MX, Cancellation.none());
            Message plain = lastFor(seen, "plain.example.");
            assertFalse(plain.getHeader().getFlag(Flags.CD), plain.toString());
            assertEquals(0, plain.getOPT().getFlags() & ExtendedFlags.DO, plain.toString());
        }
    }

    private static Message lastFor(List<Message> seen, String name) {
        return seen.stream().filter(m -> m.getQuestion().getName().toString().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("never asked: " + name + " in " + seen));
    }

    @Test
    void aNegativeAnswerWithDnssecDataKeepsTheNsecAndNsec3RecordsOfItsAuthoritySection() throws Exception {
        // NODATA: the SOA, an NSEC3 record of the zone, the RRSIGs over both, and an NSEC record; the NSEC3 record,
        // the signature over it and the NSEC record are the denial kept (what Nsec3OptOut and DenialProof judge), the
        // SOA and its signature are not
        Name zone = Name.fromConstantString("example.");
        Name hashed = Name.fromConstantString("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example.");
        NSEC3Record nsec3 = new NSEC3Record(hashed, DClass.IN, 300, 1, 1, 0, null, new byte[20],
                new int[] {Type.SOA, Type.NS});
        RRSIGRecord overNsec3 = new RRSIGRecord(hashed, DClass.IN, 300, Type.NSEC3, 13, 300, Instant.EPOCH,
                Instant.EPOCH, 1, zone, new byte[64]);
        NSECRecord nsec = new NSECRecord(zone, DClass.IN, 300, zone, new int[] {Type.SOA});
        ScriptedDnsServer.Handler handler = (query, tcp) -> {
            Message reply = ScriptedDnsServer.reply(query);
            Name name = query.getQuestion().getName();
            OPTRecord opt = query.getOPT();
            if (name.toString().startsWith("positive")) {
                reply.addRecord(new MXRecord(name, DClass.IN, 300, 10, Name.fromConstantString("mx.example.")),
                        Section.ANSWER);
            }
            reply.addRecord(new SOARecord(zone, DClass.IN, 300, zone, zone, 1, 3600, 600, 86400, 300),
                    Section.AUTHORITY);
            reply.addRecord(new RRSIGRecord(zone, DClass.IN, 300, Type.SOA, 13, 300, Instant.EPOCH, Instant.EPOCH,
                    1, zone, new byte[64]), Section.AUTHORITY);
            reply.addRecord(nsec3, Section.AUTHORITY);
            reply.addRecord(overNsec3, Section.AUTHORITY);
            reply.addRecord(nsec, Section.AUTHORITY);
            if (opt != null && !name.toString().startsWith("strip")) {
                reply.addRecord(new OPTRecord(1232, 0, 0, opt.getFlags()), Section.ADDITIONAL);
            }
            return reply;
        };
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.1.78", 0, handler)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            DnssecAnswer nodata = lookup.lookupSigned("nodata.example", Type.MX, Cancellation.none());
            assertEquals(DnsStatus.NODATA, nodata.answer().status());
            assertEquals(List.of(nsec3, overNsec3, nsec), nodata.denial());
            // not quoted in the answer's evidence: the findings that judge the records quote them
            assertTrue(nodata.evidence().stream().noneMatch(l -> l.contains("NSEC3")), nodata.evidence().toString());
            // a positive answer has nothing to deny, a reply without DNSSEC data proves nothing
            assertEquals(List.of(), lookup.lookupSigned("positive.example", Type.MX, Cancellation.none()).denial());
            assertEquals(List.of(), lookup.lookupSigned("strip.example", Type.MX, Cancellation.none()).denial());
        }
    }

    @Test
    void nodataNxdomainServfailAndTimeoutAreDistinct() {
        assertEquals(DnsStatus.NODATA, ask("good.test", Type.TXT).status());
        assertEquals(DnsStatus.NXDOMAIN, ask("nothing.good.test", Type.A).status());
        assertEquals(DnsStatus.NXDOMAIN, ask("no-such-tld-anywhere", Type.A).status());
        assertEquals(DnsStatus.SERVFAIL, ask("servfail.test", Type.A).status());
        DnsAnswer silent = DNS.lookup(SHORT).lookup("silent.test", Type.A, Cancellation.none());
        assertEquals(DnsStatus.TIMEOUT, silent.status());
    }

    @Test
    void hostileRepliesBecomeStatusesNotExceptions() {
        assertEquals(DnsStatus.ERROR, ask("malformed.hostile.test", Type.A).status());
        assertTrue(ask("malformed.hostile.test", Type.A).detail().contains("malformed"));
        // a reply with another id or to another question is ignored, like any stray packet
        assertEquals(DnsStatus.TIMEOUT, DNS.lookup(SHORT).lookup("wrongid.hostile.test", Type.A,
                Cancellation.none()).status());
        assertEquals(DnsStatus.TIMEOUT, DNS.lookup(SHORT).lookup("wrongquestion.hostile.test", Type.A,
                Cancellation.none()).status());
        assertEquals(DnsStatus.ERROR, ask("bad..name", Type.A).status());
    }

    @Test
    void truncatedAnswersAreFetchedOverTcp() {
        DnsAnswer a = ask("truncated.hostile.test", Type.A);
        assertEquals(DnsStatus.OK, a.status());
        assertTrue(a.detail().contains("TCP"), a.detail());
        DnsAnswer txt = ask("hugetxt.test", Type.TXT);
        assertEquals(DnsStatus.OK, txt.status());
        assertEquals(200, ((TXTRecord) txt.records().getFirst()).getStrings().size());
    }

    @Test
    void hundredsOfMxRecordsAreKept() {
        DnsAnswer a = ask("many.test", Type.MX);
        assertEquals(DnsStatus.OK, a.status());
        assertEquals(300, a.records().size());
        assertTrue(a.records().getFirst() instanceof MXRecord);
    }

    @Test
    void cnameChainsAreFollowedAndLoopsAndLongChainsStop() {
        DnsAnswer alias = ask("alias.broken.test", Type.A);
        assertEquals(DnsStatus.OK, alias.status());
        assertEquals(1, alias.cnames().size());
        DnsAnswer loop = ask("mx.loop.mail.test", Type.A);
        assertEquals(DnsStatus.ERROR, loop.status());
        assertTrue(loop.detail().contains("loop"), loop.detail());
        DnsAnswer chain = ask("c1.mail.test", Type.A);
        assertEquals(DnsStatus.ERROR, chain.status());
        assertTrue(chain.detail().contains("longer than"), chain.detail());
        assertTrue(ask("c25.mail.test", Type.A).ok(), "a chain of 5 is fine");
    }

    @Test
    void cachesPerRunAndMergesConcurrentQuestions() throws Exception {
        DnsLookup lookup = DNS.lookup(TIMEOUT);
        // this question's own: the resolver's health probes start beside the first question
        long before = DNS.server().queries("mx1.good.test. A");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DnsAnswer>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> lookup.lookup("mx1.good.test", Type.A, Cancellation.none())));
            }
            for (Future<DnsAnswer> f : futures) {
                assertTrue(f.get().ok());
            }
        }
        assertEquals(1, DNS.server().queries("mx1.good.test. A") - before);
        lookup.lookup("MX1.Good.Test.", Type.A, Cancellation.none());
        assertEquals(1, DNS.server().queries("mx1.good.test. A") - before, "names are compared case-insensitively");
    }

    @Test
    void cancellationStopsAWaitingLookup() throws Exception {
        DnsLookup lookup = DNS.lookup(Duration.ofSeconds(60));
        Cancellation cancellation = new Cancellation();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long before = DNS.server().queries("silent.test. A");
            Future<DnsAnswer> f = pool.submit(() -> lookup.lookup("silent.test", Type.A, cancellation));
            // cancel only once the question has reached the server that never answers: the lookup is then waiting
            awaitQueriesAfter(before);
            assertFalse(f.isDone(), "still waiting for an answer");
            cancellation.cancel();
            var e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancelledException, e.getCause().toString());
        }
        assertThrows(CancelledException.class, () -> lookup.lookup("good.test", Type.A, cancellation));
    }

    /**
     * Waits until the test server has been asked the silent question since {@code before} (a loaded machine may be
     * slow).
     */
    private static void awaitQueriesAfter(long before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (DNS.server().queries("silent.test. A") == before) {
            assertTrue(System.nanoTime() < deadline, "the lookup never sent its question");
            Thread.sleep(5);
        }
    }

    @Test
    void nextResolverIsAskedWhenTheFirstFails() {
        DnsLookup lookup = DnsLookups.create(List.of("127.0.1.4:" + DNS.port(), DNS.resolver()),
                TIMEOUT);
        // 127.0.1.4 refuses everything (it serves no zone); the second resolver answers
        assertEquals(DnsStatus.OK, lookup.lookup("good.test", Type.A, Cancellation.none()).status());
        DnsLookup none = new DnsClient(List.of(), TIMEOUT, 4);
        DnsAnswer a = none.lookup("good.test", Type.A, Cancellation.none());
        assertEquals(DnsStatus.ERROR, a.status());
        assertFalse(a.detail().isEmpty());
    }

    @Test
    void resolverSpecsAreParsed() {
        assertEquals(5353, ResolverAddresses.parse("127.0.0.1:5353").getPort());
        assertEquals(53, ResolverAddresses.parse("::1").getPort());
        assertEquals(54, ResolverAddresses.parse("[::1]:54").getPort());
        assertThrows(IllegalArgumentException.class, () -> ResolverAddresses.parse("127.0.0.1:99999"));
        assertThrows(IllegalArgumentException.class, () -> ResolverAddresses.parse("[::1"));
        assertThrows(IllegalArgumentException.class, () -> ResolverAddresses.parse(""));
    }

    /**
     * The review: "unknown resolver host: nonexistent.invalid" was one English sentence the app showed as is. A host
     * name that has no address is its own exception, naming the entry as written, for the app and the command line
     * to word (looked up here by the test's lookup, never this computer's resolver).
     */
    @Test
    void aResolverHostWithoutAnAddressIsAnUnknownResolverHost() {
        UnknownResolverHostException e = assertThrows(UnknownResolverHostException.class,
                () -> ResolverAddresses.parse(" nonexistent.invalid:5353 ", host -> {
                    throw new java.net.UnknownHostException(host);
                }));
        assertEquals("nonexistent.invalid:5353", e.resolver());
        assertEquals("the resolver nonexistent.invalid:5353 is a host name this computer cannot look up: correct it,"
                + " or use the resolver's IP address", e.getMessage());
        java.net.InetSocketAddress known = ResolverAddresses.parse("resolver.test:54",
                host -> java.net.InetAddress.getLoopbackAddress());
        assertEquals(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 54), known);
    }
}
