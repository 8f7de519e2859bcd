package org.mailpath.engine.log;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Mail Event letters of a Salesforce Email Log. */
public enum MailEvent {
    RECEIVED('R'), DELIVERED('D'), TRANSIENT_FAILURE('T'), PERMANENT_FAILURE('P');

    /** values() clones its array on each call; ofLetter runs once per row. */
    private static final MailEvent[] ALL = values();
    private static final List<Optional<MailEvent>> FOUND = Arrays.stream(ALL).map(Optional::of).toList();

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
        for (MailEvent e : ALL) {
            if (e.letter == v.charAt(0)) {
                return FOUND.get(e.ordinal());
            }
        }
        return Optional.empty();
    }
}
