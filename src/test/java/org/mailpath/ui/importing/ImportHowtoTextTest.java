package org.mailpath.ui.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The import step's "where is the log?" line gave only Salesforce Classic's path. Lightning's is Setup →
 * Environments → Logs → Email Log Files (Salesforce Help, knowledge article 000388460); both are named, in English
 * and Swedish.
 */
class ImportHowtoTextTest {

    private static String howto(Locale locale) {
        return ResourceBundle.getBundle("org.mailpath.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("import.howto");
    }

    @Test
    void theHowtoNamesTheLightningAndTheClassicPath() {
        String en = howto(Locale.ENGLISH);
        assertTrue(en.contains("Environments → Logs → Email Log Files (Lightning)"), en);
        assertTrue(en.contains("Logs → Email Log Files (Classic)"), en);
        String sv = howto(Locale.forLanguageTag("sv"));
        assertTrue(sv.contains("Miljöer → Loggar → E-postloggfiler (Lightning)"), sv);
        assertTrue(sv.contains("Loggar → E-postloggfiler (Classic)"), sv);
    }
}
