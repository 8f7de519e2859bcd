package org.mailpath.testing.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process SMTP server on 127.0.0.1 for tests: every connection is handled by a {@link Behaviour} on its own
 * virtual thread (a well-behaved {@link ScriptedSmtp} or a hostile script). Closing the server closes every
 * connection and waits for the handler threads.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(ServerConversation conversation) throws Exception;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Exception> scriptFailures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeSmtpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("fake-smtp-accept").start(this::acceptLoop);
    }

    public static FakeSmtpServer start(Behaviour behaviour) throws IOException {
        return new FakeSmtpServer(behaviour);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command line the server read, in order, over all connections. */
    public List<String> received() {
        return List.copyOf(received);
    }

    void record(String line) {
        received.add(line);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                handlers.add(Thread.ofVirtual().name("fake-smtp-conn").start(() -> {
                    try (ServerConversation c = new ServerConversation(client, this)) {
                        behaviour.handle(c);
                    } catch (IOException e) {
                        // the probe hung up or the test closed the server: the script just ends
                    } catch (Exception e) {
                        scriptFailures.add(e);
                    }
                }));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
        acceptor.join();
        for (Thread t : handlers) {
            t.join();
        }
        if (!scriptFailures.isEmpty()) {
            // a broken script would otherwise look like a misbehaving server to the code under test
            IllegalStateException failure = new IllegalStateException("a server script failed: " + scriptFailures);
            scriptFailures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
