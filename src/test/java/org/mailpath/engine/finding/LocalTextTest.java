package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalTextTest {

    private static final FindingTexts TEXTS = FindingTexts.of(LocalTextTest.class);
    private static final Locale SWEDISH = Locale.of("sv");

    @Test
    void aFindingIsWordedInEnglishAndKeepsItsTextsForOtherLanguages() {
        Finding f = TEXTS.finding("T_ONE", Severity.WARNING, "example.org", List.of("ev"), Actor.RECIPIENT_MAIL_TEAM,
                "T_ONE", "example.org", 1234, TEXTS.text("T_ONE.reason"));

        assertEquals("example.org has 1,234 records (no answer).", f.message());
        assertEquals("Fix example.org's records.", f.remediation());
        assertEquals("example.org har 1\u00a0234 poster (inget svar).", f.message(SWEDISH));
        assertEquals("Rätta posterna för example.org.", f.remediation(SWEDISH));
        assertEquals(f.message(), f.message(Locale.ROOT));
    }

    @Test
    void aRemediationBringsItsWordsForTheRecipientsMailTeamWhereItsBundleHasThem() {
        FindingTexts mx = FindingTexts.of("org.mailpath.engine.mx.findings");
        Finding alone = mx.finding("MX_NULL", Severity.ERROR, "nullmx.example", List.of(), Actor.RECIPIENT_MAIL_TEAM,
                "MX_NULL.alone", "nullmx.example");
        assertTrue(alone.remediation().startsWith("Mail to this domain cannot be delivered; ask the recipient"));
        assertTrue(alone.mailTeamRemediation().startsWith("Your domain declares with its null MX (RFC 7505) that it"
                + " accepts no mail"), alone.mailTeamRemediation());
        assertTrue(alone.mailTeamRemediation().contains("If nullmx.example should receive mail"), "the same arguments");
        assertTrue(alone.mailTeamRemediation(SWEDISH).orElseThrow().startsWith("Er domän anger med sin null-MX"));
        assertEquals(alone.mailTeamRemediation(), alone.withSeverity(Severity.WARNING).withEvidence(List.of("x"))
                .mailTeamRemediation());
        // another remediation has its own words for the team, or none
        assertEquals("", alone.withRemediation("Something else.", Actor.SENDER_ADMIN).mailTeamRemediation());
        Finding mixed = mx.finding("MX_NULL", Severity.ERROR, "mixed.example", List.of(), Actor.RECIPIENT_MAIL_TEAM,
                "MX_NULL.mixed", "mixed.example");
        assertEquals("", mixed.mailTeamRemediation(), "a fix already worded for whoever runs the domain");
        assertTrue(mixed.mailTeamRemediation(SWEDISH).isEmpty());
    }

    @Test
    void aMissingTranslationShowsTheEnglishTextNotTheMachineLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(SWEDISH);
        try {
            Finding f = TEXTS.finding("T_ENGLISH_ONLY", Severity.INFO, "", List.of(), Actor.NOBODY,
                    "T_ENGLISH_ONLY", "x");
            assertEquals("Only in English: x.", f.message(SWEDISH));
            assertEquals("Only in English: x.", f.message(Locale.GERMAN));
            assertEquals("", f.remediation(SWEDISH));
            assertTrue(f.remediationText().isEmpty());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void englishOnlyFindingsAndReplacedAdviceShowTheirEnglishText() {
        Finding plain = new Finding("X", Severity.INFO, "s", "plain", List.of(), "advice", Actor.NOBODY);
        assertEquals("plain", plain.message(SWEDISH));

        Finding keyed = TEXTS.finding("T_ONE", Severity.WARNING, "s", List.of(), Actor.NOBODY, "T_ONE", "a", 2, "b");
        Finding advised = keyed.withRemediation("from the knowledge base", Actor.SALESFORCE_SUPPORT);
        assertEquals("from the knowledge base", advised.remediation(SWEDISH));
        assertEquals("a har 2 poster (b).", advised.message(SWEDISH));
        assertEquals(Severity.ERROR, keyed.withSeverity(Severity.ERROR).severity());
        assertEquals("a har 2 poster (b).", keyed.withSeverity(Severity.ERROR).message(SWEDISH));
    }

    /** Words of another kind than a bundle's text, in English and Swedish. */
    private record Greeting() implements Localizable {
        @Override
        public String in(Locale locale) {
            return locale.getLanguage().equals("sv") ? "hej" : "hello";
        }

        @Override
        public String toString() {
            return in(LocalText.ENGLISH);
        }
    }

    @Test
    void verbatimTextIsTheSameInEveryLanguageEvenWhereItLooksLikeAPattern() {
        Localizable reply = Localizable.verbatim("550 5.1.1 it's {0}");

        assertEquals("550 5.1.1 it's {0}", reply.toString());
        assertEquals("550 5.1.1 it's {0}", reply.in(SWEDISH));
        assertEquals(Localizable.verbatim("550 5.1.1 it's {0}"), reply);
        assertEquals("x has one record (550 5.1.1 it's {0}).", TEXTS.text("T_ONE.message", "x", 1, reply).toString());
        assertThrows(NullPointerException.class, () -> Localizable.verbatim(null));
    }

    @Test
    void verbatimTextWordsAFindingInEveryLanguage() {
        Finding f = new Finding("X", Severity.ERROR, "s", Localizable.verbatim("550 5.1.1 user unknown"), List.of(),
                TEXTS.text("T_ONE.reason"), Actor.NOBODY);

        assertEquals("550 5.1.1 user unknown", f.message());
        assertEquals("550 5.1.1 user unknown", f.message(SWEDISH));
        assertEquals("no answer", f.remediation());
        assertEquals("inget svar", f.remediation(SWEDISH));

        Finding advised = f.withRemediation(Localizable.verbatim("Ask the postmaster."), Actor.RECIPIENT_MAIL_TEAM);
        assertEquals("Ask the postmaster.", advised.remediation());
        assertEquals("Ask the postmaster.", advised.remediation(SWEDISH));
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, advised.actor());
    }

    @Test
    void nestedWordsWordAFindingInTheUsersLanguage() {
        Localizable nested = TEXTS.text("T_ONE.message", "x", 1, new Greeting());
        Finding f = new Finding("X", Severity.INFO, "s", new Greeting(), List.of(), nested, Actor.NOBODY);

        assertEquals("hello", f.message());
        assertEquals("hej", f.message(SWEDISH));
        assertEquals("x has one record (hello).", f.remediation());
        assertEquals("x har en post (hej).", f.remediation(SWEDISH));

        Finding reworded = f.withMessage(nested).withRemediation(new Greeting(), Actor.SENDER_ADMIN);
        assertEquals("x has one record (hello).", reworded.message());
        assertEquals("x har en post (hej).", reworded.message(SWEDISH));
        assertEquals("hello", reworded.remediation());
        assertEquals("hej", reworded.remediation(SWEDISH));
        assertEquals(reworded, new Finding("X", Severity.INFO, "s", nested, List.of(), new Greeting(),
                Actor.SENDER_ADMIN), "the withers give the finding the constructor gives");
    }

    @Test
    void wordsFromElsewhereAreQuotedInTheLanguageOfTheSentence() {
        LocalText text = TEXTS.text("T_ONE.message", "x", 1, new Greeting());

        assertEquals("x has one record (hello).", text.toString());
        assertEquals("x har en post (hej).", text.in(SWEDISH));
    }

    @Test
    void anUnknownKeyIsAProgrammingErrorFoundAtOnce() {
        assertThrows(IllegalStateException.class, () -> TEXTS.text("NO_SUCH.message"));
        assertThrows(IllegalStateException.class, () -> FindingTexts.of("org.mailpath.engine.finding.none"));
    }
}
