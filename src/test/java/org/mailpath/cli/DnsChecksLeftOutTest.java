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
 * nor its JSON said the other 250 were left out; {@code check} and {@code analyze --check-dns} were silent for the
 * 16-30 s the checks of 300 domains took. The text says how many were left out and how to check them, the JSON counts
 * and lists them, and the text format's progress is on stderr.
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

    @Test
    void analyzeSaysHowFarTheChecksAreOnStderr() {
        CliRun run = analyze(log(53));
        assertEquals(0, run.code(), run.err());
        StringBuilder expected = new StringBuilder("checking 51 domains ...\n");
        for (int n = 6; n <= 48; n += 6) {
            expected.append("checked ").append(n).append(" of 51 domains\n");
        }
        expected.append("checked 51 of 51 domains\n");
        assertEquals(expected.toString(), run.err());
        assertFalse(run.out().contains("checked 51"), "never on stdout: " + run.out());
    }

    @Test
    void checkSaysHowFarTheChecksAreOnStderrWithItsText() {
        CheckCommand several = new CheckCommand();
        several.checker = nothingFound();
        CliRun run = CliRun.ofCommand(several, "--resolver", "127.0.0.1:9", "a.test", "B.test", "c.test");
        assertEquals(0, run.code(), run.err());
        assertEquals("checking 3 domains ...\nchecked 1 of 3 domains\nchecked 2 of 3 domains\n"
                + "checked 3 of 3 domains\n", run.err());
        assertFalse(run.out().contains("checked 3"), run.out());

        CheckCommand one = new CheckCommand();
        one.checker = nothingFound();
        assertEquals("checking a.test ...\n", CliRun.ofCommand(one, "--resolver", "127.0.0.1:9", "a.test").err());

        CheckCommand json = new CheckCommand();
        json.checker = nothingFound();
        CliRun quiet = CliRun.ofCommand(json, "--resolver", "127.0.0.1:9", "--format", "json", "a.test", "b.test");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
