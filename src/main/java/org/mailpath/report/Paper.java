package org.mailpath.report;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The paper a PDF report is laid out for. The HTML report leaves it to the browser's print settings. */
public enum Paper {
    A4("a4"),
    /** US Letter, 8.5 × 11 in. */
    LETTER("letter");

    /**
     * Countries whose usual paper is Letter (ISO 3166 codes): the United States, Canada, Mexico and the Philippines,
     * by far the most people among those of Unicode CLDR's supplemental paperSize data (which also lists Belize,
     * Chile, Colombia, Costa Rica, El Salvador, Guatemala, Nicaragua, Panama, Puerto Rico and Venezuela: there
     * {@code --report-paper letter} asks for it).
     */
    private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA", "MX", "PH");

    private final String option;

    Paper(String option) {
        this.option = option;
    }

    /** The name on the command line ({@code --report-paper a4|letter}). */
    public String option() {
        return option;
    }

    /** The paper for a name as {@link #option()} gives it, in any case. */
    public static Optional<Paper> of(String name) {
        for (Paper p : values()) {
            if (p.option.equalsIgnoreCase(name.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Letter where it is the usual paper (by the locale's country), else A4. */
    public static Paper usualFor(Locale locale) {
        return LETTER_COUNTRIES.contains(locale.getCountry().toUpperCase(Locale.ROOT)) ? LETTER : A4;
    }

    /**
     * The usual paper for this machine's format locale: where the country is set for dates and numbers alone
     * (LC_TIME, user.country.format), that is the one that tells the paper too.
     */
    public static Paper usual() {
        return usualFor(Locale.getDefault(Locale.Category.FORMAT));
    }
}
