package org.mailpath.engine.address;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/**
 * Checks one {@code xn--} label (an IDNA A-label) of a mail domain: it must decode from Punycode ({@link Punycode})
 * to a U-label in NFC with at least one non-ASCII character, and the U-label may hold only what IDNA2008
 * (RFC 5892) allows: letters, digits, combining marks and hyphens (so no upper-case letters).
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
        int first = uLabel.codePointAt(0);
        if (isMark(first)) {
            return Optional.of(AddressTexts.text("idn.leadingMark", domain));
        }
        for (int i = 0; i < uLabel.length(); i += Character.charCount(uLabel.codePointAt(i))) {
            int cp = uLabel.codePointAt(i);
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

    /** RFC 5892: PVALID or CONTEXT (contexts checked by {@link IdnContext}). */
    private static boolean allowed(int cp) {
        if (cp == '-' || isPvalidException(cp) || isContextual(cp)) {
            return true;
        }
        if (isDisallowedException(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.LOWERCASE_LETTER, Character.OTHER_LETTER, Character.MODIFIER_LETTER,
                 Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** RFC 5892 §2.6 PVALID exceptions that their category would forbid (ß and ς are letters anyway). */
    private static boolean isPvalidException(int cp) {
        return cp == 0x06FD || cp == 0x06FE || cp == 0x0F0B || cp == 0x3007;
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
