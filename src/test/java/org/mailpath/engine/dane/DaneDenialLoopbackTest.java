package org.mailpath.engine.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.CheckSetup;
import org.mailpath.testing.dns.SignedTree;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.dns.ZoneSigner;
import org.mailpath.testing.dns.ZoneSigner.Chain;
import org.mailpath.testing.dns.ZoneSigner.Key;
import org.mailpath.testing.fakedns.Findings;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * No TLSA records in a signed zone, through the real DNS client and the loopback server, which serves the zone with
 * its NSEC or NSEC3 chain ({@link ZoneSigner#chain}) and puts the proof in the authority section of each negative
 * answer asked with DO ({@link ZoneSigner#denial}): a NODATA at {@code mx} (a TXT record at its TLSA name) and an
 * NXDOMAIN at {@code backup}. Validators take a signed zone's NODATA or NXDOMAIN only with its valid signed proof (RFC
 * 4035 §5.4; RFC 5155 §8.4, §8.5), and without it answer SERVFAIL, which senders that validate DANE take as a failed
 * TLSA lookup (RFC 7672 §2.2): DANE_LOOKUP_FAILED, not DANE_NONE. The zone's DS is served at its apex (the server has
 * no parents), so its chain above is not followed and the proof is judged from that DS.
 */
class DaneDenialLoopbackTest {

    private static final String RESOLVER = "127.0.42.1";
    private static final String ZONE = """
            @            SOA ns1.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
            @            NS  ns1.dane.test.
            @            MX  10 mx.dane.test.
            @            MX  20 backup.dane.test.
            ns1          A   127.0.42.2
            mx           A   192.0.2.26
            backup       A   192.0.2.27
            _25._tcp.mx  TXT "no TLSA here"
            """;
    private static final String MX = "_25._tcp.mx.dane.test";
    private static final String BACKUP = "_25._tcp.backup.dane.test";

    private static String proven(String name, String status) {
        return ";; no TLSA record at " + name + " (" + status + "): the signed NSEC/NSEC3 records of dane.test prove"
                + " it (RFC 4035 §5.4)";
    }

    /** The DANE check of dane.test, its zone signed with {@code chain} and then {@code altered}, served as the test asks. */
    private static List<Finding> check(Chain chain, UnaryOperator<List<Record>> altered,
                                       Consumer<TestDnsServer.Builder> serving) throws IOException {
        Key key = Key.ksk("dane.test");
        Instant now = Instant.now();
        List<Record> signed = altered.apply(ZoneSigner.sign("dane.test", ZoneSigner.parse("dane.test", ZONE),
                List.of(key), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), chain));
        TestDnsServer.Builder builder = TestDnsServer.builder()
                .zone("dane.test", ZoneSigner.text(signed) + key.ds() + "\n")
                .resolver(RESOLVER);
        serving.accept(builder);
        try (TestDnsServer dns = builder.start()) {
            return new DaneCheck().run(CheckSetup.of(dns).context("dane.test")).findings();
        }
    }

    private static List<Finding> check(Chain chain) throws IOException {
        return check(chain, UnaryOperator.identity(), b -> { });
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.severity() + " " + f.subject()).toList();
    }

    /** Both hosts' lookups fail, and the evidence says that the proof is missing or does not hold. */
    private static void assertUnproven(List<Finding> findings) {
        assertEquals(List.of("DANE_LOOKUP_FAILED ERROR backup.dane.test", "DANE_LOOKUP_FAILED ERROR mx.dane.test"),
                codes(findings).stream().sorted().toList(), Findings.describe(findings));
        for (Finding f : findings) {
            assertTrue(f.message().contains("is signed and the answer carries no valid signed proof of it"),
                    f.message());
            assertTrue(f.remediation().startsWith("Make every name server of dane.test answer the TLSA question"),
                    f.remediation());
            assertTrue(f.evidence().stream().anyMatch(l -> l.contains("no valid signed proof of it (NSEC/NSEC3 by"
                    + " the keys of dane.test)")), f.evidence().toString());
        }
    }

    @Test
    void aValidNsecOrNsec3ProofMeansNoTlsaRecords() throws IOException {
        for (Chain chain : List.of(Chain.NSEC, Chain.NSEC3)) {
            List<Finding> findings = check(chain);
            assertEquals(List.of("DANE_NONE INFO dane.test"), codes(findings), chain + Findings.describe(findings));
            List<String> evidence = findings.getFirst().evidence();
            assertTrue(evidence.contains(proven(MX, "NODATA")), chain + evidence.toString());
            assertTrue(evidence.contains(proven(BACKUP, "NXDOMAIN")), chain + evidence.toString());
        }
    }

    /**
     * Opt-Out: the NODATA at mx is proven by the NSEC3 record matching the name, whatever its flags (RFC 5155 §8.5);
     * the NXDOMAIN at backup rests on an Opt-Out record covering its next closer name, so the name may lie under an
     * unsigned delegation (RFC 5155 §6): an insecure denial, which validators accept (dnsjava and Unbound alike), and
     * no TLSA records for senders either.
     */
    @Test
    void anOptOutChainProvesTheNameThatExistsAndLeavesTheNameThatDoesNotInsecure() throws IOException {
        List<Finding> findings = check(Chain.NSEC3_OPT_OUT);
        assertEquals(List.of("DANE_NONE INFO dane.test"), codes(findings), Findings.describe(findings));
        List<String> evidence = findings.getFirst().evidence();
        assertTrue(evidence.contains(proven(MX, "NODATA")), evidence.toString());
        assertTrue(evidence.contains(";; no TLSA record at " + BACKUP + " (NXDOMAIN): an NSEC3 record of dane.test"
                + " with the Opt-Out flag covers the name, which may then lie under an unsigned delegation (RFC 5155"
                + " §6): an insecure denial, which validators accept as no records"), evidence.toString());
    }

    @Test
    void aStrippedProofIsALookupFailure() throws IOException {
        for (Chain chain : List.of(Chain.NSEC, Chain.NSEC3)) {
            assertUnproven(check(chain, SignedTree::withoutDenials, b -> { }));
        }
    }

    @Test
    void aProofWhoseSignatureFailsIsALookupFailure() throws IOException {
        assertUnproven(check(Chain.NSEC, r -> SignedTree.breakSignatures(r, Type.NSEC), b -> { }));
        assertUnproven(check(Chain.NSEC3, r -> SignedTree.breakSignatures(r, Type.NSEC3), b -> { }));
    }

    /** Validly signed NSEC/NSEC3 records that prove another name's absence prove nothing about these names. */
    @Test
    void aProofForAnotherNameIsALookupFailure() throws IOException {
        for (Chain chain : List.of(Chain.NSEC, Chain.NSEC3)) {
            assertUnproven(check(chain, UnaryOperator.identity(),
                    b -> b.proofOf(MX, "mx.dane.test").proofOf(BACKUP, "zz.dane.test")));
        }
    }
}
