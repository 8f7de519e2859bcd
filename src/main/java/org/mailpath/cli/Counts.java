package org.mailpath.cli;

/** A count with its noun in the right number: {@code 1 message}, {@code 2 messages}. */
final class Counts {

    private Counts() {
    }

    /** {@code n} and {@code singular}, with an {@code s} unless {@code n} is 1. */
    static String of(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
