package org.mailpath.engine.report;

import java.util.Optional;
import org.mailpath.engine.finding.Actor;

/**
 * How a failed chain uses what the DNS checks found of its domain ({@link NoMailDomain}), resolved once
 * ({@link DomainFacts#use}): {@code replaces} the reply's words ({@link DomainFacts#domainFact}), or only {@code note}s
 * what the checks find now after advice the reply still explains ({@link DomainFacts#laterDomainFact}); both empty
 * for most chains. {@code theirsToRestore}: the domain that does not exist is the addressed mail team's own
 * ({@link DomainFacts#theirsToRestore}); {@code lapsed}: it is so because the log shows mail delivered to the domain, so it
 * existed and its name is no typo ({@link DomainFacts#withLog}), which our admin's words say.
 */
record DomainFactUse(Optional<NoMailDomain> replaces, Optional<NoMailDomain> note, boolean theirsToRestore,
        boolean lapsed) {

    static final DomainFactUse NONE = new DomainFactUse(Optional.empty(), Optional.empty(), false, false);

    /** The suffix of our admin's words for the fact: ".lapsed" for a domain the log shows delivered to, else none. */
    String adminSuffix() {
        return lapsed ? ".lapsed" : "";
    }

    /** Who acts on the fact that replaces the reply's words, if one does. */
    Optional<Actor> factActor() {
        return replaces.map(f -> theirsToRestore ? Actor.RECIPIENT_MAIL_TEAM : f.actor());
    }
}
