package org.mailpath.engine.finding;

import java.util.Locale;
import java.util.Objects;

/** {@link Localizable#verbatim}: the text as it is, in every language. */
record Verbatim(String text) implements Localizable {

    Verbatim {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String in(Locale locale) {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
