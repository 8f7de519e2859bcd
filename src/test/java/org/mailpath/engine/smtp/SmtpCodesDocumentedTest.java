package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SMTP code is in the list, has its texts, and is documented in docs/findings.md. */
class SmtpCodesDocumentedTest {

    @Test
    void everyCodeIsListedDescribedAndDocumented() throws Exception {
        List<String> declared = new ArrayList<>();
        for (Field f : SmtpCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertEquals(f.getName(), f.get(null), "a code's value is its name");
                declared.add(f.getName());
            }
        }
        assertEquals(declared.size(), SmtpCodes.ALL.size(), "ALL lists every code once");
        assertTrue(SmtpCodes.ALL.containsAll(declared));
        Path doc = Path.of(System.getProperty("mailpath.projectDir", "."), "docs", "findings.md");
        String text = Files.readString(doc);
        for (String code : SmtpCodes.ALL) {
            assertTrue(SmtpFindings.isDescribed(code), code + " lacks texts in findings.properties");
            assertTrue(text.contains("`" + code + "`"), code + " missing in " + doc);
            // every pattern formats (the blocked-port finding takes its port and address count as numbers, the
            // capped runs their counts)
            Object[] args = switch (code) {
                case SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY -> new Object[] {2525, 2};
                case SmtpCodes.SMTP_TARGETS_CAPPED -> new Object[] {30, 20};
                case SmtpCodes.SMTP_DOMAINS_CAPPED -> new Object[] {12, 10};
                default -> new Object[] {"a", "b", "c"};
            };
            SmtpFindings.of(code, "subject", List.of(), args);
        }
    }
}
