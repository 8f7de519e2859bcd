package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.TestDnsServer;

/** The EDNS check over every address of every name server, IPv6 included. */
class EdnsCheckTest {

    @Test
    void everyAddressIsTestedIncludingIpv6() throws Exception {
        try (TestDnsServer dns = TestDnsServer.builder()
                .zone("six.test", """
                        @   SOA ns1.six.test. h.six.test. 1 3600 600 86400 300
                        @   NS  ns1.six.test.
                        @   NS  ns2.six.test.
                        ns1 A    127.0.9.41
                        ns1 AAAA ::1
                        ns2 A    127.0.9.42
                        """)
                .resolver("127.0.9.40")
                .authoritative("127.0.9.41", "six.test")
                .authoritative("::1", "six.test")
                .authoritative("127.0.9.42", "six.test")
                .start()) {
            dns.behave("127.0.9.42", TestDnsServer.Misbehaviour.IGNORE_EDNS);
            CheckOptions options = new CheckOptions(List.of(dns.resolverSpec()), dns.port(), Duration.ofSeconds(5),
                    Optional.empty(), List.of(), List.of());
            CheckOutcome out = new EdnsCheck().run(new CheckContext("six.test", options,
                    DnsLookups.create(options.resolvers(), options.timeout()), Cancellation.none()));
            Map<String, String> verdicts = out.nameServers().stream()
                    .collect(Collectors.toMap(NameServerResult::address, NameServerResult::verdict));
            assertEquals(Map.of("127.0.9.41", "ok", "::1", "ok", "127.0.9.42", "compatible"), verdicts);
            List<Finding> nonCompliant = out.findings().stream()
                    .filter(f -> f.code().equals("EDNS_NONCOMPLIANT")).toList();
            assertEquals(1, nonCompliant.size(), out.findings().toString());
            assertEquals("ns2.six.test (127.0.9.42)", nonCompliant.getFirst().subject());
            assertTrue(nonCompliant.getFirst().evidence().stream().anyMatch(l -> l.startsWith(";; edns: six.test. SOA"
                    + " (EDNS version 0, udp 4096, flags none, options none) @127.0.9.42:") && l.contains("no EDNS")),
                    nonCompliant.getFirst().evidence().toString());
        }
    }
}
