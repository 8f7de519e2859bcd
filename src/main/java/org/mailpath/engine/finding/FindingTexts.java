package org.mailpath.engine.finding;

import java.util.List;
import java.util.MissingResourceException;

/**
 * The texts of one package's findings: {@code findings.properties} beside its classes (English) and its
 * translations ({@code findings_sv.properties}). A finding's message is the pattern {@code KEY.message}, its
 * remediation {@code KEY.remediation} (may be absent: nothing to do); {@code KEY} is the finding's code, or the code
 * and a variant ({@code MX_NULL.mixed}) where one code has several wordings. A remediation written to our own admin
 * that would speak to the wrong reader in a report's part for the recipient domain's mail team ("ask the
 * recipient…", "the recipient's mail team must…", "your Salesforce TLS setting…") has that team's words beside it,
 * {@code KEY.mailTeamRemediation}, with the same arguments ({@link LocalText#forMailTeam()}). Patterns are
 * {@link java.text.MessageFormat}s: a literal apostrophe is written {@code ''}.
 */
public final class FindingTexts {

    /** The end of a remediation's key, and of the key of its words for the recipient's mail team. */
    static final String REMEDIATION = ".remediation";
    static final String MAIL_TEAM_REMEDIATION = ".mailTeamRemediation";
    /**
     * The end of the key of a remediation's words for the app ({@link LocalText#inApp()}): the same finding texts
     * serve the command line, its JSON and the app, and a remediation that names a command-line option
     * ({@code --dkim-selector}, {@code --ip}) says beside it how the app does it, or names both ways itself.
     */
    static final String APP_REMEDIATION = ".appRemediation";

    private final String bundle;

    private FindingTexts(String bundle) {
        this.bundle = bundle;
    }

    /** The texts in {@code findings*.properties} of {@code anchor}'s package. */
    public static FindingTexts of(Class<?> anchor) {
        return of(anchor.getPackageName() + ".findings");
    }

    /** The texts in the resource bundle {@code bundle}, a base name such as {@code org.mailpath.engine.mx.findings}. */
    public static FindingTexts of(String bundle) {
        try {
            LocalText.bundle(bundle, LocalText.ENGLISH);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no resource bundle " + bundle, e);
        }
        return new FindingTexts(bundle);
    }

    public String bundle() {
        return bundle;
    }

    /** The text under {@code key}; fails at once when the English bundle lacks it (a programming error). */
    public LocalText text(String key, Object... args) {
        if (!has(key)) {
            throw new IllegalStateException(bundle + " lacks " + key);
        }
        return new LocalText(bundle, key, List.of(args));
    }

    /**
     * {@code items} (data, or words of ours) folded pairwise by the phrase {@code key} ("{0}, {1}", "{0} and {1}")
     * into one nested phrase that each reader sees in their language; a single item stands as it is.
     */
    public Object joined(String key, List<?> items) {
        Object out = items.getFirst();
        for (Object item : items.subList(1, items.size())) {
            out = text(key, out, item);
        }
        return out;
    }

    /** True when the English bundle has {@code key}. */
    public boolean has(String key) {
        return LocalText.bundle(bundle, LocalText.ENGLISH).containsKey(key);
    }

    /**
     * A finding worded by {@code KEY.message} and, when the bundle has it, {@code KEY.remediation}; both patterns
     * get the same {@code args}.
     */
    public Finding finding(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String key, Object... args) {
        LocalText message = text(key + ".message", args);
        return has(key + ".remediation")
                ? new Finding(code, severity, subject, message, evidence, text(key + ".remediation", args), actor)
                : new Finding(code, severity, subject, message, evidence, actor);
    }

    /**
     * A finding worded by the variant {@code messageKey} with the remediation {@code remediationKey} that several
     * wordings of one code share; both patterns get the same {@code args}.
     */
    public Finding variant(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String messageKey, String remediationKey, Object... args) {
        return new Finding(code, severity, subject, text(messageKey, args), evidence, text(remediationKey, args),
                actor);
    }
}
