package org.mailpath.engine.status;

import java.util.List;
import org.mailpath.engine.finding.Actor;

/** The JSON shape of {@code status-knowledge.json} (read by Jackson). */
record KnowledgeFile(String about, Text fallback, Text success, List<RuleEntry> rules,
                     List<CodeEntry> enhancedCodes, List<CodeEntry> basicCodes) {

    KnowledgeFile {
        rules = rules == null ? List.of() : rules;
        enhancedCodes = enhancedCodes == null ? List.of() : enhancedCodes;
        basicCodes = basicCodes == null ? List.of() : basicCodes;
    }

    record Text(String category, String actor, String explanation, String remediation) {
        Diagnosis toDiagnosis(String ruleId) {
            return new Diagnosis(Category.valueOf(category), explanation, remediation, Actor.valueOf(actor), ruleId);
        }
    }

    record RuleEntry(String id, String provider, String pattern, String category, String actor,
                     String explanation, String remediation, boolean expiry) {
    }

    record CodeEntry(String code, String title, String category, String actor, String explanation,
                     String remediation, boolean expiry) {
        Diagnosis toDiagnosis(String ruleId) {
            return new Diagnosis(Category.valueOf(category), explanation, remediation, Actor.valueOf(actor), ruleId);
        }
    }
}
