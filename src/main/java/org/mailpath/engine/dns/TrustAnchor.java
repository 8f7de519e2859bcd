package org.mailpath.engine.dns;

import java.util.List;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * Where a validating resolver's chain of trust starts (RFC 4033 §5: "a trust anchor ... configured ... outside the
 * DNS protocol"): the DS records of the root zone's key-signing keys. The DNSSEC and DANE checks follow the chain
 * from it down to the zone holding a name ({@link ChainAbove}); tests serving a made-up root inject its DS.
 *
 * @param ds the root's key-signing keys by their DS records (owner: the root)
 */
public record TrustAnchor(List<DSRecord> ds) {

    public TrustAnchor {
        ds = List.copyOf(ds);
        if (ds.isEmpty() || ds.stream().anyMatch(d -> !d.getName().equals(Name.root))) {
            throw new IllegalArgumentException("a root trust anchor needs DS records of the root: " + ds);
        }
    }

    /**
     * IANA's root trust anchors (https://data.iana.org/root-anchors/root-anchors.xml, published as RFC 9718
     * describes): KSK-2017 (key tag 20326) and KSK-2024 (key tag 38696), both RSASHA256 with SHA-256 digests. Either
     * may sign the root's DNSKEY set during the rollover; a resolver that trusts both follows whichever does.
     */
    public static TrustAnchor iana() {
        return IanaRootAnchor.ANCHOR;
    }

    /** The root trust anchor of {@code ds} (a test's own root). */
    public static TrustAnchor root(List<DSRecord> ds) {
        return new TrustAnchor(ds);
    }
}
