package org.mailpath.ui.app;

import java.util.Locale;
import javafx.scene.text.Font;

/**
 * The app's base font size: the theme's 14 px, made larger in proportion when the system's text is larger than its
 * usual size. AtlantaFX sets {@code .root { -fx-font-size: 14px; }}, which left a larger system text size (Windows'
 * "Make text bigger", read by JavaFX into {@link Font#getDefault()}, or {@code -Dcom.sun.javafx.fontSize}) without
 * effect. Never smaller than the theme's: a small system font keeps the size the layouts were made for.
 */
record BaseFontSize(double pixels) {

    /** The theme's root font size (AtlantaFX Primer). */
    static final double THEME = 14;

    /** The base size for a system font of {@code systemSize} where {@code usualSize} is that system's usual one. */
    static BaseFontSize following(double systemSize, double usualSize) {
        if (!(systemSize > usualSize) || !(usualSize > 0) || !Double.isFinite(systemSize)) {
            return new BaseFontSize(THEME);
        }
        return new BaseFontSize(THEME * systemSize / usualSize);
    }

    /** The base size for this system's default font. */
    static BaseFontSize ofSystem() {
        return following(Font.getDefault().getSize(), usualSystemSize());
    }

    /**
     * JavaFX's default font size at the usual text size: 12 px on Windows (Segoe UI 9 pt at 96 dpi, the size it reads
     * from the system's message font), 13 px on macOS and Linux, where it is fixed.
     */
    static double usualSystemSize() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? 12 : 13;
    }

    /** Larger than the theme's own, so that the theme's size must be overridden. */
    boolean larger() {
        return pixels > THEME;
    }

    /** The CSS rule that sets it on every scene's root. */
    String rootRule() {
        return String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }", pixels);
    }
}
