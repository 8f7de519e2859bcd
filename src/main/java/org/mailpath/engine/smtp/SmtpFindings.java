package org.mailpath.engine.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** Builds the probe's {@link Finding}s from the texts in {@code findings.properties}. */
public final class SmtpFindings {

    private static final Properties TEXTS = load();

    private SmtpFindings() {
    }

    /** A finding with the severity, actor, message and remediation the resource file gives {@code code}. */
    public static Finding of(String code, String subject, List<String> evidence, Object... args) {
        return new Finding(code, severity(code), subject, format(code + ".message", args), evidence,
                format(code + ".remediation", args), Actor.valueOf(text(code + ".actor")));
    }

    /** The default severity of a code (from the resource file). */
    public static Severity severity(String code) {
        return Severity.valueOf(text(code + ".severity"));
    }

    /** True when the resource file has every entry for {@code code} (for tests of the code list). */
    public static boolean isDescribed(String code) {
        return TEXTS.containsKey(code + ".severity") && TEXTS.containsKey(code + ".actor")
                && TEXTS.containsKey(code + ".message") && TEXTS.containsKey(code + ".remediation");
    }

    static Finding withSeverity(Finding f, Severity severity) {
        return new Finding(f.code(), severity, f.subject(), f.message(), f.evidence(), f.remediation(), f.actor());
    }

    static Finding withAdvice(Finding f, String remediation, Actor actor) {
        return new Finding(f.code(), f.severity(), f.subject(), f.message(), f.evidence(), remediation, actor);
    }

    private static String format(String key, Object... args) {
        return new MessageFormat(text(key), Locale.ROOT).format(args);
    }

    private static String text(String key) {
        String value = TEXTS.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("findings.properties lacks " + key);
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = SmtpFindings.class.getResourceAsStream("findings.properties")) {
            if (in == null) {
                throw new IllegalStateException("findings.properties missing from the class path");
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
