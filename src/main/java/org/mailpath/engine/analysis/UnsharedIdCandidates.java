package org.mailpath.engine.analysis;

import java.util.List;
import java.util.Set;

/**
 * What {@link ChainPart#joinChainsKeyedByInternalId} found in its scans of all the chains that {@link UnsharedIdJoin}
 * needs as well, handed over so that the join of chains sharing no ID scans them no more and unpacks no chain a second
 * time. Made only when that join follows ({@link #NONE} otherwise).
 *
 * @param unkeyed the chains keyed by their Internal Message ID for want of the Message ID Header column that the join
 *     by that ID left apart, in order, each unpacked once
 * @param idKnownElsewhere the {@link ChainBuilder#internalIdAndRecipient} of such chains that a chain keyed by a
 *     Message ID Header has too (one or several, joined or not): their message is there, so never guessed at
 * @param withoutInternalId the chains without an Internal Message ID of a recipient that a chain of {@code unkeyed}
 *     had before the join, in order, not unpacked yet: those keyed by a Message ID Header for want of the Internal
 *     Message ID column are the ones a chain of {@code unkeyed} may match
 */
record UnsharedIdCandidates(List<UnsharedIdJoin.Side> unkeyed, Set<String> idKnownElsewhere,
                            List<ChainBuilder> withoutInternalId) {

    static final UnsharedIdCandidates NONE = new UnsharedIdCandidates(List.of(), Set.of(), List.of());

    UnsharedIdCandidates {
        unkeyed = List.copyOf(unkeyed);
        idKnownElsewhere = Set.copyOf(idKnownElsewhere);
        withoutInternalId = List.copyOf(withoutInternalId);
    }
}
