package org.mailpath.engine.dmarc;

import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/** The words of the DMARC check's findings, from {@code findings.properties} of this package. */
final class DmarcTexts {

    static final FindingTexts TEXTS = FindingTexts.of(DmarcTexts.class);

    private DmarcTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }
}
