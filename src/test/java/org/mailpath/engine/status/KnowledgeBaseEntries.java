package org.mailpath.engine.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped knowledge base's entries as the app reads the data file ({@link StatusKnowledgeBase#shippedFile}), for
 * the tests of its translations and of the report's words for its rules.
 */
public final class KnowledgeBaseEntries {

    /** The two entries that are no rule of a reply: no reply matched, and a reply of success. */
    public static final List<String> NOT_RULES = List.of("fallback", "success");

    private KnowledgeBaseEntries() {
    }

    /** Rule id (as a diagnosis carries it: {@code enhanced:X.1.1}) → its English explanation and remediation. */
    public static Map<String, List<String>> byRuleId() {
        KnowledgeFile file = StatusKnowledgeBase.shippedFile();
        Map<String, List<String>> english = new LinkedHashMap<>();
        english.put("fallback", List.of(file.fallback().explanation(), file.fallback().remediation()));
        english.put("success", List.of(file.success().explanation(), file.success().remediation()));
        file.rules().forEach(r -> english.put(r.id(), List.of(r.explanation(), r.remediation())));
        file.enhancedCodes().forEach(c -> english.put("enhanced:" + c.code(),
                List.of(c.explanation(), c.remediation())));
        file.basicCodes().forEach(c -> english.put("basic:" + c.code(), List.of(c.explanation(), c.remediation())));
        return english;
    }

    /** The key a translation gives an entry ({@code enhanced.X.1.1}), as {@link DiagnosisTexts} reads it. */
    public static String translationKey(String ruleId) {
        return DiagnosisTexts.keyOf(ruleId);
    }
}
