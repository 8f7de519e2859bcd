package org.mailpath.engine.smtp;

/**
 * Whether a value can go on the wire as an SMTP command's argument (an EHLO name, a RCPT address) without
 * smuggling another command or breaking the angle brackets around it: not blank, at most 254 characters, no space,
 * control character, DEL, '&lt;' or '&gt;'.
 */
final class CommandArgument {

    private CommandArgument() {
    }

    static boolean safe(String value) {
        return !value.isBlank() && value.length() <= 254
                && value.chars().allMatch(c -> c > 0x20 && c != 0x7f && c != '<' && c != '>');
    }
}
