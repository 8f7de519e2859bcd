package org.mailpath.engine.finding;

import java.util.Locale;

/**
 * Words that can be given in the user's language. As an argument of a {@link LocalText} it is shown in the
 * same language as the sentence around it; {@link Object#toString()} gives English.
 */
public interface Localizable {

    /** The words in {@code locale}'s language, or in English where there is no translation. */
    String in(Locale locale);

    /**
     * Text that is not ours to translate (an exception's message, DNS data), the same in every language: where a
     * {@link Localizable} is expected and there are no words of ours around it.
     */
    static Localizable verbatim(String text) {
        return new Verbatim(text);
    }
}
