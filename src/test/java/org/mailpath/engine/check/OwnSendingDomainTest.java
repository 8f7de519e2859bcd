package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;

/** Our sending domain of a message, as the DNS checks, the SPF check's reading of the log and the app take it. */
class OwnSendingDomainTest {

    private static MessageChain sentAs(String sender) {
        return TestChains.chain("<1@x>", "i1", "a@r.example", sender, "005", List.of(), Verdict.DELIVERED, 0, "",
                Optional.empty(), Optional.empty());
    }

    @Test
    void bounceManagementEnvelopesAndTheUsersOwnAddressesGiveTheirDomain() {
        assertEquals(Optional.of("acme.example"),
                OwnSendingDomain.of(sentAs("user=acme.example__0a1b@x1y2.bnc.salesforce.com")));
        assertEquals(Optional.of("acme.example"),
                OwnSendingDomain.of(sentAs("Bounces <user=Acme.Example__0a1b@x1y2.bnc.salesforce.com>")));
        assertEquals(Optional.of("acme.example"), OwnSendingDomain.of(sentAs("Support@ACME.example")));
        assertEquals(Optional.of("acme.example"), OwnSendingDomain.of(sentAs("Mary Jones <mary.jones@acme.example>")));
        assertEquals(Optional.of("xn--bcher-kva.example"), OwnSendingDomain.of(sentAs("info@bücher.example")));
        // a subdomain that merely ends in the name is no subdomain of it
        assertEquals(Optional.of("notsalesforce.com"), OwnSendingDomain.of(sentAs("u@notsalesforce.com")));
    }

    @Test
    void salesforcesOwnAddressesAreNotOurs() {
        for (String sender : List.of("noreply@salesforce.com", "no-bounce-tag@x1y2.bnc.salesforce.com",
                "Salesforce <support@EMEA.Salesforce.com>", "user=salesforce.com__0a1b@x1y2.bnc.salesforce.com")) {
            assertEquals(Optional.empty(), OwnSendingDomain.of(sentAs(sender)), sender);
            assertTrue(OwnSendingDomain.salesforcesOwn(sentAs(sender)), sender);
        }
        assertFalse(OwnSendingDomain.salesforcesOwn(sentAs("user=acme.example__0a1b@x1y2.bnc.salesforce.com")));
        assertFalse(OwnSendingDomain.salesforcesOwn(sentAs("u@notsalesforce.com")));
    }

    /** A Bounce Management envelope carrying no domain name with a dot names nothing to check. */
    @Test
    void aSenderThatNamesNoDomainToCheckHasNone() {
        for (String sender : List.of("not an address", "", "mary@[192.0.2.1]",
                "user=localhost__0a1b@x1y2.bnc.salesforce.com", "user=acme example__0a1b@x1y2.bnc.salesforce.com")) {
            assertEquals(Optional.empty(), OwnSendingDomain.of(sentAs(sender)), sender);
            assertFalse(OwnSendingDomain.salesforcesOwn(sentAs(sender)), sender);
        }
    }
}
