package org.mailpath.engine.address;

import java.util.Optional;

/**
 * Punycode (RFC 3492) of IDNA labels. The JDK has it only inside {@link java.net.IDN}, behind IDNA2003's mapping
 * and round trip, which turn away or rewrite valid IDNA2008 labels such as {@code xn--strae-oqa} (straße): so the
 * plain decoding and encoding are done here, and IDNA2008's rules are checked on the result ({@link IdnLabel}).
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

    /** The Punycode of {@code label}'s code points (without "xn--"), RFC 3492 §6.3. */
    static String encode(String label) {
        int[] points = label.codePoints().toArray();
        StringBuilder out = new StringBuilder(points.length + 8);
        for (int c : points) {
            if (c < INITIAL_N) {
                out.append((char) c);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        long n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < points.length) {
            long m = Long.MAX_VALUE;
            for (int c : points) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta += (m - n) * (handled + 1);
            n = m;
            for (int c : points) {
                if (c < n) {
                    delta++;
                } else if (c == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? T_MIN : Math.min(T_MAX, k - bias);
                        if (q < t) {
                            break;
                        }
                        out.append(digitChar((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digitChar((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    private static char digitChar(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
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
