package org.mailpath.ui.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.address.IdnaNames;

/**
 * What the DNS checks step's last run for the current log made of the DKIM check of each domain it was asked to
 * check DKIM for (its sending domain), and with which selectors. The DKIM step says from it whether those checks, and
 * so the report, cover its domain: its lookups take the place of the checks' DKIM findings only where they do.
 *
 * @param ran       whether the checks ran for this log (to the end or not: {@link Outcome#NOT_FINISHED} says what a
 *                  stopped run left out)
 * @param selectors the selectors whose findings the checks now hold (the run's, or the DKIM step's lookup's that took
 *                  their place); empty when none was given
 * @param byLookup  whether {@code selectors} are the DKIM step's lookup's, which took the place of the run's DKIM
 *                  check: the DKIM step must not say the checks looked them up
 * @param domains   each domain asked to be checked for DKIM (its lookup name) and what became of that check
 */
public record DkimCoverage(boolean ran, List<String> selectors, boolean byLookup, Map<String, Outcome> domains) {

    /** What became of one domain's DKIM check. */
    public enum Outcome {
        /** Made: its findings are in the checks and the report. */
        CHECKED,
        /** Made, but this computer's network kept its queries from being answered: the report says "not checked". */
        NOT_FROM_THIS_NETWORK,
        /** Cancelled or stopped before it ended: nothing of it is in the checks or the report. */
        NOT_FINISHED
    }

    public DkimCoverage {
        selectors = List.copyOf(selectors);
        domains = Map.copyOf(domains);
    }

    /** The run's own DKIM check, with the selectors it was given. */
    public DkimCoverage(boolean ran, List<String> selectors, Map<String, Outcome> domains) {
        this(ran, selectors, false, domains);
    }

    public static DkimCoverage none() {
        return new DkimCoverage(false, List.of(), Map.of());
    }

    /** What became of {@code domain}'s DKIM check; empty when the run was not asked to check its DKIM. */
    public Optional<Outcome> of(String domain) {
        return Optional.ofNullable(domains.get(IdnaNames.lookupName(domain)));
    }
}
