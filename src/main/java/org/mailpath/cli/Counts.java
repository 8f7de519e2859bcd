package org.mailpath.cli;

import java.util.Locale;

/**
 * A count with its noun in the right number: {@code 1 message}, {@code 4,200 messages}; grouped as the engine's texts
 * the command prints beside it group theirs.
 */
final class Counts {

    private Counts() {
    }

    /** {@code n} and {@code singular}, with an {@code s} unless {@code n} is 1. */
    static String of(long n, String singular) {
        return number(n) + " " + (n == 1 ? singular : singular + "s");
    }

    /** {@code n} grouped: {@code 4,200}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
