package org.mailpath.engine.spf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Type;

/**
 * The include and redirect targets of a walk that no receiver reaches (each with its {@link SpfUnreachedTerm}), and
 * the targets named in the records only those lead to.
 */
final class SpfUnreachedTargets {

    /** Records the walk reads, at most, of those that only terms no receiver reaches lead to. */
    static final int READ_CAP = 10;

    private final SpfLimits limits;
    private final Map<String, SpfUnreachedTerm> targets = new LinkedHashMap<>();

    SpfUnreachedTargets(SpfLimits limits) {
        this.limits = limits;
    }

    /**
     * The includes after {@code decidedBy} and the redirect of a record where {@code decidedBy} matched in the walk.
     * Without an IP only terms that match every host match (an "all", or an include whose record ends in one), so
     * no receiver ever reaches these: they are written, but never decide.
     */
    void note(SpfRecord record, List<SpfMechanism> later, String domain, SpfMechanism decidedBy, SpfResult result) {
        for (SpfMechanism m : later) {
            if (m.type() == SpfMechanism.Type.INCLUDE) {
                targets.putIfAbsent(SpfRecordReview.writtenTarget(m).toLowerCase(Locale.ROOT),
                        new SpfUnreachedTerm(m, domain, decidedBy, result));
            }
        }
        record.redirect().ifPresent(r -> targets.putIfAbsent(SpfRecordReview.writtenTarget(r).toLowerCase(Locale.ROOT),
                new SpfUnreachedTerm(r, domain, decidedBy, result)));
    }

    /**
     * Reads the records that only unreached includes and redirects lead to, to tell what they name (an include of
     * Salesforce there is written, not missing) and notes those targets as unreached through the same term. This is no
     * evaluation: RFC 7208 §4.6.4 limits the terms evaluated, and receivers never evaluate these, so nothing here counts
     * as a lookup or a void lookup, and a loop, a missing record or a failed answer here is no problem of the domain's.
     * Only what reaching that one term would reach is followed: bare or "+" includes before a record's "all", its
     * redirect when it has none (one behind a "-"/"~"/"?" include, or after another "all", would need more than moving
     * the term). Within the time budget and the query cap, {@link #READ_CAP} records at most. {@code includes} are the
     * targets the walk reached, {@code topDomain} the domain it evaluated: both were read already.
     */
    void readBehind(Set<String> includes, String topDomain) {
        // a target enters pending once: first the map's keys, then only names that were not yet keys (and become
        // keys as they enter), so what to skip is only what the walk itself read
        Deque<String> pending = new ArrayDeque<>();
        targets.forEach((target, u) -> {
            // a "-", "~" or "?" include would not authorize what it leads to once reached either
            if (!(u.term() instanceof SpfMechanism m) || m.qualifier() == SpfQualifier.PASS) {
                pending.add(target);
            }
        });
        int reads = 0;
        while (!pending.isEmpty() && reads < READ_CAP) {
            String target = pending.removeFirst();
            if (includes.contains(target) || target.equals(topDomain) || target.contains("%")
                    || !SpfNames.validDomain(target)) {
                continue;
            }
            reads++;
            SpfUnreachedTerm through = targets.get(target);
            for (SpfTerm t : followedTerms(quietRecord(target))) {
                String next = SpfRecordReview.writtenTarget(t).toLowerCase(Locale.ROOT);
                if (!includes.contains(next) && !targets.containsKey(next)) {
                    targets.put(next, through.leadingTo(t, target));
                    pending.add(next);
                }
            }
        }
    }

    /** The terms of {@code record} that lead on when it is evaluated: "+" includes before "all", else the redirect. */
    private static List<SpfTerm> followedTerms(Optional<SpfRecord> record) {
        if (record.isEmpty()) {
            return List.of();
        }
        List<SpfTerm> out = new ArrayList<>();
        for (SpfMechanism m : record.get().mechanisms()) {
            if (m.type() == SpfMechanism.Type.ALL) {
                return out;
            }
            if (m.type() == SpfMechanism.Type.INCLUDE && m.qualifier() == SpfQualifier.PASS) {
                out.add(m);
            }
        }
        record.get().redirect().ifPresent(out::add);
        return out;
    }

    /**
     * The one SPF record of {@code domain}, read without counting, reporting or stopping: empty when there is none,
     * several, one with a syntax error, a failed answer, or when time or the query cap has run out.
     */
    private Optional<SpfRecord> quietRecord(String domain) {
        List<String> spf = limits.quietQuery(domain, Type.TXT).map(SpfParser::records).orElse(List.of());
        if (spf.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpfParser.parse(spf.getFirst()));
        } catch (SpfSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Each target, as written in lower case, with the term no receiver reaches that leads to it. */
    Map<String, SpfUnreachedTerm> targets() {
        return Map.copyOf(targets);
    }
}
