package org.mailpath.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mailpath.ui.common.SettingsStore;

/** Light or dark AtlantaFX Primer theme, remembered in the settings. */
public final class Appearance {

    static final String KEY = "theme";
    private final SettingsStore settings;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);

    public Appearance(SettingsStore settings) {
        this.settings = settings;
        dark.set("dark".equals(settings.get(KEY).orElse("light")));
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Sets the user-agent stylesheet of the whole application. */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        dark.set(!dark.get());
        settings.put(KEY, dark.get() ? "dark" : "light");
        apply();
    }
}
