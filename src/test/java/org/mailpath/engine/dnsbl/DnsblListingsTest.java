package org.mailpath.engine.dnsbl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;

/** The lists a refusal names are worked out once per reply text, whatever the number of listings tried on it. */
class DnsblListingsTest {

    private static final String IP = "13.110.6.221";
    private static final List<String> CLIENT = List.of(IP);
    private static final String SPAMHAUS = "550 5.7.1 Client host [13.110.6.221] blocked using Spamhaus";
    private static final String SPAMCOP = "554 5.7.1 Client host [13.110.6.221] blocked using bl.spamcop.net";
    private static final String NO_LIST = "550 5.7.1 Client host [13.110.6.221] blocked using our own block list";

    /** A DNSBL_LISTED finding of {@link #IP} on {@code zone}, worded as the blocklist check words it. */
    private static Finding listing(String zone) {
        return FindingTexts.of(DnsblZone.class).variant("DNSBL_LISTED", Severity.ERROR, IP, List.of(),
                Actor.SALESFORCE_SUPPORT, "DNSBL_LISTED.message", "DNSBL_LISTED.salesforce.remediation", IP,
                "sending IP named in a bounce", zone, "127.0.0.2", "");
    }

    @Test
    void eachReplyTextIsMatchedAgainstTheListsOnceForAllListings() {
        AtomicInteger matched = new AtomicInteger();
        BiPredicate<DnsblZone, String> counting = (zone, reply) -> {
            matched.incrementAndGet();
            return zone.namedBy(reply);
        };
        DnsblListings.Replies replies = new DnsblListings.Replies(counting);
        List<Finding> listings = List.of(listing("zen.spamhaus.org"), listing("bl.spamcop.net"),
                listing("psbl.surriel.com"), listing("dnsbl.example.net"));
        // six refusals, three texts; a blank reply and another client IP's refusal need no matching
        List<String> refusals = List.of(SPAMHAUS, SPAMCOP, NO_LIST, SPAMHAUS, NO_LIST, SPAMCOP);
        List<Boolean> shared = new ArrayList<>();
        List<Boolean> alone = new ArrayList<>();
        for (Finding l : listings) {
            BiPredicate<List<String>, String> explains = DnsblListings.explainer(l, replies);
            for (String r : refusals) {
                shared.add(explains.test(CLIENT, r));
                alone.add(DnsblListings.explainer(l, new DnsblListings.Replies()).test(CLIENT, r));
            }
            shared.add(explains.test(CLIENT, " "));
            shared.add(explains.test(List.of("13.110.6.222"), SPAMHAUS));
        }
        int defaults = DnsblZone.defaults().size();
        // every default list once per text, the user's zone once per text that names a default list (else unasked)
        assertEquals(3 * defaults + 2, matched.get());
        assertEquals(3, replies.size());
        List<Boolean> sharedOfRefusals = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            sharedOfRefusals.addAll(shared.subList(i * 8, i * 8 + 6));
            assertEquals(List.of(true, false), shared.subList(i * 8 + 6, i * 8 + 8), "blank reply, another IP");
        }
        assertEquals(alone, sharedOfRefusals, "the same answers as a listing with replies of its own");
        assertEquals(List.of(
                true, false, true, true, true, false,       // zen: Spamhaus and no list
                false, true, true, false, true, true,       // SpamCop: SpamCop and no list
                false, false, true, false, true, false,     // PSBL: no list only
                false, false, true, false, true, false),    // a zone the user named: no default list named
                alone);
    }
}
