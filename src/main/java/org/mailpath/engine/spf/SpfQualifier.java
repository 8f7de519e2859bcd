package org.mailpath.engine.spf;

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

    static SpfQualifier of(char c) {
        for (SpfQualifier q : values()) {
            if (q.symbol == c) {
                return q;
            }
        }
        return null;
    }
}
