package org.mailpath.engine.address;

/**
 * The character tests that let a plain ASCII domain (nearly every one in a log) skip IDNA conversion: asked of every
 * message, so they look at the characters without allocating.
 */
final class AsciiNames {

    private AsciiNames() {
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether a label of the domain starting at {@code from} in {@code s} begins with xn-- (in any case). */
    static boolean hasALabel(String s, int from) {
        for (int i = from; i + 4 <= s.length(); i++) {
            if ((i == from || s.charAt(i - 1) == '.') && s.regionMatches(true, i, "xn--", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the domain starting at {@code from} in {@code s} is plain ASCII with no xn-- label: no IDN to decode. */
    static boolean noIdn(String s, int from) {
        return isAscii(s) && !hasALabel(s, from);
    }

    /**
     * Whether IDNA and the lookup spelling leave {@code d} as it is: lower-case ASCII, no space around it, no final
     * dot and no "n--" anywhere (so no A-label).
     */
    static boolean plainAscii(String d) {
        int n = d.length();
        if (n == 0) {
            return true;
        }
        if (d.charAt(n - 1) == '.' || d.charAt(0) <= ' ' || d.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = d.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')
                    || (c == '-' && i >= 2 && d.charAt(i - 1) == '-' && d.charAt(i - 2) == 'n')) {
                return false;
            }
        }
        return true;
    }
}
