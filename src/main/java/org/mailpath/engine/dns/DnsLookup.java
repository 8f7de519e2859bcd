package org.mailpath.engine.dns;

import java.util.List;
import org.mailpath.engine.common.Cancellation;

/**
 * Asks the configured recursive resolvers one question. Implementations cache per run, bound concurrency,
 * retry over TCP when a UDP answer is truncated, and never throw for network trouble: it is a status.
 * Safe to call from many (virtual) threads at once.
 */
public interface DnsLookup {

    /**
     * @param name absolute or relative domain name (relative names are taken as absolute)
     * @param type a dnsjava {@link org.xbill.DNS.Type} value
     */
    DnsAnswer lookup(String name, int type, Cancellation cancellation);

    /**
     * The question asked for DNSSEC data: with the DO bit, so the RRSIG records of the answer come with it, and the
     * CD bit, so a validating resolver hands over data that fails validation instead of SERVFAIL, and the fault can
     * be named. A lookup that cannot ask so answers without DNSSEC data ({@link DnssecAnswer#dnssecOk()} false),
     * which tells the DNSSEC check that it cannot judge signatures, not that they are missing.
     */
    default DnssecAnswer lookupSigned(String name, int type, Cancellation cancellation) {
        return DnssecAnswer.withoutDnssec(lookup(name, type, cancellation));
    }

    /**
     * The answers this run has had so far to questions about {@code name} (every type, with DNSSEC data or without),
     * asking nothing: what the run's checks learnt about one name, to be read together once they are done
     * ({@link NxdomainBesideData}). Empty for a lookup that keeps no answers.
     */
    default List<DnsAnswer> answered(String name) {
        return List.of();
    }
}
