package org.mailpath.engine.nameserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.dns.SilentServers;
import org.mailpath.engine.edns.EdnsCheck;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.TestDnsServer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A name server that serves many domains' zones and answers nothing (no UDP reply, TCP connections accepted and
 * never answered) is tested in full once per run: for the other zones it serves the run asks it one question, and
 * when that goes unanswered too, concludes as for the first. Each domain's findings stay those of a run of it alone.
 */
class SharedSilentServerTest {

    private static final String SILENT = "127.0.9.81";
    private static final int DOMAINS = 5;

    @Test
    void aSilentServerSharedByManyZonesIsTestedInFullOncePerRun() throws Exception {
        TestDnsServer.Builder builder = TestDnsServer.builder()
                .zone("dead.test", "@ SOA ns.dead.test. h.dead.test. 1 3600 600 86400 300\n"
                        + "@ NS ns.dead.test.\nns A " + SILENT + "\n")
                .resolver("127.0.9.80");
        List<String> domains = IntStream.rangeClosed(1, DOMAINS).mapToObj(i -> "d" + i + ".test").toList();
        for (String d : domains) {
            builder.zone(d, "@ SOA ns.dead.test. h." + d + ". 1 3600 600 86400 300\n@ NS ns.dead.test.\n");
        }
        try (TestDnsServer dns = builder.start();
             SilentServer silent = new SilentServer(new InetSocketAddress(InetAddress.getByName(SILENT), dns.port()))) {
            CheckOptions options = CheckSetup.of(dns).withTimeout(Duration.ofMillis(300)).options();
            Map<String, List<String>> alone = new LinkedHashMap<>();
            int oneDomain = -1;
            for (String d : domains) {
                int before = silent.received();
                alone.put(d, seen(check(List.of(d), options).getFirst()));
                oneDomain = silent.received() - before;
            }
            int before = silent.received();
            List<DomainCheckResult> together = check(domains, options);
            int all = silent.received() - before;
            for (DomainCheckResult r : together) {
                assertEquals(alone.get(r.domain()), seen(r), r.domain());
            }
            assertTrue(seen(together.getFirst()).stream().anyMatch(l -> l.startsWith("NS_UNREACHABLE ERROR")),
                    seen(together.getFirst()).toString());
            // the evidence says which zones were spared the full test, and why
            assertEquals(DOMAINS - 1, together.stream().filter(r -> r.findings().stream().anyMatch(f -> f.code()
                    .equals("NS_UNREACHABLE") && f.evidence().stream().anyMatch(l -> l.startsWith(";; not asked over"
                    + " TCP: " + SILENT + ":" + dns.port() + " answered neither over UDP (timeout) nor over TCP"
                    + " (timeout) for d")))).count());
            assertEquals(DOMAINS - 1, together.stream().filter(r -> r.findings().stream().anyMatch(f -> f.code()
                    .equals("EDNS_DEAD") && f.evidence().stream().anyMatch(l -> l.startsWith(";; the other tests were"
                    + " not asked: " + SILENT + ":" + dns.port() + " answered none of them for d")))).count());
            // the first zone's full test, then one question per check for each other zone (not the 5x of before)
            assertTrue(all < 2 * oneDomain, "one domain alone: " + oneDomain + " packets and connections; "
                    + DOMAINS + " in one run: " + all);
        }
    }

    /**
     * Lame delegations may drop one zone's questions and answer another's: a server silent for a.test that answers
     * b.test is tested in full for b.test even after a.test, and b.test's findings are those it gets alone.
     */
    @Test
    void aServerSilentForOneZoneIsTestedInFullForAnotherItAnswers() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("dead.test", "@ SOA ns.dead.test. h.dead.test. 1 3600 600 86400 300\n"
                        + "@ NS ns.dead.test.\nns A " + SILENT + "\n")
                .zone("a.test", "@ SOA ns.dead.test. h.a.test. 1 3600 600 86400 300\n@ NS ns.dead.test.\n")
                .zone("b.test", "@ SOA ns.dead.test. h.b.test. 1 3600 600 86400 300\n@ NS ns.dead.test.\n")
                .resolver("127.0.9.80")
                .start();
             SilentServer server = new SilentServer(new InetSocketAddress(InetAddress.getByName(SILENT), dns.port()),
                     "b.test")) {
            CheckOptions options = CheckSetup.of(dns).withTimeout(Duration.ofMillis(300)).options();
            List<String> alone = seen(checkInOrder(List.of("b.test"), options).getFirst());
            List<DomainCheckResult> afterSilence = checkInOrder(List.of("a.test", "b.test"), options);
            assertTrue(seen(afterSilence.getFirst()).stream().anyMatch(l -> l.startsWith("NS_UNREACHABLE ERROR")),
                    seen(afterSilence.getFirst()).toString());
            assertEquals(alone, seen(afterSilence.getLast()));
            assertTrue(afterSilence.getLast().nameServers().getFirst().tests().values().stream()
                    .noneMatch("timeout"::equals), afterSilence.getLast().nameServers().toString());
        }
    }

    /** The domains' name-server and EDNS checks one domain after the other, in one run's context. */
    private static List<DomainCheckResult> checkInOrder(List<String> domains, CheckOptions options) {
        DnsLookup lookup = DnsLookups.create(options.resolvers(), options.timeout());
        SilentServers silent = new SilentServers();
        List<DomainCheckResult> results = new ArrayList<>();
        for (String d : domains) {
            CheckContext context = new CheckContext(d, options, lookup, Cancellation.none(), SalesforceSending.UNKNOWN,
                    List.of(), silent);
            CheckOutcome ns = new NameServerCheck().run(context);
            CheckOutcome edns = new EdnsCheck().run(context);
            List<Finding> findings = new ArrayList<>(ns.findings());
            findings.addAll(edns.findings());
            results.add(new DomainCheckResult(d, ConcurrentDomainChecker.domainFindings(d, findings),
                    edns.nameServers()));
        }
        return results;
    }

    private static List<DomainCheckResult> check(List<String> domains, CheckOptions options) {
        ConcurrentDomainChecker checker = new ConcurrentDomainChecker(List.of(new NameServerCheck(), new EdnsCheck()),
                o -> DnsLookups.create(o.resolvers(), o.timeout()));
        return checker.check(domains.stream().map(d -> new CheckRequest(d, EnumSet.of(CheckKind.NAME_SERVERS,
                CheckKind.EDNS))).toList(), options, CheckListener.NONE, Cancellation.none()).domains();
    }

    /** What a report shows of a domain, evidence aside: findings, and each server's labels and verdict. */
    private static List<String> seen(DomainCheckResult r) {
        List<String> seen = new ArrayList<>();
        for (Finding f : r.findings()) {
            seen.add(f.code() + " " + f.severity() + " " + f.subject() + " " + f.message() + " " + f.actor());
        }
        r.nameServers().forEach(s -> seen.add(s.name() + " " + s.address() + " " + s.tests() + " " + s.verdict()));
        return seen;
    }

    /** Reads every UDP datagram and accepts every TCP connection on one address, answering none; counts both. */
    private static final class SilentServer implements AutoCloseable {

        private final DatagramSocket udp;
        private final ServerSocket tcp;
        private final AtomicInteger received = new AtomicInteger();
        private final List<Socket> held = new ArrayList<>();
        private final List<String> answered;

        /** {@code answered}: zones whose questions it answers after all, as their authoritative server. */
        SilentServer(InetSocketAddress at, String... answered) throws IOException {
            this.answered = List.of(answered);
            udp = new DatagramSocket(at);
            tcp = new ServerSocket();
            tcp.bind(at);
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[65535];
                while (!udp.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        udp.receive(packet);
                        received.incrementAndGet();
                        Optional<byte[]> reply = reply(Arrays.copyOf(buffer, packet.getLength()));
                        if (reply.isPresent()) {
                            udp.send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
                        }
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
            Thread.ofVirtual().start(() -> {
                while (!tcp.isClosed()) {
                    try {
                        Socket s = tcp.accept();
                        received.incrementAndGet();
                        synchronized (held) {
                            held.add(s);
                        }
                        Thread.ofVirtual().start(() -> serve(s));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        /** Reads framed questions, answering those it answers, until the client closes the connection. */
        private void serve(Socket s) {
            try (DataInputStream in = new DataInputStream(s.getInputStream());
                 DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
                while (true) {
                    byte[] query = new byte[in.readUnsignedShort()];
                    in.readFully(query);
                    Optional<byte[]> reply = reply(query);
                    if (reply.isPresent()) {
                        out.writeShort(reply.get().length);
                        out.write(reply.get());
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the client gave up or closed: nothing more to read
            }
        }

        /** An authoritative answer (the zone's SOA for an SOA question) for the zones it answers; else none. */
        private Optional<byte[]> reply(byte[] wire) {
            try {
                Message query = new Message(wire);
                Record question = query.getQuestion();
                Optional<String> zone = answered.stream()
                        .filter(z -> question.getName().subdomain(Name.fromConstantString(z + "."))).findFirst();
                if (zone.isEmpty()) {
                    return Optional.empty();
                }
                Name origin = Name.fromString(zone.get() + ".");
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.AA);
                reply.addRecord(question, Section.QUESTION);
                if (question.getType() == Type.SOA && question.getName().equals(origin)) {
                    reply.addRecord(new SOARecord(origin, DClass.IN, 300, Name.fromString("ns.dead.test."),
                            Name.fromString("h." + zone.get() + "."), 1, 3600, 600, 86400, 300), Section.ANSWER);
                }
                if (query.getOPT() != null) {
                    reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
                }
                return Optional.of(reply.toWire());
            } catch (IOException e) {
                return Optional.empty(); // not a DNS question: silence
            }
        }

        int received() {
            return received.get();
        }

        @Override
        public void close() throws IOException {
            udp.close();
            tcp.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
