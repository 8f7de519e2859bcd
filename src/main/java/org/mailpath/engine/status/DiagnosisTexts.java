package org.mailpath.engine.status;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.mailpath.engine.common.Languages;
import org.mailpath.engine.finding.TextBundles;

/**
 * The texts of a {@link Diagnosis} in the user's language. English is the knowledge file itself
 * ({@code status-knowledge.json}); a translation is a resource bundle next to it,
 * {@code status-knowledge_<language>.properties}, with {@code <id>.explanation} and {@code <id>.remediation} for
 * every entry (and {@code <id>.mailTeamRemediation} for every entry that has words for the recipient's mail team,
 * {@code <id>.mailTeamExplanation}, {@code <id>.deferredRemediation} and {@code <id>.bouncedRemediation} likewise),
 * where {@code <id>} is the entry's {@link Diagnosis#ruleId()} written with dots ({@link #keyOf}).
 * Where a language or a key is missing, the English text is shown. The translations belong to the shipped
 * knowledge base: a diagnosis is looked up by its rule id only.
 */
public final class DiagnosisTexts {

    static final String BUNDLE = "org.mailpath.engine.status.status-knowledge";
    static final String EXPLANATION = ".explanation";
    static final String REMEDIATION = ".remediation";
    static final String MAIL_TEAM_REMEDIATION = ".mailTeamRemediation";
    static final String MAIL_TEAM_EXPLANATION = ".mailTeamExplanation";
    static final String DEFERRED_REMEDIATION = ".deferredRemediation";
    static final String BOUNCED_REMEDIATION = ".bouncedRemediation";

    private DiagnosisTexts() {
    }

    /** The explanation of {@code d} in {@code locale} where it has a translation, else in English. */
    public static String explanation(Diagnosis d, Locale locale) {
        return translated(d.ruleId(), EXPLANATION, locale).orElse(d.explanation());
    }

    /** The remediation of {@code d} in {@code locale} where it has a translation, else in English. */
    public static String remediation(Diagnosis d, Locale locale) {
        return translated(d.ruleId(), REMEDIATION, locale).orElse(d.remediation());
    }

    /**
     * The remediation of {@code d} for a deferral in {@code locale}: its own words for a deferral where it has them
     * (translated where there is a translation), else its remediation in {@code locale}.
     */
    public static String deferredRemediation(Diagnosis d, Locale locale) {
        return ownOrRemediation(d, d.deferredRemediation(), DEFERRED_REMEDIATION, locale);
    }

    /**
     * The remediation of {@code d} for a bounce in {@code locale}: its own words for a bounce where it has them
     * (translated where there is a translation), else its remediation in {@code locale}.
     */
    public static String bouncedRemediation(Diagnosis d, Locale locale) {
        return ownOrRemediation(d, d.bouncedRemediation(), BOUNCED_REMEDIATION, locale);
    }

    /** {@code own} (the English of a deferral's or a bounce's words) translated by {@code key}, else the remediation. */
    private static String ownOrRemediation(Diagnosis d, Optional<String> own, String key, Locale locale) {
        return own.map(english -> translated(d.ruleId(), key, locale).orElse(english))
                .orElseGet(() -> remediation(d, locale));
    }

    /**
     * The advice of {@code d} for the recipient's mail team in {@code locale} where it has a translation, else in
     * English; empty where {@code d} has none (a translation alone gives no words the data file lacks).
     */
    public static Optional<String> mailTeamRemediation(Diagnosis d, Locale locale) {
        return d.mailTeamRemediation().map(english ->
                translated(d.ruleId(), MAIL_TEAM_REMEDIATION, locale).orElse(english));
    }

    /**
     * The explanation of {@code d} for the recipient's mail team in {@code locale}: its own words for them where it
     * has them (translated where there is a translation), else its explanation in {@code locale}.
     */
    public static String mailTeamExplanation(Diagnosis d, Locale locale) {
        return d.mailTeamExplanation().map(english ->
                translated(d.ruleId(), MAIL_TEAM_EXPLANATION, locale).orElse(english))
                .orElseGet(() -> explanation(d, locale));
    }

    /**
     * The key of a knowledge entry in a translation: its rule id ({@code gmail.ptr}, {@code enhanced:X.1.1},
     * {@code basic:550}, {@code fallback}) with ':' written as '.', as ':' ends a key in a properties file.
     */
    static String keyOf(String ruleId) {
        return ruleId.replace(':', '.');
    }

    /** The translation into {@code locale}'s language, if MailPath has one. */
    static Optional<ResourceBundle> translation(Locale locale) {
        if (Languages.isEnglish(locale)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TextBundles.load(BUNDLE, locale));
        } catch (MissingResourceException e) {
            // No translation into this language: English is the knowledge file, not a bundle.
            return Optional.empty();
        }
    }

    private static Optional<String> translated(String ruleId, String part, Locale locale) {
        if (ruleId == null || locale == null) {
            return Optional.empty();
        }
        if (RelayDiagnoses.isRelays(ruleId)) {
            // our Email Relay's words are a bundle of their own, in every language (RelayDiagnoses)
            return RelayDiagnoses.part(ruleId, part, locale);
        }
        String key = keyOf(ruleId) + part;
        return translation(locale).filter(b -> b.containsKey(key)).map(b -> b.getString(key));
    }
}
