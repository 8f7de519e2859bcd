package org.mailpath.engine.spf;

/** An SPF record or macro string that does not follow RFC 7208's grammar; {@code term} is the offending term. */
public final class SpfSyntaxException extends Exception {

    private final String term;

    public SpfSyntaxException(String term, String reason) {
        super(reason, null, false, false);
        this.term = term;
    }

    public String term() {
        return term;
    }
}
