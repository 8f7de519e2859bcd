package org.mailpath.engine.spf;

import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/** The words of the SPF check's findings and of the evaluator's reasons, from {@code findings.properties} here. */
final class SpfTexts {

    static final FindingTexts TEXTS = FindingTexts.of(SpfTexts.class);

    private SpfTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** {@code item} as {@link DnsText#clip} shows it: the text itself, or clipped English when it is too long. */
    static Object clipped(Object item) {
        String english = item.toString();
        return item instanceof LocalText && english.length() <= DnsText.QUOTE_LIMIT ? item : DnsText.clip(english);
    }
}
