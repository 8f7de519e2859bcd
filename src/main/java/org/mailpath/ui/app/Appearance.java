package org.mailpath.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mailpath.ui.common.SettingsStore;

/**
 * Light or dark AtlantaFX Primer theme, remembered in the settings; its base font size follows a larger system font
 * ({@link BaseFontSize}).
 */
public final class Appearance {

    static final String KEY = "theme";
    private final SettingsStore settings;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);
    private final BaseFontSize fontSize;

    public Appearance(SettingsStore settings) {
        this(settings, BaseFontSize.ofSystem());
    }

    Appearance(SettingsStore settings, BaseFontSize fontSize) {
        this.settings = settings;
        this.fontSize = fontSize;
        dark.set("dark".equals(settings.get(KEY).orElse("light")));
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /**
     * Sets the user-agent stylesheet of the whole application. With a larger base font it is the theme imported and the
     * root's font size after it: in the user-agent stylesheet, so that dialogs follow it as the window does, and a
     * scene's own stylesheet keeps its precedence over the theme.
     */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
    }

    String userAgentStylesheet() {
        String theme = dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        if (!fontSize.larger()) {
            return theme;
        }
        // the theme's whole address: a path alone would be read against the data URL, which has none
        String css = "@import url(\"" + Appearance.class.getResource(theme).toExternalForm() + "\");\n"
                + fontSize.rootRule() + "\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    public void toggle() {
        dark.set(!dark.get());
        settings.put(KEY, dark.get() ? "dark" : "light");
        apply();
    }
}
