package org.mailpath.engine.spf;

import java.util.Optional;

/**
 * An include or redirect written in the SPF record of {@code domain} that no receiver reaches: {@code decidedBy},
 * evaluated before it in the same record, matches every host, and RFC 7208 §4.6.2 ends the record at the first match
 * ("If it matches, processing ends and the qualifier value is returned as the result of that record"); a redirect is
 * followed only when no mechanism matches (§6.1), and never in a record with an "all" (§5.1). {@code result} is what
 * {@code decidedBy} gives every host. {@code below} is set when the target is not named by {@code term} itself but by
 * a term of a record that only {@code term} leads to: then reaching {@code term} is what reaches the target.
 */
public record SpfUnreachedTerm(SpfTerm term, String domain, SpfMechanism decidedBy, SpfResult result,
                               Optional<Below> below) {

    /** The term that names the target, written in the SPF record of {@code domain}. */
    public record Below(SpfTerm term, String domain) {
    }

    public SpfUnreachedTerm(SpfTerm term, String domain, SpfMechanism decidedBy, SpfResult result) {
        this(term, domain, decidedBy, result, Optional.empty());
    }

    /** The same unreached term, as what leads to {@code named}, written in the SPF record of {@code in}. */
    SpfUnreachedTerm leadingTo(SpfTerm named, String in) {
        return new SpfUnreachedTerm(term, domain, decidedBy, result, Optional.of(new Below(named, in)));
    }

    /**
     * Whether {@code term} is a redirect that the record's "all" cancels wherever it stands (RFC 7208 §5.1, §6.1),
     * rather than a term that a match before it keeps from being evaluated.
     */
    public boolean redirectBesideAll() {
        return term instanceof SpfModifier && decidedBy.type() == SpfMechanism.Type.ALL;
    }
}
