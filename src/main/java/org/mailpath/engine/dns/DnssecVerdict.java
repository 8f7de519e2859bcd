package org.mailpath.engine.dns;

import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;

/** What {@link ChainOfTrust} concludes about a zone; the first broken link of the chain when there is one. */
sealed interface DnssecVerdict {

    /** No DNSKEY and no DS. */
    record Unsigned() implements DnssecVerdict {
    }

    /** DNSKEY records but no DS at the parent: resolvers do not validate the zone. */
    record NoDs() implements DnssecVerdict {
    }

    /** DS at the parent but no DNSKEY: bogus. */
    record DsWithoutDnskey() implements DnssecVerdict {
    }

    /** No DS record uses an algorithm and digest type validators support: they treat the zone as unsigned. */
    record AlgorithmUnsupported(List<DSRecord> ds) implements DnssecVerdict {
    }

    /**
     * No DS record validators use matches a DNSKEY of the zone: bogus. {@code ds}: those records (supported algorithm
     * and digest type; SHA-1 ones left out beside SHA-256 or SHA-384 ones, RFC 4509 §3).
     */
    record DsMismatch(List<DSRecord> ds, List<DNSKEYRecord> keys) implements DnssecVerdict {
    }

    /**
     * The records of {@code type} lack a signature validators accept ({@code outcome}: missing, expired, not yet
     * valid, invalid); {@code signers} are the keys that should have signed them.
     */
    record BadSignature(int type, RrsetSignatures.Outcome outcome, List<DNSKEYRecord> signers)
            implements DnssecVerdict {
    }

    /**
     * The chain holds: a DS matches {@code trusted}, which signed the DNSKEY set; {@code checkedTypes} are the
     * RRsets whose signatures were verified (empty when the resolver returned no DNSSEC data).
     */
    record Signed(List<DNSKEYRecord> trusted, List<Integer> checkedTypes) implements DnssecVerdict {

        public Signed {
            trusted = List.copyOf(trusted);
            checkedTypes = List.copyOf(checkedTypes);
        }

        /** Only SHA-1 algorithms link the zone to its parent (RFC 9904's registry: not to sign with). */
        boolean deprecated() {
            return trusted.stream().allMatch(k -> DnssecAlgorithms.deprecated(k.getAlgorithm()));
        }
    }
}
