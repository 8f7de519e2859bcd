package org.mailpath.engine.log;

import java.util.Optional;

/** The Mail Event letters of a Salesforce Email Log. */
public enum MailEvent {
    RECEIVED('R'), DELIVERED('D'), TRANSIENT_FAILURE('T'), PERMANENT_FAILURE('P');

    private final char letter;

    MailEvent(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The event for a letter as written in the log (surrounding blanks ignored); empty if unknown. */
    public static Optional<MailEvent> ofLetter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() != 1) {
            return Optional.empty();
        }
        for (MailEvent e : values()) {
            if (e.letter == v.charAt(0)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
