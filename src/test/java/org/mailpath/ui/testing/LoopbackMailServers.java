package org.mailpath.ui.testing;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.engine.status.StatusKnowledgeBase;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;
import org.mailpath.testing.smtp.TestCertificates;
import org.mailpath.ui.dnscheck.MailServerProbe;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The mail servers of the sample's DNS world for UI tests and the screenshot tour, without leaving loopback: the
 * probe asks the sample's loopback DNS for MX hosts, but every address it gets is 127.0.0.1, where one in-process
 * SMTP server (named mx.example.test, STARTTLS with a test-CA certificate for the sample's MX hosts) answers on
 * its own port.
 */
public final class LoopbackMailServers implements AutoCloseable {

    private static final String NAME = "mx.example.test";
    /** The sample world's MX hosts with addresses (see {@link SampleDnsWorld}), all named in the certificate. */
    private static final String SAN = "DNS:" + NAME + ",DNS:mx1.fabrikam.example,DNS:mx1.tlsbroken.example,"
            + "DNS:mx1.contoso.example,DNS:mx1.gmail.com,DNS:mx1.litware.example,DNS:mx1.proseware.example,"
            + "DNS:mx1.northwind.example,DNS:mx1.yahoo.example,DNS:mx1.acme.example";

    private final FakeSmtpServer server;
    /** Made on first use: keytool takes a while, and most tests never probe. */
    private final Supplier<TestCertificates.Material> certificate = Suppliers.memoize(() -> {
        try {
            return TestCertificates.shared().caSigned(NAME, SAN, "-1d", 365);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private LoopbackMailServers() throws IOException {
        server = FakeSmtpServer.start(c -> ScriptedSmtp.standard().banner("220 " + NAME + " ESMTP fake")
                .ehloName(NAME).startTls(certificate.get().serverContext()).handle(c));
    }

    public static LoopbackMailServers start() throws IOException {
        return new LoopbackMailServers();
    }

    public int port() {
        return server.port();
    }

    /** The engine's probe against these servers, finding MX hosts through {@code net}. */
    public MailServerProbe probe(TestDnsNetwork net) {
        DnsLookup dns = loopbackOnly(net.lookup(Duration.ofSeconds(2)));
        Supplier<SmtpProbeOptions> options = Suppliers.memoize(() -> MailServerProbe.wizardSettings()
                .port(server.port()).heloName("probe.mailpath.test").connectTimeout(Duration.ofSeconds(5))
                .trustStore(Optional.of(certificate.get().trust())).build());
        Supplier<ReplyDecoder> decoder = Suppliers.memoize(() -> ReplyDecoder.of(StatusKnowledgeBase.standard()));
        return (domain, rcpt, checkOptions, listener, cancellation) -> new SmtpProbe(dns,
                options.get().toBuilder().rcpt(rcpt).build(), decoder.get())
                .probe(List.of(domain), listener, cancellation);
    }

    /** Every address answer becomes 127.0.0.1 (IPv6 ones none), and 127.0.0.1 is named {@value #NAME} both ways. */
    private static DnsLookup loopbackOnly(DnsLookup real) {
        return (name, type, cancellation) -> {
            try {
                String n = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "");
                Name absolute = Name.fromString(n + ".");
                InetAddress loopback = InetAddress.getByName("127.0.0.1");
                if (n.equals("1.0.0.127.in-addr.arpa") && type == Type.PTR) {
                    return answer(name, type, List.of(new PTRRecord(absolute, DClass.IN, 300, Name.fromString(NAME + "."))));
                }
                if (n.equals(NAME) && type == Type.A) {
                    return answer(name, type, List.of(new ARecord(absolute, DClass.IN, 300, loopback)));
                }
                DnsAnswer a = real.lookup(name, type, cancellation);
                if (type == Type.AAAA && a.ok()) {
                    return new DnsAnswer(name, type, DnsStatus.NODATA, List.of(), List.of(), a.server(), a.time(), "");
                }
                if (type == Type.A && a.ok()) {
                    return new DnsAnswer(name, type, DnsStatus.OK, a.records().stream()
                            .map(r -> (org.xbill.DNS.Record) new ARecord(r.getName(), DClass.IN, r.getTTL(), loopback))
                            .toList(), a.cnames(), a.server(), a.time(), "");
                }
                return a;
            } catch (TextParseException | java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        };
    }

    private static DnsAnswer answer(String name, int type, List<org.xbill.DNS.Record> records) {
        return new DnsAnswer(name, type, DnsStatus.OK, records, List.of(), "loopback", java.time.Instant.now(), "");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
