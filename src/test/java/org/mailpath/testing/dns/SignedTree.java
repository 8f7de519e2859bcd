package org.mailpath.testing.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.dns.TrustAnchor;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A made-up DNS tree above a test zone, signed with dnsjava ({@link ZoneSigner}) as validators find the real one: a
 * root signed by its own key (the test's trust anchor, {@link #anchor}) and a top-level domain below it, signed and
 * delegated by a DS at the root or not, which holds the DS records of the zones below it. The records of the root
 * and the TLD go into a {@code FakeDns} beside the test zone's own.
 */
public final class SignedTree {

    private final Key rootKey = Key.ksk(".");
    private final String tld;
    private final Key tldKey;
    private final Instant inception;
    private final Instant expiration;

    /** A tree with the TLD {@code tld}, its signatures valid from {@code inception} to {@code expiration}. */
    public SignedTree(String tld, Instant inception, Instant expiration) {
        this.tld = tld;
        this.tldKey = Key.ksk(tld);
        this.inception = inception;
        this.expiration = expiration;
    }

    /** The test root's trust anchor: the DS record of its key. */
    public TrustAnchor anchor() {
        return TrustAnchor.root(List.of(rootKey.ds()));
    }

    public Key tldKey() {
        return tldKey;
    }

    /** The root zone, signed, with {@code tldDs} (none: the TLD is not securely delegated). */
    public List<Record> root(DSRecord... tldDs) {
        List<Record> records = new ArrayList<>(ZoneSigner.parse(".", """
                . SOA a.root-servers.test. hostmaster.root-servers.test. 1 3600 600 86400 300
                . NS  a.root-servers.test.
                """));
        records.addAll(List.of(tldDs));
        return ZoneSigner.sign(".", records, List.of(rootKey), inception, expiration);
    }

    /** The root zone with the DS record of the TLD's key: the TLD is securely delegated. */
    public List<Record> rootDelegatingTld() {
        return root(tldKey.ds());
    }

    /** The TLD zone holding {@code childDs}, signed by its key when {@code signed}. */
    public List<Record> tld(boolean signed, DSRecord... childDs) {
        List<Record> records = new ArrayList<>(ZoneSigner.parse(tld, tld + ". SOA ns." + tld + ". hostmaster." + tld
                + ". 1 3600 600 86400 300\n" + tld + ". NS ns." + tld + ".\n"));
        records.addAll(List.of(childDs));
        return signed ? ZoneSigner.sign(tld, records, List.of(tldKey), inception, expiration) : records;
    }

    /**
     * {@code records} with each RRSIG over a DS record altered in its last signature byte: the signature no longer
     * verifies (a broken signature at the TLD).
     */
    public static List<Record> breakDsSignatures(List<Record> records) {
        return records.stream().map(r -> r instanceof RRSIGRecord s && s.getTypeCovered() == Type.DS ? broken(s) : r)
                .toList();
    }

    private static Record broken(RRSIGRecord s) {
        byte[] signature = s.getSignature().clone();
        signature[signature.length - 1] ^= 0x01;
        return new RRSIGRecord(s.getName(), s.getDClass(), s.getTTL(), s.getTypeCovered(), s.getAlgorithm(),
                s.getOrigTTL(), s.getExpire(), s.getTimeSigned(), s.getFootprint(), s.getSigner(), signature);
    }
}
