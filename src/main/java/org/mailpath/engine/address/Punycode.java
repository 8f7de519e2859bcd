package org.mailpath.engine.address;

import java.util.Optional;

/**
 * Decodes the Punycode of an IDNA A-label (RFC 3492 §6.2). The JDK's {@link java.net.IDN#toUnicode} decodes only
 * through IDNA2003's round trip, which turns away valid IDNA2008 labels such as {@code xn--strae-oqa} (straße): so
 * the plain decoding is done here, and IDNA2008's rules are checked on its result ({@link IdnLabel}).
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    /** The code points {@code encoded} (the label without "xn--") stands for, or empty if it is not Punycode. */
    static Optional<String> decode(String encoded) {
        int basicEnd = Math.max(0, encoded.lastIndexOf('-'));
        StringBuilder out = new StringBuilder(encoded.length());
        for (int j = 0; j < basicEnd; j++) {
            char c = encoded.charAt(j);
            if (c >= 0x80) {
                return Optional.empty();
            }
            out.append(c);
        }
        int[] points = out.codePoints().toArray();
        int length = points.length;
        int[] output = new int[encoded.length()];
        System.arraycopy(points, 0, output, 0, length);
        long n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        int in = basicEnd > 0 ? basicEnd + 1 : 0;
        while (in < encoded.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= encoded.length()) {
                    return Optional.empty();
                }
                int digit = digit(encoded.charAt(in++));
                if (digit < 0) {
                    return Optional.empty();
                }
                i += digit * w;
                int t = k <= bias ? T_MIN : Math.min(T_MAX, k - bias);
                if (i > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            n += i / (length + 1);
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)
                    || length == output.length) {
                return Optional.empty();
            }
            System.arraycopy(output, (int) i, output, (int) i + 1, length - (int) i);
            output[(int) i] = (int) n;
            length++;
            i++;
        }
        return Optional.of(new String(output, 0, length));
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return -1;
    }

    private static int adapt(long delta, int points, boolean first) {
        long d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - T_MIN) * T_MAX) / 2) {
            d /= BASE - T_MIN;
            k += BASE;
        }
        return (int) (k + (BASE - T_MIN + 1) * d / (d + SKEW));
    }
}
