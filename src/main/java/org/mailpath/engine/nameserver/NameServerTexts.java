package org.mailpath.engine.nameserver;

import java.util.List;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/** The wording of the name-server findings: {@code findings.properties} of this package. */
final class NameServerTexts {

    static final FindingTexts TEXTS = FindingTexts.of(NameServerTexts.class);

    private NameServerTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** {@code items} joined pairwise by the pattern {@code joiner} ({@code "{0}; {1}"}), in the reader's language. */
    static Object joined(String joiner, List<?> items) {
        return TEXTS.joined(joiner, items);
    }
}
