package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.Type;

/** Answers that are legal but hostile in size or shape, from the loopback test DNS server. */
class HostileAnswerTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b.zone("thousands.test", many()).zone("chain.test", chain())
            .resolver("127.0.7.3"));

    private static String many() {
        StringBuilder many = new StringBuilder("@ SOA ns.x. h.x. 1 1 1 1 1\n");
        for (int i = 0; i < 3000; i++) {
            many.append("@ A 10.").append(i / 250).append('.').append(i % 250).append(".1\n");
        }
        return many.toString();
    }

    private static String chain() {
        StringBuilder chain = new StringBuilder("@ SOA ns.x. h.x. 1 1 1 1 1\n");
        for (int i = 0; i < 20; i++) {
            chain.append('c').append(i).append(" CNAME c").append(i + 1).append('\n');
        }
        chain.append("c20 TXT \"v=spf1 -all\"\n");
        return chain.toString();
    }

    private static DnsAnswer ask(String name, int type) {
        return DNS.lookup(Duration.ofSeconds(5)).lookup(name, type, Cancellation.none());
    }

    @Test
    void thousandsOfRecordsAreKeptButQuotedBounded() {
        DnsAnswer a = ask("thousands.test", Type.A);
        assertEquals(DnsStatus.OK, a.status(), a.detail());
        assertEquals(3000, a.records().size());
        List<String> evidence = a.evidence();
        assertEquals(1 + DnsAnswer.MAX_EVIDENCE_RECORDS + 1, evidence.size());
        assertEquals(";; … 2950 more records", evidence.getLast());
    }

    @Test
    void aFailedLookupSaysWhyInTheMessageNotOnlyInTheEvidence() {
        DnsAnswer a = ask("c0.chain.test", Type.TXT);
        assertEquals(DnsStatus.ERROR, a.status());
        Finding f = DnsAnswers.lookupFailed(a, "the SPF record could not be read", Actor.SENDER_ADMIN);
        assertEquals("DNS_LOOKUP_FAILED", f.code());
        assertTrue(f.message().contains("failed (ERROR: CNAME chain longer than 12)"), f.message());
    }
}
