package org.mailpath.engine.status;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.Actor;

/**
 * What an SMTP reply means: its category, a plain-language explanation, what to do and who must do it.
 * {@code ruleId} names the knowledge-base rule that matched (for tests and for "why this verdict").
 * {@code explanation} and {@code remediation} are English (command line, JSON); the UI and the reports show them in
 * their language with {@link #explanation(Locale)} and {@link #remediation(Locale)}.
 * <p>{@code remediation} is written to our own Salesforce admin, who reads MailPath. {@code mailTeamRemediation} is
 * the same advice as the recipient's mail team reads it in a report's part for them (what they can do or check, or
 * what the sending side does), where the knowledge base has such words for the entry; English, like remediation.
 * {@code mailTeamExplanation}, likewise, where the explanation itself speaks to our admin ("your TLS setting").
 * {@code deferredRemediation}: our admin's remediation for a message Salesforce is still retrying, where the entry's
 * {@code remediation} asks for the message to be sent again: Salesforce retries a deferral itself for up to 24 hours,
 * so a message sent again meanwhile may arrive twice (English, like remediation). {@code bouncedRemediation}, the
 * reverse: our admin's remediation for a bounced message, where the entry's {@code remediation} says Salesforce
 * retries or that there is nothing to do: Salesforce does not retry a bounce, so the message must be sent again.
 */
public record Diagnosis(Category category, String explanation, String remediation, Actor actor, String ruleId,
                        Optional<String> mailTeamRemediation, Optional<String> mailTeamExplanation,
                        Optional<String> deferredRemediation, Optional<String> bouncedRemediation) {

    public Diagnosis {
        mailTeamRemediation = Objects.requireNonNull(mailTeamRemediation, "mailTeamRemediation");
        mailTeamExplanation = Objects.requireNonNull(mailTeamExplanation, "mailTeamExplanation");
        deferredRemediation = Objects.requireNonNull(deferredRemediation, "deferredRemediation");
        bouncedRemediation = Objects.requireNonNull(bouncedRemediation, "bouncedRemediation");
    }

    /** A diagnosis without words of its own for the recipient's mail team, a deferral or a bounce. */
    public Diagnosis(Category category, String explanation, String remediation, Actor actor, String ruleId) {
        this(category, explanation, remediation, actor, ruleId, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The explanation in {@code locale} where the knowledge base has a translation, else in English. */
    public String explanation(Locale locale) {
        return DiagnosisTexts.explanation(this, locale);
    }

    /** The remediation in {@code locale} where the knowledge base has a translation, else in English. */
    public String remediation(Locale locale) {
        return DiagnosisTexts.remediation(this, locale);
    }

    /**
     * The remediation for a message that Salesforce is still retrying (a deferral), in {@code locale} where the
     * knowledge base has a translation, else in English: the entry's words for a deferral where it has them, else its
     * remediation ({@link #remediation(Locale)}), which then is right for a deferral as it is.
     */
    public String deferredRemediation(Locale locale) {
        return DiagnosisTexts.deferredRemediation(this, locale);
    }

    /**
     * The remediation for a message that Salesforce no longer retries (a bounce), in {@code locale} where the
     * knowledge base has a translation, else in English: the entry's words for a bounce where it has them, else its
     * remediation ({@link #remediation(Locale)}), which then is right for a bounce as it is.
     */
    public String bouncedRemediation(Locale locale) {
        return DiagnosisTexts.bouncedRemediation(this, locale);
    }

    /**
     * The advice for the recipient's mail team in {@code locale} where the knowledge base has a translation, else in
     * English; empty where the entry has no words for them.
     */
    public Optional<String> mailTeamRemediation(Locale locale) {
        return DiagnosisTexts.mailTeamRemediation(this, locale);
    }

    /**
     * The explanation as the recipient's mail team reads it, in {@code locale} where the knowledge base has a
     * translation, else in English: the entry's words for them, else its explanation ({@link #explanation(Locale)}).
     */
    public String mailTeamExplanation(Locale locale) {
        return DiagnosisTexts.mailTeamExplanation(this, locale);
    }

    /** The explanation as words another text can quote in its own language. */
    public DiagnosisWords explanationText() {
        return new DiagnosisWords(this, DiagnosisWords.Part.EXPLANATION);
    }

    /** The remediation as words another text can quote in its own language. */
    public DiagnosisWords remediationText() {
        return new DiagnosisWords(this, DiagnosisWords.Part.REMEDIATION);
    }

    /**
     * A diagnosis of rule {@code ruleId} made from a reply's basic code alone ({@code basic:550},
     * {@code basic:550:content}): the code makes its category likely, not certain, as no rule of the reply's text or
     * enhanced code decided it.
     */
    public static boolean fromBasicCode(String ruleId) {
        return ruleId.startsWith("basic:");
    }

    /**
     * The rule ids whose replies say the recipient domain publishes a null MX (RFC 7505): Salesforce's own words, the
     * enhanced code X.1.10 and the basic code 556 that RFC 7505 gives it. The domain accepts no mail on purpose.
     */
    private static final Set<String> NULL_MX_RULES = Set.of("salesforce.null-mx",
            "enhanced:X.1.10", "basic:556");

    /** The rule says the recipient domain publishes a null MX ({@link #NULL_MX_RULES}). */
    public static boolean saysNullMx(String ruleId) {
        return NULL_MX_RULES.contains(ruleId);
    }

    /**
     * The rule reads a reply of Salesforce's own mail servers (provider Salesforce in the knowledge base, whose ids
     * all begin "salesforce."): an [internal] line or a limit of Salesforce's sending, not a reply of the
     * recipient's server.
     */
    public static boolean saysSalesforceOwn(String ruleId) {
        return ruleId.startsWith("salesforce.");
    }
}
