package org.mailpath.testing.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.mailpath.engine.dns.TrustAnchor;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
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

    /**
     * The root zone, signed, with {@code tldDs} (none: the TLD is not securely delegated) and the NSEC chain a signed
     * zone has (RFC 4035 §2.3), through the TLD and the owners of {@code tldDs}: each delegation's NSEC record is the
     * root's signed proof of whether it has a DS record (RFC 4035 §5.2).
     */
    public List<Record> root(DSRecord... tldDs) {
        return ZoneSigner.sign(".", unsignedRoot(tldDs), List.of(rootKey), inception, expiration);
    }

    /**
     * The root zone of {@link #root}, its NSEC records hashed into NSEC3 records instead (SHA-1, {@code 1 0 0 -}),
     * one per name, each matching it (enough to prove a NODATA answer there, RFC 5155 §8.6; {@code optOut} sets the
     * Opt-Out flag on each).
     */
    public List<Record> rootWithNsec3(boolean optOut, DSRecord... tldDs) {
        List<Record> records = new ArrayList<>();
        for (Record r : unsignedRoot(tldDs)) {
            if (r instanceof NSECRecord n) {
                // an NSEC3 bitmap never lists NSEC, and RRSIG only where an RRset is signed (not at an insecure
                // delegation: its NS records are not)
                boolean signedThere = n.hasType(Type.DS) || n.hasType(Type.SOA);
                records.add(ZoneSigner.nsec3(".", n.getName().toString(), optOut ? NSEC3Record.Flags.OPT_OUT : 0,
                        Arrays.stream(n.getTypes()).filter(t -> t != Type.NSEC && (t != Type.RRSIG || signedThere))
                                .toArray()));
            } else {
                records.add(r);
            }
        }
        return ZoneSigner.sign(".", records, List.of(rootKey), inception, expiration);
    }

    private List<Record> unsignedRoot(DSRecord... tldDs) {
        List<Record> records = new ArrayList<>(ZoneSigner.parse(".", """
                . SOA a.root-servers.test. hostmaster.root-servers.test. 1 3600 600 86400 300
                . NS  a.root-servers.test.
                """));
        records.addAll(List.of(tldDs));
        records.addAll(nsecChain(Name.root, List.of(Name.fromConstantString(tld + ".")), tldDs));
        return records;
    }

    /**
     * The NSEC chain of the zone {@code apex} (RFC 4035 §2.3) through its apex, the zones it delegates without a DS
     * ({@code insecure}) and the owners of {@code ds}, in canonical order: at each delegation the zone's proof of
     * whether it has a DS record (RFC 4035 §5.2).
     */
    private static List<Record> nsecChain(Name apex, List<Name> insecure, DSRecord... ds) {
        TreeSet<Name> delegated = new TreeSet<>(insecure);
        Arrays.stream(ds).map(Record::getName).forEach(delegated::add);
        List<Name> chain = new ArrayList<>(List.of(apex));
        chain.addAll(delegated);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Name owner = chain.get(i);
            Name next = chain.get((i + 1) % chain.size());
            int[] types = owner.equals(apex)
                    ? new int[] {Type.NS, Type.SOA, Type.RRSIG, Type.NSEC, Type.DNSKEY}
                    : Arrays.stream(ds).anyMatch(d -> d.getName().equals(owner))
                    ? new int[] {Type.NS, Type.DS, Type.RRSIG, Type.NSEC}
                    : new int[] {Type.NS, Type.RRSIG, Type.NSEC};
            records.add(new NSECRecord(owner, DClass.IN, 300, next, types));
        }
        return records;
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
     * The TLD zone holding {@code childDs}, signed, with the NSEC chain a signed zone has through its apex, the zones
     * {@code insecure} it delegates without a DS record, and the owners of {@code childDs}: the TLD's signed proof
     * that each zone of {@code insecure} has no DS (RFC 4035 §5.2).
     */
    public List<Record> tldWithNsec(List<String> insecure, DSRecord... childDs) {
        List<Record> records = new ArrayList<>(tld(false, childDs));
        records.addAll(nsecChain(Name.fromConstantString(tld + "."),
                insecure.stream().map(n -> Name.fromConstantString(n + ".")).toList(), childDs));
        return ZoneSigner.sign(tld, records, List.of(tldKey), inception, expiration);
    }

    /**
     * The TLD zone holding {@code childDs}, signed, with an NSEC3 chain of one record, its apex's ({@code 1 0 0 -},
     * {@code optOut} setting the Opt-Out flag): it matches the TLD's name and covers every other, so a child without a
     * DS record has no matching record, and the closest encloser proof (RFC 5155 §7.2.1) is that one record. With
     * the Opt-Out flag it proves an insecure delegation (§8.6); without, it denies that the child exists at all.
     */
    public List<Record> tldWithNsec3(boolean optOut, DSRecord... childDs) {
        List<Record> records = new ArrayList<>(tld(false, childDs));
        records.add(ZoneSigner.nsec3(tld, tld, optOut ? NSEC3Record.Flags.OPT_OUT : 0, Type.NS, Type.SOA,
                Type.RRSIG, Type.DNSKEY, Type.NSEC3PARAM));
        records.addAll(ZoneSigner.parse(tld, tld + ". NSEC3PARAM 1 0 0 -\n"));
        return ZoneSigner.sign(tld, records, List.of(tldKey), inception, expiration);
    }

    /**
     * {@code records} with each RRSIG over a DS record altered in its last signature byte: the signature no longer
     * verifies (a broken signature at the TLD).
     */
    public static List<Record> breakDsSignatures(List<Record> records) {
        return breakSignatures(records, Type.DS);
    }

    /** {@code records} with each RRSIG over records of {@code type} altered so that it no longer verifies. */
    public static List<Record> breakSignatures(List<Record> records, int type) {
        return records.stream().map(r -> r instanceof RRSIGRecord s && s.getTypeCovered() == type ? broken(s) : r)
                .toList();
    }

    /**
     * {@code records} without their NSEC and NSEC3 records and the signatures over them: a zone's answers stripped
     * of the proofs that records do not exist, as a forged or tampered answer is.
     */
    public static List<Record> withoutDenials(List<Record> records) {
        return records.stream().filter(r -> !denies(r.getType())
                && !(r instanceof RRSIGRecord s && denies(s.getTypeCovered()))).toList();
    }

    private static boolean denies(int type) {
        return type == Type.NSEC || type == Type.NSEC3;
    }

    private static Record broken(RRSIGRecord s) {
        byte[] signature = s.getSignature().clone();
        signature[signature.length - 1] ^= 0x01;
        return new RRSIGRecord(s.getName(), s.getDClass(), s.getTTL(), s.getTypeCovered(), s.getAlgorithm(),
                s.getOrigTTL(), s.getExpire(), s.getTimeSigned(), s.getFootprint(), s.getSigner(), signature);
    }
}
