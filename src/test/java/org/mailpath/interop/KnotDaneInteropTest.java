package org.mailpath.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.KnotServer;
import org.mailpath.testing.dns.ZoneSigner;

/**
 * The DANE check (RFC 7672) against TLSA records Knot DNS serves: in a zone Knot signs with a test key whose DS the
 * unsigned parent dane.test serves, and in the parent itself, which is not signed; and a domain of the parent whose
 * MX host is in the signed zone. Knot plays the resolver, as in
 * {@link KnotDnsInteropTest}, and returns the RRSIGs it made when asked with DO. The association data is synthetic
 * (32 bytes for SHA2-256, RFC 6698 §2.1.3).
 */
class KnotDaneInteropTest {

    private static final String ADDRESS = "127.0.9.72";
    private static final String DIGEST = "5A".repeat(32);
    private static KnotServer knot;

    @BeforeAll
    static void start() throws Exception {
        ZoneSigner.Key key = ZoneSigner.Key.ksk("signed.dane.test");
        ZoneSigner.Key nsec3Key = ZoneSigner.Key.ksk("nsec3.dane.test");
        String parent = "@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A " + ADDRESS + "\n"
                + "signed NS ns1\nsigned DS " + key.ds().rdataToString() + "\n"
                + "nsec3 NS ns1\nnsec3 DS " + nsec3Key.ds().rdataToString() + "\n"
                + "plain MX 10 mx.plain\nmx.plain A 192.0.2.25\n_25._tcp.mx.plain TLSA 3 1 1 " + DIGEST + "\n"
                + "hosted MX 10 mx.signed.dane.test.\n";
        knot = KnotServer.builder().listen(ADDRESS)
                .zone("dane.test", parent)
                .signedZone("signed.dane.test", "@ SOA ns1.dane.test. hostmaster 1 3600 600 86400 300\n"
                        + "@ NS ns1.dane.test.\n@ MX 10 mx\n@ MX 20 backup\nmx A 192.0.2.26\nbackup A 192.0.2.27\n"
                        + "_25._tcp.mx TLSA 3 1 1 " + DIGEST + "\n_25._tcp.mx TLSA 0 0 1 " + DIGEST + "\n", key)
                // no TLSA records: NODATA at mx (a TXT record at the name), NXDOMAIN at backup
                .signedZone("nsec3.dane.test", "@ SOA ns1.dane.test. hostmaster 1 3600 600 86400 300\n"
                        + "@ NS ns1.dane.test.\n@ MX 10 mx\n@ MX 20 backup\nmx A 192.0.2.28\nbackup A 192.0.2.29\n"
                        + "_25._tcp.mx TXT \"no TLSA\"\n", nsec3Key)
                .nsec3("nsec3.dane.test", 0, 0)
                .start();
    }

    @AfterAll
    static void stop() {
        if (knot != null) {
            knot.close();
        }
    }

    private static List<Finding> check(String domain) {
        return KnotChecks.check(knot, ADDRESS, domain, EnumSet.of(CheckKind.DANE)).findings();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.severity() + " " + f.subject()).toList();
    }

    @Test
    void tlsaRecordsKnotSignedAreUsedAndItsPkixRecordIsNot() {
        List<Finding> findings = check("signed.dane.test");
        // worst first, as the checker orders them
        assertEquals(List.of("DANE_UNUSABLE INFO mx.signed.dane.test", "DANE_PARTIAL INFO signed.dane.test",
                "DANE_OK OK mx.signed.dane.test"), codes(findings), findings + knot.log());
        Finding ok = findings.get(2);
        assertTrue(ok.message().startsWith("MX host mx.signed.dane.test publishes usable TLSA records at"
                + " _25._tcp.mx.signed.dane.test in the zone signed.dane.test, which is signed with DNSSEC as far as"
                + " MailPath checks (its DS record, keys and signatures): 3 1 1 (DANE-EE SPKI SHA2-256)."),
                ok.message());
        assertTrue(ok.evidence().contains(";; zone signed.dane.test: signed (its DS, keys and signatures; the chain"
                + " above it is not followed)"), ok.evidence().toString());
        assertTrue(findings.get(0).message().contains("0 0 1 (PKIX-TA Cert SHA2-256) is a PKIX usage"),
                findings.get(0).message());
    }

    @Test
    void tlsaRecordsInTheUnsignedParentAreIgnoredBySenders() {
        List<Finding> findings = check("plain.dane.test");
        assertEquals(List.of("DANE_NOT_SIGNED WARNING mx.plain.dane.test"), codes(findings), findings + knot.log());
    }

    @Test
    void tlsaRecordsOfAHostBehindUnsignedMxRecordsProtectOnlyInPart() {
        // hosted.dane.test: MX records in the unsigned parent, the host's TLSA records in the signed child
        List<Finding> findings = check("hosted.dane.test");
        assertEquals(List.of("DANE_UNUSABLE INFO mx.signed.dane.test", "DANE_MX_NOT_SIGNED INFO hosted.dane.test"),
                codes(findings), findings + knot.log());
        Finding f = findings.get(1);
        assertTrue(f.message().startsWith("MX hosts of hosted.dane.test publish usable TLSA records"
                + " (mx.signed.dane.test), but the MX records of hosted.dane.test are not signed with DNSSEC (the zone"
                + " dane.test has no DS record"), f.message());
        assertTrue(f.evidence().contains(";; zone signed.dane.test: signed (its DS, keys and signatures; the chain"
                + " above it is not followed)"), f.evidence().toString());
    }

    /**
     * No TLSA records in zones Knot signs: the NXDOMAIN for the backup host of signed.dane.test (NSEC) and the NODATA
     * and NXDOMAIN of nsec3.dane.test (NSEC3) come with Knot's signed proofs, which validators require of a signed
     * zone's denial (RFC 4035 §5.4): there are none, and the proof is quoted.
     */
    @Test
    void knotsSignedDenialsProveThatThereAreNoTlsaRecords() {
        List<Finding> partial = check("signed.dane.test");
        Finding f = partial.stream().filter(x -> x.code().equals("DANE_PARTIAL")).findFirst().orElseThrow();
        assertTrue(f.evidence().contains(";; no TLSA record at _25._tcp.backup.signed.dane.test (NXDOMAIN): the signed"
                + " NSEC/NSEC3 records of signed.dane.test prove it (RFC 4035 §5.4)"), f.evidence().toString());

        List<Finding> none = check("nsec3.dane.test");
        assertEquals(List.of("DANE_NONE INFO nsec3.dane.test"), codes(none), none + knot.log());
        for (String line : List.of(";; no TLSA record at _25._tcp.mx.nsec3.dane.test (NODATA): the signed NSEC/NSEC3"
                + " records of nsec3.dane.test prove it (RFC 4035 §5.4)", ";; no TLSA record at"
                + " _25._tcp.backup.nsec3.dane.test (NXDOMAIN): the signed NSEC/NSEC3 records of nsec3.dane.test"
                + " prove it (RFC 4035 §5.4)")) {
            assertTrue(none.getFirst().evidence().contains(line), none.getFirst().evidence().toString());
        }
    }
}
