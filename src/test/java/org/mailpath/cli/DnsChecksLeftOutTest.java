package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.log.LogFixtures;

/**
 * The review: {@code analyze --check-dns} on a log of 300 failing recipient domains checked 50 and neither its text
 * nor its JSON said the other 250 were left out. The text says how many were left out and how to check them, the
 * JSON counts and lists them.
 */
class DnsChecksLeftOutTest {

    @TempDir
    Path dir;

    /** The run's checks of every kind, each finding nothing at once: the listener's calls as the real run makes them. */
    private static ConcurrentDomainChecker nothingFound() {
        List<DomainCheck> checks = Arrays.stream(CheckKind.values()).<DomainCheck>map(kind -> new DomainCheck() {
            @Override
            public CheckKind kind() {
                return kind;
            }

            @Override
            public CheckOutcome run(CheckContext context) {
                return CheckOutcome.of(List.of());
            }
        }).toList();
        // no question is asked: the lookup is only handed to the listener
        return new ConcurrentDomainChecker(checks, o -> DnsLookups.create(List.of("127.0.0.1:9"), o.timeout()));
    }

    /**
     * A log of {@code domains} recipient domains, each with one bounced message, in order (d00.test first), but
     * d00.test with two: the most failing messages are checked first.
     */
    private Path log(int domains) {
        List<String> rows = new ArrayList<>();
        rows.add(LogFixtures.HEADER);
        for (int i = 0; i < domains; i++) {
            String domain = String.format("d%02d.test", i);
            for (int m = 0; m < (i == 0 ? 2 : 1); m++) {
                String msg = "3" + i + "-" + m;
                rows.add(LogFixtures.row("11/16/2026 8:01:00", "R", "u" + m + "@" + domain, msg, "", ""));
                rows.add(LogFixtures.row("11/16/2026 8:01:00", "P", "u" + m + "@" + domain, msg,
                        "554 5.4.4 [internal] Domain Lookup Failed", ""));
            }
        }
        return LogFixtures.write(dir, "log.csv", LogFixtures.lines(rows.toArray(String[]::new)));
    }

    private CliRun analyze(Path log, String... more) {
        AnalyzeCommand command = new AnalyzeCommand();
        command.checker = nothingFound();
        List<String> args = new ArrayList<>(List.of(log.toString(), "--check-dns", "--resolver", "127.0.0.1:9"));
        args.addAll(List.of(more));
        return CliRun.ofCommand(command, args.toArray(String[]::new));
    }

    @Test
    void theTextSaysWhichFailingDomainsWereLeftOutAndHowToCheckThem() {
        CliRun run = analyze(log(53));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("DNS checks (--check-dns)\n\nNot checked: 3 of the 53 failing recipient domains"
                + " (the DNS checks cover the 50 with the most failing messages); check the others with mailpath"
                + " check DOMAIN..., e.g. mailpath check d50.test d51.test d52.test (the JSON lists them all:"
                + " dnsChecks.domainsLeftOut).\n\n"), run.out());
        assertTrue(run.out().contains("== d49.test =="), run.out());
        assertFalse(run.out().contains("== d50.test =="), run.out());

        CliRun four = analyze(log(54));
        assertTrue(four.out().contains(" e.g. mailpath check d50.test d51.test d52.test ... (the JSON"), four.out());
    }

    @Test
    void noLineWhenEveryFailingDomainWasChecked() {
        CliRun run = analyze(log(50));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("== d49.test =="), run.out());
        assertFalse(run.out().contains("failing recipient domains ("), run.out());
    }

    @Test
    void theJsonCountsTheFailingDomainsAndListsThoseLeftOut() throws Exception {
        CliRun run = analyze(log(53), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode checks = FindingJson.MAPPER.readTree(run.out()).get("dnsChecks");
        assertEquals(51, checks.get("domains").size(), "50 recipient domains and our sending domain");
        assertEquals(53, checks.get("failingDomains").asInt());
        assertEquals(List.of("d50.test", "d51.test", "d52.test"), texts(checks.get("domainsLeftOut")));
        assertEquals("", run.err(), "no progress beside JSON, as probe's");

        JsonNode all = FindingJson.MAPPER.readTree(analyze(log(3), "--format", "json").out()).get("dnsChecks");
        assertEquals(3, all.get("failingDomains").asInt());
        assertEquals(List.of(), texts(all.get("domainsLeftOut")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
