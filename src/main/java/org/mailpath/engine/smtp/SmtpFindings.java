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

    /** A finding worded by one of {@code code}'s variants: {@code CODE.variant.message} and {@code .remediation}. */
    static Finding variant(String code, String variant, Severity severity, String subject, List<String> evidence,
                           Actor actor, Object... args) {
        return TEXTS.variant(code, severity, subject, evidence, actor, code + "." + variant + ".message",
                code + "." + variant + ".remediation", args);
    }
    /** The variant of a code worded for a server the user named, or a port other than 25. */
    static final String DIRECT = "direct";

    private SmtpFindings() {
    }

    /** A finding with the severity, actor, message and remediation the resource file gives {@code code}. */
    public static Finding of(String code, String subject, List<String> evidence, Object... args) {
        return TEXTS.finding(code, severity(code), subject, evidence,
                Actor.valueOf(TEXTS.text(code + ".actor").toString()), code, args);
    }

    /**
     * As {@link #of(String, String, List, Object...)}, worded for how {@code target} was reached: a host that is not
     * an MX host probed on port 25 ({@link ProbeTarget#viaMxRecord()}) takes {@code CODE.direct.message} and
     * {@code CODE.direct.remediation} where the bundle has them (each alone: a message that fits both keeps its one
     * wording), so that only the codes whose advice speaks of MX records or port 25 need a second text.
     */
    public static Finding of(String code, ProbeTarget target, String subject, List<String> evidence,
                             Object... args) {
        Finding standard = of(code, subject, evidence, args);
        String direct = code + "." + DIRECT;
        if (target.viaMxRecord() || !(TEXTS.has(direct + ".message") || TEXTS.has(direct + ".remediation"))) {
            return standard;
        }
        LocalText message = TEXTS.text((TEXTS.has(direct + ".message") ? direct : code) + ".message", args);
        LocalText remediation = TEXTS.text((TEXTS.has(direct + ".remediation") ? direct : code) + ".remediation",
                args);
        return new Finding(code, standard.severity(), subject, message, evidence, remediation, standard.actor());
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
