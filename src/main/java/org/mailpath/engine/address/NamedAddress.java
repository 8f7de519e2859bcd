package org.mailpath.engine.address;

import java.util.Optional;

/**
 * An address written with its display name ({@code Mary Jones <mary.jones@acme.example>}, or the name in quotes;
 * RFC 5322 §3.4 name-addr), as a log may hold it in the Sender column. Only the form is read here: whether the
 * address in the brackets is a valid mailbox is {@link MailboxSyntax}'s to say.
 */
public record NamedAddress(String name, String address) {

    /** The name and address of {@code text} in name-addr form; empty when it is not in that form. */
    public static Optional<NamedAddress> parse(String text) {
        String s = text.strip();
        int open = s.lastIndexOf('<');
        if (open < 0 || !s.endsWith(">")) {
            return Optional.empty();
        }
        String address = s.substring(open + 1, s.length() - 1).strip();
        if (address.indexOf('@') <= 0 || address.indexOf('>') >= 0) {
            return Optional.empty();
        }
        String name = s.substring(0, open).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return Optional.of(new NamedAddress(name, address));
    }

    /**
     * The address of a Sender or Recipient cell: the one in angle brackets of the name-addr form, else the cell
     * itself (stripped).
     */
    public static String addressOf(String text) {
        return parse(text).map(NamedAddress::address).orElse(text.strip());
    }
}
