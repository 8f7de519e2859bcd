package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.dns.SignedTree;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Chain;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * {@link DenialProof} for any name and type, judged by dnsjava's validator from the zone's own DS record: the proof
 * of a NODATA answer from the zone's NSEC or NSEC3 chain ({@link ZoneSigner#chain}), stripped, with a broken signature,
 * and Opt-Out records, which prove an insecure delegation (RFC 5155 §8.6) but no missing type at a name that exists
 * (§8.5: the matching record is required).
 */
class DenialProofTest {

    private static final Instant INCEPTION = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Key KEY = Key.ksk("proof.example");
    private static final String ZONE = """
            proof.example.      SOA ns1.proof.example. hostmaster.proof.example. 1 3600 600 86400 300
            proof.example.      NS  ns1.proof.example.
            ns1.proof.example.  A   192.0.2.53
            mx.proof.example.   A   192.0.2.25
            _25._tcp.mx.proof.example. TXT "no TLSA here"
            child.proof.example. NS ns.elsewhere.test.
            """;

    private static List<Record> zone(Chain chain) {
        return ZoneSigner.sign("proof.example", ZoneSigner.parse("proof.example", ZONE), List.of(KEY), INCEPTION,
                Instant.parse("2026-02-01T00:00:00Z"), chain);
    }

    private static DenialProof.Proof judge(List<Record> zone, String name, int type) {
        FakeDns dns = FakeDns.of(zone);
        DnssecAnswer answer = dns.lookupSigned(name, type, Cancellation.none());
        assertEquals(DnsStatus.NODATA, answer.answer().status(), answer.evidence().toString());
        return DenialProof.judge(dns, List.of(KEY.ds()), Name.fromConstantString(name + "."), type, answer.denial(),
                NOW, Cancellation.none());
    }

    @Test
    void aNodataAnswerIsProvenByTheZonesNsecOrNsec3Chain() {
        for (Chain chain : List.of(Chain.NSEC, Chain.NSEC3, Chain.NSEC3_OPT_OUT)) {
            assertInstanceOf(DenialProof.Proven.class, judge(zone(chain), "_25._tcp.mx.proof.example", Type.TLSA),
                    chain.toString());
        }
    }

    @Test
    void aStrippedOrBrokenProofIsUnproven() {
        for (List<Record> zone : List.of(SignedTree.withoutDenials(zone(Chain.NSEC)),
                SignedTree.breakSignatures(zone(Chain.NSEC), Type.NSEC),
                SignedTree.withoutDenials(zone(Chain.NSEC3)),
                SignedTree.breakSignatures(zone(Chain.NSEC3), Type.NSEC3))) {
            DenialProof.Proof proof = judge(zone, "_25._tcp.mx.proof.example", Type.TLSA);
            DenialProof.Unproven unproven = assertInstanceOf(DenialProof.Unproven.class, proof);
            assertTrue(!unproven.reason().isBlank(), unproven.toString());
        }
    }

    /**
     * The unsigned delegation child.proof.example is left out of the Opt-Out chain, so only the closest encloser
     * proof answers for it: an Opt-Out record covering the name, an insecure delegation (RFC 5155 §6, §8.6), as the
     * DS check always judged it.
     */
    @Test
    void anOptOutRecordCoveringAnUnsignedDelegationProvesItHasNoDs() {
        assertInstanceOf(DenialProof.OptOut.class, judge(zone(Chain.NSEC3_OPT_OUT), "child.proof.example", Type.DS));
    }

    /**
     * A NODATA for TLSA records at a name that exists needs the NSEC3 record matching the name (RFC 5155 §8.5): with
     * that record left out of the Opt-Out chain (its predecessor now covering the name), the answer carries only the
     * closest encloser proof, whose Opt-Out record covering the name would prove a missing DS (§8.6) but proves
     * nothing about TLSA records: bogus.
     */
    @Test
    void anOptOutRecordCoveringANameThatExistsDoesNotProveItHasNoTlsaRecords() {
        Name tlsa = Name.fromConstantString("_25._tcp.mx.proof.example.");
        List<Record> records = new ArrayList<>(ZoneSigner.parse("proof.example", ZONE));
        List<Record> withKey = new ArrayList<>(records);
        withKey.add(KEY.dnskey());
        List<Record> chain = ZoneSigner.chain(Name.fromConstantString("proof.example."), withKey,
                Chain.NSEC3_OPT_OUT);
        NSEC3Record matching = chain.stream().filter(r -> r instanceof NSEC3Record n && matches(n, tlsa))
                .map(NSEC3Record.class::cast).findFirst().orElseThrow();
        for (Record r : chain) {
            if (r == matching) {
                continue;
            }
            if (r instanceof NSEC3Record n && Arrays.equals(n.getNext(), hash(matching))) {
                records.add(new NSEC3Record(n.getName(), n.getDClass(), n.getTTL(), n.getHashAlgorithm(),
                        n.getFlags(), n.getIterations(), n.getSalt(), matching.getNext(), n.getTypes()));
            } else {
                records.add(r);
            }
        }
        List<Record> zone = ZoneSigner.sign("proof.example", records, List.of(KEY), INCEPTION,
                Instant.parse("2026-02-01T00:00:00Z"));
        DenialProof.Unproven proof = assertInstanceOf(DenialProof.Unproven.class,
                judge(zone, "_25._tcp.mx.proof.example", Type.TLSA));
        assertTrue(proof.reason().contains("needs one (RFC 5155 §8.5)"), proof.reason());
    }

    private static byte[] hash(NSEC3Record n) {
        return BASE32HEX.fromString(n.getName().getLabelString(0));
    }

    private static boolean matches(NSEC3Record n, Name name) {
        try {
            return Arrays.equals(hash(n), n.hashName(name));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, true);
}
