package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * The openspf.org RFC 7208 test suite ({@code rfc7208-tests.yml}, see its README) against {@link SpfEvaluator}: one
 * test per case, named "scenario / case". Each case is check_host() for the MAIL FROM identity, as a receiver runs it
 * (limits enforced): the client IP is {@code host}, the sender {@code mailfrom} or "postmaster@" + HELO when it is
 * empty (RFC 7208 §2.4), the domain the sender's. Any of the listed results passes.
 * <p>
 * The {@code explanation} field is not checked: MailPath does not compute exp= explanations (the suite makes
 * them optional: "If not implemented, the test driver should not check the explanation field"). Cases MailPath
 * deliberately answers otherwise are in {@link #SKIPPED}, each with its reason.
 */
class Rfc7208SuiteTest {

    private static final int SCENARIOS = 16;
    private static final int CASES = 201;

    /** "scenario / case" -> why MailPath's answer differs on purpose. */
    private static final Map<String, String> SKIPPED = Map.of();

    @TestFactory
    Stream<DynamicTest> suite() {
        return Rfc7208Suite.load().stream().flatMap(scenario -> {
            FakeDns dns = Rfc7208SuiteZone.of(scenario.zoneData());
            return scenario.cases().stream().map(c -> {
                String name = scenario.description() + " / " + c.name();
                return DynamicTest.dynamicTest(name, () -> run(name, c, dns));
            });
        });
    }

    private static void run(String name, Rfc7208Suite.Case c, FakeDns dns) {
        String reason = SKIPPED.get(name);
        if (reason != null) {
            Assumptions.abort(reason);
        }
        String sender = c.mailFrom().isEmpty() ? "postmaster@" + c.helo() : c.mailFrom();
        String domain = sender.substring(sender.lastIndexOf('@') + 1);
        Optional<InetAddress> ip = IpAddresses.parse(c.host());
        assertTrue(ip.isPresent(), "not an address: " + c.host());
        SpfEvaluation evaluation = new SpfEvaluator(dns, Cancellation.none(), ip,
                new SpfMacroContext(sender, ip, c.helo()), true).evaluate(domain);
        String got = evaluation.result().label();
        // the name again: surefire's report shows dynamic tests as "suite()[n]"
        assertTrue(c.results().contains(got), () -> name + " (RFC 7208 " + c.spec() + "): expected " + c.results()
                + ", got " + got + " (" + evaluation.reason() + ")");
    }

    @Test
    void theWholeSuiteIsRead() {
        List<Rfc7208Suite.Scenario> scenarios = Rfc7208Suite.load();
        assertEquals(SCENARIOS, scenarios.size());
        assertEquals(CASES, scenarios.stream().mapToInt(s -> s.cases().size()).sum());
        List<String> names = scenarios.stream()
                .flatMap(s -> s.cases().stream().map(c -> s.description() + " / " + c.name())).toList();
        assertTrue(names.containsAll(SKIPPED.keySet()), "a skipped case is not in the suite: " + SKIPPED.keySet());
    }
}
