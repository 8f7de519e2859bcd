package org.mailpath.engine.dmarc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How OpenDMARC (opendmarc_policy_parse_dmarc, the library behind the DMARC checks of Postfix and Sendmail milters
 * and of Exim) reads tag values that RFC 7489 calls invalid, for problem texts that say where it reads them
 * otherwise than the RFC's default. A reading is empty where OpenDMARC rejects the whole record
 * (DMARC_PARSE_ERROR_BAD_VALUE, after which its milter and Exim apply no DMARC).
 */
final class OpenDmarcReadings {

    /** What strtoul reads: a sign and the leading digits (none: 0); the rest is left over. */
    private static final Pattern STRTOUL = Pattern.compile("(?s)([+-]?)([0-9]*).*");
    /** The tags whose last value OpenDMARC keeps when they are repeated (each overwrites the one before). */
    private static final Set<String> LAST_WINS = Set.of("p", "sp", "adkim", "aspf", "pct", "ri", "rf");

    private OpenDmarcReadings() {
    }

    /**
     * The pct OpenDMARC reads from a value that is not 0-100 in digits; empty when it rejects the whole record.
     * It reads the value with strtoul and checks only 0-100 and errno: leading digits count and the rest is dropped
     * ("50%" is 50), a value without leading digits is 0 (glibc sets no error there; a BSD libc may, and then the
     * record is rejected), an empty value leaves the tag out (100), a negative or larger number rejects the record.
     * Its milter then rejects or quarantines failing mail only when random() % 100 &lt; pct: at 0, none.
     */
    static OptionalLong pct(String value) {
        if (value.isEmpty()) {
            return OptionalLong.of(100);
        }
        var m = STRTOUL.matcher(value);
        m.matches();
        String digits = m.group(2).replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty()) {
            return OptionalLong.of(0);
        }
        if (digits.length() > 3 || Long.parseLong(digits) > 100) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(digits);
        return m.group(1).equals("-") && n > 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /**
     * Whether OpenDMARC rejects the whole record for this ri value: it accepts digits only, up to strtoul's range
     * (20 digits on 64-bit systems); an empty value leaves the tag out.
     */
    static boolean voidsRi(String value) {
        return !value.matches("[0-9]*") || new BigInteger("0" + value)
                .compareTo(BigInteger.ONE.shiftLeft(64)) >= 0;
    }

    /**
     * The fo OpenDMARC reads (items joined by ":", lower case): it splits at ":" (a last empty item after a final
     * ":" ends the list) and takes the first character of each item; empty when it rejects the whole record, for an
     * item that is empty or begins with anything but 0, 1, d, s (any case).
     */
    static Optional<String> fo(String value) {
        List<String> items = new ArrayList<>(List.of(value.split(":", -1)));
        if (items.size() > 1 && items.getLast().isEmpty()) {
            items.removeLast();
        }
        List<String> read = new ArrayList<>();
        for (String item : items) {
            String t = item.strip();
            if (t.isEmpty() || "01dDsS".indexOf(t.charAt(0)) < 0) {
                return Optional.empty();
            }
            read.add(t.substring(0, 1).toLowerCase(Locale.ROOT));
        }
        return Optional.of(String.join(":", read));
    }

    /**
     * The alignment mode (r or s) OpenDMARC reads for {@code adkim} or {@code aspf}: any leading part of "relaxed"
     * or "strict" in any case (an empty value: r); empty when it rejects the whole record, for any other value.
     */
    static Optional<String> alignment(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return "relaxed".startsWith(v) ? Optional.of("r")
                : "strict".startsWith(v) ? Optional.of("s") : Optional.empty();
    }

    /** Whether OpenDMARC rejects the whole record when this tag is repeated: rua and ruf (current versions). */
    static boolean voidsRepeated(String tag) {
        return tag.equals("rua") || tag.equals("ruf");
    }

    /** Whether OpenDMARC keeps this tag's last value when it is repeated: p, sp, adkim, aspf, pct, ri and rf. */
    static boolean keepsLast(String tag) {
        return LAST_WINS.contains(tag);
    }
}
