package org.mailpath.engine.spf;

import java.util.List;
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

    /**
     * {@link DnsText#join} for texts and record terms: the first {@value DnsText#LIST_LIMIT} items (each clipped)
     * joined two by two with the pattern {@code pairKey} ("{0} {1}"), then how many were left out. A text too long to
     * quote whole is shown as {@link DnsText#clip} shows it, in English (only a hostile record makes one that long).
     */
    static Object join(List<?> items, String pairKey) {
        Object joined = "";
        for (int i = 0; i < Math.min(items.size(), DnsText.LIST_LIMIT); i++) {
            Object item = clipped(items.get(i));
            joined = i == 0 ? item : text(pairKey, joined, item);
        }
        return items.size() <= DnsText.LIST_LIMIT ? joined
                : text(pairKey, joined, text("list.andMore", items.size() - DnsText.LIST_LIMIT));
    }

    /** {@code item} as {@link DnsText#clip} shows it: the text itself, or clipped English when it is too long. */
    static Object clipped(Object item) {
        String english = item.toString();
        return item instanceof LocalText && english.length() <= DnsText.QUOTE_LIMIT ? item : DnsText.clip(english);
    }
}
