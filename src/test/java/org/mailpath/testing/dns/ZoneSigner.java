package org.mailpath.testing.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * Signs test zones with dnsjava ({@link DNSSEC#sign}): keys made on the spot, an RRSIG over every RRset of the
 * zone, and the DS record its parent would publish ({@link Key#ds()}, computed by dnsjava). The DNSKEY, CDS and
 * CDNSKEY sets are signed by the keys with the SEP flag (257), as signers do (the parent trusts CDS/CDNSKEY only when
 * a key its DS points to signed them, RFC 7344 §4.1), every other RRset by the others (or, with one key, by that
 * key). With a {@link Chain} it adds the NSEC or NSEC3 chain a signed zone has ({@link #chain}), and builds the
 * proofs a server puts in a negative answer ({@link #denial}).
 */
public final class ZoneSigner {

    private static final long TTL = 300;

    private ZoneSigner() {
    }

    /** The records that prove names and types absent, which a signer adds to a zone. */
    public enum Chain {
        /** None: the zone's own records bring theirs, or the test wants none. */
        NONE,
        /** An NSEC chain through every owner name (RFC 4035 §2.3). */
        NSEC,
        /** An NSEC3 chain ({@code 1 0 0 -}, RFC 9276) through every owner name and empty non-terminal (RFC 5155 §7.1). */
        NSEC3,
        /** The NSEC3 chain with the Opt-Out flag on each record, unsigned delegations left out (RFC 5155 §6, §7.1). */
        NSEC3_OPT_OUT
    }

    /** A DNSKEY and its private key. */
    public record Key(DNSKEYRecord dnskey, PrivateKey privateKey) {

        /** A key signing key (flags 257), ECDSA P-256 (algorithm 13). */
        public static Key ksk(String zone) {
            return ecdsa(zone, DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY);
        }

        /** A zone signing key (flags 256), ECDSA P-256 (algorithm 13). */
        public static Key zsk(String zone) {
            return ecdsa(zone, DNSKEYRecord.Flags.ZONE_KEY);
        }

        /**
         * A key signing key with the SHA-1 algorithm 5 (RSASHA1), RSA 2048 bits: the shortest size no check
         * reports (Zonemaster DNSSEC14 wants at least 2048).
         */
        public static Key rsaSha1(String zone) {
            return rsa(zone, DNSSEC.Algorithm.RSASHA1, 2048);
        }

        /** A key signing key with an RSA {@code algorithm} (5, 7, 8 or 10) and a modulus of {@code bits}. */
        public static Key rsa(String zone, int algorithm, int bits) {
            return make(zone, DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY, algorithm, "RSA", null,
                    bits);
        }

        private static Key ecdsa(String zone, int flags) {
            return make(zone, flags, DNSSEC.Algorithm.ECDSAP256SHA256, "EC", "secp256r1", 0);
        }

        private static Key make(String zone, int flags, int algorithm, String keyAlgorithm, String curve, int bits) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
                if (curve != null) {
                    generator.initialize(new ECGenParameterSpec(curve));
                } else {
                    generator.initialize(bits);
                }
                KeyPair pair = generator.generateKeyPair();
                return new Key(new DNSKEYRecord(name(zone), DClass.IN, TTL, flags, DNSKEYRecord.Protocol.DNSSEC,
                        algorithm, pair.getPublic()), pair.getPrivate());
            } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
                throw new IllegalStateException("cannot make a test key", e);
            }
        }

        /** The SHA-256 DS record of this key, as the parent publishes it. */
        public DSRecord ds() {
            return new DSRecord(dnskey.getName(), DClass.IN, TTL, DNSSEC.Digest.SHA256, dnskey);
        }

        /** An RRSIG over {@code records} (one RRset) by this key, valid from {@code inception} to {@code expiration}. */
        public RRSIGRecord sign(List<Record> records, Instant inception, Instant expiration) {
            try {
                return DNSSEC.sign(new RRset(records), dnskey, privateKey, inception, expiration);
            } catch (DNSSEC.DNSSECException e) {
                throw new IllegalStateException("cannot sign " + records, e);
            }
        }
    }

    /**
     * The records of zone {@code apex} with the keys' DNSKEY records added and every RRset signed (a DS record at
     * the apex is the parent's: left as it is, unsigned).
     */
    public static List<Record> sign(String apex, List<Record> records, List<Key> keys, Instant inception,
                                    Instant expiration) {
        return sign(apex, records, keys, inception, expiration, Chain.NONE);
    }

    /** The records of zone {@code apex} signed as {@link #sign} does, with the denial {@code chain} added and signed. */
    public static List<Record> sign(String apex, List<Record> records, List<Key> keys, Instant inception,
                                    Instant expiration, Chain chain) {
        Name origin = name(apex);
        List<Record> all = new ArrayList<>(records);
        keys.forEach(k -> all.add(k.dnskey()));
        all.addAll(chain(origin, all, chain));
        Map<String, List<Record>> sets = new LinkedHashMap<>();
        for (Record r : all) {
            if (r.getType() != Type.RRSIG && !(r.getType() == Type.DS && r.getName().equals(origin))) {
                sets.computeIfAbsent(r.getName() + " " + r.getType(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Key> keySigners = keys.stream().filter(ZoneSigner::sep).toList();
        List<Key> zoneSigners = keys.stream().filter(k -> !sep(k)).toList();
        List<Record> out = new ArrayList<>(all);
        for (List<Record> set : sets.values()) {
            int type = set.getFirst().getType();
            List<Key> signers = type == Type.DNSKEY || type == Type.CDS || type == Type.CDNSKEY ? keySigners
                    : zoneSigners;
            for (Key k : signers.isEmpty() ? keys : signers) {
                out.add(k.sign(set, inception, expiration));
            }
        }
        return out;
    }

    /** Zone-file text (relative names relative to {@code origin}) signed as {@link #sign} does, as zone-file text. */
    public static String signText(String origin, String zoneText, List<Key> keys, Instant inception,
                                  Instant expiration) {
        return signText(origin, zoneText, keys, inception, expiration, Chain.NONE);
    }

    /** Zone-file text signed with the denial {@code chain} ({@link #sign}), as zone-file text. */
    public static String signText(String origin, String zoneText, List<Key> keys, Instant inception,
                                  Instant expiration, Chain chain) {
        return text(sign(origin, parse(origin, zoneText), keys, inception, expiration, chain));
    }

    /**
     * The denial chain of zone {@code origin} holding {@code records} (their DNSKEY records included), unsigned: an
     * NSEC record at each authoritative owner name in canonical order (RFC 4035 §2.3, §6.1), or an NSEC3 record at
     * the hash of each, empty non-terminals included, with the NSEC3PARAM record at the apex (RFC 5155 §7.1; hashes
     * by dnsjava's {@link NSEC3PARAMRecord#hashName}). Names below a zone cut are glue, not the zone's, and have none;
     * a DS record at the apex is the parent's and is not in its bitmap. Each bitmap holds the types at the name, and
     * RRSIG where an RRset is signed there (every NSEC record is; an unsigned delegation's NSEC3 record is not).
     */
    public static List<Record> chain(Name origin, List<Record> records, Chain chain) {
        if (chain == Chain.NONE) {
            return List.of();
        }
        Set<Name> cuts = new TreeSet<>();
        records.stream().filter(r -> r.getType() == Type.NS && !r.getName().equals(origin))
                .forEach(r -> cuts.add(r.getName()));
        TreeMap<Name, TreeSet<Integer>> owners = new TreeMap<>();
        for (Record r : records) {
            Name owner = r.getName();
            boolean glue = cuts.stream().anyMatch(c -> owner.subdomain(c) && !owner.equals(c));
            boolean parentsDs = owner.equals(origin) && r.getType() == Type.DS;
            if (owner.subdomain(origin) && !glue && !parentsDs && r.getType() != Type.RRSIG
                    && r.getType() != Type.NSEC && r.getType() != Type.NSEC3) {
                owners.computeIfAbsent(owner, k -> new TreeSet<>()).add(r.getType());
            }
        }
        List<Record> out = new ArrayList<>();
        if (chain == Chain.NSEC) {
            List<Name> names = new ArrayList<>(owners.keySet());
            for (int i = 0; i < names.size(); i++) {
                TreeSet<Integer> types = new TreeSet<>(owners.get(names.get(i)));
                types.add(Type.NSEC);
                types.add(Type.RRSIG);
                out.add(new NSECRecord(names.get(i), DClass.IN, TTL, names.get((i + 1) % names.size()), ints(types)));
            }
            return out;
        }
        boolean optOut = chain == Chain.NSEC3_OPT_OUT;
        NSEC3PARAMRecord param = new NSEC3PARAMRecord(origin, DClass.IN, TTL, NSEC3Record.SHA1_DIGEST_ID, 0, 0, null);
        out.add(param);
        owners.get(origin).add(Type.NSEC3PARAM);
        TreeMap<Name, TreeSet<Integer>> hashed = new TreeMap<>(owners);
        for (Name owner : owners.keySet()) {
            for (Name above = owner; above.labels() > origin.labels(); above = new Name(above, 1)) {
                hashed.putIfAbsent(new Name(above, 1), new TreeSet<>());
            }
        }
        TreeMap<String, Nsec3Owner> byHash = new TreeMap<>();
        hashed.forEach((owner, types) -> {
            boolean unsigned = cuts.contains(owner) && !types.contains(Type.DS);
            if (unsigned && optOut) {
                return;
            }
            TreeSet<Integer> bitmap = new TreeSet<>(types);
            if (!unsigned && !types.isEmpty()) {
                bitmap.add(Type.RRSIG);
            }
            byte[] hash = hash(param, owner);
            // base32hex keeps the order of the hashes it spells
            byHash.put(BASE32HEX.toString(hash), new Nsec3Owner(hash, ints(bitmap)));
        });
        List<Nsec3Owner> ordered = new ArrayList<>(byHash.values());
        for (int i = 0; i < ordered.size(); i++) {
            Nsec3Owner o = ordered.get(i);
            out.add(new NSEC3Record(hashedOwner(o.hash(), origin),
                    DClass.IN, TTL, NSEC3Record.SHA1_DIGEST_ID, optOut ? NSEC3Record.Flags.OPT_OUT : 0, 0, null,
                    ordered.get((i + 1) % ordered.size()).hash(), o.types()));
        }
        return out;
    }

    private record Nsec3Owner(byte[] hash, int[] types) {
    }

    private static Name hashedOwner(byte[] hash, Name origin) {
        try {
            return new Name(BASE32HEX.toString(hash), origin);
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hash(NSEC3PARAMRecord param, Name name) {
        try {
            return param.hashName(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] ints(Set<Integer> types) {
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * What a server of the signed zone holding {@code records} puts in the authority section of a negative answer for
     * {@code name}, beside the SOA: the NSEC or NSEC3 records, with their RRSIG records, that prove it. NODATA
     * ({@code nxdomain} false): the NSEC record at the name (RFC 4035 §3.1.3.1), or the NSEC3 record matching it (RFC
     * 5155 §7.2.3), or when none matches the closest encloser proof (§7.2.4: an Opt-Out record covering an unsigned
     * delegation's DS). NXDOMAIN: with NSEC the record covering the name and the one covering the wildcard at its
     * closest encloser (RFC 4035 §3.1.3.2); with NSEC3 the closest encloser proof and the record covering that
     * wildcard (RFC 5155 §7.2.2). Empty when the zone has no chain.
     */
    public static List<Record> denial(Iterable<Record> records, Name name, boolean nxdomain) {
        List<NSECRecord> nsec = new ArrayList<>();
        records.forEach(r -> {
            if (r instanceof NSECRecord n) {
                nsec.add(n);
            }
        });
        if (!nsec.isEmpty()) {
            List<Record> proof = new ArrayList<>();
            if (!nxdomain) {
                nsec.stream().filter(n -> n.getName().equals(name)).forEach(proof::add);
                // an empty non-terminal has no record of its own: the one covering it proves it has no types
                nsecCovering(nsec, name).filter(n -> proof.isEmpty()).ifPresent(proof::add);
            } else {
                nsecCovering(nsec, name).ifPresent(proof::add);
                Optional<Name> encloser = closestEncloser(nsec, name);
                encloser.flatMap(e -> nsecCovering(nsec, wildcard(e))).filter(n -> !proof.contains(n))
                        .ifPresent(proof::add);
            }
            return withSignatures(records, proof, Type.NSEC);
        }
        if (!nxdomain) {
            List<Record> matching = nsec3Matching(records, name);
            return matching.isEmpty() ? nsec3ClosestEncloser(records, name) : matching;
        }
        List<Record> proof = new ArrayList<>(nsec3ClosestEncloser(records, name));
        for (int drop = 1; drop < name.labels(); drop++) {
            Name encloser = new Name(name, drop);
            if (!nsec3Where(records, n -> matches(n, encloser)).isEmpty()) {
                List<NSEC3Record> wild = nsec3Where(records, n -> covers(n, wildcard(encloser))
                        && !proof.contains(n));
                proof.addAll(withSignatures(records, wild, Type.NSEC3));
                break;
            }
        }
        return proof;
    }

    /** The NSEC record whose span holds {@code name} (RFC 4035 §1: it lies after the owner, before the next). */
    private static Optional<NSECRecord> nsecCovering(List<NSECRecord> nsec, Name name) {
        return nsec.stream().filter(n -> {
            boolean afterOwner = n.getName().compareTo(name) < 0;
            boolean beforeNext = name.compareTo(n.getNext()) < 0;
            boolean last = n.getName().compareTo(n.getNext()) >= 0;
            return last ? afterOwner && name.subdomain(apexOf(n)) : afterOwner && beforeNext;
        }).findFirst();
    }

    /** The zone of an NSEC record: the last of the chain names its apex as next, every other a name under it. */
    private static Name apexOf(NSECRecord n) {
        return n.getName().compareTo(n.getNext()) >= 0 ? n.getNext() : n.getName();
    }

    /**
     * The nearest name above {@code name} that exists (an owner, or an empty non-terminal above one), as the NSEC
     * chain's owners show.
     */
    private static Optional<Name> closestEncloser(List<NSECRecord> nsec, Name name) {
        for (int drop = 1; drop < name.labels(); drop++) {
            Name above = new Name(name, drop);
            if (nsec.stream().anyMatch(n -> n.getName().subdomain(above))) {
                return Optional.of(above);
            }
        }
        return Optional.empty();
    }

    private static Name wildcard(Name encloser) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), encloser);
        } catch (org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException(encloser.toString(), e);
        }
    }

    /** Records from zone-file text ($TTL 300 unless given). */
    public static List<Record> parse(String origin, String zoneText) {
        String text = zoneText.contains("$TTL") ? zoneText : "$TTL " + TTL + "\n" + zoneText;
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                name(origin))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad test zone: " + e.getMessage(), e);
        }
        return records;
    }

    /** The records in zone-file text, one a line, names absolute. */
    public static String text(List<Record> records) {
        return records.stream().map(Record::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * The NSEC3 record (SHA-1, no extra iterations, no salt: RFC 9276's {@code 1 0 0 -}) that matches {@code name} in
     * zone {@code apex}, with {@code flags} (1: Opt-Out) and the record types at the name; a chain of this one record,
     * so its next hashed owner is its own. Enough for a test's NODATA answer at {@code name}.
     */
    public static NSEC3Record nsec3(String apex, String name, int flags, int... types) {
        try {
            byte[] hash = new NSEC3PARAMRecord(name(apex), DClass.IN, TTL, NSEC3Record.SHA1_DIGEST_ID, 0, 0, null)
                    .hashName(name(name));
            return new NSEC3Record(new Name(BASE32HEX.toString(hash), name(apex)), DClass.IN, TTL,
                    NSEC3Record.SHA1_DIGEST_ID, flags, 0, null, hash, types);
        } catch (GeneralSecurityException | TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The NSEC3 records among {@code records} that match {@code name} (their owner is the hash of {@code name} by
     * their own parameters, RFC 5155 §7.2.3: what proves a NODATA answer there), with the RRSIG records over them.
     */
    public static List<Record> nsec3Matching(Iterable<Record> records, Name name) {
        return withSignatures(records, nsec3Where(records, n -> matches(n, name)), Type.NSEC3);
    }

    /**
     * The closest encloser proof for {@code name} (RFC 5155 §7.2.1), what a NODATA answer for a DS question carries
     * when no NSEC3 record matches the name (§8.6: an Opt-Out record covering an insecure delegation): the NSEC3
     * records among {@code records} that match the nearest name above {@code name} that has one (the closest
     * encloser) and those of that zone that cover the next closer name (one label longer, towards {@code name}), with
     * the RRSIG records over them; empty when no name above has a matching record. A zone's one-record chain
     * ({@link #nsec3}) matches its own name and covers every other.
     */
    public static List<Record> nsec3ClosestEncloser(Iterable<Record> records, Name name) {
        for (int drop = 1; drop < name.labels(); drop++) {
            Name encloser = new Name(name, drop);
            Name nextCloser = new Name(name, drop - 1);
            List<NSEC3Record> matching = nsec3Where(records, n -> matches(n, encloser));
            if (!matching.isEmpty()) {
                Name zone = new Name(matching.getFirst().getName(), 1);
                List<NSEC3Record> proof = new ArrayList<>(matching);
                nsec3Where(records, n -> new Name(n.getName(), 1).equals(zone) && covers(n, nextCloser)).stream()
                        .filter(n -> !proof.contains(n)).forEach(proof::add);
                return withSignatures(records, proof, Type.NSEC3);
            }
        }
        return List.of();
    }

    private static List<NSEC3Record> nsec3Where(Iterable<Record> records, Predicate<NSEC3Record> which) {
        List<NSEC3Record> nsec3 = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof NSEC3Record n && which.test(n)) {
                nsec3.add(n);
            }
        }
        return nsec3;
    }

    /** {@code proof} (records of {@code type}) and the RRSIG records over them among {@code records}. */
    private static List<Record> withSignatures(Iterable<Record> records, List<? extends Record> proof, int type) {
        List<Record> out = new ArrayList<>(proof);
        for (Record r : records) {
            if (r instanceof RRSIGRecord s && s.getTypeCovered() == type
                    && proof.stream().anyMatch(n -> n.getName().equals(s.getName()))) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether {@code n} covers {@code name} (RFC 5155 §1.3): the name's hash lies strictly between the record's own
     * hashed owner and its next hashed owner, in the chain's circular order (a chain of one record covers every hash
     * but its own).
     */
    private static boolean covers(NSEC3Record n, Name name) {
        try {
            if (!name.subdomain(new Name(n.getName(), 1))) {
                return false;
            }
            byte[] hash = n.hashName(name);
            byte[] owner = BASE32HEX.fromString(n.getName().getLabelString(0));
            byte[] next = n.getNext();
            boolean afterOwner = Arrays.compareUnsigned(owner, hash) < 0;
            boolean beforeNext = Arrays.compareUnsigned(hash, next) < 0;
            return Arrays.compareUnsigned(owner, next) < 0 ? afterOwner && beforeNext : afterOwner || beforeNext;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean matches(NSEC3Record n, Name name) {
        try {
            Name zone = new Name(n.getName(), 1);
            return name.subdomain(zone)
                    && n.getName().equals(new Name(BASE32HEX.toString(n.hashName(name)), zone));
        } catch (GeneralSecurityException | TextParseException e) {
            return false;
        }
    }

    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, true);

    private static boolean sep(Key k) {
        return (k.dnskey().getFlags() & DNSKEYRecord.Flags.SEP_KEY) != 0;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
