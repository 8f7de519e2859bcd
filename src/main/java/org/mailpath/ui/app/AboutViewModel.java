package org.mailpath.ui.app;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mailpath.ui.common.SettingsStore;

/**
 * The About box's decisions: which languages it offers, which one is selected, and what choosing one or forgetting
 * the settings does. A chosen language is saved at once and used from the next start (the texts are loaded once).
 */
public final class AboutViewModel {

    private final OfferedLanguages languages;
    private final SettingsStore settings;
    private final Runnable forgetRecentFiles;
    private final ObjectProperty<Locale> language;

    /**
     * @param current the language the app's texts are in now
     * @param forgetRecentFiles empties the recent-files list the import step shows
     */
    public AboutViewModel(OfferedLanguages languages, Locale current, SettingsStore settings,
            Runnable forgetRecentFiles) {
        this.languages = languages;
        this.settings = settings;
        this.forgetRecentFiles = forgetRecentFiles;
        this.language = new SimpleObjectProperty<>(languages.matching(current));
        language.addListener((o, old, chosen) -> {
            if (chosen != null) {
                settings.put(OfferedLanguages.SETTING, chosen.toLanguageTag());
            }
        });
    }

    /** In the order of the app's list. */
    public List<Locale> languages() {
        return languages.all();
    }

    /** Starts as the language the app is in; a change is saved for the next start. */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Forgets every setting (the chosen language too) and the recent files. */
    public void forgetSettings() {
        settings.clearAll();
        forgetRecentFiles.run();
    }
}
