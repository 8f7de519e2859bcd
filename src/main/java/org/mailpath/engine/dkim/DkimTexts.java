package org.mailpath.engine.dkim;

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
}
