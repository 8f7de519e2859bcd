package org.mailpath.engine.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.dns.TestDnsNetwork;

/**
 * How long the DNS checks take when every DNS answer takes 50 ms: one domain against its longest chain of
 * dependent queries (NS → address of the NS → SOA/EDNS probes of that address = 3 answers = 150 ms; goal ≤ 1.5×),
 * and 50 domains together. Prints the figures; run with {@code mvn -Pbenchmark test -Dtest=DnsCheckBenchmark}.
 */
@Tag("benchmark")
class DnsCheckBenchmark {

    private static final Duration DELAY = Duration.ofMillis(50);
    private static final int CHAIN = 3;
    private static final int DOMAINS = 50;
    private static final EnumSet<CheckKind> DNS_KINDS = EnumSet.of(CheckKind.EXISTENCE, CheckKind.MX,
            CheckKind.NAME_SERVERS, CheckKind.EDNS, CheckKind.DNSSEC);

    @Test
    void checkTimeAgainstLongestDependentChain() throws Exception {
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < DOMAINS; i++) {
            zones.add("d" + i + ".test");
        }
        try (TestDnsNetwork net = TestDnsNetwork.start(b -> {
            for (String z : zones) {
                b.zone(z, "@ SOA ns1.good.test. h.good.test. 1 3600 600 86400 300\n"
                        + "@ NS ns1.good.test.\n@ NS ns2.good.test.\n@ MX 10 mx1.good.test.\n@ MX 20 mx2.good.test.\n");
            }
            List<String> a = new ArrayList<>(zones);
            a.addAll(List.of("good.test", "mail.test"));
            b.authoritative("127.0.1.2", a.toArray(String[]::new));
            b.authoritative("127.0.1.3", a.toArray(String[]::new));
        })) {
            net.server().delay(DELAY);
            ConcurrentDomainChecker checker = DomainCheckers.standard();
            CheckOptions options = net.options(CheckOptions.DEFAULT_TIMEOUT);
            // warm-up (JIT, class loading); every run has its own cache and the server none, so domains can repeat
            for (int i = 0; i < 3; i++) {
                run(checker, options, zones);
            }
            long[] single = new long[5];
            for (int i = 0; i < single.length; i++) {
                single[i] = run(checker, options, List.of("d" + i + ".test"));
            }
            Arrays.sort(single);
            long chain = CHAIN * DELAY.toMillis();
            long median = single[single.length / 2];
            System.out.printf("DnsCheckBenchmark: answer delay %d ms; longest dependent chain %d answers = %d ms%n",
                    DELAY.toMillis(), CHAIN, chain);
            System.out.printf("DnsCheckBenchmark: check of 1 domain (existence, MX, NS, EDNS, DNSSEC): median %d ms"
                    + " (runs %s) = %.2fx the chain (goal <= 1.5x)%n", median, Arrays.toString(single),
                    (double) median / chain);
            long queriesBefore = net.server().queries();
            long[] many = new long[3];
            for (int i = 0; i < many.length; i++) {
                many[i] = run(checker, options, zones);
            }
            long queries = (net.server().queries() - queriesBefore) / many.length;
            Arrays.sort(many);
            System.out.printf("DnsCheckBenchmark: check of %d domains together: median %d ms (runs %s) = %.2fx the"
                    + " chain, %d queries per run%n", DOMAINS, many[1], Arrays.toString(many),
                    (double) many[1] / chain, queries);
            net.server().delay(Duration.ZERO);
            long cpu = run(checker, options, zones);
            System.out.printf("DnsCheckBenchmark: the same %d domains with no answer delay: %d ms (work of client and"
                    + " test server on this machine)%n", DOMAINS, cpu);
        }
    }

    private static long run(DomainChecker checker, CheckOptions options, List<String> domains) {
        long start = System.nanoTime();
        CheckReport report = checker.check(domains.stream().map(d -> new CheckRequest(d, DNS_KINDS)).toList(),
                options, CheckListener.NONE, Cancellation.none());
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (report.domains().size() != domains.size()) {
            throw new AssertionError("missing results");
        }
        return ms;
    }
}
