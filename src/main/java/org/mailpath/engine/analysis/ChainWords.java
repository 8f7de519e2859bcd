package org.mailpath.engine.analysis;

import java.util.List;
import java.util.Locale;
import org.mailpath.engine.finding.LocalText;

/**
 * A chain's own words, where its rows say more than its diagnosis can ({@code chains.properties} beside this class,
 * English, and its translations): a size refusal of a message the log shows to be small.
 */
final class ChainWords {

    static final String BUNDLE = ChainWords.class.getPackageName() + ".chains";

    private ChainWords() {
    }

    /** The text under {@code key} in {@code locale}, its {0} the message's size in whole KB ({1} in bytes). */
    static String sized(String key, long bytes, Locale locale) {
        return new LocalText(BUNDLE, key, List.of(Math.max(1, Math.round(bytes / 1024.0)), bytes)).in(locale);
    }
}
