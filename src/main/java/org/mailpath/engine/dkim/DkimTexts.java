package org.mailpath.engine.dkim;

import java.util.List;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/** The words of the DKIM inspection's findings, from {@code findings.properties} of this package. */
final class DkimTexts {

    static final FindingTexts TEXTS = FindingTexts.of(DkimTexts.class);

    private DkimTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /**
     * {@link DnsText#join} for texts: the first {@value DnsText#LIST_LIMIT} items joined two by two with the pattern
     * {@code pairKey} ("{0}; {1}"), then how many were left out. An item too long to quote whole is shown as
     * {@link DnsText#clip} shows it, in English (only a hostile record makes one that long).
     */
    static Object join(List<LocalText> items, String pairKey) {
        Object joined = "";
        for (int i = 0; i < Math.min(items.size(), DnsText.LIST_LIMIT); i++) {
            Object item = clipped(items.get(i));
            joined = i == 0 ? item : text(pairKey, joined, item);
        }
        return items.size() <= DnsText.LIST_LIMIT ? joined
                : text(pairKey, joined, text("list.andMore", items.size() - DnsText.LIST_LIMIT));
    }

    private static Object clipped(LocalText item) {
        String english = item.toString();
        return english.length() > DnsText.QUOTE_LIMIT ? DnsText.clip(english) : item;
    }
}
