package org.mailpath.ui.app;

import java.util.List;
import java.util.Locale;
import org.mailpath.engine.common.Languages;
import org.mailpath.ui.common.SettingsStore;

/**
 * The languages the app offers ({@link Languages}: {@code org/mailpath/ui/languages.txt}), and the one it starts in.
 */
public final class OfferedLanguages {

    /** The setting that holds the language chosen in the About box (a language tag). */
    public static final String SETTING = "language";

    private final List<Locale> all;

    /** {@code all} in its order; English must be among them. Tests give their own lists. */
    OfferedLanguages(List<Locale> all) {
        if (Languages.matching(Locale.ENGLISH, all).isEmpty()) {
            throw new IllegalArgumentException("English must be offered (it is the fall-back): " + all);
        }
        this.all = List.copyOf(all);
    }

    /** The app's list. */
    public static OfferedLanguages load() {
        return new OfferedLanguages(Languages.offered());
    }

    /** In the order listed. */
    public List<Locale> all() {
        return all;
    }

    /** The offered language that is {@code locale}'s language (Sweden's Swedish is Swedish); English if none is. */
    public Locale matching(Locale locale) {
        return Languages.matching(locale, all).orElseGet(() -> Languages.matching(Locale.ENGLISH, all).orElseThrow());
    }

    /** The language to start in: the one chosen in the About box, else the computer's. */
    public static Locale atStart(SettingsStore settings) {
        return settings.get(SETTING).map(Languages::fromTag).orElse(Locale.getDefault());
    }
}
