package org.mailpath.engine.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.finding.Actor;

/**
 * The JSON shape of {@code status-knowledge.json} (read by Jackson). {@code emptyReply}: the diagnosis of a reply
 * without text; optional, as a file of the older shape (an override) has none, and then the fallback is read.
 */
record KnowledgeFile(String about, Text fallback, Text emptyReply, Text success, Map<String, String> providerMarkers,
                     List<RuleEntry> rules, List<CodeEntry> enhancedCodes, List<CodeEntry> basicCodes) {

    KnowledgeFile {
        providerMarkers = providerMarkers == null ? Map.of() : providerMarkers;
        rules = rules == null ? List.of() : rules;
        enhancedCodes = enhancedCodes == null ? List.of() : enhancedCodes;
        basicCodes = basicCodes == null ? List.of() : basicCodes;
    }

    /**
     * {@code mailTeamRemediation}, in every kind of entry: the advice as the recipient's mail team reads it in the
     * report's part for them, where {@code remediation}, written to our own admin, would speak to the wrong reader
     * ("ask the recipient's mail team…" to that very team). Optional: without it a report says in general words what
     * the entry's actor's side does. {@code mailTeamExplanation}, likewise optional: the explanation for that team
     * where {@code explanation} speaks to our admin ("your TLS setting"); without it they read the explanation.
     * {@code deferredRemediation}, likewise optional: our admin's remediation for a deferral, where
     * {@code remediation} asks to send the message again, which for a message Salesforce still retries (for up to 24
     * hours) risks a duplicate; without it a deferral's remediation is {@code remediation}.
     * {@code bouncedRemediation}, likewise optional: our admin's remediation for a bounce, where {@code remediation}
     * says Salesforce retries or there is nothing to do, which Salesforce no longer does for a bounced message;
     * without it a bounce's remediation is {@code remediation}.
     */
    record Text(String category, String actor, String explanation, String remediation, String mailTeamRemediation,
                String mailTeamExplanation, String deferredRemediation, String bouncedRemediation) {
        Diagnosis toDiagnosis(String ruleId, String where) {
            return diagnosis(category, actor, explanation, remediation, ruleId, mailTeamRemediation,
                    mailTeamExplanation, deferredRemediation, bouncedRemediation, where);
        }
    }

    /**
     * A rule. {@code providerWording}: the pattern is the provider's own sentence, which shows by itself whose reply
     * it is, so the provider's marker is not needed. {@code afterEnhancedCode}: the pattern is common wording that a
     * registered enhanced code says more precisely, so the rule is read only when no such code applies.
     */
    record RuleEntry(String id, String provider, String pattern, boolean providerWording, boolean afterEnhancedCode,
                     String category, String actor, String explanation, String remediation, boolean expiry,
                     String mailTeamRemediation, String mailTeamExplanation, String deferredRemediation,
                     String bouncedRemediation) {
        Diagnosis toDiagnosis(String where) {
            return diagnosis(category, actor, explanation, remediation, id, mailTeamRemediation, mailTeamExplanation,
                    deferredRemediation, bouncedRemediation, where);
        }
    }

    /**
     * An enhanced or basic code. {@code stage}, on a basic code only: the entry is that code's meaning when the server
     * replied at that stage ({@link ReplyStage}, as the file writes it: {@code "CONTENT"}); without it, at any stage.
     */
    record CodeEntry(String code, String title, String category, String actor, String explanation,
                     String remediation, boolean expiry, String mailTeamRemediation, String mailTeamExplanation,
                     String stage, String deferredRemediation, String bouncedRemediation) {

        /** The stage the entry is read at; {@link ReplyStage#OTHER} for an entry of any stage. */
        ReplyStage replyStage() {
            return optional(stage).map(ReplyStage::valueOf).orElse(ReplyStage.OTHER);
        }

        /** The rule id of a basic code's entry: {@code basic:550}, or {@code basic:550:content} for a stage's. */
        String basicRuleId() {
            return "basic:" + code + optional(stage).map(s -> ":" + s.toLowerCase(Locale.ROOT)).orElse("");
        }

        Diagnosis toDiagnosis(String ruleId, String where) {
            return diagnosis(category, actor, explanation, remediation, ruleId, mailTeamRemediation,
                    mailTeamExplanation, deferredRemediation, bouncedRemediation, where);
        }
    }

    /**
     * The diagnosis of an entry's texts (each kind of entry names its category and actor as the file writes them).
     * {@code where} names the file and the entry ({@code status-knowledge.json: rule "gmx.bad-ptr"}) for the message
     * of a missing or misspelt field, which otherwise would surface as a bare "Name is null" from a class initialiser.
     */
    private static Diagnosis diagnosis(String category, String actor, String explanation, String remediation,
                                       String ruleId, String mailTeamRemediation, String mailTeamExplanation,
                                       String deferredRemediation, String bouncedRemediation, String where) {
        return new Diagnosis(named(Category.class, category, "category", where), required(explanation, "explanation",
                where), required(remediation, "remediation", where), named(Actor.class, actor, "actor", where), ruleId,
                optional(mailTeamRemediation), optional(mailTeamExplanation), optional(deferredRemediation),
                optional(bouncedRemediation));
    }

    /** A field the entry must have, not blank. */
    static String required(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
        }
        return value;
    }

    /** A field that names one of {@code type}'s constants, as the file writes it. */
    private static <E extends Enum<E>> E named(Class<E> type, String value, String field, String where) {
        String name = required(value, field, where);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(where + ": \"" + field + "\" " + name + " is not one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** An optional text of the file: absent or blank is none. */
    static Optional<String> optional(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}
