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

    /**
     * As {@link #variant(String, String, Severity, String, List, Actor, Object...)}, worded for how {@code target} was
     * reached as {@link #of(String, ProbeTarget, String, List, Object...)} words a code: a host that is not an MX host
     * probed on port 25 takes {@code CODE.variant.direct.message} and {@code .remediation} where the bundle has them.
     */
    static Finding variant(String code, String variant, ProbeTarget target, Severity severity, String subject,
                           List<String> evidence, Actor actor, Object... args) {
        String key = code + "." + variant;
        return TEXTS.variant(code, severity, subject, evidence, actor, worded(key, target, ".message"),
                worded(key, target, ".remediation"), args);
    }

    /**
     * As {@link #variant(String, String, ProbeTarget, Severity, String, List, Actor, Object...)} with the severity and
     * actor the resource file gives {@code code}.
     */
    static Finding variant(String code, String variant, ProbeTarget target, String subject, List<String> evidence,
                           Object... args) {
        return variant(code, variant, target, severity(code), subject, evidence, actor(code), args);
    }

    /** The variant of a code worded for a server the user named, or a port other than 25. */
    static final String DIRECT = "direct";

    private SmtpFindings() {
    }

    /** A finding with the severity, actor, message and remediation the resource file gives {@code code}. */
    public static Finding of(String code, String subject, List<String> evidence, Object... args) {
        return TEXTS.finding(code, severity(code), subject, evidence, actor(code), code, args);
    }

    /**
     * As {@link #of(String, String, List, Object...)}, worded for how {@code target} was reached: a host that is not
     * an MX host probed on port 25 ({@link ProbeTarget#viaMxRecord()}) takes {@code CODE.direct.message} and
     * {@code CODE.direct.remediation} where the bundle has them (each alone: a message that fits both keeps its one
     * wording), so that only the codes whose advice speaks of MX records or port 25 need a second text. Every code
     * has a remediation ({@link #isDescribed}, which SmtpCodesDocumentedTest asks of each), so both wordings name one.
     */
    public static Finding of(String code, ProbeTarget target, String subject, List<String> evidence,
                             Object... args) {
        return TEXTS.variant(code, severity(code), subject, evidence, actor(code), worded(code, target, ".message"),
                worded(code, target, ".remediation"), args);
    }

    /**
     * The key of {@code part} ({@code .message}, {@code .remediation}) of the wording {@code key} for {@code target}:
     * {@code KEY.direct.PART} for a target that is no MX host probed on port 25, where the bundle has it (each part
     * alone: a message that fits both keeps its one wording), else {@code KEY.PART}.
     */
    private static String worded(String key, ProbeTarget target, String part) {
        String direct = key + "." + DIRECT + part;
        return !target.viaMxRecord() && TEXTS.has(direct) ? direct : key + part;
    }

    /**
     * What a certificate for {@code target} must name, as the words of a finding's advice: the host name as the user
     * gave it or found it (the MX host name, or the name of a {@code [HOST]}); for a server probed by its address,
     * the host name senders reach it by, since senders check a certificate against a host name (the MX host name,
     * RFC 8461 §4.2; RFC 7672 §3.2.2), never against an address.
     */
    static Object certificateName(ProbeTarget target) {
        return target.byAddress() ? text("phrase.certificateName.address") : target.host();
    }

    /** A phrase of ours inside a finding's text (an argument), shown in the reader's language. */
    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** The default severity of a code (from the resource file). */
    public static Severity severity(String code) {
        return Severity.valueOf(TEXTS.text(code + ".severity").toString());
    }

    /** Who must act on a code by default (from the resource file). */
    private static Actor actor(String code) {
        return Actor.valueOf(TEXTS.text(code + ".actor").toString());
    }

    /** True when the resource file has every entry for {@code code} (for tests of the code list). */
    public static boolean isDescribed(String code) {
        return TEXTS.has(code + ".severity") && TEXTS.has(code + ".actor")
                && TEXTS.has(code + ".message") && TEXTS.has(code + ".remediation");
    }
}
