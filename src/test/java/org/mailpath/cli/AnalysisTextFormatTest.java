package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/** The text summary of {@code mailpath analyze}: totals per category, what to do by who acts, domains that add up. */
class AnalysisTextFormatTest {

    private static String text(LogAnalysis a) {
        StringWriter out = new StringWriter();
        AnalysisTextFormat.write(a, new PrintWriter(out));
        return out.toString();
    }

    private static String sample() throws Exception {
        return text(LogFixtures.analyze(LogFixtures.sample("sample-email-log.csv")));
    }

    /** The lines of {@code text} from the line {@code heading} to the next blank line. */
    private static List<String> section(String text, String heading) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading + " in\n" + text);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    @Test
    void everyCategoryHasItsBounceAndDeferralTotalsAsInTheJson() throws Exception {
        List<String> table = section(sample(), "Bounces and deferrals by cause category");
        String all = String.join("\n", table);
        assertTrue(table.contains(row("Recipient DNS", 4, 1, "DNS")), all);
        assertTrue(table.contains(row("Recipient unknown or refused", 2, 0, "RECIPIENT")), all);
        // the plain 550 after DATA (proseware) is a refusal of the message, no longer of unknown cause
        assertTrue(table.contains(row("Content policy", 3, 0, "CONTENT_POLICY")), all);
        assertTrue(table.contains(row("Unknown", 1, 0, "UNKNOWN")), all);
        assertTrue(table.contains(row("Rate limiting / greylisting", 0, 1, "RATE_LIMIT")), all);
        // 12 bounce and 3 deferral categories in the sample, MAILBOX_FULL and DNS in both: 13 rows and the heading
        assertEquals(14, table.size(), String.join("\n", table));
    }

    @Test
    void whatToDoNamesEveryFixOfOurSideFirstAndEachCategoryOncePerActor() throws Exception {
        String text = sample();
        List<String> plan = section(text, "What to do (grouped by whoever must act; each cause category with its fixes)");
        String all = String.join("\n", plan);
        // Reject Direct Send (fabrikam) is the sending side's: its own tenant's connector, or another domain
        // woodgrove's 12 KB message refused as too large is the recipient's (MessageChain.refusedAsTooLargeWhileSmall)
        // the two received-only messages within the 24 hours are our admin's to follow up (a log that runs later)
        int admin = plan.indexOf("  Our Salesforce admin: 7 bounced, 1 deferred, 2 received only");
        int support = plan.indexOf("  Salesforce support: 2 bounced");
        int recipient = plan.indexOf("  Recipient's mail team: 11 bounced, 2 deferred");
        assertTrue(admin == 0 && admin < support && support < recipient, all);
        // Yahoo's [TSS04] volume deferral is the admin's to look into, so nothing in the sample resolves itself
        assertFalse(all.contains("No action needed"), all);
        // the admin's own failures, hidden before behind "… and 15 more causes"
        assertTrue(all.contains("550 5.7.509 Access denied"), all);
        assertTrue(all.contains("550-5.7.26 This mail has been blocked"), all);
        assertTrue(all.contains("Enable Salesforce DKIM signing"), all);
        assertTrue(all.contains("    Reputation / blocklist (REPUTATION): 2 bounced"), all);
        for (String category : List.of("TLS (TLS)", "Network / connection (NETWORK)")) {
            assertTrue(all.contains("    " + category + ": 1 bounced"), category + ": " + all);
        }
        // DNS under the admin (null MX) and under the recipient's team, RECIPIENT once with its two fixes
        assertEquals(2, count(all, "\n    Recipient DNS (DNS): "), all);
        assertEquals(1, count(all, "\n    Recipient unknown or refused (RECIPIENT): "), all);
        List<String> recipientFixes = plan.subList(
                plan.indexOf("    Recipient unknown or refused (RECIPIENT): 2 bounced") + 1,
                plan.indexOf("    Authentication (SPF/DKIM/DMARC) (AUTHENTICATION): 2 bounced"));
        assertEquals(2, recipientFixes.stream().filter(l -> l.startsWith("      - To do: ")).count(),
                String.join("\n", recipientFixes));
        assertFalse(text.contains("more cause"), text);
    }

    @Test
    void theOtherSidesFixesAreBoundedPerCategoryButOursNever() {
        List<MessageChain> chains = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            for (int n = 0; n < i; n++) { // rule i decides i failures: the largest come first
                chains.add(bounce("ours" + i, Category.AUTHENTICATION, Actor.SENDER_ADMIN));
                chains.add(bounce("theirs" + i, Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM));
            }
        }
        String text = text(analysis(chains));
        for (int i = 1; i <= 5; i++) {
            assertTrue(text.contains("To do: fix ours" + i + "\n"), "ours" + i + ": " + text);
        }
        assertTrue(text.contains("To do: fix theirs5\n") && text.contains("To do: fix theirs4\n"), text);
        assertFalse(text.contains("fix theirs3"), text);
        assertTrue(text.contains("      … and 3 more fixes (6 bounced; see --format json).\n"), text);
    }

    @Test
    void fixesOfOneCategoryThatReadTheSameAreOne() {
        List<MessageChain> chains = List.of(
                bounce("gmail.full", Category.MAILBOX_FULL, Actor.RECIPIENT_MAIL_TEAM, "free space"),
                bounce("generic.full", Category.MAILBOX_FULL, Actor.RECIPIENT_MAIL_TEAM, "free space"),
                bounce("generic.full", Category.MAILBOX_FULL, Actor.RECIPIENT_MAIL_TEAM, "free space"));
        String text = text(analysis(chains));
        assertEquals(1, count(text, "To do: free space"), text);
        assertTrue(text.contains("    Mailbox full (MAILBOX_FULL): 3 bounced\n"), text);
        assertTrue(text.contains("Meaning: means generic.full\n"), "the more frequent rule speaks: " + text);
    }

    @Test
    void theDomainTableHasAColumnForEveryVerdictSoRowsAddUp() throws Exception {
        List<String> table = section(sample(), "Domains with the most failures");
        assertTrue(table.getFirst().endsWith("deferred received only"), table.getFirst());
        Pattern row = Pattern.compile("\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");
        // the sample has 17 domains with failures: 10 rows, then how many more
        assertEquals(12, table.size(), String.join("\n", table));
        assertEquals("  … and 7 more domains with failures (see --format json).", table.getLast());
        for (String line : table.subList(1, table.size() - 1)) {
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), line);
            long sum = 0;
            for (int g = 3; g <= 6; g++) {
                sum += Long.parseLong(m.group(g));
            }
            assertEquals(Long.parseLong(m.group(2)), sum, line);
        }
        assertTrue(table.contains("  contoso.example                                 9         5       2        0"
                + "             2"), String.join("\n", table));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static MessageChain bounce(String rule, Category category, Actor actor) {
        return bounce(rule, category, actor, "fix " + rule);
    }

    private static MessageChain bounce(String rule, Category category, Actor actor, String remediation) {
        Diagnosis d = new Diagnosis(category, "means " + rule, remediation, actor, rule);
        return TestChains.chain("<id@x>", "i", "a@" + rule + ".test", "s@sf.test", "u", List.of(), Verdict.BOUNCED, 0,
                "550 " + rule, Optional.of(d), Optional.empty());
    }

    private static LogAnalysis analysis(List<MessageChain> chains) {
        Map<Category, Long> bounced = new EnumMap<>(Category.class);
        chains.forEach(c -> bounced.merge(c.category().orElseThrow(), 1L, Long::sum));
        return TestChains.analysis("log.csv", chains.size(), 0, List.of(), chains,
                Map.of(Verdict.BOUNCED, (long) chains.size()), 0, bounced, Map.of(),
                List.of(new DomainSummary("x.test", chains.size(), 0, chains.size(), 0)), Optional.empty(),
                Optional.empty());
    }

    /** A row of the category table, whose label column is as wide as its longest label (AUTHENTICATION's here). */
    private static String row(String label, long bounced, long deferred, String category) {
        return String.format("  %-32s %7d %8d  %s", label, bounced, deferred, category);
    }
}
