package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;

/**
 * With enough chains to be judged and counted on two threads, the counts per verdict and per recipient domain add
 * up to the verdicts the log was written for.
 */
class EmailLogAnalyzerCountsTest {

    @TempDir
    Path dir;

    @Test
    void countsOfManyChainsMatchTheVerdictsTheLogWasWrittenFor() throws Exception {
        StringBuilder log = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        // what each message was written to end as, counted here and not by the code under test
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Map<String, DomainSummary> domains = new TreeMap<>();
        Map<String, Verdict> byRecipient = new HashMap<>();
        for (int m = 0; m < 30_000; m++) {
            String domain = "d" + (m % 13) + ".example";
            String recipient = "u" + m + "@" + domain;
            log.append(LogFixtures.row(LogFixtures.date(m), "R", recipient, "m" + m, "", "")).append("\r\n");
            Verdict verdict = switch (m % 4) {
                case 0 -> {
                    log.append(LogFixtures.row(LogFixtures.date(m + 1), "D", recipient, "m" + m, "250 ok",
                            LogFixtures.TLS));
                    yield Verdict.DELIVERED;
                }
                case 1 -> {
                    log.append(LogFixtures.row(LogFixtures.date(m + 1), "P", recipient, "m" + m,
                            "550 5.1.1 User unknown", ""));
                    yield Verdict.BOUNCED;
                }
                case 2 -> {
                    log.append(LogFixtures.row(LogFixtures.date(m + 1), "T", recipient, "m" + m,
                            "451 4.7.1 Greylisted", ""));
                    yield Verdict.DEFERRED;
                }
                default -> Verdict.RECEIVED_ONLY;
            };
            log.append("\r\n");
            verdicts.merge(verdict, 1L, Long::sum);
            byRecipient.put(recipient, verdict);
            DomainSummary d = domains.getOrDefault(domain, new DomainSummary(domain, 0, 0, 0, 0));
            domains.put(domain, new DomainSummary(domain, d.messages() + 1,
                    d.delivered() + (verdict == Verdict.DELIVERED ? 1 : 0),
                    d.bounced() + (verdict == Verdict.BOUNCED ? 1 : 0),
                    d.deferred() + (verdict == Verdict.DEFERRED ? 1 : 0)));
        }
        Path file = LogFixtures.write(dir, "many.csv", log.toString());
        LogAnalysis a = LogFixtures.analyze(file);
        assertEquals(30_000, a.messages());
        assertEquals(Map.of(Verdict.DELIVERED, 7_500L, Verdict.BOUNCED, 7_500L, Verdict.DEFERRED, 7_500L,
                Verdict.RECEIVED_ONLY, 7_500L), verdicts, "the log as written");
        for (Verdict v : Verdict.values()) {
            assertEquals(verdicts.get(v), a.count(v), v.name());
        }
        for (MessageChain c : a.chains()) {
            assertEquals(byRecipient.get(c.recipient()), c.verdict(), c.recipient());
        }
        assertEquals(30_000, a.chains().size());
        assertEquals(new ArrayList<>(domains.values()),
                a.domains().stream().sorted(Comparator.comparing(DomainSummary::domain)).toList());
        assertEquals(Map.of(Category.RECIPIENT, 7_500L), a.bounceCategories());
        assertEquals(Map.of(Category.RATE_LIMIT, 7_500L), a.deferralCategories(), "greylisting");
        assertEquals(MailEvent.RECEIVED, a.chains().get(0).events().get(0).event());
    }
}
