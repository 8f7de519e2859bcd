package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * The postmaster review: for "v=spf1 ~all include:_spf.salesforce.com" SPF_UNREACHABLE_TERMS said "Move them before
 * "~all" or remove them" beside SPF_SALESFORCE_INCLUDE_MISSING's "Move include:_spf.salesforce.com before ~all".
 * Removed, the include would leave Salesforce's servers unauthorized: it is offered for moving only, while the other
 * terms after "all" keep "or remove them". And SPF_SALESFORCE's words without Bounce Management, shown on our own side
 * of a report addressed to a recipient's mail team, said "your own address", which that team reads as theirs.
 */
class SalesforceTermNeverRemovedTest {

    private static final String SALESFORCE = "_spf.salesforce.com. TXT \"v=spf1 ip4:13.108.0.0/14 -all\"\n";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private static List<Finding> check(String record) {
        return FakeDns.of("example.com. TXT \"" + record + "\"\n" + SALESFORCE).run(
                new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com", CheckOptions.defaults());
    }

    @Test
    void theSalesforceIncludeAfterAllIsToBeMovedNotRemoved() {
        Finding f = single(check("v=spf1 ~all include:_spf.salesforce.com"), "SPF_UNREACHABLE_TERMS",
                Severity.WARNING);
        assertEquals("Move \"include:_spf.salesforce.com\" before \"~all\"; do not remove it: it is what authorizes"
                + " Salesforce's servers to send as example.com.", f.remediation());
        assertFalse(f.remediation().contains("or remove"), f.remediation());
        assertEquals("Flytta \"include:_spf.salesforce.com\" före \"~all\"; ta inte bort den: det är den som godkänner"
                + " Salesforces servrar att skicka som example.com.", f.remediation(SWEDISH));
    }

    @Test
    void otherTermsBesideItMayStillBeRemoved() {
        Finding f = single(check("v=spf1 -all ip4:192.0.2.1 include:_spf.salesforce.com"), "SPF_UNREACHABLE_TERMS",
                Severity.WARNING);
        assertEquals("Move \"include:_spf.salesforce.com\" before \"-all\"; do not remove it: it is what authorizes"
                + " Salesforce's servers to send as example.com. Move the other terms before \"-all\" too, or remove"
                + " them.", f.remediation());
        assertTrue(f.remediation(SWEDISH).contains("ta inte bort den"), f.remediation(SWEDISH));
        // without the include after "all", as before
        assertEquals("Move them before \"-all\" or remove them.",
                single(check("v=spf1 include:_spf.salesforce.com -all ip4:192.0.2.1"), "SPF_UNREACHABLE_TERMS")
                        .remediation());
    }

    /** A redirect to Salesforce beside "-all": replaced by an include if "-all" is meant, never only removed. */
    @Test
    void aRedirectToSalesforceBesideAllIsReplacedNotRemoved() {
        Finding f = single(check("v=spf1 redirect=_spf.salesforce.com -all"), "SPF_UNREACHABLE_TERMS",
                Severity.WARNING);
        assertEquals("Remove \"-all\" if the redirect is to decide for the servers no other term matches, or, if"
                + " \"-all\" is meant, write \"include:_spf.salesforce.com\" before \"-all\" in place of"
                + " \"redirect=_spf.salesforce.com\": removed without it, nothing in the record would authorize"
                + " Salesforce's servers.", f.remediation());
        assertTrue(f.remediation(SWEDISH).contains("i stället för"), f.remediation(SWEDISH));
    }

    /** The words read right to our admin and to a recipient's mail team alike: the sender's own address. */
    @Test
    void withoutBounceManagementTheEnvelopeSenderIsTheSendersNotYours() {
        Finding state = single(check("v=spf1 ip4:192.0.2.1 -all"), "SPF_SALESFORCE");
        assertTrue(state.message().contains("Without Bounce Management Salesforce sends with the sender's own address"
                + " (the From address) as envelope sender, so the SPF of example.com must include"
                + " _spf.salesforce.com."), state.message());
        assertTrue(state.message(SWEDISH).contains("med avsändarens egen adress (From-adressen) som kuvertavsändare"),
                state.message(SWEDISH));
        Finding noMail = single(FakeDns.of("example.com. TXT \"v=spf1 -all\"\n").run(
                new SpfCheck(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), "example.com", CheckOptions.defaults()),
                "SPF_SALESFORCE_INCLUDE_MISSING");
        for (String message : List.of(state.message(), noMail.message())) {
            assertFalse(message.contains("your"), message);
        }
        for (String message : List.of(state.message(SWEDISH), noMail.message(SWEDISH))) {
            assertFalse(message.contains(" er "), message);
        }
    }
}
