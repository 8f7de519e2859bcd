package org.mailpath.testing.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** The server's side of one connection, with the primitives test scripts need. */
public final class ServerConversation implements AutoCloseable {

    private final FakeSmtpServer server;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    ServerConversation(Socket socket, FakeSmtpServer server) throws IOException {
        this.server = server;
        use(socket);
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        this.out = s.getOutputStream();
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next command line (recorded by the server), or null when the client hung up. */
    public String readLine() throws IOException {
        String line = in.readLine();
        if (line != null) {
            server.record(line);
        }
        return line;
    }

    public InputStream rawInput() throws IOException {
        return socket.getInputStream();
    }

    /** Holds the connection open without a word until the client gives up (or the server closes). */
    public void silence() throws IOException {
        InputStream raw = socket.getInputStream();
        while (raw.read() >= 0) {
            // swallow whatever the client sends
        }
    }

    public void pause(Duration d) throws InterruptedException {
        Thread.sleep(d);
    }

    /** Server side of STARTTLS: handshake with the given context, limited to {@code protocols} if any given. */
    public void startTls(SSLContext context, String... protocols) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        ssl.setUseClientMode(false);
        if (protocols.length > 0) {
            ssl.setEnabledProtocols(protocols);
        }
        ssl.startHandshake();
        use(ssl);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
