package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.dns.RawDnsServer;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Replies no honest server sends, from a raw loopback server: each ends in a status with a reason. */
class HostileTransportTest {

    /** For lookups that end without an answer: the outcome does not depend on speed. */
    private static final Duration SHORT = Duration.ofMillis(300);

    private static DnsAnswer ask(RawDnsServer server, Duration timeout) {
        return DnsLookups.create(List.of(server.spec()), timeout).lookup("victim.test", Type.A, Cancellation.none());
    }

    /** A proper reply to {@code query}, changed by {@code how}. */
    private static byte[] reply(byte[] query, UnaryOperator<Message> how) {
        try {
            Message q = new Message(query);
            Message r = new Message(q.getHeader().getID());
            r.getHeader().setFlag(Flags.QR);
            r.getHeader().setFlag(Flags.RA);
            r.addRecord(q.getQuestion(), Section.QUESTION);
            r.addRecord(new ARecord(q.getQuestion().getName(), DClass.IN, 300,
                    java.net.InetAddress.getByName("192.0.2.7")), Section.ANSWER);
            return how.apply(r).toWire();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] truncated(byte[] query) {
        return reply(query, r -> {
            r.removeAllRecords(Section.ANSWER);
            r.getHeader().setFlag(Flags.TC);
            return r;
        });
    }

    private static void framed(OutputStream out, byte[] data, int declared) throws IOException {
        out.write(new byte[] {(byte) (declared >>> 8), (byte) declared});
        out.write(data);
        out.flush();
    }

    @Test
    void anEchoedQueryIsNotAnAnswer() throws Exception {
        // a middlebox reflecting the query: same id and question, QR clear, no records. It must not read as
        // "the name exists without data".
        try (RawDnsServer server = new RawDnsServer("127.0.7.5", new RawDnsServer.Handler() {
            public byte[] udp(byte[] query) {
                return query;
            }

            public boolean tcp(byte[] query, OutputStream out) throws IOException {
                framed(out, query, query.length);
                return false;
            }
        })) {
            DnsAnswer a = ask(server, SHORT);
            assertEquals(DnsStatus.ERROR, a.status(), a.toString());
            assertTrue(a.detail().contains("not a response"), a.detail());
        }
    }

    @Test
    void truncatedThenTcpClosedOrStalledOrCutShort() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        for (String how : List.of("close", "stall", "short")) {
            RawDnsServer[] self = new RawDnsServer[1];
            try (RawDnsServer server = new RawDnsServer("127.0.7.6", new RawDnsServer.Handler() {
                public byte[] udp(byte[] query) {
                    return truncated(query);
                }

                public boolean tcp(byte[] query, OutputStream out) throws IOException {
                    switch (how) {
                        case "stall" -> self[0].stall();
                        case "short" -> {
                            byte[] r = reply(query, UnaryOperator.identity());
                            framed(out, java.util.Arrays.copyOf(r, 20), r.length); // says more than it sends
                            self[0].stall();
                        }
                        default -> { } // close at once
                    }
                    return false;
                }
            })) {
                self[0] = server;
                DnsAnswer a = ask(server, SHORT);
                seen.add(how + "=" + a.status() + " (" + a.detail() + ")");
            }
        }
        // this server truncates . NS too and closes or stalls on its TCP question as well: it answers nothing, so the
        // resolver health probe blames it (ResolverHealthTest)
        String dead = "; it did not answer . NS either, so it answers no question";
        assertEquals(List.of("close=ERROR (server closed the TCP connection before answering" + dead + ")",
                "stall=TIMEOUT (no answer over TCP within 300 ms" + dead + ")",
                "short=TIMEOUT (no answer over TCP within 300 ms" + dead + ")"), seen);
    }

    @Test
    void dnsOverTcpGoesDirectlyWhateverThisComputersProxySettingsSay() throws Exception {
        try (RawDnsServer server = new RawDnsServer("127.0.7.7", new RawDnsServer.Handler() {
            public byte[] udp(byte[] query) {
                return truncated(query);
            }

            public boolean tcp(byte[] query, OutputStream out) throws IOException {
                byte[] r = reply(query, UnaryOperator.identity());
                framed(out, r, r.length);
                return false;
            }
        }); org.mailpath.testing.ProxyTrap trap = org.mailpath.testing.ProxyTrap.install()) {
            DnsAnswer a = ask(server, Duration.ofSeconds(5));
            assertEquals(DnsStatus.OK, a.status(), a.toString());
            assertEquals("TCP after truncated UDP", a.detail());
            assertEquals(List.of(), trap.asked());
        }
    }

    @Test
    void tcpBytesBeyondTheDeclaredLengthAreNotRead() throws Exception {
        try (RawDnsServer server = new RawDnsServer("127.0.7.7", new RawDnsServer.Handler() {
            public byte[] udp(byte[] query) {
                return truncated(query);
            }

            public boolean tcp(byte[] query, OutputStream out) throws IOException {
                byte[] r = reply(query, UnaryOperator.identity());
                byte[] longer = java.util.Arrays.copyOf(r, r.length + 5000);
                java.util.Arrays.fill(longer, r.length, longer.length, (byte) 0xff);
                framed(out, longer, r.length);
                return false;
            }
        })) {
            DnsAnswer a = ask(server, Duration.ofSeconds(5));
            assertEquals(DnsStatus.OK, a.status(), a.toString());
            assertEquals("TCP after truncated UDP", a.detail());
        }
    }

    @Test
    void notimpAndEmptyNoerrorAreStatuses() throws Exception {
        for (int rcode : List.of(Rcode.NOTIMP, Rcode.NOERROR)) {
            try (RawDnsServer server = new RawDnsServer("127.0.7.8", new RawDnsServer.Handler() {
                public byte[] udp(byte[] query) {
                    return reply(query, r -> {
                        r.removeAllRecords(Section.ANSWER);
                        r.getHeader().setRcode(rcode);
                        return r;
                    });
                }

                public boolean tcp(byte[] query, OutputStream out) {
                    return false;
                }
            })) {
                DnsAnswer a = ask(server, Duration.ofSeconds(5));
                assertEquals(rcode == Rcode.NOTIMP ? DnsStatus.ERROR : DnsStatus.NODATA, a.status(), a.toString());
                if (rcode == Rcode.NOTIMP) {
                    assertEquals("rcode NOTIMP", a.detail());
                }
            }
        }
    }

    @Test
    void networkErrorsAreToldInWordsWithoutJavaClassNames() {
        assertEquals("network error (Network is unreachable)",
                DnsTransport.networkWords(new java.net.SocketException("Network is unreachable")));
        assertEquals("connection failed", DnsTransport.networkWords(new java.net.ConnectException()));
        assertEquals("no route to the server (No route to host)",
                DnsTransport.networkWords(new java.net.NoRouteToHostException("No route to host")));
        assertEquals("input/output error (stream closed)", DnsTransport.networkWords(new IOException("stream closed")));
        assertEquals("unexpected error", DnsTransport.networkWords(new IllegalStateException()));
    }
}
