package org.mailpath.engine.spf;

import java.util.Optional;

/** The qualifier in front of a mechanism and the result it gives when the mechanism matches (RFC 7208 §4.6.2). */
public enum SpfQualifier {
    PASS('+', SpfResult.PASS), FAIL('-', SpfResult.FAIL), SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    SpfQualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    public char symbol() {
        return symbol;
    }

    public SpfResult result() {
        return result;
    }

    /** The qualifier {@code c} is; empty when it is none (the term starts with its mechanism's name). */
    static Optional<SpfQualifier> of(char c) {
        for (SpfQualifier q : values()) {
            if (q.symbol == c) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
