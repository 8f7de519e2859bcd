package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;

/**
 * The knowledge base's words that reach a report's part for the recipient's mail team (and a report addressed to
 * that team) speak to that team: {@link Diagnosis#mailTeamExplanation(Locale)}, which is the explanation where an
 * entry has no words of its own for them, and {@link Diagnosis#mailTeamRemediation(Locale)}, in English and Swedish.
 * Our admin's explanation and remediation are not walked: they are the analysis JSON's contract and the admin's.
 * <p>A text for the team must not name the team's own side in the third person, as a text for our admin does: "the
 * recipient's" names a thing of the recipient's organization, which is the team's (its server, domain, gateway,
 * filter, Google Workspace, end, limit, mail team), except the few things that are the person's own: a mailbox, an
 * inbox, an account, an address. "the recipient domain", "recipient organization", "recipient server" and "their
 * mail/DNS team" name the team's side too. Nor may it speak to our admin: "your Salesforce", "your Email Relay",
 * "your org" are ours, and "the log's …" sends the reader to a column of our Email Log, which the team has not got
 * ("the Email Log" alone reads as their own mail log: ours is "our Email Log").
 * Swedish says the same with "mottagarens" (but "mottagarens brevlåda/inkorg/konto/adress"), "mottagardomän…",
 * "deras e-postteam", "er/ert Salesforce", "loggens", "e-postloggen".
 */
class MailTeamWordsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** The person's own things, which a text for the team may call the recipient's. */
    private static final String PERSONS = "mailbox|inbox|account|address";
    private static final String PERSONS_SV = "brevlåda|inkorg|konto|adress";

    private static final Pattern THIRD_PERSON = Pattern.compile(
            "\\brecipient's (?!(?:" + PERSONS + ")\\b)"
                    + "|\\brecipient (?:domain|organi[sz]ation|server|mail server|system)"
                    + "|\\btheir (?:mail|DNS|IT) team",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TO_OUR_ADMIN = Pattern.compile(
            "\\byour (?:own )?(?:Salesforce|Email Relay|org)\\b|\\bthe log's\\b|\\bthe Email Log\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern THIRD_PERSON_SV = Pattern.compile(
            "\\bmottagarens (?!(?:" + PERSONS_SV + "))"
                    + "|\\bmottagar(?:domän|organisation|server|sidan)"
                    + "|\\bderas (?:e-post|DNS|IT)-?team",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TO_OUR_ADMIN_SV = Pattern.compile(
            "\\b(?:er|ert|era) (?:egen |eget )?(?:Salesforce|Email Relay|org)\\b|\\bloggens\\b|\\be-postloggen\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void everyTextThatReachesTheMailTeamSpeaksToThem() {
        Map<String, Diagnosis> entries = KnowledgeBaseEntries.diagnosesByRuleId();
        // every kind of entry is walked: rules, enhanced and basic codes, and the three that are no rule
        assertTrue(entries.keySet().containsAll(List.of("fallback", "empty-reply", "success", "generic.greylisting",
                "enhanced:X.4.1", "basic:556", "basic:550:content")), entries.keySet().toString());
        List<String> wrong = new ArrayList<>();
        entries.forEach((id, d) -> {
            for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
                check(wrong, id + " mailTeamExplanation " + language, Optional.of(d.mailTeamExplanation(language)),
                        language);
                check(wrong, id + " mailTeamRemediation " + language, d.mailTeamRemediation(language), language);
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** The rule itself: it finds what a text for our admin says, and lets the person's own things be. */
    @Test
    void theRuleTellsTheTeamsSideFromThePersonsOwn() {
        assertTrue(wrong("The recipient's server refused the connection.", Locale.ENGLISH));
        assertTrue(wrong("The recipient's Mimecast gateway deferred the message.", Locale.ENGLISH));
        assertTrue(wrong("The recipient domain publishes a null MX.", Locale.ENGLISH));
        assertTrue(wrong("Ask the recipient's mail team to check their MX hosts.", Locale.ENGLISH));
        assertTrue(wrong("Check your Salesforce TLS settings for this domain.", Locale.ENGLISH));
        assertTrue(wrong("the envelope sender's domain (the log's Sender column)", Locale.ENGLISH));
        assertTrue(wrong("The replies in the Email Log come from the server Salesforce handed the message to.",
                Locale.ENGLISH));
        assertTrue(!wrong("The replies in our Email Log come from the server Salesforce handed it to.", Locale.ENGLISH));
        assertTrue(wrong("Svaren i e-postloggen kommer från den server som Salesforce lämnade över det till.", SWEDISH));
        assertTrue(!wrong("Svaren i vår e-postlogg kommer från den server som Salesforce lämnade över det till.",
                SWEDISH));
        assertTrue(wrong("Mottagarens server nekade anslutningen.", SWEDISH));
        assertTrue(wrong("Mottagardomänen publicerar en null-MX.", SWEDISH));
        assertTrue(wrong("Kontrollera era TLS-inställningar i ert Salesforce.", SWEDISH));
        assertTrue(!wrong("The recipient's mailbox is full: please ask the recipient to free space.", Locale.ENGLISH));
        assertTrue(!wrong("If it is not in the recipient's inbox, please look for it in your logs.", Locale.ENGLISH));
        assertTrue(!wrong("Your server refused the connection.", Locale.ENGLISH));
        assertTrue(!wrong("Mottagarens brevlåda är full.", SWEDISH));
        assertTrue(!wrong("Er server nekade anslutningen.", SWEDISH));
        // an entry without words of its own for the team: they read its explanation, which the walk then checks
        Diagnosis own = new Diagnosis(Category.NETWORK, "The recipient's server refused the connection.", "Wait.",
                Actor.RECIPIENT_MAIL_TEAM, "elsewhere:1");
        assertTrue(wrong(own.mailTeamExplanation(Locale.ENGLISH), Locale.ENGLISH));
    }

    private static void check(List<String> wrong, String where, Optional<String> text, Locale language) {
        text.filter(t -> wrong(t, language)).ifPresent(t -> wrong.add(where + ": " + t));
    }

    private static boolean wrong(String text, Locale language) {
        boolean swedish = language.getLanguage().equals("sv");
        return (swedish ? THIRD_PERSON_SV : THIRD_PERSON).matcher(text).find()
                || (swedish ? TO_OUR_ADMIN_SV : TO_OUR_ADMIN).matcher(text).find();
    }
}
