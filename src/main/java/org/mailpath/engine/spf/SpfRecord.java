package org.mailpath.engine.spf;

import java.util.List;
import java.util.Optional;

/** A parsed SPF record: its terms in order, and the redirect and exp modifiers when present. */
public record SpfRecord(String text, List<SpfTerm> terms, Optional<SpfModifier> redirect, Optional<SpfModifier> exp) {

    public SpfRecord {
        terms = List.copyOf(terms);
    }

    public List<SpfMechanism> mechanisms() {
        return terms.stream().filter(SpfMechanism.class::isInstance).map(SpfMechanism.class::cast).toList();
    }

    /** The first {@code all} mechanism, if any. */
    public Optional<SpfMechanism> all() {
        return mechanisms().stream().filter(m -> m.type() == SpfMechanism.Type.ALL).findFirst();
    }
}
