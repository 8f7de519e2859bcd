package org.mailpath.engine.spf;

import org.mailpath.engine.finding.LocalText;

/**
 * An SPF record or macro string that does not follow RFC 7208's grammar; {@code term} is the offending term,
 * {@link #reason} says what is wrong in any language ({@link #getMessage} in English).
 */
public final class SpfSyntaxException extends Exception {

    private final String term;
    private final transient LocalText reason;

    public SpfSyntaxException(String term, LocalText reason) {
        super(reason.toString(), null, false, false);
        this.term = term;
        this.reason = reason;
    }

    public String term() {
        return term;
    }

    public LocalText reason() {
        return reason;
    }
}
