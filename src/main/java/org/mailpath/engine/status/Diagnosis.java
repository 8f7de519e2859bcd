package org.mailpath.engine.status;

import java.util.Locale;
import org.mailpath.engine.finding.Actor;

/**
 * What an SMTP reply means: its category, a plain-language explanation, what to do and who must do it.
 * {@code ruleId} names the knowledge-base rule that matched (for tests and for "why this verdict").
 * {@code explanation} and {@code remediation} are English (command line, JSON); the UI and the reports show them in
 * their language with {@link #explanation(Locale)} and {@link #remediation(Locale)}.
 */
public record Diagnosis(Category category, String explanation, String remediation, Actor actor, String ruleId) {

    /** The explanation in {@code locale} where the knowledge base has a translation, else in English. */
    public String explanation(Locale locale) {
        return DiagnosisTexts.explanation(this, locale);
    }

    /** The remediation in {@code locale} where the knowledge base has a translation, else in English. */
    public String remediation(Locale locale) {
        return DiagnosisTexts.remediation(this, locale);
    }

    /** The explanation as words another text can quote in its own language. */
    public DiagnosisWords explanationText() {
        return new DiagnosisWords(this, DiagnosisWords.Part.EXPLANATION);
    }

    /** The remediation as words another text can quote in its own language. */
    public DiagnosisWords remediationText() {
        return new DiagnosisWords(this, DiagnosisWords.Part.REMEDIATION);
    }
}
