package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.KnowledgeBaseEntries;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.RelayDiagnoses;
import org.mailpath.testing.TestLanguages;
import org.mailpath.testing.TextBundleFiles;

class ReportTextsTest {

    private static final String RULE = "cause.rule.";

    @Test
    void aCountOfOneReadsInTheSingularInEnglishAndSwedish() {
        // the review: "1 of the delivered messages were accepted…" and "accepted (1 of them after retries)"
        ReportTexts en = ReportTexts.english();
        ReportTexts sv = ReportTexts.of(Locale.forLanguageTag("sv"));
        assertEquals("1 of the delivered messages was accepted only after one or more retries.",
                en.format("summary.retried", 1L));
        assertEquals("2 of the delivered messages were accepted only after one or more retries.",
                en.format("summary.retried", 2L));
        assertEquals("Ett av de levererade meddelandena togs emot först efter ett eller flera nya försök.",
                sv.format("summary.retried", 1L));
        assertEquals("1,204 of the delivered messages were accepted only after one or more retries.",
                en.format("summary.retried", 1204L));
        assertEquals("1 was handed to X and accepted after one or more retries",
                en.format("conclusion.delivered.retried", "1 was", "X", 1L, 1L));
        assertEquals("3 were handed to X and accepted (1 of them after one or more retries)",
                en.format("conclusion.delivered.retried", "3 were", "X", 1L, 3L));
        assertEquals("3 were handed to X and accepted (2 of them after retries)",
                en.format("conclusion.delivered.retried", "3 were", "X", 2L, 3L));
        assertEquals("1 lämnades över till X och togs emot efter ett eller flera nya försök",
                sv.format("conclusion.delivered.retried", "1", "X", 1L, 1L));
        assertEquals("3 lämnades över till X och togs emot (ett av dem efter ett eller flera nya försök)",
                sv.format("conclusion.delivered.retried", "3", "X", 1L, 3L));
        assertEquals("3 lämnades över till X och togs emot (2 av dem efter nya försök)",
                sv.format("conclusion.delivered.retried", "3", "X", 2L, 3L));
        // a value is never read as a phrase, a choice form in it included
        assertEquals("{0,choice,1#x|1<y} was handed to {1} and accepted after one or more retries",
                en.format("conclusion.delivered.retried", "{0,choice,1#x|1<y} was", "{1}", 1L, 1L));
    }

    /** The review: "1 meddelande: 0 levererade, 1 studsade": a Swedish participle agrees with its count. */
    @Test
    void aDomainsCountsAgreeWithTheirNumbersInSwedish() {
        ReportTexts sv = ReportTexts.of(Locale.forLanguageTag("sv"));
        assertEquals("1 meddelande: 0 levererade, 1 studsat, 0 fördröjda, 0 endast mottagna",
                sv.format("domainCounts.one", 1L, 0L, 1L, 0L, 0L));
        assertEquals("4 meddelanden: 1 levererat, 2 studsade, 1 fördröjt, 0 endast mottagna",
                sv.format("domainCounts.some", 4L, 1L, 2L, 1L, 0L));
        assertEquals("3 meddelanden: 0 levererade, 0 studsade, 0 fördröjda, 3 endast mottagna",
                sv.format("domainCounts.some", 3L, 0L, 0L, 0L, 3L));
        assertEquals("1 message: 0 delivered, 1 bounced, 0 deferred, 0 received only",
                ReportTexts.english().format("domainCounts.one", 1L, 0L, 1L, 0L, 0L));
    }

    @Test
    void everyRulesOwnCauseNamesARuleOfTheKnowledgeBase() throws IOException {
        // a misspelt rule id would leave its replies with their category's words, silently
        Set<String> ids = new HashSet<>();
        KnowledgeBaseEntries.byRuleId().keySet().stream().filter(id -> !KnowledgeBaseEntries.NOT_RULES.contains(id))
                .map(KnowledgeBaseEntries::translationKey).forEach(ids::add);
        // our Email Relay's diagnoses (RelayDiagnoses): a rule id of their own per category they replace
        RelayDiagnoses.OF_THE_RELAY.forEach(c -> ids.add("relay." + c.name()));
        List<String> unknown = new TreeSet<>(texts().stringPropertyNames()).stream()
                .filter(k -> k.startsWith(RULE) && !ids.contains(k.substring(RULE.length()).replaceFirst(
                        "\\.you$", ""))).toList();
        assertEquals(List.of(), unknown);
    }

    /**
     * What a failed message of {@code ruleId}'s replies completes "… bounced because …" with, as the report chooses it
     * ({@link ReportTexts#causeWords(Category, String, Actor, boolean)}), for a rule that names no one to act.
     */
    private static String say(ReportTexts texts, Category category, String ruleId, boolean toMailTeam) {
        return texts.get(texts.causeWords(category, ruleId, Actor.NOBODY, toMailTeam).key());
    }

    /** The same for a failed message without a diagnosis: its category's words. */
    private static String say(ReportTexts texts, Category category, boolean toMailTeam) {
        return texts.get(texts.causeWords(category, toMailTeam).key());
    }

    @Test
    void aRuleWithoutWordsOfItsOwnTakesItsCategorys() {
        ReportTexts texts = ReportTexts.english();
        assertEquals(say(texts, Category.DNS, false), say(texts, Category.DNS, "fallback", false));
        assertEquals("the recipient domain declares with a null MX that it accepts no mail",
                say(texts, Category.DNS, "enhanced:X.1.10", false));
        assertFalse(say(texts, Category.DNS, false).contains("standards"),
                "a DNS failure alone does not show that name servers break the standards");
    }

    /**
     * The review: a plain 550 after DATA (basic:550:content) was hedged in its message ("most likely about the
     * message itself") but stated as fact in the conclusion ("your servers refused the message by a policy of
     * yours"). A diagnosis from a basic code alone is hedged there too; a rule of the reply's text is not.
     */
    @Test
    void aCauseFromABasicCodeAloneIsHedged() {
        ReportTexts texts = ReportTexts.english();
        String basic = say(texts, Category.CONTENT_POLICY, "basic:550:content", true);
        assertTrue(basic.startsWith("your servers refused the message, most likely by a policy of yours"), basic);
        assertEquals(say(texts, Category.CONTENT_POLICY, true),
                say(texts, Category.CONTENT_POLICY, "microsoft.direct-send", true));
        assertTrue(say(ReportTexts.of(java.util.Locale.forLanguageTag("sv")), Category.CONTENT_POLICY,
                "basic:550:content", false).contains("troligen"));
        // completes "… bounced because …" beside other causes: no "of a reason", which reads only alone
        assertFalse(say(texts, Category.UNKNOWN, false).startsWith("of "), say(texts, Category.UNKNOWN, false));
    }

    @Test
    void anAuthenticationRuleAboutTheSendersNameOrAddressDoesNotBlameSpfDkimOrDmarc() {
        ReportTexts texts = ReportTexts.english();
        for (String rule : List.of("gmail.ptr", "generic.reverse-dns", "generic.helo-rejected", "microsoft.bad-helo")) {
            String cause = say(texts, Category.AUTHENTICATION, rule, false);
            assertFalse(cause.contains("SPF") || cause.contains("DMARC"), rule + ": " + cause);
        }
        assertEquals("the recipient's server found no matching reverse DNS (PTR) record for the sending IP address",
                say(texts, Category.AUTHENTICATION, "generic.reverse-dns", false));
    }

    /**
     * The review: a report addressed to the recipient domain's mail team said "the recipient's servers refused the
     * message by a policy of theirs". Every cause phrase that names the recipient's side has a form that speaks to
     * that team, which names their side only as theirs ("your", "er"), in English and Swedish; and a .you form is
     * always that of a phrase the report has.
     */
    @Test
    void everyCauseThatNamesTheRecipientsSideHasAFormForTheirMailTeam() {
        Pattern recipientSide = Pattern.compile("recipient's|recipient domain|of theirs|mottagarens|mottagardomän");
        for (String file : List.of("report/report-text.properties", "report/report-text_sv.properties")) {
            Properties p = TextBundleFiles.load(TextBundleFiles.ENGINE.resolve(file));
            List<String> wrong = new ArrayList<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                if (!key.startsWith("cause.")) {
                    continue;
                }
                boolean you = key.endsWith(".you");
                boolean namesRecipient = recipientSide.matcher(p.getProperty(key)).find();
                if (you ? namesRecipient || !p.containsKey(key.substring(0, key.length() - ".you".length()))
                        : namesRecipient && !p.containsKey(key + ".you")) {
                    wrong.add(key + "=" + p.getProperty(key));
                }
            }
            assertEquals(List.of(), wrong, file);
        }
    }

    @Test
    void aCauseIsSpokenToTheMailTeamInItsOwnWordsBeforeItsCategorys() {
        ReportTexts texts = ReportTexts.english();
        assertEquals("your servers refused the message by a policy of yours (on content or senders)",
                say(texts, Category.CONTENT_POLICY, true));
        assertEquals("Salesforce could reach no mail server of your domain",
                say(texts, Category.DNS, "salesforce.no-mail-servers", true));
        // a rule whose words name no side of theirs keeps them, rather than its category's words for the team
        assertEquals("a directory (usually DNS) lookup failed", say(texts, Category.DNS, "enhanced:X.4.3", true));
        assertEquals("the mailbox is full", say(texts, Category.MAILBOX_FULL, true));
        assertEquals("your domain's DNS gave Salesforce no mail server it could use",
                say(texts, Category.DNS, "fallback", true));
    }

    /**
     * A Swedish cause phrase ends "… studsade eftersom …" and stands alone in the JSON: a sentence adverb such as
     * "inte" goes before the verb in the one and after it in the other, so a phrase has none (but in an att-clause).
     */
    @Test
    void swedishCausePhrasesReadRightAfterEftersomAndAlone() {
        Properties swedish = TextBundleFiles.load(TextBundleFiles.ENGINE.resolve("report/report-text_sv.properties"));
        Pattern adverb = Pattern.compile("\\b(inte|icke|ej|varken|aldrig|alltid|redan|ännu)\\b");
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(swedish.stringPropertyNames())) {
            String phrase = swedish.getProperty(key);
            int att = phrase.indexOf(" att ");
            if (key.startsWith("cause.") && adverb.matcher(att < 0 ? phrase : phrase.substring(0, att)).find()) {
                wrong.add(key + "=" + phrase);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTranslationHasEveryPhraseWithTheSamePlaceholders() {
        Path english = TextBundleFiles.ENGINE.resolve("report/report-text.properties");
        Properties base = TextBundleFiles.load(english);
        List<Path> translations = TextBundleFiles.translations(english.getParent()).stream()
                .filter(t -> TextBundleFiles.bundleOf(t).orElseThrow().getFileName().toString().equals("report-text"))
                .toList();
        assertFalse(translations.isEmpty(), "report-text_sv.properties is found");
        for (Path t : translations) {
            Properties translated = TextBundleFiles.load(t);
            assertEquals(new TreeSet<>(base.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                    t + " has the keys of report-text.properties");
            for (String key : base.stringPropertyNames()) {
                assertEquals(placeholders(base.getProperty(key)), placeholders(translated.getProperty(key)),
                        t + ": " + key);
                assertEquals(base.getProperty(key).startsWith(" "), translated.getProperty(key).startsWith(" "),
                        t + ": " + key + " starts with a space as in English");
            }
        }
    }

    @Test
    void anApostropheIsWrittenOnceForThePhrasesAreNoMessageFormat() {
        // format.* are DateTimeFormatter patterns, where '' is an apostrophe and '…' quotes literal text
        List<Path> files = bundleFiles();
        assertTrue(files.size() > 1, "report-text.properties and its translations: " + files);
        for (Path file : files) {
            Properties p = TextBundleFiles.load(file);
            List<String> doubled = new TreeSet<>(p.stringPropertyNames()).stream()
                    .filter(k -> !k.startsWith("format.") && p.getProperty(k).contains("''")).toList();
            assertEquals(List.of(), doubled, file.toString());
        }
    }

    @Test
    void swedishWritesItsOwnNumbersAndDates() {
        ReportTexts sv = ReportTexts.of(Locale.forLanguageTag("sv"));
        assertEquals("1\u00a0204", sv.count(1204));
        assertEquals("1,204", ReportTexts.english().count(1204));
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        assertEquals("20 november 2026 kl. 08:00 UTC", sv.day().format(t));
        assertEquals("20 November 2026, 08:00 UTC", ReportTexts.english().day().format(t));
        assertEquals("Studsat", sv.verdict(Verdict.BOUNCED));
        assertEquals(sv, ReportTexts.of(Locale.forLanguageTag("sv")), "made once per language");
    }

    @Test
    void theLanguageIsOneWithTextsWhateverWasAskedFor() {
        Locale swedish = Locale.forLanguageTag("sv");
        Locale none = TestLanguages.UNTRANSLATED;
        assertEquals(Locale.ENGLISH, ReportTexts.of(none).language());
        assertEquals(ReportTexts.english(), ReportTexts.of(none), "English texts, numbers and dates");
        assertEquals("1,204", ReportTexts.of(none).count(1204));
        assertEquals(Locale.ENGLISH, ReportTexts.of(Locale.ROOT).language());
        assertEquals(Locale.ENGLISH, ReportTexts.of(Locale.US).language());
        assertEquals(swedish, ReportTexts.of(Locale.forLanguageTag("sv-SE")).language());
        assertEquals(ReportTexts.of(swedish), ReportTexts.of(Locale.forLanguageTag("sv-SE")));
    }

    @Test
    void aValueIsNeverReadAsAPhrase() {
        assertEquals("The raw rows could not be read again from {1}.csv: the file no longer exists.",
                ReportTexts.english().format("appendix.unreadable", "{1}.csv", "the file no longer exists"));
    }

    @Test
    void aPhraseIsFilledInOnePassWithItsOwnWordsPassedThrough() {
        assertEquals("<a>[1]<b>{1}<c>", ReportTexts.fill("a{0}b{1}c", w -> "<" + w + ">", "[1]", "{1}"));
        assertEquals("<a>x<b{1}c>", ReportTexts.fill("a{0}b{1}c", w -> "<" + w + ">", "x"),
                "a placeholder without its value stays");
    }

    /** report-text.properties and its translations. */
    private static List<Path> bundleFiles() {
        Path english = TextBundleFiles.ENGINE.resolve("report/report-text.properties");
        List<Path> files = new ArrayList<>(List.of(english));
        TextBundleFiles.translations(english.getParent()).stream()
                .filter(t -> TextBundleFiles.bundleOf(t).orElseThrow().getFileName().toString().equals("report-text"))
                .forEach(files::add);
        return files;
    }

    private static Set<String> placeholders(String phrase) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(phrase);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties texts() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream("report-text.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
