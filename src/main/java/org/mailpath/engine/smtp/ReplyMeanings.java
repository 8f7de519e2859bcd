package org.mailpath.engine.smtp;

import org.mailpath.engine.finding.LocalText;

/** Plain meanings of the basic reply codes a RCPT can get (RFC 5321 §4.2.3), when no knowledge base is wired. */
final class ReplyMeanings {

    private ReplyMeanings() {
    }

    /** The meaning in {@code meaning.CODE} of findings.properties, or a general one for other codes. */
    static LocalText meaning(int code) {
        String key = "meaning." + code;
        return SmtpFindings.TEXTS.has(key) ? SmtpFindings.text(key)
                : SmtpFindings.text(code >= 500 ? "meaning.permanent" : "meaning.temporary");
    }
}
