package org.mailpath.engine.smtp;

import java.util.List;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/**
 * Builds the probe's {@link Finding}s from {@code findings.properties}, which also gives each code its default
 * severity ({@code CODE.severity}) and who must act ({@code CODE.actor}).
 */
public final class SmtpFindings {

    static final FindingTexts TEXTS = FindingTexts.of(SmtpFindings.class);

    private SmtpFindings() {
    }

    /** A finding with the severity, actor, message and remediation the resource file gives {@code code}. */
    public static Finding of(String code, String subject, List<String> evidence, Object... args) {
        return TEXTS.finding(code, severity(code), subject, evidence,
                Actor.valueOf(TEXTS.text(code + ".actor").toString()), code, args);
    }

    /** A phrase of ours inside a finding's text (an argument), shown in the reader's language. */
    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** The default severity of a code (from the resource file). */
    public static Severity severity(String code) {
        return Severity.valueOf(TEXTS.text(code + ".severity").toString());
    }

    /** True when the resource file has every entry for {@code code} (for tests of the code list). */
    public static boolean isDescribed(String code) {
        return TEXTS.has(code + ".severity") && TEXTS.has(code + ".actor")
                && TEXTS.has(code + ".message") && TEXTS.has(code + ".remediation");
    }
}
