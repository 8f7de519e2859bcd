package org.mailpath.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TranslationSources;
import org.mailpath.ui.app.OfferedLanguages;

/**
 * A translation is checked again when its English text changes: each translated text is recorded with the English
 * it was translated from ({@link TranslationSources}), and a text whose English is no longer that one is named here.
 * The bundle tests only see keys, so a reworded English text would otherwise keep its old translation unnoticed.
 */
class TranslationsFollowEnglishTest {

    private static final String RECORD = "After checking these texts, record them: mvn -o -q test-compile exec:exec"
            + " -Dexec.classpathScope=test -Dmailpath.mainClass=" + TranslationSources.class.getName()
            + " -Dmailpath.args=";

    @Test
    void everyTranslatedTextWasTranslatedFromTheCurrentEnglish() {
        List<String> problems = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Locale language : OfferedLanguages.load().all()) {
            String tag = language.getLanguage();
            if (!tag.equals("en")) {
                languages.add(tag);
                problems.addAll(differences(tag, TranslationSources.recorded(tag), TranslationSources.current(tag)));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + RECORD + String.join(" ", languages));
    }

    @Test
    void theRecordCoversTheTextsOfEveryKindOfBundle() {
        Map<String, String> swedish = TranslationSources.recorded("sv");
        for (String bundle : List.of("org/mailpath/ui/messages ", "org/mailpath/engine/dns/findings ",
                "org/mailpath/engine/log/problems ", "org/mailpath/engine/status/status-knowledge ")) {
            assertTrue(swedish.keySet().stream().anyMatch(id -> id.startsWith(bundle)), bundle);
        }
        assertTrue(swedish.containsKey("org/mailpath/engine/status/status-knowledge enhanced.X.1.1.explanation"));
    }

    @Test
    void aChangedEnglishTextANewTranslationAndAGoneOneAreEachNamed() {
        Map<String, String> recorded = Map.of("b k1", "aaa", "b k2", "bbb", "b gone", "ccc");
        Map<String, String> current = Map.of("b k1", "aaa", "b k2", "changed", "b new", "ddd");
        assertEquals(List.of(
                "b k2: its English text changed after it was translated into sv; check the sv text",
                "b new: translated into sv but not recorded; check that it translates the English",
                "b gone: recorded, but its English or sv text is gone"),
                differences("sv", recorded, current));
    }

    /** Each difference between a language's record and its translations now: changed, new, then gone texts. */
    private static List<String> differences(String language, Map<String, String> recorded,
                                            Map<String, String> current) {
        List<String> problems = new ArrayList<>();
        current.keySet().stream().sorted().filter(id -> recorded.containsKey(id))
                .filter(id -> !recorded.get(id).equals(current.get(id))).forEach(id -> problems.add(id
                        + ": its English text changed after it was translated into " + language + "; check the "
                        + language + " text"));
        current.keySet().stream().sorted().filter(id -> !recorded.containsKey(id)).forEach(id -> problems.add(id
                + ": translated into " + language + " but not recorded; check that it translates the English"));
        recorded.keySet().stream().sorted().filter(id -> !current.containsKey(id)).forEach(id -> problems.add(id
                + ": recorded, but its English or " + language + " text is gone"));
        return problems;
    }
}
