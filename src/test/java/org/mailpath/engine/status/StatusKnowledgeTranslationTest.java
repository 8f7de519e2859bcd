package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.finding.Actor;
import org.mailpath.testing.TestLanguages;

/**
 * Each translation of the knowledge base (every language in {@code languages.txt} but English) stays in step with the
 * English data file, and the lookup uses it; Swedish serves as the example of the lookup and has its own rules.
 */
class StatusKnowledgeTranslationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();
    /** Every entry of the data file by the rule id a diagnosis of it carries: its English texts. */
    private static final Map<String, List<String>> ENGLISH = KnowledgeBaseEntries.byRuleId();
    /** The entries that have words for the recipient's mail team: those words in English. */
    private static final Map<String, String> MAIL_TEAM = KnowledgeBaseEntries.mailTeamByRuleId();
    /** The entries that have an explanation of their own for the recipient's mail team: it in English. */
    private static final Map<String, String> MAIL_TEAM_EXPLANATION = KnowledgeBaseEntries.mailTeamExplanationByRuleId();
    /** The entries that have a remediation of their own for a deferral: it in English. */
    private static final Map<String, String> DEFERRED = KnowledgeBaseEntries.deferredRemediationByRuleId();
    /** The entries that have a remediation of their own for a bounce: it in English. */
    private static final Map<String, String> BOUNCED = KnowledgeBaseEntries.bouncedRemediationByRuleId();
    private static ResourceBundle swedish;

    @BeforeAll
    static void load() {
        swedish = DiagnosisTexts.translation(SWEDISH).orElseThrow();
    }

    /** The knowledge base's translation into {@code language}, which must exist for an offered language. */
    private static ResourceBundle translation(String language) {
        return DiagnosisTexts.translation(Locale.forLanguageTag(language)).orElseThrow(() ->
                new AssertionError("no status-knowledge_" + language + ".properties"));
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyEntryHasAnExplanationAndRemediationInEveryTranslation(String language) {
        ResourceBundle translated = translation(language);
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        ENGLISH.forEach((id, english) -> {
            String[] keys = {DiagnosisTexts.keyOf(id) + ".explanation", DiagnosisTexts.keyOf(id) + ".remediation"};
            for (int i = 0; i < 2; i++) {
                if (!translated.containsKey(keys[i]) || translated.getString(keys[i]).isBlank()) {
                    missing.add(keys[i]);
                } else if (translated.getString(keys[i]).equals(english.get(i))) {
                    untranslated.add(keys[i]);
                }
            }
        });
        assertTrue(missing.isEmpty(), "entries without a " + language + " text: " + missing);
        assertTrue(untranslated.isEmpty(), language + " texts still in English: " + untranslated);
        // The three kinds of entry and the three special ones are all there (the ids are what the lookup uses).
        assertTrue(ENGLISH.keySet().containsAll(List.of("fallback", "empty-reply", "success", "generic.reverse-dns",
                "enhanced:X.1.1", "basic:550", "basic:550:content")));
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyTranslatedKeyBelongsToAnEntryOfTheDataFile(String language) {
        Set<String> known = new HashSet<>();
        ENGLISH.keySet().forEach(id -> {
            known.add(DiagnosisTexts.keyOf(id) + ".explanation");
            known.add(DiagnosisTexts.keyOf(id) + ".remediation");
        });
        MAIL_TEAM.keySet().forEach(id -> known.add(DiagnosisTexts.keyOf(id) + ".mailTeamRemediation"));
        MAIL_TEAM_EXPLANATION.keySet().forEach(id -> known.add(DiagnosisTexts.keyOf(id) + ".mailTeamExplanation"));
        DEFERRED.keySet().forEach(id -> known.add(DiagnosisTexts.keyOf(id) + ".deferredRemediation"));
        BOUNCED.keySet().forEach(id -> known.add(DiagnosisTexts.keyOf(id) + ".bouncedRemediation"));
        Set<String> orphans = new TreeSet<>(translation(language).keySet());
        orphans.removeAll(known);
        assertTrue(orphans.isEmpty(), language + " texts of no entry (renamed or removed rule?): " + orphans);
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyEntryWithWordsForTheMailTeamHasThemInEveryTranslationKeepingCodesAndNames(String language) {
        ResourceBundle translated = translation(language);
        List<String> missing = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        Map<String, String> english = new java.util.LinkedHashMap<>();
        MAIL_TEAM.forEach((id, text) -> english.put(DiagnosisTexts.keyOf(id) + ".mailTeamRemediation", text));
        MAIL_TEAM_EXPLANATION.forEach((id, text) ->
                english.put(DiagnosisTexts.keyOf(id) + ".mailTeamExplanation", text));
        english.forEach((key, text) -> {
            if (!translated.containsKey(key) || translated.getString(key).isBlank()
                    || translated.getString(key).equals(text)) {
                missing.add(key);
                return;
            }
            Matcher m = VERBATIM.matcher(text);
            while (m.find()) {
                if (!translated.getString(key).contains(m.group())) {
                    lost.add(key + ": " + m.group());
                }
            }
        });
        assertTrue(missing.isEmpty(), "words for the mail team without a " + language + " text: " + missing);
        assertTrue(lost.isEmpty(), "not kept verbatim: " + lost);
        // the causes the report's part for the mail teams meets most have words of their own
        assertTrue(MAIL_TEAM.keySet().containsAll(List.of("fallback", "salesforce.tls-negotiation",
                "microsoft.dmarc-reject", "gmail.unauthenticated", "generic.user-unknown", "enhanced:X.1.1",
                "generic.mailbox-full")), MAIL_TEAM.keySet().toString());
        // every explanation that speaks to our admin as "you" has words for the mail team
        List<String> toTheAdmin = new ArrayList<>();
        ENGLISH.forEach((id, texts) -> {
            if (Pattern.compile("\\b(you|your)\\b", Pattern.CASE_INSENSITIVE).matcher(texts.get(0)).find()
                    && !MAIL_TEAM_EXPLANATION.containsKey(id)) {
                toTheAdmin.add(id);
            }
        });
        assertTrue(toTheAdmin.isEmpty(), "explanations to our admin without words for the mail team: " + toTheAdmin);
    }

    @Test
    void theWordsForTheMailTeamComeInTheirLanguageAndOnlyWhereTheEntryHasThem() {
        Diagnosis tls = KB.diagnose(SmtpReply.parse("451 4.7.5 [internal] TLS negotiation failed"));
        assertEquals("salesforce.tls-negotiation", tls.ruleId());
        String english = tls.mailTeamRemediation(Locale.ENGLISH).orElseThrow();
        assertTrue(english.startsWith("Please check that your MX hosts offer TLS 1.2 or later"), english);
        assertFalse(english.contains("your Salesforce TLS settings"), "no Salesforce setting of theirs to check");
        assertEquals(english, tls.mailTeamRemediation().orElseThrow(), "English is the data file's own");
        assertEquals(swedish.getString("salesforce.tls-negotiation.mailTeamRemediation"),
                tls.mailTeamRemediation(SWEDISH).orElseThrow());
        // the admin's words name our org's TLS setting (Salesforce Help, Set Up Transport Layer Security)
        assertTrue(tls.remediation().contains("Restrict TLS to these domains"), tls.remediation());
        // an entry without words for the mail team has none, in any language
        Diagnosis size = KB.diagnose(SmtpReply.parse("552-5.3.4 Your message exceeded Google's message size limits."
                + " 552 5.3.4 https://support.google.com/mail/?p=MaxSizeError - gsmtp"));
        assertEquals("gmail.size", size.ruleId());
        assertTrue(size.mailTeamRemediation(Locale.ENGLISH).isEmpty());
        assertTrue(size.mailTeamRemediation(SWEDISH).isEmpty());
        assertEquals(size.explanation(SWEDISH), size.mailTeamExplanation(SWEDISH), "its explanation is for anyone");
        Diagnosis own = new Diagnosis(Category.UNKNOWN, "Made elsewhere.", "Do this.", Actor.NOBODY, "elsewhere:1");
        assertTrue(own.mailTeamRemediation(SWEDISH).isEmpty());
        assertEquals("Made elsewhere.", own.mailTeamExplanation(SWEDISH));
        Diagnosis starttls = KB.diagnose(SmtpReply.parse("451 4.7.4 [internal] STARTTLS required but not advertised"));
        assertEquals("salesforce.starttls-not-advertised", starttls.ruleId());
        assertTrue(starttls.explanation().startsWith("Your Salesforce TLS setting"), "the admin's words stay");
        assertEquals("Our TLS setting in Salesforce requires TLS for mail to your domain, but your server did not"
                + " offer STARTTLS.", starttls.mailTeamExplanation(Locale.ENGLISH));
        assertEquals(swedish.getString("salesforce.starttls-not-advertised.mailTeamExplanation"),
                starttls.mailTeamExplanation(SWEDISH));
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyRemediationForADeferralHasItsTranslationKeepingCodesAndNumbers(String language) {
        assertOptionalWordsTranslated(language, DEFERRED, ".deferredRemediation");
        assertTrue(DEFERRED.keySet().containsAll(List.of("generic.mailbox-full", "enhanced:X.2.2", "gmail.over-quota")),
                DEFERRED.keySet().toString());
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void everyRemediationForABounceHasItsTranslationKeepingCodesAndNumbers(String language) {
        assertOptionalWordsTranslated(language, BOUNCED, ".bouncedRemediation");
        assertTrue(BOUNCED.keySet().containsAll(List.of("gmail.receiving-rate", "generic.greylisting", "basic:450",
                "enhanced:X.4.5")), BOUNCED.keySet().toString());
    }

    /** Each of an optional kind of words has its translation, keeping the English's codes and numbers verbatim. */
    private static void assertOptionalWordsTranslated(String language, Map<String, String> words, String suffix) {
        ResourceBundle translated = translation(language);
        List<String> missing = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        words.forEach((id, english) -> {
            String key = DiagnosisTexts.keyOf(id) + suffix;
            if (!translated.containsKey(key) || translated.getString(key).isBlank()
                    || translated.getString(key).equals(english)) {
                missing.add(key);
                return;
            }
            Matcher m = VERBATIM.matcher(english);
            while (m.find()) {
                if (!translated.getString(key).contains(m.group())) {
                    lost.add(key + ": " + m.group());
                }
            }
        });
        assertTrue(missing.isEmpty(), "words (" + suffix + ") without a " + language + " text: " + missing);
        assertTrue(lost.isEmpty(), "not kept verbatim: " + lost);
    }

    @Test
    void aDeferralsRemediationComesInItsLanguageAndOnlyWhereTheEntryHasOne() {
        Diagnosis full = KB.diagnose(SmtpReply.parse("452 4.2.2 Mailbox full"));
        assertEquals("generic.mailbox-full", full.ruleId());
        assertEquals(full.deferredRemediation().orElseThrow(), full.deferredRemediation(Locale.ENGLISH));
        assertEquals(swedish.getString("generic.mailbox-full.deferredRemediation"), full.deferredRemediation(SWEDISH));
        assertEquals("Mottagaren måste frigöra utrymme; skicka igen senare.", full.remediation(SWEDISH),
                "a bounce keeps its words");
        // an entry without words for a deferral has its remediation for one, in the reader's language
        Diagnosis greylisted = KB.diagnose(SmtpReply.parse("451 4.7.1 Greylisted, please try again later"));
        assertTrue(greylisted.deferredRemediation().isEmpty(), greylisted.ruleId());
        assertEquals(greylisted.remediation(SWEDISH), greylisted.deferredRemediation(SWEDISH));
        Diagnosis own = new Diagnosis(Category.UNKNOWN, "Made elsewhere.", "Do this.", Actor.NOBODY, "elsewhere:1");
        assertEquals("Do this.", own.deferredRemediation(SWEDISH));
    }

    @Test
    void aBouncesRemediationComesInItsLanguageAndOnlyWhereTheEntryHasOne() {
        Diagnosis receiving = KB.diagnose(SmtpReply.parse("452 4.2.1 The user you are trying to contact is receiving"
                + " mail at a rate that prevents additional messages from being delivered."));
        assertEquals("gmail.receiving-rate", receiving.ruleId());
        assertEquals(receiving.bouncedRemediation().orElseThrow(), receiving.bouncedRemediation(Locale.ENGLISH));
        assertEquals(swedish.getString("gmail.receiving-rate.bouncedRemediation"),
                receiving.bouncedRemediation(SWEDISH));
        assertEquals("Inget att göra: Salesforce försöker igen.", receiving.remediation(SWEDISH),
                "a deferral keeps its words");
        assertEquals(receiving.remediation(SWEDISH), receiving.deferredRemediation(SWEDISH));
        // an entry without words for a bounce has its remediation for one, in the reader's language
        Diagnosis full = KB.diagnose(SmtpReply.parse("452 4.2.2 Mailbox full"));
        assertTrue(full.bouncedRemediation().isEmpty(), full.ruleId());
        assertEquals(full.remediation(SWEDISH), full.bouncedRemediation(SWEDISH));
        Diagnosis own = new Diagnosis(Category.UNKNOWN, "Made elsewhere.", "Do this.", Actor.NOBODY, "elsewhere:1");
        assertEquals("Do this.", own.bouncedRemediation(SWEDISH));
    }

    /**
     * The Swedish texts address their reader as "ni" (er, ert, era), as the reports' Swedish does throughout
     * (report-text_sv.properties), never as "du": the review found both forms in one sentence ("din egen
     * organisations: ditt e-postteam … i er Microsoft 365-klientorganisation").
     */
    @Test
    void theSwedishTextsAddressTheirReaderAsNiNeverDu() {
        Pattern du = Pattern.compile("\\b(du|din|ditt|dina|dig)\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(swedish.keySet())) {
            Matcher m = du.matcher(swedish.getString(key));
            if (m.find()) {
                wrong.add(key + ": " + m.group());
            }
        }
        assertTrue(wrong.isEmpty(), "Swedish texts that say \"du\": " + wrong);
    }

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void noKeyIsWrittenTwice(String language) throws IOException {
        // A properties file keeps the last of two equal keys without a word: one of the texts would be lost.
        String text;
        String file = "status-knowledge_" + language + ".properties";
        try (InputStream in = StatusKnowledgeBase.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0 && !seen.add(line.substring(0, eq).strip())) {
                twice.add(line.substring(0, eq).strip());
            }
        }
        assertTrue(twice.isEmpty(), "keys written twice: " + twice);
    }

    /** Host and record names, codes, settings and numbers: what a translation must keep verbatim. */
    private static final Pattern VERBATIM = Pattern.compile("[\\w-]*[.:=_][\\w.:=-]*\\w|\\d+");

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyTranslation")
    void codesNamesAndNumbersAreKeptInEveryTranslation(String language) {
        ResourceBundle translated = translation(language);
        List<String> lost = new ArrayList<>();
        ENGLISH.forEach((id, english) -> {
            String[] keys = {DiagnosisTexts.keyOf(id) + ".explanation", DiagnosisTexts.keyOf(id) + ".remediation"};
            for (int i = 0; i < 2; i++) {
                if (!translated.containsKey(keys[i])) {
                    continue; // a missing text is everyEntryHasAnExplanationAndRemediationInEveryTranslation's
                }
                Matcher m = VERBATIM.matcher(english.get(i).replace("e.g.", ""));
                while (m.find()) {
                    if (!translated.getString(keys[i]).contains(m.group())) {
                        lost.add(keys[i] + ": " + m.group());
                    }
                }
            }
        });
        assertTrue(lost.isEmpty(), "not kept verbatim: " + lost);
    }

    @Test
    void aKnownReplyIsExplainedInSwedishForSwedishAndInEnglishOtherwise() {
        Diagnosis d = KB.diagnose(SmtpReply.parse("550 5.1.1 user unknown"));
        assertEquals("enhanced:X.1.1", d.ruleId());
        assertEquals("Mottagarens brevlåda finns inte på den mottagande servern.", d.explanation(SWEDISH));
        assertEquals("Rätta adressen eller ta bort den från kontakten; skicka inte till den igen.", d.remediation(SWEDISH));
        assertEquals(d.explanation(SWEDISH), d.explanation(Locale.forLanguageTag("sv-SE")), "Sweden's Swedish too");
        for (Locale other : List.of(Locale.ROOT, Locale.ENGLISH, Locale.US, TestLanguages.UNTRANSLATED)) {
            assertEquals("The recipient mailbox does not exist on the receiving server.", d.explanation(other), other.toString());
            assertEquals(d.remediation(), d.remediation(other), other.toString());
        }
        // The English fields themselves are what the command line, the reports and the JSON use.
        assertEquals("The recipient mailbox does not exist on the receiving server.", d.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "weird text only", "250 2.0.0 OK", "550 no enhanced code",
        "450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.5]",
        "550-5.7.25 The IP address sending this message does not have a PTR record setup - gsmtp"})
    void everyKindOfDiagnosisHasItsSwedishText(String reply) {
        Diagnosis d = KB.diagnose(SmtpReply.parse(reply));
        String key = DiagnosisTexts.keyOf(d.ruleId());
        assertEquals(swedish.getString(key + ".explanation"), d.explanation(SWEDISH), reply);
        assertEquals(swedish.getString(key + ".remediation"), d.remediation(SWEDISH), reply);
        assertNotEquals(d.explanation(), d.explanation(SWEDISH), reply);
    }

    @Test
    void aDiagnosisOfNoKnownEntryKeepsItsOwnText() {
        Diagnosis own = new Diagnosis(Category.UNKNOWN, "Made elsewhere.", "Do this.", Actor.NOBODY, "elsewhere:1");
        assertEquals("Made elsewhere.", own.explanation(SWEDISH));
        assertEquals("Do this.", own.remediation(SWEDISH));
        Diagnosis noId = new Diagnosis(Category.UNKNOWN, "No id.", "", Actor.NOBODY, null);
        assertEquals("No id.", noId.explanation(SWEDISH));
        assertFalse(DiagnosisTexts.translation(Locale.ENGLISH).isPresent());
    }
}
