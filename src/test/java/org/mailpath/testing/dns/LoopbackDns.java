package org.mailpath.testing.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.edns.ScriptedDnsServer;

/**
 * One loopback DNS server for a whole test class, as a JUnit 5 extension on a static field: started before the
 * first test, closed after the last, and handing out {@link CheckSetup}s aimed at it.
 * <pre>{@code
 * @RegisterExtension
 * static final LoopbackDns DNS = LoopbackDns.zones(b -> b.zone("example.test", ZONE).resolver("127.0.8.1"));
 * ...
 * new PtrCheck().run(DNS.setup().withIp("192.0.2.25").context("example.test"));
 * }</pre>
 * Misbehaviour switched with {@link #behave} lasts until the end of the test that switched it, so tests do not
 * depend on each other's order.
 */
public final class LoopbackDns implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** What runs: the server to close, where its resolver listens, and the zone server to switch, if any. */
    private record Running(AutoCloseable server, String resolver, int port, Optional<TestDnsServer> zones) {
    }

    @FunctionalInterface
    private interface Starter {
        Running start() throws IOException;
    }

    private final Starter starter;
    private final Set<String> misbehaving = new LinkedHashSet<>();
    private Running running;

    private LoopbackDns(Starter starter) {
        this.starter = starter;
    }

    /** A {@link TestDnsServer} as {@code setup} builds it (zones, resolver and authoritative addresses, …). */
    public static LoopbackDns zones(UnaryOperator<TestDnsServer.Builder> setup) {
        return new LoopbackDns(() -> {
            TestDnsServer server = setup.apply(TestDnsServer.builder()).start();
            return new Running(server, server.resolverSpec(), server.port(), Optional.of(server));
        });
    }

    /** A {@link ScriptedDnsServer} on {@code address} whose every reply {@code handler} writes. */
    public static LoopbackDns scripted(String address, ScriptedDnsServer.Handler handler) {
        return new LoopbackDns(() -> {
            ScriptedDnsServer server = new ScriptedDnsServer(address, 0, handler);
            return new Running(server, server.spec(), server.port(), Optional.empty());
        });
    }

    /** The {@link TestDnsNetwork}, with what {@code extra} adds before it binds. */
    public static LoopbackDns network(Consumer<TestDnsServer.Builder> extra) {
        return new LoopbackDns(() -> {
            TestDnsNetwork net = TestDnsNetwork.start(extra);
            return new Running(net, net.server().resolverSpec(), net.port(), Optional.of(net.server()));
        });
    }

    /** The {@link TestDnsNetwork} as it is. */
    public static LoopbackDns network() {
        return network(builder -> { });
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        running = starter.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        misbehaving.forEach(address -> server().behave(address));
        misbehaving.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (running != null) {
            running.server().close();
            running = null;
        }
    }

    /** Check options through the resolver, 5 s timeout, to vary per test. */
    public CheckSetup setup() {
        return CheckSetup.of(resolver(), port());
    }

    /** {@link #setup()}'s options. */
    public CheckOptions options() {
        return setup().options();
    }

    /** {@link #setup()}'s context for one check of {@code domain}. */
    public CheckContext context(String domain) {
        return setup().context(domain);
    }

    /** A lookup through the resolver with {@code timeout}. */
    public DnsLookup lookup(Duration timeout) {
        return setup().withTimeout(timeout).lookup();
    }

    /** "address:port" of the resolver. */
    public String resolver() {
        return started().resolver();
    }

    /** The resolver's address alone, without its port: the address {@link #behave} switches. */
    public String resolverAddress() {
        String resolver = resolver();
        return resolver.substring(0, resolver.lastIndexOf(':'));
    }

    /** The port every address of the server listens on. */
    public int port() {
        return started().port();
    }

    /** The zone server, to count queries or switch misbehaviour; a scripted server has none. */
    public TestDnsServer server() {
        return started().zones().orElseThrow(() -> new IllegalStateException("a scripted server has no zones"));
    }

    /** Switches the misbehaviour of {@code address} (none = behave) until the end of the running test. */
    public void behave(String address, TestDnsServer.Misbehaviour... how) {
        server().behave(address, how);
        misbehaving.add(address);
    }

    private Running started() {
        if (running == null) {
            throw new IllegalStateException("not started: register LoopbackDns with @RegisterExtension on a static"
                    + " field");
        }
        return running;
    }
}
