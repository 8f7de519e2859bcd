package org.mailpath.testing.smtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A UDP DNS server on 127.0.0.1 that answers from a {@link FakeDns}, so command-line tests can pass
 * {@code --resolver 127.0.0.1:PORT} and never touch this machine's resolver.
 */
public final class TinyDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final FakeDns zone;
    private final Thread loop;

    public TinyDnsServer(FakeDns zone) throws IOException {
        this.zone = zone;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.loop = Thread.ofVirtual().name("tiny-dns").start(this::serve);
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.RA);
                reply.addRecord(question, Section.QUESTION);
                if (question.getName().equals(Name.root) && question.getType() == Type.NS) {
                    // like every working resolver, it knows the root's servers (MailPath asks them of a failing one)
                    reply.addRecord(new NSRecord(Name.root, DClass.IN, 3600,
                            Name.fromConstantString("a.root-servers.net.")), Section.ANSWER);
                    byte[] wire = reply.toWire();
                    socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                    continue;
                }
                DnsAnswer answer = zone.lookup(question.getName().toString(), question.getType(), Cancellation.none());
                reply.getHeader().setRcode(answer.status() == DnsStatus.NXDOMAIN ? Rcode.NXDOMAIN
                        : answer.status() == DnsStatus.OK || answer.status() == DnsStatus.NODATA ? Rcode.NOERROR
                        : Rcode.SERVFAIL);
                answer.records().forEach(r -> reply.addRecord(r, Section.ANSWER));
                byte[] wire = reply.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join();
    }
}
