package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TestLanguages;

class MessagesTest {

    @Test
    void englishChosenOnASwedishComputerIsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            String english = Messages.forLocale(Locale.ENGLISH).get("actor.NOBODY");
            String swedish = Messages.forLocale(Locale.of("sv")).get("actor.NOBODY");
            assertNotEquals(english, swedish);

            Locale.setDefault(Locale.of("sv", "SE"));
            assertEquals(english, Messages.forLocale(Locale.ENGLISH).get("actor.NOBODY"));
            assertEquals(english, Messages.forLocale(TestLanguages.UNTRANSLATED).get("actor.NOBODY"));
            assertEquals(swedish, Messages.forLocale(Locale.of("sv", "SE")).get("actor.NOBODY"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
