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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
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
 * key).
 */
public final class ZoneSigner {

    private static final long TTL = 300;

    private ZoneSigner() {
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
        Name origin = name(apex);
        List<Record> all = new ArrayList<>(records);
        keys.forEach(k -> all.add(k.dnskey()));
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
        return text(sign(origin, parse(origin, zoneText), keys, inception, expiration));
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
        return withSignatures(records, nsec3Where(records, n -> matches(n, name)));
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
                return withSignatures(records, proof);
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

    /** {@code nsec3} and the RRSIG records over them among {@code records}. */
    private static List<Record> withSignatures(Iterable<Record> records, List<NSEC3Record> nsec3) {
        List<Record> out = new ArrayList<>(nsec3);
        for (Record r : records) {
            if (r instanceof RRSIGRecord s && s.getTypeCovered() == Type.NSEC3
                    && nsec3.stream().anyMatch(n -> n.getName().equals(s.getName()))) {
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
