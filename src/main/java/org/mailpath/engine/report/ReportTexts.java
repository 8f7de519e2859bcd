package org.mailpath.engine.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;

/** The English phrases a report is written with, kept in {@code report-text.properties}. */
public final class ReportTexts {

    private static final Properties TEXTS = load();

    private ReportTexts() {
    }

    /** Completes "… bounced because …". */
    public static String cause(Category category) {
        return get("cause." + category.name());
    }

    /**
     * Completes "… bounced because …" for the replies one knowledge-base rule matched: the rule's own words where
     * its category's would say more or other than the reply did (a null MX is no DNS fault), else the category's.
     */
    public static String cause(Category category, String ruleId) {
        String own = TEXTS.getProperty("cause.rule." + ruleId.replace(':', '.'));
        return own != null ? own : cause(category);
    }

    /** Short name of a category for tables. */
    public static String label(Category category) {
        return get("label." + category.name());
    }

    public static String actor(Actor actor) {
        return get("actor." + actor.name());
    }

    public static String verdict(Verdict verdict) {
        return get("verdict." + verdict.name());
    }

    public static String severity(Severity severity) {
        return get("severity." + severity.name());
    }

    /**
     * The badge of a finding: its severity, or "Not checked" when this computer's network kept the check from
     * being made (actor {@code LOCAL_NETWORK}), which says nothing about the domain however severe it is.
     */
    public static String badge(Finding finding) {
        return ReportFindings.notChecked(finding) ? get("notChecked") : severity(finding.severity());
    }

    public static String get(String key) {
        return TEXTS.getProperty(key, key);
    }

    /** The phrase with {@code {0}}, {@code {1}}… replaced by the arguments (numbers with thousands separators). */
    public static String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            String value = a instanceof Long || a instanceof Integer
                    ? String.format(Locale.ENGLISH, "%,d", a) : String.valueOf(a);
            text = text.replace("{" + i + "}", value);
        }
        return text;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream("report-text.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("report-text.properties cannot be read", e);
        }
        return p;
    }
}
