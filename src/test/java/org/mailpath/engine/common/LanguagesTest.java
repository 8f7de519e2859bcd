package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<Locale> OFFERED = List.of(Locale.ENGLISH, SWEDISH);

    @Test
    void aTagIsMatchedByItsLanguageHoweverItIsWritten() {
        for (String tag : List.of("sv", "SV", " sv ", "sv-SE", "sv_SE", "sv-FI")) {
            assertEquals(Optional.of(SWEDISH), Languages.matching(Languages.fromTag(tag), OFFERED), tag);
        }
        assertEquals(Optional.of(Locale.ENGLISH), Languages.matching(Locale.US, OFFERED));
    }

    @Test
    void aLanguageNotOfferedOrNoLanguageMatchesNothing() {
        assertEquals(Optional.empty(), Languages.matching(Locale.GERMAN, OFFERED));
        assertEquals(Optional.empty(), Languages.matching(Locale.ROOT, OFFERED));
        assertEquals(Optional.empty(), Languages.matching(Languages.fromTag("not a tag"), OFFERED));
    }

    @Test
    void englishIsAlsoTheRootLocaleOfTheBaseBundles() {
        assertTrue(Languages.isEnglish(Locale.ENGLISH));
        assertTrue(Languages.isEnglish(Locale.UK));
        assertTrue(Languages.isEnglish(Locale.ROOT));
        assertFalse(Languages.isEnglish(SWEDISH));
    }
}
