package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.KnowledgeBaseEntries;

/**
 * The causes table of the report on several domains, which the recipients' mail teams read and in which "your" is
 * theirs (copy review, stop 45, item 1): a row on our side gives our admin's fix with "our" for "your", a row on their
 * side gives their own words, never our admin's "ask the recipient's mail team …". Held end to end on the shipped
 * sample log and, for our admin's fixes, for every entry of the knowledge base that names our side.
 */
class OurVoiceTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final Pattern SECOND_PERSON = Pattern.compile("(?i)\\b(you|your|yours)\\b");
    private static final Pattern SECOND_PERSON_SV = Pattern.compile("(?iU)(?<![\\p{L}-])(ni|er|ert|era)(?![\\p{L}-])");
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "(?i)\\b(recipient's|their) (mail|DNS) team\\b|\\byour (own )?(org|Salesforce|Email Relay)\\b");
    private static final Pattern THIRD_PERSON_SV = Pattern.compile(
            "(?iU)\\bmottagarens e-postteam|\\bderas (e-post|DNS)-?team|\\b(er|ert) (Salesforce|org)\\b");

    @Test
    void ourAdminsFixIsSaidAsOurs() {
        assertEquals("Check also whether our org requires TLS; if the recipient wants our mail, we can ask; the"
                + " address the recipient gives us.", OurVoice.of("Check also whether your org requires TLS; if the"
                + " recipient wants your mail, you can ask; the address the recipient gives you.", Locale.ENGLISH));
        assertEquals("Our Microsoft 365 admin must check ours.", OurVoice.of("Your Microsoft 365 admin must check"
                + " yours.", Locale.ENGLISH));
        assertEquals("Om domänen inte tillhör oss: skicka från vår egen domän; vårt eget relä och våra egna utskick,"
                + " som vi ser över.", OurVoice.of("Om domänen inte tillhör er: skicka från er egen domän; ert eget"
                + " relä och era egna utskick, som ni ser över.", SWEDISH));
        // words that merely contain the pronouns stay
        assertEquals("Salesforce-supporten ser över servern; younger", OurVoice.of("Salesforce-supporten ser över"
                + " servern; younger", SWEDISH));
    }

    /** The final reading: a domain or address the fix names (a typo note, a missing domain) keeps its letters. */
    @Test
    void domainsAndAddressesInTheFixStayAsTheyAre() {
        assertEquals("Check our records for your-shop.example and you.example (mail to you@your-shop.example).",
                OurVoice.of("Check your records for your-shop.example and you.example (mail to you@your-shop.example).",
                        Locale.ENGLISH));
        assertEquals("Kontrollera vår post för ni.com och era.se, adressen er@ni-bolaget.se; vi ser över den.",
                OurVoice.of("Kontrollera er post för ni.com och era.se, adressen er@ni-bolaget.se; ni ser över den.",
                        SWEDISH));
        // a pronoun ending a sentence is still one
        assertEquals("The address the recipient gives us. Then", OurVoice.of("The address the recipient gives you."
                + " Then", Locale.ENGLISH));
    }

    /** The words are the report texts' ({@code ourVoice.words}): a language is a bundle, not code. */
    @Test
    void theWordsAreEachLanguagesBundles() {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            String spec = ReportTexts.of(language).get("ourVoice.words");
            assertTrue(spec.contains(":"), language + ": " + spec);
            for (String pair : spec.split(" ")) {
                String word = pair.substring(0, pair.indexOf(':'));
                String[] ours = pair.substring(pair.indexOf(':') + 1).split("/");
                assertEquals("x " + ours[0] + " y", OurVoice.of("x " + word + " y", language), language + " " + pair);
                assertEquals("x " + ours[ours.length - 1] + ".", OurVoice.of("x " + word + ".", language),
                        language + " " + pair);
            }
        }
        // words no code knows are turned as the bundle's are
        OurVoice made = new OurVoice("dein:unser du:wir/uns");
        assertEquals("Unser Konto, wir sehen: gibt uns.", made.said("Dein Konto, du sehen: gibt du."));
        assertEquals("your you", new OurVoice("").said("your you"));
    }

    @Test
    void everyFixOfOurSideInTheKnowledgeBaseLosesItsSecondPerson() {
        List<String> left = new ArrayList<>();
        int read = 0;
        for (Diagnosis d : KnowledgeBaseEntries.diagnosesByRuleId().values()) {
            if (d.actor() != Actor.SENDER_ADMIN && d.actor() != Actor.LOCAL_NETWORK
                    && d.actor() != Actor.SALESFORCE_SUPPORT) {
                continue;
            }
            read++;
            for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
                String ours = OurVoice.of(d.remediation(language), language);
                if ((language == SWEDISH ? SECOND_PERSON_SV : SECOND_PERSON).matcher(ours).find()) {
                    left.add(d.ruleId() + " " + language + ": " + ours);
                }
            }
        }
        assertTrue(read > 50, "read " + read);
        assertEquals(List.of(), left);
    }

    @Test
    void theSampleReportsCausesTableSpeaksToTheTeamsAsTheRestOfItDoes() throws Exception {
        LogAnalysis a = new EmailLogAnalyzer().analyze(LogFixtures.sample("sample-email-log.csv"),
                org.mailpath.engine.common.ProgressListener.NONE, org.mailpath.engine.common.Cancellation.none());
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ReportModel model = new ReportBuilder(a, ReportOptions.defaults().withDomains(Set.of())
                    .withLanguage(language)).build();
            assertFalse(model.addressedToMailTeam());
            ReportWording words = ReportWording.of(model);
            List<String> wrong = new ArrayList<>();
            for (CauseRow r : model.summary().causes()) {
                String fix = words.causeTableFix(model, r);
                boolean ours = r.actor() == Actor.SENDER_ADMIN || r.actor() == Actor.LOCAL_NETWORK
                        || r.actor() == Actor.SALESFORCE_SUPPORT;
                Pattern bad = ours ? (language == SWEDISH ? SECOND_PERSON_SV : SECOND_PERSON)
                        : (language == SWEDISH ? THIRD_PERSON_SV : THIRD_PERSON);
                if (bad.matcher(fix).find()) {
                    wrong.add(r.actor() + " " + r.domains() + ": " + fix);
                }
            }
            assertEquals(List.of(), wrong, language.toString());
        }
    }
}
