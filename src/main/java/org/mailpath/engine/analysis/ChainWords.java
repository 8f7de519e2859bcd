package org.mailpath.engine.analysis;

import java.math.RoundingMode;
import java.text.NumberFormat;
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

    /** The text under {@code key} in {@code locale}, its {0} the message's size ("12.3 KB", "512 bytes"). */
    static String sized(String key, long bytes, Locale locale) {
        return new LocalText(BUNDLE, key, List.of(size(bytes, locale))).in(locale);
    }

    /**
     * The text under {@code key} in {@code locale} for every small message at once, its {0} the bound they are all
     * under ("less than 1 MB"): the words that group such messages (a causes row, a "to do") must not be split by
     * each message's size.
     */
    static String sizeFree(String key, Locale locale) {
        return new LocalText(BUNDLE, key, List.of(new LocalText(BUNDLE, "size.small", List.of()))).in(locale);
    }

    /**
     * A size as the report writes a message's size (ReportTexts.size, "12.3 KB (12,633 bytes)") without the bytes
     * in brackets: KB of 1,024 bytes with one decimal, rounded half up, under 1 KB in bytes. Repeated here, not
     * shared, because the engine's analysis does not depend on its report.
     */
    private static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return new LocalText(BUNDLE, "size.bytes", List.of(bytes)).in(locale);
        }
        NumberFormat decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        decimal.setRoundingMode(RoundingMode.HALF_UP);
        return new LocalText(BUNDLE, "size.KB", List.of(decimal.format(bytes / 1024.0))).in(locale);
    }
}
