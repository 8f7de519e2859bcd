package org.mailpath.engine.dnsbl;

import java.util.List;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/** The wording of the blocklist findings: {@code findings.properties} of this package. */
final class DnsblTexts {

    private static final FindingTexts TEXTS = FindingTexts.of(DnsblTexts.class);

    private DnsblTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** A finding worded by {@code key.message} and {@code key.remediation} (when the bundle has it). */
    static Finding finding(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String key, Object... args) {
        return TEXTS.finding(code, severity, subject, evidence, actor, key, args);
    }

    /** A finding whose wording variant {@code messageKey} goes with the remediation {@code remediationKey}. */
    static Finding variant(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String messageKey, String remediationKey, Object... args) {
        return new Finding(code, severity, subject, text(messageKey, args), evidence, text(remediationKey, args),
                actor);
    }

    /**
     * Data items as {@link DnsText#join} quotes them (the first ten, each clipped), with the "and N more" in the
     * reader's language.
     */
    static Object joined(List<String> items, String separator) {
        String shown = String.join(separator, items.stream().limit(DnsText.LIST_LIMIT).map(DnsText::clip).toList());
        return more(shown, separator, items.size());
    }

    /** Texts of ours joined by commas, the first ten, then "and N more". */
    static Object joinedTexts(List<LocalText> items) {
        if (items.isEmpty()) {
            return "";
        }
        List<Object> clipped = items.stream().limit(DnsText.LIST_LIMIT).map(DnsblTexts::clipped).toList();
        Object shown = clipped.getFirst();
        for (Object item : clipped.subList(1, clipped.size())) {
            shown = text("phrase.comma", shown, item);
        }
        return more(shown, ", ", items.size());
    }

    /** An item too long to quote whole (a hostile host name) is cut as DnsText cuts it, in English. */
    private static Object clipped(LocalText item) {
        String english = item.toString();
        return english.length() > DnsText.QUOTE_LIMIT ? DnsText.clip(english) : item;
    }

    private static Object more(Object shown, String separator, int size) {
        return size <= DnsText.LIST_LIMIT ? shown : text("phrase.andMore", shown, separator, size - DnsText.LIST_LIMIT);
    }
}
