package org.mailpath.engine.dnsbl;

import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/** The wording of the blocklist findings: {@code findings.properties} of this package. */
final class DnsblTexts {

    static final FindingTexts TEXTS = FindingTexts.of(DnsblTexts.class);

    private DnsblTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }
}
