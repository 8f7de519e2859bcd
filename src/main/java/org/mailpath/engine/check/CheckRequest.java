package org.mailpath.engine.check;

import java.util.Set;

/** One domain to check and which checks to run on it. */
public record CheckRequest(String domain, Set<CheckKind> kinds) {

    public CheckRequest {
        kinds = Set.copyOf(kinds);
    }

    public static CheckRequest all(String domain) {
        return new CheckRequest(domain, java.util.EnumSet.allOf(CheckKind.class));
    }
}
