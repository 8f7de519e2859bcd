package org.mailpath.engine.address;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.LocalText;

/**
 * RFC 5893's Bidi rule: in a domain with a right-to-left label (Arabic or Hebrew letters, or Arabic digits), every
 * label must read unambiguously in one direction, or the same name could be shown in two orders. Directions are the
 * JDK's Unicode bidirectional classes.
 */
final class BidiRule {

    private static final Set<Byte> RTL_CLASSES = Set.of(Character.DIRECTIONALITY_RIGHT_TO_LEFT,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_ARABIC_NUMBER);
    /** Classes allowed in either kind of label besides its own letters (RFC 5893 §2, rules 2 and 5). */
    private static final Set<Byte> NEUTRAL = Set.of(Character.DIRECTIONALITY_EUROPEAN_NUMBER,
            Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR, Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR,
            Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR, Character.DIRECTIONALITY_OTHER_NEUTRALS,
            Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_NONSPACING_MARK);

    private BidiRule() {
    }

    /** Why the labels (U-labels, or ASCII) of {@code domain} break the rule, or empty when they keep it. */
    static Optional<LocalText> problem(List<String> labels, String domain) {
        if (labels.stream().noneMatch(BidiRule::isRightToLeft)) {
            return Optional.empty();
        }
        return labels.stream().filter(l -> !keepsRule(l)).findFirst()
                .map(l -> AddressTexts.text("idn.bidi", domain, l));
    }

    private static boolean isRightToLeft(String label) {
        return label.codePoints().anyMatch(cp -> RTL_CLASSES.contains(Character.getDirectionality(cp)));
    }

    private static boolean keepsRule(String label) {
        byte[] d = new byte[label.codePointCount(0, label.length())];
        int n = 0;
        for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i))) {
            d[n++] = Character.getDirectionality(label.codePointAt(i));
        }
        if (n == 0) {
            return true;
        }
        boolean rtl = d[0] == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || d[0] == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        if (!rtl && d[0] != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            return false;
        }
        boolean europeanDigit = false;
        boolean arabicDigit = false;
        for (byte c : d) {
            boolean own = rtl ? RTL_CLASSES.contains(c) : c == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            if (!own && !NEUTRAL.contains(c)) {
                return false;
            }
            europeanDigit |= c == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
            arabicDigit |= c == Character.DIRECTIONALITY_ARABIC_NUMBER;
        }
        if (rtl && europeanDigit && arabicDigit) {
            return false;
        }
        int last = n - 1;
        while (last > 0 && d[last] == Character.DIRECTIONALITY_NONSPACING_MARK) {
            last--;
        }
        byte end = d[last];
        return end == Character.DIRECTIONALITY_EUROPEAN_NUMBER || (rtl ? end == Character.DIRECTIONALITY_ARABIC_NUMBER
                || end == Character.DIRECTIONALITY_RIGHT_TO_LEFT || end == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                : end == Character.DIRECTIONALITY_LEFT_TO_RIGHT);
    }
}
