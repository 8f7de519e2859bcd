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

    @Test
    void wordsFromElsewhereAreQuotedInTheLanguageOfTheSentence() {
        record Greeting() implements Localizable {
            @Override
            public String in(Locale locale) {
                return locale.getLanguage().equals("sv") ? "hej" : "hello";
            }
        }
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
