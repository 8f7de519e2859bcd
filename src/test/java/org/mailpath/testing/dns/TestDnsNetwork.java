package org.mailpath.testing.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsLookups;

/**
 * A ready-made little DNS world on loopback for tests, built on {@link TestDnsServer}:
 * <pre>
 * 127.0.1.1  resolver for every zone below
 * 127.0.1.2  ns1.good.test   authoritative for good.test (signed, DS at its apex) and mail.test
 * 127.1.1.3  ns2.good.test   authoritative for good.test (another /24: one network is NS_SAME_NETWORK)
 * 127.0.1.4  ns1.broken.test listed for broken.test but not serving it (lame)
 * 127.0.1.5  ns2.broken.test authoritative for broken.test, no TCP
 * 127.0.1.10 ns.edns.test    authoritative for edns.test and good.test (switch its misbehaviour freely)
 * 127.0.1.20 ns.deadns.test  nothing listens (unreachable name server)
 * names under servfail.test → SERVFAIL, silent.test → no answer, malformed.test / wrongid.test /
 * wrongquestion.test → hostile replies, truncated.test → TC on every UDP answer
 * </pre>
 * Zone files: {@code src/test/resources/org/mailpath/testing/dns/*.zone}.
 */
public final class TestDnsNetwork implements AutoCloseable {

    public static final String RESOLVER = "127.0.1.1";
    public static final String EDNS_SERVER = "127.0.1.10";
    private static final String ZONES = "/org/mailpath/testing/dns/";

    private final TestDnsServer server;

    private TestDnsNetwork(TestDnsServer server) {
        this.server = server;
    }

    public static TestDnsNetwork start() throws IOException {
        return start(builder -> { });
    }

    /** Starts the network; {@code extra} may add zones or misbehaviour before it binds. */
    public static TestDnsNetwork start(java.util.function.Consumer<TestDnsServer.Builder> extra) throws IOException {
        TestDnsServer.Builder b = TestDnsServer.builder()
                .signedZoneResource("good.test", ZONES + "good.test.zone")
                .zoneResource("broken.test", ZONES + "broken.test.zone")
                .zoneResource("mail.test", ZONES + "mail.test.zone")
                .zoneResource("edns.test", ZONES + "edns.test.zone")
                .zone("deadns.test", """
                        @ SOA ns.deadns.test. hostmaster.deadns.test. 1 3600 600 86400 300
                        @ NS ns.deadns.test.
                        @ MX 10 mx1.good.test.
                        ns A 127.0.1.20
                        """)
                .zone("servfail.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n")
                .zone("silent.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n@ A 192.0.2.1\n")
                .zone("hostile.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n* A 192.0.2.1\n* TXT \"x\"\n")
                .misbehaveFor("servfail.test", TestDnsServer.Misbehaviour.SERVFAIL)
                .misbehaveFor("silent.test", TestDnsServer.Misbehaviour.SILENT)
                .misbehaveFor("malformed.hostile.test", TestDnsServer.Misbehaviour.MALFORMED)
                .misbehaveFor("wrongid.hostile.test", TestDnsServer.Misbehaviour.WRONG_ID)
                .misbehaveFor("wrongquestion.hostile.test", TestDnsServer.Misbehaviour.WRONG_QUESTION)
                .misbehaveFor("truncated.hostile.test", TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE)
                .resolver(RESOLVER)
                .authoritative("127.0.1.2", "good.test", "mail.test")
                .authoritative("127.1.1.3", "good.test")
                .authoritative("127.0.1.4")
                .authoritative("127.0.1.5", "broken.test")
                .authoritative(EDNS_SERVER, "edns.test", "good.test");
        extra.accept(b);
        TestDnsNetwork net = new TestDnsNetwork(b.start());
        net.server.behave("127.0.1.5", TestDnsServer.Misbehaviour.NO_TCP);
        return net;
    }

    public TestDnsServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** Check options pointing at this network: its resolver, its port for direct queries, {@code timeout}. */
    public CheckOptions options(Duration timeout) {
        return new CheckOptions(List.of(server.resolverSpec()), server.port(), timeout, Optional.empty(),
                List.of(), List.of());
    }

    public DnsLookup lookup(Duration timeout) {
        return DnsLookups.create(List.of(server.resolverSpec()), timeout);
    }

    @Override
    public void close() {
        server.close();
    }
}
