package org.mailpath.engine.finding;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Loads MailPath's resource bundles (the engine's texts and the app's): a language without a translation gets the
 * English base bundle, never the machine's language — English chosen on a Swedish computer stays English.
 */
public final class TextBundles {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private TextBundles() {
    }

    /** The bundle {@code baseName} for {@code locale}. @throws java.util.MissingResourceException when none fits */
    public static ResourceBundle load(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, NO_DEFAULT_LOCALE);
    }
}
