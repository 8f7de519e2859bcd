package org.mailpath.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes this JVM's default proxy selection answer every question with a SOCKS and an HTTP proxy on a loopback port
 * where nothing listens, as a computer's proxy settings might, and records what was asked: a connection that
 * consults the settings fails or shows up in {@link #asked()}. Restores the previous default when closed. Tests run
 * one at a time in one JVM, so the global default is safe to swap for the length of a test.
 */
public final class ProxyTrap extends ProxySelector implements AutoCloseable {

    private final ProxySelector previous = ProxySelector.getDefault();
    private final List<URI> asked = new CopyOnWriteArrayList<>();
    private final InetSocketAddress nowhere;

    private ProxyTrap(InetSocketAddress nowhere) {
        this.nowhere = nowhere;
    }

    public static ProxyTrap install() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ProxyTrap trap = new ProxyTrap(new InetSocketAddress("127.0.0.1", port));
        ProxySelector.setDefault(trap);
        return trap;
    }

    /** The URIs the default proxy selection was asked about while installed. */
    public List<URI> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<Proxy> select(URI uri) {
        asked.add(uri);
        return List.of(new Proxy(uri.getScheme().startsWith("http") ? Proxy.Type.HTTP : Proxy.Type.SOCKS, nowhere));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing listens there, by design
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }
}
