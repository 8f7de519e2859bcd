package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.testing.fakedns.FakeDns;

/** A thread dump says what runs: the blocklists are asked on threads named for them. */
class DnsblThreadNamesTest {

    @Test
    void theBlocklistsAreAskedOnNamedThreads() {
        FakeDns zone = FakeDns.of("""
                example.com. A 198.51.100.1
                2.0.0.127.one.example.test. A 127.0.0.2
                2.0.0.127.two.example.test. A 127.0.0.2
                """);
        Set<String> names = ConcurrentHashMap.newKeySet();
        DnsLookup naming = (name, type, cancellation) -> {
            if (name.contains(".example.test")) {
                names.add(Thread.currentThread().getName());
            }
            return zone.lookup(name, type, cancellation);
        };
        new ConcurrentDomainChecker(List.of(new DnsblCheck()), o -> naming).check(
                List.of(new CheckRequest("example.com", EnumSet.of(CheckKind.DNSBL))),
                FakeDns.options("192.0.2.25", List.of(), List.of("one.example.test", "two.example.test")),
                CheckListener.NONE, Cancellation.none());
        assertFalse(names.isEmpty());
        assertTrue(names.stream().allMatch(n -> n.matches("mailpath-dnsbl-\\d+")), names.toString());
    }
}
