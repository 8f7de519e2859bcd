package org.mailpath.ui.app;

import javafx.scene.paint.Color;

/**
 * WCAG 2.2's colour arithmetic (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance,
 * #dfn-contrast-ratio, #dfn-large-scale; the luminance threshold 0.04045 as corrected in May 2021, see
 * https://w3c.github.io/wcag/understanding/relative-luminance.html).
 */
public final class Wcag {

    /** SC 1.4.3 for text that is not large-scale. */
    static final double TEXT = 4.5;
    /** SC 1.4.3 for large-scale text; SC 1.4.11 for parts of controls and graphics. */
    static final double LARGE_TEXT_OR_NON_TEXT = 3.0;
    /** 1 pt = 1/72 in, 1 px = 1/96 in (CSS; JavaFX sizes fonts in px). */
    private static final double PX_PER_PT = 96.0 / 72.0;

    private Wcag() {
    }

    /** Relative luminance of an opaque sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double s) {
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** (L1 + 0.05) / (L2 + 0.05), L1 the lighter: 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** At least 18 pt, or at least 14 pt and bold. */
    static boolean largeScale(double sizePx, boolean bold) {
        return sizePx >= 18 * PX_PER_PT - 1e-9 || bold && sizePx >= 14 * PX_PER_PT - 1e-9;
    }

    /** The ratio SC 1.4.3 asks of text of this size. */
    static double needed(double sizePx, boolean bold) {
        return largeScale(sizePx, bold) ? LARGE_TEXT_OR_NON_TEXT : TEXT;
    }

    /** {@code top} painted over the opaque {@code bottom} (source-over; JavaFX and CSS blend in sRGB values). */
    static Color over(Color top, Color bottom) {
        return mix(bottom, top, top.getOpacity());
    }

    /** {@code from} and {@code to} mixed: {@code share} of {@code to}; the result is opaque. */
    static Color mix(Color from, Color to, double share) {
        return Color.color(from.getRed() + (to.getRed() - from.getRed()) * share,
                from.getGreen() + (to.getGreen() - from.getGreen()) * share,
                from.getBlue() + (to.getBlue() - from.getBlue()) * share);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
