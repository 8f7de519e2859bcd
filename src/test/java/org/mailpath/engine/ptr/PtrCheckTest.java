package org.mailpath.engine.ptr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

class PtrCheckTest {

    private static final String ZONE = """
            25.2.0.192.in-addr.arpa. PTR mail.example.com.
            26.2.0.192.in-addr.arpa. PTR other.example.com.
            27.2.0.192.in-addr.arpa. PTR gone.example.com.
            mail.example.com. A 192.0.2.25
            other.example.com. A 192.0.2.99
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. PTR mail6.example.com.
            mail6.example.com. AAAA 2001:db8::1
            """;

    private static List<Finding> check(String ip) {
        return FakeDns.of(ZONE).run(new PtrCheck(), "example.com", FakeDns.options(ip, List.of(), List.of()));
    }

    @Test
    void forwardConfirmedIpv4AndIpv6() {
        assertTrue(single(check("192.0.2.25"), "PTR_OK", Severity.OK).message().contains("mail.example.com"));
        assertTrue(single(check("2001:db8::1"), "PTR_OK").message().contains("mail6.example.com"));
    }

    @Test
    void missing() {
        single(check("192.0.2.1"), "PTR_MISSING", Severity.ERROR);
    }

    @Test
    void mismatchAndDanglingName() {
        Finding f = single(check("192.0.2.26"), "PTR_MISMATCH", Severity.ERROR);
        assertTrue(f.message().contains("other.example.com → 192.0.2.99"), f.message());
        assertTrue(single(check("192.0.2.27"), "PTR_MISMATCH").message().contains("gone.example.com → NXDOMAIN"));
    }

    @Test
    void notCheckedWithoutOrWithBadIp() {
        single(FakeDns.of("").run(new PtrCheck(), "example.com", CheckOptions.defaults()), "PTR_NOT_CHECKED",
                Severity.INFO);
        single(check("mail.example.com"), "PTR_NOT_CHECKED", Severity.WARNING);
    }

    @Test
    void dnsFailure() {
        FakeDns dns = FakeDns.of(ZONE).fail("25.2.0.192.in-addr.arpa.", Type.PTR, DnsStatus.TIMEOUT);
        single(dns.run(new PtrCheck(), "example.com", FakeDns.options("192.0.2.25", List.of(), List.of())),
                "DNS_TIMEOUT");
    }
}
