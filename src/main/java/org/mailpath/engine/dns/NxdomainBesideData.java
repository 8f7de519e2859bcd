package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.finding.Finding;
import org.xbill.DNS.Type;

/**
 * An NXDOMAIN that the run's other answers for the same name contradict. NXDOMAIN means that nothing exists at the
 * name or below it, whatever the type asked (RFC 8020 §2), and a NOERROR answer (records, or none of the type
 * asked) shows that the name exists. Name servers that answer NXDOMAIN for one type alone (MX) while the name's SOA,
 * A or TXT answer, with no SOA in the NXDOMAIN to show it wrong by itself ({@link NxdomainContradiction}), answer
 * inconsistently: the lookup failed at the recipient's DNS (DNS_LOOKUP_FAILED, as for a self-contradicting
 * NXDOMAIN), the name is no misspelt address that does not exist (DOMAIN_NXDOMAIN).
 *
 * <p>Read once the run's checks are done, from the answers the run already has ({@link DnsLookup#answered}): which
 * question a check asked first must not decide the finding, and nothing more is asked.
 */
public final class NxdomainBesideData {

    private NxdomainBesideData() {
    }

    /**
     * {@code findings} with each DOMAIN_NXDOMAIN finding whose NXDOMAIN answers the run's other answers for the same
     * name contradict replaced by a DNS_LOOKUP_FAILED finding per such answer (with the same severity and actor);
     * the rest as they are.
     */
    public static List<Finding> crossChecked(List<Finding> findings, DnsLookup dns) {
        return crossCheckedEach(List.of(findings), dns).getFirst();
    }

    /**
     * Each list of {@code findingsOfEach} (a domain's findings, check by check) {@linkplain #crossChecked
     * cross-checked}, all read together: a name's answers are read and ordered once for every list, and each list
     * comes back in its place, so that who met which failure stays known.
     */
    public static List<List<Finding>> crossCheckedEach(List<List<Finding>> findingsOfEach, DnsLookup dns) {
        // several checks' findings may be about the same name (NXDOMAIN from the SOA, MX and NS questions)
        Map<String, NameAnswers> byName = new HashMap<>();
        List<List<Finding>> out = new ArrayList<>();
        for (List<Finding> findings : findingsOfEach) {
            List<Finding> read = new ArrayList<>();
            for (Finding f : findings) {
                if (f.code().equals(DnsFindingCodes.DOMAIN_NXDOMAIN)) {
                    read.addAll(byName.computeIfAbsent(f.subject(), n -> NameAnswers.of(dns.answered(n)))
                            .contradicted(f));
                } else {
                    read.add(f);
                }
            }
            out.add(List.copyOf(read));
        }
        return List.copyOf(out);
    }

    /**
     * The run's answers for one name, read once: all of them in type order (a type asked with DNSSEC data and
     * without: by its lines), as the run's cache holds its answers in no set order; those that show the name exists
     * (records, or none of the type asked), the types they answer, and their lines.
     */
    private record NameAnswers(List<DnsAnswer> ordered, List<DnsAnswer> existing, String types, Set<String> shown) {

        static NameAnswers of(List<DnsAnswer> answers) {
            // each answer's lines joined once, not on every comparison
            Map<DnsAnswer, String> lines = new IdentityHashMap<>();
            answers.forEach(a -> lines.put(a, String.join("\n", a.evidence())));
            List<DnsAnswer> ordered = answers.stream().sorted(Comparator.comparingInt(DnsAnswer::type)
                    .thenComparing(lines::get)).toList();
            List<DnsAnswer> existing = ordered.stream()
                    .filter(a -> a.status() == DnsStatus.OK || a.status() == DnsStatus.NODATA).toList();
            String types = String.join(", ", existing.stream().map(a -> Type.string(a.type())).distinct().toList());
            Set<String> shown = new LinkedHashSet<>();
            existing.forEach(a -> shown.addAll(a.evidence()));
            return new NameAnswers(ordered, existing, types, Collections.unmodifiableSet(shown));
        }

        /** {@code nxdomain} as it stands, or one failed lookup per NXDOMAIN answer of it that these contradict. */
        List<Finding> contradicted(Finding nxdomain) {
            // the answers the finding rests on: an NXDOMAIN about the name itself (not a CNAME's target), its line
            // quoted
            List<DnsAnswer> denied = ordered.stream()
                    .filter(a -> a.status() == DnsStatus.NXDOMAIN && a.cnames().isEmpty()
                            && nxdomain.evidence().contains(a.evidence().getFirst())).toList();
            if (existing.isEmpty() || denied.isEmpty()) {
                return List.of(nxdomain);
            }
            return denied.stream().map(a -> failed(a, types, shown))
                    .map(f -> f.withSeverity(nxdomain.severity()).withActor(nxdomain.actor())).toList();
        }
    }

    /** The failed lookup an NXDOMAIN contradicted by the answers to {@code types} is, with those answers as evidence. */
    private static Finding failed(DnsAnswer nxdomain, String types, Set<String> existing) {
        String name = DnsNames.relative(nxdomain.name().toLowerCase(Locale.ROOT));
        // no CNAME to keep: only an NXDOMAIN about the name itself is read here
        DnsAnswer failed = nxdomain.failedBecause(DnsReasons.of("nxdomainBesideData", name, types));
        Finding f = LookupFindings.failure(failed).orElseThrow(); // ERROR is always a failure
        List<String> evidence = new ArrayList<>(f.evidence());
        existing.stream().filter(line -> !evidence.contains(line)).forEach(evidence::add);
        return f.withEvidence(evidence);
    }
}
