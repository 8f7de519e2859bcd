package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MailEvent;

/**
 * With enough chains to be judged and counted on two threads, the counts per verdict and per recipient domain add
 * up to what the chains themselves say.
 */
class EmailLogAnalyzerCountsTest {

    @TempDir
    Path dir;

    @Test
    void countsOfManyChainsMatchTheChains() throws Exception {
        StringBuilder log = new StringBuilder(LogFixtures.HEADER).append("\r\n");
        for (int m = 0; m < 30_000; m++) {
            String recipient = "u" + m + "@d" + (m % 13) + ".example";
            log.append(LogFixtures.row(LogFixtures.date(m), "R", recipient, "m" + m, "", "")).append("\r\n");
            switch (m % 4) {
                case 0 -> log.append(LogFixtures.row(LogFixtures.date(m + 1), "D", recipient, "m" + m, "250 ok",
                        LogFixtures.TLS));
                case 1 -> log.append(LogFixtures.row(LogFixtures.date(m + 1), "P", recipient, "m" + m,
                        "550 5.1.1 User unknown", ""));
                case 2 -> log.append(LogFixtures.row(LogFixtures.date(m + 1), "T", recipient, "m" + m,
                        "451 4.7.1 Greylisted", ""));
                default -> { }
            }
            log.append("\r\n");
        }
        Path file = LogFixtures.write(dir, "many.csv", log.toString());
        LogAnalysis a = new EmailLogAnalyzer().analyze(file, ProgressListener.NONE, Cancellation.none());
        assertEquals(30_000, a.messages());
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Map<String, long[]> domains = new TreeMap<>();
        for (MessageChain c : a.chains()) {
            verdicts.merge(c.verdict(), 1L, Long::sum);
            long[] d = domains.computeIfAbsent(c.recipient().substring(c.recipient().indexOf('@') + 1),
                    k -> new long[4]);
            d[0]++;
            d[1] += c.verdict() == Verdict.DELIVERED ? 1 : 0;
            d[2] += c.verdict() == Verdict.BOUNCED ? 1 : 0;
            d[3] += c.verdict() == Verdict.DEFERRED ? 1 : 0;
        }
        for (Verdict v : Verdict.values()) {
            assertEquals(verdicts.getOrDefault(v, 0L), a.count(v), v.name());
        }
        assertTrue(a.count(Verdict.BOUNCED) > 0 && a.count(Verdict.DEFERRED) > 0 && a.count(Verdict.DELIVERED) > 0);
        assertEquals(13, a.domains().size());
        for (DomainSummary s : a.domains()) {
            long[] d = domains.get(s.domain());
            assertEquals(d[0], s.messages(), s.domain());
            assertEquals(d[1], s.delivered(), s.domain());
            assertEquals(d[2], s.bounced(), s.domain());
            assertEquals(d[3], s.deferred(), s.domain());
        }
        assertEquals(a.count(Verdict.BOUNCED), a.bounceCategories().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(MailEvent.RECEIVED, a.chains().get(0).events().get(0).event());
    }
}
