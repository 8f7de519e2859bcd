package org.mailpath.testing.dns;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * An in-process DNS server for tests, on loopback addresses (127.0.0.0/8), UDP and TCP on one port.
 *
 * <p>It serves zone files (dnsjava {@link Zone}) and can play two roles per address:
 * <ul>
 *   <li><b>authoritative</b> ({@link Builder#authoritative}): answers, with AA set, for the zones given to that
 *       address and REFUSED for any other (so listing an address in an NS set without giving it the zone makes a
 *       lame delegation);</li>
 *   <li><b>resolver</b> ({@link Builder#resolver}): answers like a recursive resolver from all zones
 *       (RA set, CNAME chains followed across zones, NXDOMAIN outside every zone, the root's NS known) — point a
 *       {@code DnsLookup} at it with {@code --resolver 127.0.x.y:port}.</li>
 * </ul>
 * EDNS is handled the way a compliant server does: BADVERS for version ≠ 0, OPT version 0 with buffer 1232,
 * DO echoed, unknown options ignored, cookies answered (client + 8-byte server cookie), UDP answers truncated
 * (TC) to the requester's buffer.
 *
 * <p>{@link Misbehaviour}s can be switched on per address ({@link #behave}) or per query name suffix
 * ({@link Builder#misbehaveFor}), at any time; {@link #delay} adds a fixed delay to every answer (benchmarks).
 * Typical use:
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.builder()
 *         .zoneResource("good.test", "/org/mailpath/testing/dns/good.test.zone")
 *         .resolver("127.0.1.1")
 *         .authoritative("127.0.1.2", "good.test")
 *         .start()) {
 *     DnsLookup lookup = DnsLookups.create(List.of(dns.resolverSpec()), Duration.ofSeconds(2));
 *     ...
 * }
 * }</pre>
 */
public final class TestDnsServer implements AutoCloseable {

    /** Ways the server can break the rules, each as seen in the wild. */
    public enum Misbehaviour {
        /** No answer at all to a query carrying OPT (a firewall dropping EDNS). */
        DROP_EDNS,
        /** FORMERR without OPT to any query carrying an EDNS option (e.g. Microsoft 365's servers). */
        FORMERR_ON_OPTION,
        /** Answers as if the query had no OPT record: no OPT in the reply (pre-EDNS server). */
        IGNORE_EDNS,
        /** Echoes every EDNS option of the query back. */
        ECHO_OPTIONS,
        /** Sets EDNS flags it must not set (echoes the query's flags and adds 0x0040). */
        UNKNOWN_FLAGS,
        /** Answers EDNS version 1 like version 0 (NOERROR with data) instead of BADVERS. */
        WRONG_BADVERS,
        /** Nothing listens on TCP (connection refused). */
        NO_TCP,
        /** Ignores the requester's UDP buffer size: sends whole answers over UDP, never TC. */
        OVERSIZED_UDP,
        /** Never answers (UDP or TCP). */
        SILENT,
        /** BADCOOKIE (with a server cookie) to a query carrying only a client cookie, like Knot's mod-cookies. */
        REQUIRE_COOKIE,
        /** SERVFAIL to everything. */
        SERVFAIL,
        /** REFUSED to everything. */
        REFUSED,
        /** NXDOMAIN to everything, the root zone too (a resolver that denies every name, as captive portals do). */
        NXDOMAIN,
        /**
         * Answers like a name server that does not recurse, asked as a resolver: NOERROR, neither AA nor RA, no
         * answer, the root's NS in the authority section (an upward referral), to every question.
         */
        UPWARD_REFERRAL,
        /** Replies with the right id followed by garbage. */
        MALFORMED,
        /** Replies with another query id (and nothing else). */
        WRONG_ID,
        /** Replies to a different question (and nothing else). */
        WRONG_QUESTION,
        /** Sets TC on every UDP answer, forcing TCP. */
        ALWAYS_TRUNCATE,
        /**
         * Accepts TCP connections and reads the question but never answers on them (UDP is unaffected): with
         * {@link #ALWAYS_TRUNCATE}, a resolver whose TCP side hangs, or a firewall that lets the handshake through only.
         */
        TCP_STALL,
        /**
         * Accepts TCP connections and closes each at once, before reading anything (UDP is unaffected; per address
         * only, as nothing names the question yet): with {@link #ALWAYS_TRUNCATE}, a resolver whose TCP side is broken.
         */
        TCP_CLOSE_AT_ONCE,
        /** Reads the TCP question, then closes the connection without answering (UDP is unaffected). */
        TCP_CLOSE,
        /** Reads the TCP question, then resets the connection (RST, SO_LINGER 0) without answering. */
        TCP_RESET,
        /**
         * Drops the first {@value #RATE_LIMITED_DROPS} different UDP questions it gets (every send of each), and
         * answers everything after: a burst hitting a response-rate limiter (RRL), without depending on time.
         */
        RATE_LIMITED;

        /** How many different UDP questions {@link #RATE_LIMITED} drops. */
        public static final int RATE_LIMITED_DROPS = 6;
        /** Sends of one question that a client makes within its timeout (EdnsProbe sends 3). */
        static final int SENDS_PER_QUESTION = 3;
    }

    private static final int MAX_CHASE = 16;
    private static final Name ROOT_SERVER = Name.fromConstantString("a.root-servers.net.");
    private static final System.Logger LOG = System.getLogger(TestDnsServer.class.getName());

    private final Map<Name, Zone> zones;
    private final Map<InetAddress, AddressConfig> addresses;
    private final Map<Name, Set<Misbehaviour>> byName;
    /** Names whose negative answers carry the proof for another name ({@link Builder#proofOf}). */
    private final Map<Name, Name> wrongProofs;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> sockets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong queries = new AtomicLong();
    /** Queries received per question ("mx1.good.test. A"), every send counted. */
    private final Map<String, AtomicLong> byQuestion = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closed;
    private int port;

    private static final class AddressConfig {
        final InetAddress address;
        final boolean resolver;
        final Set<Name> zones;
        volatile Set<Misbehaviour> behaviour = Set.of();
        volatile ServerSocket tcp;
        /** The thread accepting on {@link #tcp}: a listener is only really closed once it has left accept(). */
        volatile Thread tcpAcceptor;
        /** RATE_LIMITED: how often each dropped question (its bytes) was dropped. */
        final Map<ByteBuffer, Integer> dropped = new HashMap<>();

        AddressConfig(InetAddress address, boolean resolver, Set<Name> zones) {
            this.address = address;
            this.resolver = resolver;
            this.zones = zones;
        }
    }

    private TestDnsServer(Builder b) {
        this.zones = Map.copyOf(b.zones);
        this.addresses = new LinkedHashMap<>(b.addresses);
        this.byName = Map.copyOf(b.byName);
        this.wrongProofs = Map.copyOf(b.wrongProofs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures zones and addresses; {@link #start()} binds them all on one free port. */
    public static final class Builder {
        private final Map<Name, Zone> zones = new LinkedHashMap<>();
        private final Map<InetAddress, AddressConfig> addresses = new LinkedHashMap<>();
        private final Map<Name, Set<Misbehaviour>> byName = new LinkedHashMap<>();
        private final Map<Name, Name> wrongProofs = new LinkedHashMap<>();
        private int port;

        /**
         * A zone from zone-file text (relative names are relative to {@code origin}; $TTL defaults to 300).
         * A zone without NS records gets {@code @ NS ns.invalid.} (dnsjava's Zone needs an NS set).
         */
        public Builder zone(String origin, String zoneText) {
            try {
                Name name = name(origin);
                List<Record> records = new ArrayList<>();
                try (Master master = new Master(new ByteArrayInputStream(
                        ("$TTL 300\n" + zoneText).getBytes(StandardCharsets.UTF_8)), name)) {
                    for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                        records.add(r);
                    }
                }
                if (records.stream().noneMatch(r -> r.getType() == Type.NS && r.getName().equals(name))) {
                    records.add(new org.xbill.DNS.NSRecord(name, org.xbill.DNS.DClass.IN, 300, name("ns.invalid")));
                }
                zones.put(name, new Zone(name, records.toArray(new Record[0])));
                return this;
            } catch (IOException e) {
                throw new IllegalArgumentException("bad test zone " + origin + ": " + e.getMessage(), e);
            }
        }

        /** A zone from a zone file on the test class path. */
        public Builder zoneResource(String origin, String resource) {
            return zone(origin, resourceText(resource));
        }

        private static String resourceText(String resource) {
            try (InputStream in = TestDnsServer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(resource, e);
            }
        }

        /**
         * A zone from a zone file on the test class path, signed on the spot by {@link ZoneSigner} with a fresh key
         * (signatures valid from an hour ago for 30 days) and the NSEC chain a signed zone has, and the key's DS record
         * at the apex: this server has no parent zones, and its resolver finds a DS there.
         */
        public Builder signedZoneResource(String origin, String resource) {
            return signedZone(origin, resourceText(resource), ZoneSigner.Key.ksk(origin), ZoneSigner.Chain.NSEC);
        }

        /**
         * A zone from zone-file text signed by {@code key} as {@link #signedZoneResource} does, with the denial
         * {@code chain}, and the key's DS record at the apex. Its negative answers to questions with DO carry the
         * chain's proof ({@link ZoneSigner#denial}).
         */
        public Builder signedZone(String origin, String zoneText, ZoneSigner.Key key, ZoneSigner.Chain chain) {
            java.time.Instant now = java.time.Instant.now();
            String signed = ZoneSigner.signText(origin, zoneText, List.of(key), now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(30)), chain);
            return zone(origin, signed + key.ds() + "\n");
        }

        /**
         * Negative answers for {@code name} carry the proof for {@code other} instead (validly signed, but proving
         * another name's absence: what a broken server or a replayed answer gives).
         */
        public Builder proofOf(String name, String other) {
            wrongProofs.put(name(name), name(other));
            return this;
        }

        /** An address answering like a recursive resolver from every zone. */
        public Builder resolver(String address) {
            InetAddress a = address(address);
            addresses.put(a, new AddressConfig(a, true, Set.of()));
            return this;
        }

        /** An address answering authoritatively for the given zones (REFUSED for others). */
        public Builder authoritative(String address, String... zoneNames) {
            InetAddress a = address(address);
            Set<Name> names = new java.util.HashSet<>();
            for (String z : zoneNames) {
                names.add(name(z));
            }
            addresses.put(a, new AddressConfig(a, false, Set.copyOf(names)));
            return this;
        }

        /** Misbehaviour for every query whose name is {@code suffix} or below it, on any address. */
        public Builder misbehaveFor(String suffix, Misbehaviour... how) {
            byName.put(name(suffix), Set.copyOf(Arrays.asList(how)));
            return this;
        }

        /** A fixed port (default: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public TestDnsServer start() throws IOException {
            TestDnsServer server = new TestDnsServer(this);
            server.bind(port);
            return server;
        }
    }

    /** The port every address listens on (UDP and TCP). */
    public int port() {
        return port;
    }

    /** "address:port" of the first resolver address, for {@code --resolver}. */
    public String resolverSpec() {
        return addresses.values().stream().filter(c -> c.resolver).findFirst()
                .map(c -> c.address.getHostAddress() + ":" + port)
                .orElseThrow(() -> new IllegalStateException("no resolver address configured"));
    }

    /** Replaces the misbehaviour of one address (none = behave). */
    public void behave(String address, Misbehaviour... how) {
        AddressConfig c = addresses.get(address(address));
        if (c == null) {
            throw new IllegalArgumentException("not an address of this server: " + address);
        }
        c.behaviour = how.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(how)));
        Thread acceptor = null;
        synchronized (this) {
            if (c.behaviour.contains(Misbehaviour.NO_TCP) && c.tcp != null) {
                closeQuietly(c.tcp);
                c.tcp = null;
                acceptor = c.tcpAcceptor;
            }
        }
        if (acceptor != null) {
            // A socket closed while a virtual thread waits in accept() is closed by that thread when it wakes:
            // until then a connection can still be accepted and is then reset, where the test expects it refused.
            try {
                if (!acceptor.join(Duration.ofSeconds(30))) {
                    throw new IllegalStateException("the TCP listener of " + address + " did not close");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while closing the TCP listener of " + address, e);
            }
        }
        try {
            listenTcp(c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on TCP again at " + address, e);
        }
    }

    /** Adds {@code delay} before every answer. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Queries received so far (all addresses, UDP and TCP). */
    public long queries() {
        return queries.get();
    }

    /**
     * Queries received so far for one question, {@code "name type"} with the name absolute and in lower case
     * ({@code "mx1.good.test. A"}): a count that questions the client asks beside it (its resolver probes) leave
     * alone.
     */
    public long queries(String question) {
        AtomicLong n = byQuestion.get(question);
        return n == null ? 0 : n.get();
    }

    /** Queries received so far whose name ends in {@code suffix} (absolute, lower case: {@code ".test."}). */
    public long queriesEndingIn(String suffix) {
        return byQuestion.entrySet().stream().filter(e -> e.getKey().substring(0, e.getKey().indexOf(' '))
                .endsWith(suffix)).mapToLong(e -> e.getValue().get()).sum();
    }

    private void bind(int fixedPort) throws IOException {
        for (int attempt = 0; ; attempt++) {
            int p = fixedPort != 0 ? fixedPort : 20000 + ThreadLocalRandom.current().nextInt(40000);
            try {
                for (AddressConfig c : addresses.values()) {
                    DatagramSocket udp = new DatagramSocket(null);
                    sockets.add(udp);
                    udp.setReceiveBufferSize(4 << 20); // bursts of probes must not be dropped by the kernel
                    udp.bind(new InetSocketAddress(c.address, p));
                    Thread.ofVirtual().name("test-dns-udp-" + c.address.getHostAddress()).start(() -> udpLoop(c, udp));
                    this.port = p;
                    listenTcp(c);
                }
                return;
            } catch (BindException e) {
                closeSockets();
                addresses.values().forEach(c -> c.tcp = null);
                if (fixedPort != 0 || attempt > 30) {
                    throw e;
                }
            }
        }
    }

    private void udpLoop(AddressConfig c, DatagramSocket socket) {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            workers.execute(() -> {
                byte[] reply = answer(c, query, true);
                if (reply != null) {
                    try {
                        socket.send(new DatagramPacket(reply, reply.length, from));
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "test DNS send failed", e);
                    }
                }
            });
        }
    }

    /** Opens the TCP listener of an address unless it must not have one (NO_TCP: connection refused). */
    private synchronized void listenTcp(AddressConfig c) throws IOException {
        if (c.behaviour.contains(Misbehaviour.NO_TCP) || c.tcp != null) {
            return;
        }
        ServerSocket tcp = new ServerSocket();
        sockets.add(tcp);
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(c.address, port), 4096); // many probes connect at once
        c.tcp = tcp;
        c.tcpAcceptor = Thread.ofVirtual().name("test-dns-tcp-" + c.address.getHostAddress())
                .start(() -> tcpLoop(c, tcp));
    }

    private void tcpLoop(AddressConfig c, ServerSocket server) {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(s);
            workers.execute(() -> serveTcp(c, s));
        }
    }

    private void serveTcp(AddressConfig c, Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            if (c.behaviour.contains(Misbehaviour.TCP_CLOSE_AT_ONCE)) {
                return;
            }
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                byte[] reply = answer(c, query, false);
                if (reply == CLOSE_CONNECTION) {
                    return;
                }
                if (reply == RESET_CONNECTION) {
                    s.setSoLinger(true, 0); // closing now sends RST, not FIN
                    return;
                }
                if (reply == null) {
                    continue; // silent: leave the client waiting
                }
                byte[] framed = new byte[reply.length + 2];
                framed[0] = (byte) (reply.length >>> 8);
                framed[1] = (byte) reply.length;
                System.arraycopy(reply, 0, framed, 2, reply.length);
                out.write(framed);
                out.flush();
            }
        } catch (EOFException | SocketException e) {
            // client went away
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "test DNS TCP failed", e);
        }
    }

    /**
     * Whether a rate-limited address drops this question: one of the first different ones, not yet dropped as often as
     * a client sends it. A later question that happens to repeat a dropped one's bytes is answered.
     */
    private static boolean droppedAsRateLimited(AddressConfig c, byte[] wire) {
        synchronized (c.dropped) {
            ByteBuffer key = ByteBuffer.wrap(wire);
            Integer times = c.dropped.get(key);
            if (times == null && c.dropped.size() >= Misbehaviour.RATE_LIMITED_DROPS
                    || times != null && times >= Misbehaviour.SENDS_PER_QUESTION) {
                return false;
            }
            c.dropped.put(key, times == null ? 1 : times + 1);
            return true;
        }
    }

    /** {@link #answer}'s word to close the TCP connection without a reply ({@link Misbehaviour#TCP_CLOSE}). */
    private static final byte[] CLOSE_CONNECTION = new byte[0];
    /** {@link #answer}'s word to reset the TCP connection ({@link Misbehaviour#TCP_RESET}). */
    private static final byte[] RESET_CONNECTION = new byte[0];

    /**
     * The reply bytes to one query, or null for no reply; over TCP also {@link #CLOSE_CONNECTION} or {@link #RESET_CONNECTION}
     * (compared by identity).
     */
    private byte[] answer(AddressConfig c, byte[] wire, boolean udp) {
        queries.incrementAndGet();
        Message q;
        try {
            q = new Message(wire);
        } catch (IOException e) {
            if (wire.length < 12) {
                return null;
            }
            Header h = new Header(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
            h.setFlag(Flags.QR);
            h.setRcode(Rcode.FORMERR);
            return h.toWire();
        }
        Set<Misbehaviour> how = EnumSet.noneOf(Misbehaviour.class);
        how.addAll(c.behaviour);
        Record question = q.getQuestion();
        if (question != null) {
            byQuestion.computeIfAbsent(question.getName().toString().toLowerCase(Locale.ROOT) + " "
                    + Type.string(question.getType()), k -> new AtomicLong()).incrementAndGet();
            byName.forEach((suffix, set) -> {
                if (question.getName().subdomain(suffix)) {
                    how.addAll(set);
                }
            });
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (udp && how.contains(Misbehaviour.RATE_LIMITED) && droppedAsRateLimited(c, wire)) {
            return null;
        }
        OPTRecord qopt = q.getOPT();
        if (how.contains(Misbehaviour.SILENT) || (qopt != null && how.contains(Misbehaviour.DROP_EDNS))
                || !udp && how.contains(Misbehaviour.TCP_STALL)) {
            return null;
        }
        if (!udp && how.contains(Misbehaviour.TCP_CLOSE)) {
            return CLOSE_CONNECTION;
        }
        if (!udp && how.contains(Misbehaviour.TCP_RESET)) {
            return RESET_CONNECTION;
        }
        int id = q.getHeader().getID();
        if (how.contains(Misbehaviour.MALFORMED)) {
            byte[] junk = new byte[40];
            ThreadLocalRandom.current().nextBytes(junk);
            junk[0] = (byte) (id >>> 8);
            junk[1] = (byte) id;
            junk[2] = (byte) 0x80;
            junk[5] = 1; // claims one question that the bytes do not hold
            junk[7] = 9;
            return junk;
        }
        Message r = new Message(how.contains(Misbehaviour.WRONG_ID) ? (id + 1) & 0xffff : id);
        Header h = r.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(q.getHeader().getOpcode());
        if (q.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (question != null) {
            if (how.contains(Misbehaviour.WRONG_QUESTION)) {
                r.addRecord(Record.newRecord(name("wrong-question.invalid"), question.getType(),
                        question.getDClass()), Section.QUESTION);
                return r.toWire();
            }
            r.addRecord(question, Section.QUESTION);
        }
        if (how.contains(Misbehaviour.WRONG_ID)) {
            return r.toWire();
        }
        if (q.getHeader().getOpcode() != Opcode.QUERY || question == null) {
            h.setRcode(Rcode.NOTIMP);
            return r.toWire();
        }
        if (qopt != null && how.contains(Misbehaviour.FORMERR_ON_OPTION) && !qopt.getOptions().isEmpty()) {
            h.setRcode(Rcode.FORMERR);
            return r.toWire();
        }
        boolean edns = qopt != null && !how.contains(Misbehaviour.IGNORE_EDNS);
        int limit = 512;
        List<EDNSOption> options = new ArrayList<>();
        int flags = 0;
        if (edns) {
            limit = Math.max(512, qopt.getPayloadSize());
            flags = qopt.getFlags() & 0x8000;
            if (how.contains(Misbehaviour.UNKNOWN_FLAGS)) {
                flags = qopt.getFlags() | 0x0040;
            }
            if (how.contains(Misbehaviour.ECHO_OPTIONS)) {
                qopt.getOptions().stream().filter(o -> o.getCode() != 10).forEach(options::add);
            }
            List<EDNSOption> cookies = qopt.getOptions(10);
            if (!cookies.isEmpty()) {
                byte[] data = Arrays.copyOfRange(cookies.getFirst().toWire(), 4, cookies.getFirst().toWire().length);
                byte[] reply = Arrays.copyOf(Arrays.copyOf(data, Math.min(8, data.length)), 16);
                System.arraycopy(new byte[] {9, 8, 7, 6, 5, 4, 3, 2}, 0, reply, 8, 8);
                options.add(new GenericEDNSOption(10, reply));
                if (how.contains(Misbehaviour.REQUIRE_COOKIE) && data.length == 8) {
                    r.addRecord(new OPTRecord(1232, 23 >>> 4, 0, flags, options), Section.ADDITIONAL);
                    h.setRcode(23 & 0xf);
                    return r.toWire();
                }
            }
            if (qopt.getVersion() > 0 && !how.contains(Misbehaviour.WRONG_BADVERS)) {
                r.addRecord(new OPTRecord(1232, Rcode.BADVERS >>> 4, 0, flags, options), Section.ADDITIONAL);
                return r.toWire();
            }
        }
        if (how.contains(Misbehaviour.UPWARD_REFERRAL)) {
            r.addRecord(new NSRecord(Name.root, DClass.IN, 3600, ROOT_SERVER), Section.AUTHORITY);
        } else if (how.contains(Misbehaviour.SERVFAIL) || how.contains(Misbehaviour.REFUSED)
                || how.contains(Misbehaviour.NXDOMAIN)) {
            // NXDOMAIN (an address that denies every name) wins over a name's SERVFAIL or REFUSED
            h.setRcode(how.contains(Misbehaviour.NXDOMAIN) ? Rcode.NXDOMAIN
                    : how.contains(Misbehaviour.SERVFAIL) ? Rcode.SERVFAIL : Rcode.REFUSED);
        } else if (c.resolver) {
            resolve(r, question.getName(), question.getType(), edns && (flags & 0x8000) != 0);
            h.setFlag(Flags.RA);
        } else {
            authoritative(c, r, question.getName(), question.getType(), edns && (flags & 0x8000) != 0);
        }
        if (edns) {
            r.addRecord(new OPTRecord(1232, 0, 0, flags, options), Section.ADDITIONAL);
        }
        if (udp && how.contains(Misbehaviour.ALWAYS_TRUNCATE)) {
            h.setFlag(Flags.TC);
            r.removeAllRecords(Section.ANSWER);
            r.removeAllRecords(Section.AUTHORITY);
            return r.toWire();
        }
        if (!udp || how.contains(Misbehaviour.OVERSIZED_UDP)) {
            return r.toWire(65535);
        }
        return r.toWire(limit);
    }

    private void authoritative(AddressConfig c, Message r, Name qname, int qtype, boolean dnssec) {
        Zone zone = zoneFor(qname);
        if (zone == null || !c.zones.contains(zone.getOrigin())) {
            r.getHeader().setRcode(Rcode.REFUSED);
            return;
        }
        r.getHeader().setFlag(Flags.AA);
        fromZone(r, zone, qname, qtype, dnssec, false);
    }

    private void resolve(Message r, Name qname, int qtype, boolean dnssec) {
        if (qname.equals(Name.root) && qtype == Type.NS && zoneFor(qname) == null) {
            // every working resolver knows the root's servers (MailPath asks them to tell a dead resolver)
            r.addRecord(new NSRecord(Name.root, DClass.IN, 3600, ROOT_SERVER), Section.ANSWER);
            return;
        }
        Name current = qname;
        for (int i = 0; i < MAX_CHASE; i++) {
            Zone zone = zoneFor(current);
            if (zone == null) {
                if (i == 0) {
                    r.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return;
            }
            Name next = fromZone(r, zone, current, qtype, dnssec, true);
            if (next == null) {
                return;
            }
            current = next;
        }
    }

    /** Adds the zone's answer for one name; returns the CNAME target still to chase, or null. */
    private Name fromZone(Message r, Zone zone, Name qname, int qtype, boolean dnssec, boolean chaseOut) {
        Name current = qname;
        for (int i = 0; i < MAX_CHASE; i++) {
            SetResponse sr = zone.findRecords(current, qtype);
            if (sr.isSuccessful()) {
                for (RRset set : sr.answers()) {
                    addSet(r, set, Section.ANSWER, dnssec);
                }
                return null;
            }
            if (sr.isCNAME()) {
                CNAMERecord cname = sr.getCNAME();
                r.addRecord(cname, Section.ANSWER);
                current = cname.getTarget();
                if (!current.subdomain(zone.getOrigin())) {
                    return chaseOut ? current : null;
                }
                continue;
            }
            if (sr.isNXDOMAIN()) {
                r.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            if (sr.isDelegation()) {
                addSet(r, sr.getNS(), Section.AUTHORITY, dnssec);
                r.getHeader().unsetFlag(Flags.AA);
                return null;
            }
            addSet(r, zone.getSOA() == null ? null : zone.findExactMatch(zone.getOrigin(), Type.SOA),
                    Section.AUTHORITY, dnssec);
            if (dnssec) {
                // the proof a signed zone's server gives (ZoneSigner.denial), or another name's where a test asks
                List<Record> all = new ArrayList<>();
                zone.iterator().forEachRemaining(set -> {
                    all.addAll(set.rrs(false));
                    all.addAll(set.sigs());
                });
                ZoneSigner.denial(all, wrongProofs.getOrDefault(current, current), sr.isNXDOMAIN())
                        .forEach(rec -> r.addRecord(rec, Section.AUTHORITY));
            }
            return null;
        }
        return null;
    }

    private static void addSet(Message r, RRset set, int section, boolean dnssec) {
        if (set == null) {
            return;
        }
        set.rrs(false).forEach(rec -> r.addRecord(rec, section));
        if (dnssec) {
            set.sigs().forEach(rec -> r.addRecord(rec, section));
        }
    }

    private Zone zoneFor(Name name) {
        Zone best = null;
        for (Zone z : zones.values()) {
            if (name.subdomain(z.getOrigin())
                    && (best == null || z.getOrigin().labels() > best.getOrigin().labels())) {
                best = z;
            }
        }
        return best;
    }

    @Override
    public void close() {
        closed = true;
        closeSockets();
        workers.shutdownNow();
    }

    private void closeSockets() {
        synchronized (sockets) {
            for (AutoCloseable s : sockets) {
                try {
                    s.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.DEBUG, "close failed", e);
                }
            }
            sockets.clear();
        }
    }

    private static void closeQuietly(AutoCloseable s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    static Name name(String text) {
        try {
            String t = text.toLowerCase(Locale.ROOT);
            return Name.fromString(t.endsWith(".") ? t : t + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static InetAddress address(String text) {
        try {
            InetAddress a = InetAddress.getByName(text);
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("test DNS servers listen on loopback only, not " + text);
            }
            return a;
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
