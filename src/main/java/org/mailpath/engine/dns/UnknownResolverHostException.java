package org.mailpath.engine.dns;

import java.net.UnknownHostException;

/**
 * A resolver given by a host name this computer cannot look up ({@code nonexistent.invalid}): bad input, not a bug,
 * and one the app and the command line each word in their own terms (the resolver settings, {@code --resolver}), so
 * it is told apart from the other unusable entries. {@code resolver} is the entry as written.
 */
public final class UnknownResolverHostException extends IllegalArgumentException {

    private final String resolver;

    public UnknownResolverHostException(String resolver, UnknownHostException cause) {
        super("the resolver " + resolver + " is a host name this computer cannot look up: correct it, or use the"
                + " resolver's IP address", cause);
        this.resolver = resolver;
    }

    /** The resolver entry as written ({@code HOST[:PORT]}). */
    public String resolver() {
        return resolver;
    }
}
