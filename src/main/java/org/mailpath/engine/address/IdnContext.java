package org.mailpath.engine.address;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.LocalText;

/**
 * RFC 5892 Appendix A: the characters IDNA2008 allows in a U-label only in a certain context (CONTEXTJ, CONTEXTO),
 * such as the middle dot, which is allowed only between two l's (Catalan "l·l").
 * <p>
 * One rule is approximated: a zero width non-joiner is valid after a virama, or between two letters that join (its
 * Joining_Type regular expression). The JDK has no Joining_Type data, so a letter of a joining script (Arabic,
 * Syriac, N'Ko, …) stands for L/D before it and R/D after it — lenient, so that no valid Persian name is called
 * invalid. Viramas (canonical combining class 9) are told from the JDK's own normalisation data.
 */
final class IdnContext {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int MIDDLE_DOT = 0x00B7;
    private static final int KERAIA = 0x0375;
    private static final int GERESH = 0x05F3;
    private static final int GERSHAYIM = 0x05F4;
    private static final int KATAKANA_MIDDLE_DOT = 0x30FB;
    /** Marks of canonical combining class 8 and 10: NFD puts a class-9 mark (a virama) between them. */
    private static final String CLASS_8 = "\u3099";
    private static final String CLASS_10 = "\u05B0";
    private static final Set<UnicodeScript> JOINING_SCRIPTS = Set.of(UnicodeScript.ARABIC, UnicodeScript.SYRIAC,
            UnicodeScript.NKO, UnicodeScript.MONGOLIAN, UnicodeScript.MANDAIC, UnicodeScript.PHAGS_PA,
            UnicodeScript.MANICHAEAN, UnicodeScript.PSALTER_PAHLAVI, UnicodeScript.ADLAM,
            UnicodeScript.HANIFI_ROHINGYA, UnicodeScript.SOGDIAN, UnicodeScript.OLD_UYGHUR);

    private IdnContext() {
    }

    /** Why a contextual character of {@code uLabel} is out of its context, or empty; {@code domain} names it. */
    static Optional<LocalText> problem(String uLabel, String domain) {
        int[] cps = uLabel.codePoints().toArray();
        boolean arabicIndic = Arrays.stream(cps).anyMatch(cp -> cp >= 0x0660 && cp <= 0x0669);
        boolean extendedArabicIndic = Arrays.stream(cps).anyMatch(cp -> cp >= 0x06F0 && cp <= 0x06F9);
        if (arabicIndic && extendedArabicIndic) {
            return Optional.of(AddressTexts.text("idn.mixedDigits", domain));
        }
        for (int i = 0; i < cps.length; i++) {
            Optional<LocalText> where = outOfContext(cps, i);
            if (where.isPresent()) {
                return Optional.of(AddressTexts.text("idn.context", domain, Character.toString(cps[i]),
                        MailboxSyntax.codePoint(cps[i]), where.get()));
            }
        }
        return Optional.empty();
    }

    /** For a contextual character at {@code i} out of its context: where it is allowed. */
    private static Optional<LocalText> outOfContext(int[] cps, int i) {
        int cp = cps[i];
        boolean ok = switch (cp) {
            case ZWNJ -> afterVirama(cps, i) || betweenJoiningLetters(cps, i);
            case ZWJ -> afterVirama(cps, i);
            case MIDDLE_DOT -> i > 0 && i + 1 < cps.length && cps[i - 1] == 'l' && cps[i + 1] == 'l';
            case KERAIA -> i + 1 < cps.length && UnicodeScript.of(cps[i + 1]) == UnicodeScript.GREEK;
            case GERESH, GERSHAYIM -> i > 0 && UnicodeScript.of(cps[i - 1]) == UnicodeScript.HEBREW;
            case KATAKANA_MIDDLE_DOT -> Arrays.stream(cps).filter(c -> c != KATAKANA_MIDDLE_DOT)
                    .mapToObj(UnicodeScript::of).anyMatch(s -> s == UnicodeScript.HIRAGANA
                            || s == UnicodeScript.KATAKANA || s == UnicodeScript.HAN);
            default -> true;
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(AddressTexts.text(switch (cp) {
            case ZWNJ -> "context.zwnj";
            case ZWJ -> "context.zwj";
            case MIDDLE_DOT -> "context.middleDot";
            case KERAIA -> "context.keraia";
            case GERESH, GERSHAYIM -> "context.geresh";
            default -> "context.katakanaMiddleDot";
        }));
    }

    private static boolean afterVirama(int[] cps, int i) {
        return i > 0 && isVirama(cps[i - 1]);
    }

    /** Canonical combining class 9, read from how NFD orders the mark between marks of class 8 and 10. */
    static boolean isVirama(int cp) {
        String mark = new String(Character.toChars(cp));
        if (!Normalizer.isNormalized(mark, Normalizer.Form.NFD)) {
            return false;
        }
        return Normalizer.normalize("a" + mark + CLASS_8, Normalizer.Form.NFD).equals("a" + CLASS_8 + mark)
                && Normalizer.normalize("a" + CLASS_10 + mark, Normalizer.Form.NFD).equals("a" + mark + CLASS_10);
    }

    private static boolean betweenJoiningLetters(int[] cps, int i) {
        int before = i - 1;
        while (before >= 0 && isTransparent(cps[before])) {
            before--;
        }
        int after = i + 1;
        while (after < cps.length && isTransparent(cps[after])) {
            after++;
        }
        return before >= 0 && after < cps.length && isJoiningLetter(cps[before]) && isJoiningLetter(cps[after]);
    }

    /** Joining_Type T, approximately: marks and format characters. */
    private static boolean isTransparent(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    private static boolean isJoiningLetter(int cp) {
        return Character.isLetter(cp) && JOINING_SCRIPTS.contains(UnicodeScript.of(cp));
    }
}
