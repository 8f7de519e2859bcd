package org.mailpath.engine.dns;

import java.io.IOException;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * IANA's root trust anchors as https://data.iana.org/root-anchors/root-anchors.xml lists them (RFC 9718 describes the
 * file): KSK-2017 (key tag 20326, valid from 2017-02-02) and KSK-2024 (key tag 38696, valid from 2024-07-18), both
 * algorithm 8 (RSASHA256) with SHA-256 digests. Both are kept: the root's DNSKEY set is signed by the one in use,
 * and a resolver that trusts both follows it through the rollover.
 */
final class IanaRootAnchor {

    private static final List<String> DS = List.of(
            "20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D",
            "38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16");

    static final TrustAnchor ANCHOR = TrustAnchor.root(DS.stream().map(IanaRootAnchor::parse).toList());

    private IanaRootAnchor() {
    }

    private static DSRecord parse(String rdata) {
        try {
            return (DSRecord) Record.fromString(Name.root, Type.DS, DClass.IN, 172800, rdata, Name.root);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in root trust anchor does not parse: " + rdata, e);
        }
    }
}
