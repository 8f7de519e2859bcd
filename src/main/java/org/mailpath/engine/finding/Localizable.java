package org.mailpath.engine.finding;

import java.util.Locale;
import java.util.Optional;

/**
 * Words that can be given in the user's language. As an argument of a {@link LocalText} it is shown in the
 * same language as the sentence around it; {@link Object#toString()} gives English.
 */
public interface Localizable {

    /** The words in {@code locale}'s language, or in English where there is no translation. */
    String in(Locale locale);

    /**
     * The same advice worded for the recipient domain's mail team, where these words are a remediation written to
     * our own admin and there are words for that team (a report's part for them shows those); empty otherwise.
     */
    default Optional<Localizable> forMailTeam() {
        return Optional.empty();
    }

    /**
     * The same advice worded for the desktop app, where these words are a remediation that names a command-line
     * option the app has no use for ({@code --dkim-selector}) and the texts say how the app does it ("enter them on
     * the DKIM step"); empty otherwise: the words fit both.
     */
    default Optional<Localizable> inApp() {
        return Optional.empty();
    }

    /**
     * Text that is not ours to translate (an exception's message, DNS data), the same in every language: where a
     * {@link Localizable} is expected and there are no words of ours around it.
     */
    static Localizable verbatim(String text) {
        return new Verbatim(text);
    }
}
