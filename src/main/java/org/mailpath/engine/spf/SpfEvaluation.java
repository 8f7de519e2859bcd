package org.mailpath.engine.spf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;

/**
 * What one SPF evaluation found. {@code result} and {@code reasonText} are check_host()'s answer (for a walk without an
 * IP: the result of the walk's end, where no mechanism but {@code all} matches); {@code recordEvaluated} says the
 * domain's own record was evaluated (not when it is one of several, or has a syntax error or a byte that is not
 * printable ASCII: receivers give permerror before any lookup, so the counts say nothing about it); {@code records}
 * the domain's own SPF records as published (several with SPF_MULTIPLE);
 * {@code lookups} counts the DNS lookups of §4.6.4, {@code voidLookups} the void ones;
 * {@code capped} says the walk stopped at its safety bound (the counts are then lower bounds); {@code problems} are the
 * findings met on the way; {@code tree} the records read, indented by depth; {@code includes} every include/redirect
 * target (lower case); {@code passIncludes} the targets reached through bare or "+" includes only, where a pass passes
 * the domain; {@code qualifiedIncludes} the other targets, each with the outermost "-", "~" or "?" include on its path,
 * whose qualifier turns a pass there into that qualifier's result (RFC 7208 §4.6.2); {@code unreachedTargets} (of
 * a walk without an IP only) the include and redirect targets written in a record read, as written in lower case,
 * that no receiver reaches because a term before them matches every host ({@link SpfUnreachedTerm}), and those
 * written in the records only such a term leads to (read, not evaluated: they add nothing to the counts);
 * {@code failedLookup} the DNS answer whose failure ended check_host() in temperror (RFC 7208 §5: an rcode other than
 * NOERROR or NXDOMAIN, or a timeout), empty when the result is not temperror or the evaluation ran out of time
 * instead; {@code messageTerms} the terms met that name the message's sender or HELO (RFC 7208 §7.2) and were not
 * evaluated for want of a message, in the order met (before the result was reached).
 */
public record SpfEvaluation(SpfResult result, LocalText reasonText, boolean recordEvaluated,
                            List<String> records, int lookups, int voidLookups, boolean capped,
                            List<Finding> problems, List<String> tree, Set<String> includes,
                            Set<String> passIncludes, Map<String, SpfMechanism> qualifiedIncludes,
                            Map<String, SpfUnreachedTerm> unreachedTargets, Optional<DnsAnswer> failedLookup,
                            List<String> messageTerms) {

    public SpfEvaluation {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
        tree = List.copyOf(tree);
        includes = Set.copyOf(includes);
        passIncludes = Set.copyOf(passIncludes);
        qualifiedIncludes = Map.copyOf(qualifiedIncludes);
        unreachedTargets = Map.copyOf(unreachedTargets);
        messageTerms = List.copyOf(messageTerms);
    }

    /**
     * Whether the result is temperror only because this computer's resolver does not work at all
     * ({@link DnsAnswer#resolverAtFault()}): then the evaluation says nothing about the domain's SPF, and receivers,
     * who ask through their own resolvers, need not meet the failure.
     */
    public boolean resolverAtFault() {
        return result == SpfResult.TEMPERROR && failedLookup.filter(DnsAnswer::resolverAtFault).isPresent();
    }

    /** Whether the domain publishes an SPF record (one or several). */
    public boolean recordFound() {
        return !records.isEmpty();
    }

    /** check_host()'s reason in English. */
    public String reason() {
        return reasonText.toString();
    }
}
