package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.testing.TestLanguages;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;

/** The About box's decisions, without a window. */
class AboutViewModelTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @TempDir
    Path dir;

    private final AtomicInteger recentFilesForgotten = new AtomicInteger();

    private SettingsStore settings() {
        return SettingsStore.open(dir.resolve("settings.properties"));
    }

    private AboutViewModel model(Locale current, SettingsStore settings) {
        return new AboutViewModel(OfferedLanguagesTest.parse("en\nsv"), current, settings,
                recentFilesForgotten::incrementAndGet);
    }

    @Test
    void offersTheListedLanguagesInTheirOrder() {
        AboutViewModel m = model(Locale.ENGLISH, settings());
        assertEquals(List.of(Locale.ENGLISH, SWEDISH), m.languages());
        assertEquals(OfferedLanguages.load().all(), new AboutViewModel(OfferedLanguages.load(), Locale.ENGLISH,
                settings(), () -> { }).languages(), "the app's model offers the app's list");
    }

    @Test
    void selectsTheLanguageTheAppIsIn() {
        assertEquals(SWEDISH, model(Messages.forLocale(SWEDISH).locale(), settings()).languageProperty().get());
        assertEquals(Locale.ENGLISH, model(Messages.forLocale(Locale.ENGLISH).locale(), settings())
                .languageProperty().get());
        assertEquals(SWEDISH, model(Locale.forLanguageTag("sv-SE"), settings()).languageProperty().get());
    }

    @Test
    void anAppInALanguageNotOfferedShowsEnglishSelected() {
        // its texts do not exist: the app is in English (the base bundle, whose locale is the root)
        Locale none = TestLanguages.UNTRANSLATED;
        assertEquals(Locale.ROOT, Messages.forLocale(none).locale());
        assertEquals(Locale.ENGLISH, model(Messages.forLocale(none).locale(), settings())
                .languageProperty().get());
        assertEquals(Locale.ENGLISH, model(none, settings()).languageProperty().get());
    }

    @Test
    void openingTheBoxSavesNothing() {
        SettingsStore settings = settings();
        model(SWEDISH, settings);
        assertEquals(Optional.empty(), settings.get(OfferedLanguages.SETTING));
    }

    @Test
    void aChosenLanguageIsSavedForTheNextStart() {
        SettingsStore settings = settings();
        AboutViewModel m = model(Locale.ENGLISH, settings);
        m.languageProperty().set(SWEDISH);
        assertEquals(Optional.of("sv"), settings.get(OfferedLanguages.SETTING));
        assertEquals(SWEDISH, OfferedLanguages.atStart(SettingsStore.open(dir.resolve("settings.properties"))),
                "the next start reads it");
        m.languageProperty().set(Locale.ENGLISH);
        assertEquals(Optional.of("en"), settings.get(OfferedLanguages.SETTING));
    }

    @Test
    void forgettingTheSettingsForgetsTheLanguageAndTheRecentFiles() {
        SettingsStore settings = settings();
        settings.put("theme", "dark");
        settings.addRecentLogs(List.of(dir.resolve("log.csv")));
        AboutViewModel m = model(Locale.ENGLISH, settings);
        m.languageProperty().set(SWEDISH);
        m.forgetSettings();
        assertEquals(Optional.empty(), settings.get(OfferedLanguages.SETTING));
        assertEquals(Optional.empty(), settings.get("theme"));
        assertTrue(settings.recentLogs().isEmpty());
        assertEquals(1, recentFilesForgotten.get(), "the import step's list is emptied too");
    }
}
