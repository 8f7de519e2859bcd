package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * A finding's message and our admin's remediation are shown as they are on our own side of a report addressed to a
 * recipient's mail team, so they say "your" of nothing: that team reads it as theirs (the postmaster review: "Salesforce
 * sends with your own address as envelope sender" under SPF_SALESFORCE of our domain). Words for that team are the
 * {@code .mailTeamRemediation} keys, left out here. Instructions may still address whoever acts (an imperative, the
 * Swedish "ni"); what is checked is the possessive that makes something the reader's: English your/yours, Swedish
 * er/ert/era.
 */
class OwnSideWordsTest {

    private static final Map<String, Pattern> POSSESSIVE = Map.of(
            "", Pattern.compile("(?i)\\byours?\\b"),
            "sv", Pattern.compile("(?iU)(?<![\\p{L}-])(er|ert|era)(?![\\p{L}-])"));

    /**
     * Advice to whoever runs MailPath about their own network, in SMTP probe findings of a server the probe could not
     * find (never a finding of our sending domain's checks).
     */
    private static final List<String> TO_WHOEVER_PROBES = List.of("SMTP_NO_ADDRESS.notFound.remediation");

    @Test
    void noMessageOrAdminRemediationSaysYour() {
        List<String> found = new ArrayList<>();
        for (Path file : TextBundleFiles.engineBundles()) {
            String language = TextBundleFiles.languageOf(file).orElse("");
            Pattern possessive = POSSESSIVE.get(language);
            if (possessive == null || !file.getFileName().toString().startsWith("findings")) {
                continue;
            }
            Properties texts = TextBundleFiles.load(file);
            for (String key : texts.stringPropertyNames()) {
                if (key.contains("mailTeam") || TO_WHOEVER_PROBES.contains(key)) {
                    continue;
                }
                if (possessive.matcher(texts.getProperty(key)).find()) {
                    found.add(file.getParent().getFileName() + "/" + file.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
