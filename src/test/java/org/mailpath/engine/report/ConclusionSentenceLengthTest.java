package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The copy editor's rule for the conclusion: no sentence of it runs past 35 words. Checked on every whole sentence
 * of its bundle (conclusion.* and accepted.advice.*, those ending in a period), as it reads with its arguments
 * filled in; the parts the writer joins into the opening sentence are not whole sentences and are left out.
 */
class ConclusionSentenceLengthTest {

    private static final int MOST_WORDS = 35;

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void noConclusionSentenceIsLongerThan35Words(String language) {
        Locale locale = Locale.of(language);
        ResourceBundle bundle = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", locale);
        // numbers fill both a name's place and a choice's
        Object[] args = {2, 2, 2, 2, 2};
        List<String> tooLong = new ArrayList<>();
        for (String key : bundle.keySet()) {
            if (!key.startsWith("conclusion.") && !key.startsWith("accepted.advice.")) {
                continue;
            }
            if (!bundle.getString(key).endsWith(".")) {
                continue;
            }
            String text = new MessageFormat(bundle.getString(key), locale).format(args);
            for (String sentence : text.split("(?<=\\.)\\s+(?=\\p{Lu})")) {
                int words = sentence.split("\\s+").length;
                if (words > MOST_WORDS) {
                    tooLong.add(key + " (" + words + " words): " + sentence);
                }
            }
        }
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }
}
