package org.mailpath.engine.address;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Domain names in their ASCII form for DNS, as IDNA2008 registries write them, and back.
 * <p>
 * The JDK's {@link IDN} implements IDNA2003, which maps the four "deviation" characters to others (ß to ss, ς to σ,
 * and drops ZWJ and ZWNJ): {@code faß.de} would become {@code fass.de}, another registered domain, and a check
 * would look at the wrong one. A label holding one of them is encoded as written instead (its letters in lower
 * case, NFC: UTS 46's non-transitional processing, what browsers do); every other label goes through the JDK.
 */
public final class IdnaNames {

    private static final String ACE_PREFIX = "xn--";
    private static final int MAX_LABEL = 63;
    /** Enough for the distinct internationalised domains of any log; cleared when full rather than grown. */
    private static final int MAX_CACHED = 4096;
    private static final Map<String, String> GROUP_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, String> LOOKUP_NAMES = new ConcurrentHashMap<>();

    private IdnaNames() {
    }

    /**
     * {@code name} with every label in ASCII, as {@link IDN#toASCII(String, int)} with {@link IDN#ALLOW_UNASSIGNED}
     * gives it, but IDNA2008's for labels with ß, ς, ZWJ or ZWNJ and for labels that IDNA2003 refuses and IDNA2008
     * ({@link IdnLabel}) allows.
     *
     * @throws IllegalArgumentException when a label cannot be converted, or IDNA2003 maps a character to text with a
     *         dot (⒈ to "1."): b⒈com.example would become b1.com.example, a name of another label count, where
     *         IDNA2008 disallows the character
     */
    public static String toAscii(String name) {
        String[] labels = labels(name);
        String ascii = ascii(name, labels);
        if (ascii.chars().filter(c -> c == '.').count() != labels.length - 1) {
            throw new IllegalArgumentException("a character of " + name + " maps to a dot");
        }
        return ascii;
    }

    private static String ascii(String name, String[] labels) {
        if (name.chars().anyMatch(IdnaNames::isDeviation)) {
            return labelByLabel(labels);
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException refusedByIdna2003) {
            // label by label an empty one (a..b) would pass: the refusal stands
            if (Arrays.asList(labels).contains("")) {
                throw refusedByIdna2003;
            }
            return labelByLabel(labels);
        }
    }

    private static String labelByLabel(String[] labels) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            String label = labels[i];
            if (label.chars().anyMatch(IdnaNames::isDeviation)) {
                out.append(encoded(label));
                continue;
            }
            try {
                out.append(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED));
            } catch (IllegalArgumentException e) {
                out.append(idna2008Only(label, e));
            }
        }
        return out.toString();
    }

    /** {@code name}'s labels as IDNA2003 reads them: its other full stops (ideographic, full-width, half-width) too. */
    private static String[] labels(String name) {
        return name.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.').split("\\.", -1);
    }

    /**
     * A label that IDNA2003 refuses but IDNA2008 allows, encoded as written: IDNA2003's Bidi rule wants a
     * right-to-left label to end in a right-to-left letter, where RFC 5893 lets it end in a digit or a mark (an
     * Arabic name with a number after it), and its Unicode 3.2 tables know no later character's direction.
     */
    private static String idna2008Only(String label, IllegalArgumentException refused) {
        if (label.chars().allMatch(c -> c < 0x80)) {
            throw refused;
        }
        String ascii = encoded(label);
        if (IdnLabel.problem(ascii, label).isPresent()) {
            throw refused;
        }
        return ascii;
    }

    /**
     * A domain as DNS is asked for it and as domains are compared: trimmed, lower case, without trailing dots, its
     * internationalised labels in ASCII ({@link #toAscii}). A name that cannot be converted stays as it is (lower
     * case): its lookups then say it is unusable.
     * <p>
     * Asked of every message's domain (its group name, which may be in Unicode): a lower-case ASCII name without
     * {@code xn--} and a final dot is returned as it is, the others are converted once each.
     */
    public static String lookupName(String domain) {
        if (AsciiNames.plainAscii(domain)) {
            return domain; // IDNA leaves an all-ASCII label as it is, and there is no case or dot to drop
        }
        return cached(LOOKUP_NAMES, domain, IdnaNames::convertedLookupName);
    }

    private static String convertedLookupName(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            return toAscii(d).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return d;
        }
    }

    /**
     * The one spelling under which a recipient domain's messages are counted and shown together: {@link #lookupName}
     * (case, trailing dots, full-width dots, A-label or U-label all give the same) in its Unicode form
     * ({@link #toUnicode}), so {@code user@bücher.de}, {@code user@XN--BCHER-KVA.DE} and {@code user@bücher．de} are
     * one domain, {@code bücher.de}. A name that is no valid IDN ({@code xn--zz.example}) stays as written, lower case.
     * Read for every message of a log: a lower-case ASCII name without {@code xn--} and without a final dot, nearly
     * every name, is returned as it is after one look at its characters; the others are converted once each.
     */
    public static String groupName(String domain) {
        if (AsciiNames.plainAscii(domain)) {
            return domain;
        }
        return cached(GROUP_NAMES, domain, d -> toUnicode(lookupName(d)));
    }

    /**
     * {@code cache}'s value for {@code key}, made by {@code make} when it has none; a full cache is cleared rather
     * than grown ({@link #MAX_CACHED}).
     */
    static <V> V cached(Map<String, V> cache, String key, Function<String, V> make) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V made = make.apply(key);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, made);
        return made;
    }

    /**
     * {@code domain} with its Unicode form beside it when that differs, as {@code check} shows a name:
     * {@code xn--bcher-kva.example (bücher.example)}, so the name typed is recognised; else {@code domain} as is.
     */
    public static String withUnicode(String domain) {
        String unicode = toUnicode(domain);
        return unicode.equals(domain) ? domain : domain + " (" + unicode + ")";
    }

    /** {@code name} with its {@code xn--} labels decoded (those that are not Punycode stay as they are). */
    public static String toUnicode(String name) {
        String[] labels = name.split("\\.", -1);
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            String label = labels[i];
            out.append(IdnLabel.isALabel(label) ? IdnLabel.uLabel(label).orElse(label) : label);
        }
        return out.toString();
    }

    private static String encoded(String label) {
        StringBuilder lower = new StringBuilder(label.length());
        // per code point, without String.toLowerCase's final-sigma context: UTS 46 maps Σ to σ everywhere
        label.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        String ascii = ACE_PREFIX + Punycode.encode(Normalizer.normalize(lower, Normalizer.Form.NFC));
        if (ascii.length() > MAX_LABEL) {
            throw new IllegalArgumentException("the label '" + label + "' is longer than 63 characters in ASCII");
        }
        return ascii;
    }

    private static boolean isDeviation(int c) {
        return c == 'ß' || c == 'ς' || c == '\u200C' || c == '\u200D';
    }
}
