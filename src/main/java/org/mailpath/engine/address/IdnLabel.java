package org.mailpath.engine.address;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/**
 * Checks one {@code xn--} label (an IDNA A-label) of a mail domain: it must decode from Punycode ({@link Punycode})
 * to a U-label in NFC with at least one non-ASCII character and RFC 5891's hyphens, and the U-label may hold only
 * what IDNA2008 (RFC 5892) allows: letters, digits, combining marks and hyphens that Unicode normalisation and case
 * folding leave as they are (so no upper-case letter but Cherokee's, no compatibility character).
 * <p>
 * The JDK's {@link IDN} implements IDNA2003, which allows symbols (☃, emoji) that IDNA2008 forbids, so the
 * IDNA2008 part is checked here by Unicode general category (RFC 5892's LetterDigits) with the RFC's listed
 * exceptions, and the contextual rules by {@link IdnContext}. The Bidi rule (RFC 5893) spans the whole domain:
 * {@link BidiRule}.
 */
final class IdnLabel {

    private static final String ACE_PREFIX = "xn--";

    private IdnLabel() {
    }

    static boolean isALabel(String label) {
        return label.regionMatches(true, 0, ACE_PREFIX, 0, ACE_PREFIX.length());
    }

    /** Why the A-label is not valid, or empty when it is; {@code domain} is only named in the text. */
    static Optional<LocalText> problem(String aLabel, String domain) {
        Optional<String> decoded = uLabel(aLabel);
        if (decoded.isEmpty() || decoded.get().chars().allMatch(c -> c < 0x80)
                || !Normalizer.isNormalized(decoded.get(), Normalizer.Form.NFC)) {
            return Optional.of(AddressTexts.text("idn.punycode", domain, aLabel));
        }
        String uLabel = decoded.get();
        int[] cps = uLabel.codePoints().toArray();
        // RFC 5891 §4.2.3.1: no hyphen at either end, and no "--" in the third and fourth places
        if (cps[0] == '-' || cps[cps.length - 1] == '-') {
            return Optional.of(AddressTexts.text("domain.hyphen", domain));
        }
        if (cps.length >= 4 && cps[2] == '-' && cps[3] == '-') {
            return Optional.of(AddressTexts.text("idn.punycode", domain, aLabel));
        }
        if (isMark(cps[0])) {
            return Optional.of(AddressTexts.text("idn.leadingMark", domain));
        }
        for (int cp : cps) {
            if (!allowed(cp)) {
                return Optional.of(AddressTexts.text("idn.disallowed", domain, Character.toString(cp),
                        MailboxSyntax.codePoint(cp)));
            }
        }
        return IdnContext.problem(uLabel, domain);
    }

    /** The Unicode form of an A-label, if its Punycode decodes. */
    static Optional<String> uLabel(String aLabel) {
        // A-labels compare case-insensitively: XN--BCHER-KVA is bücher
        return Punycode.decode(aLabel.substring(ACE_PREFIX.length()).toLowerCase(Locale.ROOT));
    }

    /**
     * RFC 5892 §3's derived property is PVALID or CONTEXT (contexts checked by {@link IdnContext}): the exceptions,
     * then DISALLOWED for Unstable (§2.3), IgnorableProperties (§2.4), IgnorableBlocks (§2.5) and OldHangulJamo
     * (§2.9), then LetterDigits (§2.1).
     */
    private static boolean allowed(int cp) {
        if (cp == '-' || isPvalidException(cp) || isContextual(cp)) {
            return true;
        }
        if (isDisallowedException(cp) || isUnstable(cp) || isDefaultIgnorable(cp) || isOldHangulJamo(cp)
                || inIgnorableBlock(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.LOWERCASE_LETTER, Character.UPPERCASE_LETTER, Character.OTHER_LETTER,
                 Character.MODIFIER_LETTER, Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * RFC 5892 §2.3: toNFKC(toCaseFold(toNFKC(cp))) is not cp: compatibility characters (ª, ﬁ, ①, full-width
     * letters), upper-case letters and the like.
     */
    private static boolean isUnstable(int cp) {
        String c = Character.toString(cp);
        return !Normalizer.normalize(caseFolded(Normalizer.normalize(c, Normalizer.Form.NFKC)), Normalizer.Form.NFKC)
                .equals(c);
    }

    /**
     * Unicode case folding, which the JDK lacks: lower case of upper case comes to the same for every character but
     * Cherokee, whose small letters fold to capitals, and the dotless ı, which folds to itself.
     */
    private static String caseFolded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            if (cp == 0x0131) {
                out.append(c);
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.CHEROKEE) {
                out.append(c.toUpperCase(Locale.ROOT));
            } else {
                out.append(c.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        });
        return out.toString();
    }

    /**
     * RFC 5892 §2.4: Default_Ignorable_Code_Point, those that are letters or marks (the others are format characters
     * or unassigned, which no category allows): the Hangul fillers, Khmer's inherent vowels, the combining grapheme
     * joiner and the variation selectors.
     */
    private static boolean isDefaultIgnorable(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** RFC 5892 §2.9: conjoining Hangul jamo (Hangul_Syllable_Type L, V or T); syllables are written precomposed. */
    private static boolean isOldHangulJamo(int cp) {
        return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
    }

    /** RFC 5892 §2.5: Combining Diacritical Marks for Symbols, Musical Symbols, Ancient Greek Musical Notation. */
    private static boolean inIgnorableBlock(int cp) {
        return (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0x1D100 && cp <= 0x1D24F);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** RFC 5892 §2.6 PVALID exceptions: ß and ς, which case folding changes, and four that are no letters. */
    private static boolean isPvalidException(int cp) {
        return cp == 0x00DF || cp == 0x03C2 || cp == 0x06FD || cp == 0x06FE || cp == 0x0F0B || cp == 0x3007;
    }

    /** RFC 5892 §2.6 DISALLOWED exceptions that their category would allow. */
    private static boolean isDisallowedException(int cp) {
        return cp == 0x0640 || cp == 0x07FA || cp == 0x302E || cp == 0x302F || (cp >= 0x3031 && cp <= 0x3035)
                || cp == 0x303B;
    }

    /** CONTEXTO/CONTEXTJ code points (RFC 5892 Appendix A) a category would forbid; {@link IdnContext} checks them. */
    private static boolean isContextual(int cp) {
        return cp == 0x200C || cp == 0x200D || cp == 0x00B7 || cp == 0x0375 || cp == 0x05F3 || cp == 0x05F4
                || cp == 0x30FB;
    }
}
