package org.mailpath.engine.log;

import java.util.Arrays;
import java.util.List;
import org.mailpath.engine.finding.LocalText;

/**
 * The reader's words: {@code problems.properties} beside this class (English) and its translations. A text's
 * arguments are data from the file (names, cells, numbers) or other texts of this bundle.
 */
final class LogTexts {

    static final String BUNDLE = LogTexts.class.getPackageName() + ".problems";

    private LogTexts() {
    }

    /** The text under {@code key}; a missing argument (an exception without a message) reads "null", as before. */
    static LocalText text(String key, Object... args) {
        return new LocalText(BUNDLE, key, List.of(Arrays.stream(args).map(a -> a == null ? "null" : a).toArray()));
    }
}
