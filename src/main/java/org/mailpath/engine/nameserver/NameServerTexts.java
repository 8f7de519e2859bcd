package org.mailpath.engine.nameserver;

import java.util.List;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/** The wording of the name-server findings: {@code findings.properties} of this package. */
final class NameServerTexts {

    static final FindingTexts TEXTS = FindingTexts.of(NameServerTexts.class);

    private NameServerTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    /** A finding worded by {@code key.message} and {@code key.remediation} (when the bundle has it). */
    static Finding finding(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String key, Object... args) {
        return TEXTS.finding(code, severity, subject, evidence, actor, key, args);
    }

    /** A finding whose wording variant {@code messageKey} shares the remediation {@code remediationKey}. */
    static Finding variant(String code, Severity severity, String subject, List<String> evidence, Actor actor,
                           String messageKey, String remediationKey, Object... args) {
        return TEXTS.variant(code, severity, subject, evidence, actor, messageKey, remediationKey, args);
    }

    /** {@code items} joined pairwise by the pattern {@code joiner} ({@code "{0}; {1}"}), in the reader's language. */
    static Object joined(String joiner, List<?> items) {
        Object out = items.getFirst();
        for (Object item : items.subList(1, items.size())) {
            out = text(joiner, out, item);
        }
        return out;
    }
}
