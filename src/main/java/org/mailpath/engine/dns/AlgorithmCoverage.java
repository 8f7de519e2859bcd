package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;

/**
 * Whether every algorithm of the zone's DNSKEY set signs the records asked (DNSKEY, SOA, MX), as Zonemaster's
 * DNSSEC13 checks (zonemaster/zonemaster docs/public/specifications/tests/DNSSEC-TP/dnssec13.md, DS13_ALGO_NOT_SIGNED_*,
 * WARNING; it asks NS where this check has MX). RFC 6840 §5.11: "The zone MUST also be signed with each algorithm
 * (though not each key) present in the DNSKEY RRset", but "This requirement applies to servers, not validators.
 * Validators SHOULD accept any single valid path": a gap makes no lookup fail while another algorithm's signatures
 * hold. Like Zonemaster, an RRSIG of the algorithm by the zone counts; that it verifies is the chain's business.
 */
final class AlgorithmCoverage {

    private AlgorithmCoverage() {
    }

    /** The algorithms missing from some RRset's signatures, and those RRsets' types; empty when none is. */
    record Gap(Set<Integer> algorithms, List<Integer> types) {
        Gap {
            algorithms = Set.copyOf(algorithms);
            types = List.copyOf(types);
        }

        boolean none() {
            return algorithms.isEmpty();
        }
    }

    /** {@code answers}: the DNSKEY answer and the others checked, with their signatures (DO answers only). */
    static Gap of(Name zone, DnssecAnswer dnskey, List<DnssecAnswer> answers) {
        Set<Integer> keyAlgorithms = new TreeSet<>();
        ChainOfTrust.zoneKeys(dnskey).forEach(k -> keyAlgorithms.add(k.getAlgorithm()));
        Set<Integer> missing = new TreeSet<>();
        List<Integer> types = new ArrayList<>();
        for (DnssecAnswer a : answers) {
            if (!a.dnssecOk() || a.answer().records().isEmpty()) {
                continue;
            }
            Set<Integer> signedWith = new TreeSet<>();
            a.signatures().stream().filter(s -> s.getSigner().equals(zone)).map(RRSIGRecord::getAlgorithm)
                    .forEach(signedWith::add);
            List<Integer> lacking = keyAlgorithms.stream().filter(alg -> !signedWith.contains(alg)).toList();
            if (!lacking.isEmpty()) {
                missing.addAll(lacking);
                types.add(a.answer().type());
            }
        }
        return new Gap(missing, types);
    }
}
