package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every UI text exists in English and Swedish, and each one is a valid pattern. */
class BundleParityTest {

    private static Properties load(String name) throws Exception {
        try (InputStream in = BundleParityTest.class.getResourceAsStream("/org/mailpath/ui/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void englishAndSwedishHaveTheSameKeys() throws Exception {
        TreeSet<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        TreeSet<String> sv = new TreeSet<>(load("messages_sv.properties").stringPropertyNames());
        TreeSet<String> missingInSv = new TreeSet<>(en);
        missingInSv.removeAll(sv);
        TreeSet<String> missingInEn = new TreeSet<>(sv);
        missingInEn.removeAll(en);
        assertEquals(new TreeSet<String>(), missingInSv, "keys missing in messages_sv.properties");
        assertEquals(new TreeSet<String>(), missingInEn, "keys missing in messages.properties");
        assertTrue(en.size() > 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_sv.properties"})
    void everyValueIsAValidPatternWithoutAsciiApostrophes(String file) throws Exception {
        Properties p = load(file);
        List<String> bad = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (value.contains("'") || value.isBlank()) {
                bad.add(key);
                continue;
            }
            try {
                new MessageFormat(value).format(new Object[] {1, 2, 3, 4});
            } catch (IllegalArgumentException e) {
                bad.add(key + " (" + e.getMessage() + ")");
            }
        }
        assertEquals(List.of(), bad);
    }

    /** Names, codes and protocol words read the same in both languages; nothing else may. */
    private static final java.util.Set<String> SAME_IN_BOTH = java.util.Set.of("app.title", "wizard.step.dkim",
            "events.detail.messageId", "report.col.messageId", "events.timeline.tls", "dns.state.OK", "dns.kind.DNSSEC",
            "dns.kind.SPF", "dns.kind.DMARC", "dns.kind.DKIM", "dns.severity.INFO", "dns.smtp.row.server",
            "dns.smtp.transcript.capabilities", "dns.smtp.transcript.tls", "dns.smtp.transcript.tlsProblem",
            "dkim.card.cname", "report.export.PDF", "report.export.HTML", "report.export.JSON");

    @Test
    void noSwedishTextIsLeftInEnglish() throws Exception {
        Properties en = load("messages.properties");
        Properties sv = load("messages_sv.properties");
        TreeSet<String> same = new TreeSet<>();
        en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(sv.getProperty(k)))
                .filter(k -> !SAME_IN_BOTH.contains(k)).forEach(same::add);
        assertEquals(new TreeSet<String>(), same);
    }

    @Test
    void swedishIsReallyTranslated() throws Exception {
        Properties en = load("messages.properties");
        Properties sv = load("messages_sv.properties");
        long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(sv.getProperty(k))).count();
        assertTrue(same < en.size() / 8, same + " texts are identical in both languages");
    }
}
