package org.mailpath.engine.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The shipped knowledge base's entries as the app reads the data file ({@link StatusKnowledgeBase#shippedFile}), for
 * the tests of its translations and of the report's words for its rules.
 */
public final class KnowledgeBaseEntries {

    /** The entries that are no rule of a reply: no rule matched, a reply without text, and a reply of success. */
    public static final List<String> NOT_RULES = List.of("fallback", StatusKnowledgeBase.EMPTY_REPLY, "success");

    private KnowledgeBaseEntries() {
    }

    /** Rule id (as a diagnosis carries it: {@code enhanced:X.1.1}) → its English explanation and remediation. */
    public static Map<String, List<String>> byRuleId() {
        KnowledgeFile file = StatusKnowledgeBase.shippedFile();
        Map<String, List<String>> english = new LinkedHashMap<>();
        english.put("fallback", List.of(file.fallback().explanation(), file.fallback().remediation()));
        english.put(StatusKnowledgeBase.EMPTY_REPLY, List.of(file.emptyReply().explanation(),
                file.emptyReply().remediation()));
        english.put("success", List.of(file.success().explanation(), file.success().remediation()));
        file.rules().forEach(r -> english.put(r.id(), List.of(r.explanation(), r.remediation())));
        file.enhancedCodes().forEach(c -> english.put("enhanced:" + c.code(),
                List.of(c.explanation(), c.remediation())));
        file.basicCodes().forEach(c -> english.put(c.basicRuleId(), List.of(c.explanation(), c.remediation())));
        return english;
    }

    /** Rule id → the entry as the knowledge base diagnoses it (category, actor and all its English words). */
    public static Map<String, Diagnosis> diagnosesByRuleId() {
        KnowledgeFile file = StatusKnowledgeBase.shippedFile();
        Map<String, Diagnosis> diagnoses = new LinkedHashMap<>();
        diagnoses.put("fallback", file.fallback().toDiagnosis("fallback", "fallback"));
        diagnoses.put(StatusKnowledgeBase.EMPTY_REPLY, file.emptyReply().toDiagnosis(StatusKnowledgeBase.EMPTY_REPLY,
                "emptyReply"));
        diagnoses.put("success", file.success().toDiagnosis("success", "success"));
        file.rules().forEach(r -> diagnoses.put(r.id(), r.toDiagnosis(r.id())));
        file.enhancedCodes().forEach(c -> diagnoses.put("enhanced:" + c.code(), c.toDiagnosis("enhanced:" + c.code(), c.code())));
        file.basicCodes().forEach(c -> diagnoses.put(c.basicRuleId(), c.toDiagnosis(c.basicRuleId(), c.code())));
        return diagnoses;
    }

    /** Rule id → the entry's English advice for the recipient's mail team, for the entries that have it. */
    public static Map<String, String> mailTeamByRuleId() {
        return optionalWordsByRuleId(Words::mailTeamRemediation);
    }

    /** Rule id → the entry's English explanation for the recipient's mail team, for the entries that have one. */
    public static Map<String, String> mailTeamExplanationByRuleId() {
        return optionalWordsByRuleId(Words::mailTeamExplanation);
    }

    /** Rule id → the entry's English remediation for a deferral, for the entries that have one. */
    public static Map<String, String> deferredRemediationByRuleId() {
        return optionalWordsByRuleId(Words::deferredRemediation);
    }

    /** Rule id → the entry's English remediation for a bounce, for the entries that have one. */
    public static Map<String, String> bouncedRemediationByRuleId() {
        return optionalWordsByRuleId(Words::bouncedRemediation);
    }

    /** An entry's optional words, of whichever kind of entry. */
    private record Words(String mailTeamRemediation, String mailTeamExplanation, String deferredRemediation,
                         String bouncedRemediation) {
    }

    /** The entries' optional words of one kind, for the entries that have them. */
    private static Map<String, String> optionalWordsByRuleId(Function<Words, String> part) {
        KnowledgeFile file = StatusKnowledgeBase.shippedFile();
        Map<String, String> english = new LinkedHashMap<>();
        BiConsumer<String, Words> put = (id, words) -> KnowledgeFile.optional(part.apply(words))
                .ifPresent(t -> english.put(id, t));
        put.accept("fallback", new Words(file.fallback().mailTeamRemediation(), file.fallback().mailTeamExplanation(),
                file.fallback().deferredRemediation(), file.fallback().bouncedRemediation()));
        put.accept(StatusKnowledgeBase.EMPTY_REPLY, new Words(file.emptyReply().mailTeamRemediation(),
                file.emptyReply().mailTeamExplanation(), file.emptyReply().deferredRemediation(),
                file.emptyReply().bouncedRemediation()));
        put.accept("success", new Words(file.success().mailTeamRemediation(), file.success().mailTeamExplanation(),
                file.success().deferredRemediation(), file.success().bouncedRemediation()));
        file.rules().forEach(r -> put.accept(r.id(), new Words(r.mailTeamRemediation(), r.mailTeamExplanation(),
                r.deferredRemediation(), r.bouncedRemediation())));
        file.enhancedCodes().forEach(c -> put.accept("enhanced:" + c.code(), new Words(c.mailTeamRemediation(),
                c.mailTeamExplanation(), c.deferredRemediation(), c.bouncedRemediation())));
        file.basicCodes().forEach(c -> put.accept(c.basicRuleId(), new Words(c.mailTeamRemediation(),
                c.mailTeamExplanation(), c.deferredRemediation(), c.bouncedRemediation())));
        return english;
    }

    /** The key a translation gives an entry ({@code enhanced.X.1.1}), as {@link DiagnosisTexts} reads it. */
    public static String translationKey(String ruleId) {
        return DiagnosisTexts.keyOf(ruleId);
    }
}
