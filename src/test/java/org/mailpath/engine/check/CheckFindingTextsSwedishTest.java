package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.ExistenceCheck;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mx.MxCheck;
import org.mailpath.testing.BrokenCheck;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** The runner's own findings, and the failures it says once, are worded in the user's language too. */
class CheckFindingTextsSwedishTest {

    private static final Locale SWEDISH = Locale.of("sv");

    private static List<Finding> run(FakeDns dns, List<DomainCheck> checks, CheckKind... kinds) {
        return new ConcurrentDomainChecker(checks, o -> dns).check(
                List.of(new CheckRequest("example.com", EnumSet.copyOf(List.of(kinds)))), CheckOptions.defaults(),
                CheckListener.NONE, Cancellation.none()).domains().getFirst().findings();
    }

    @Test
    void aCheckThatFailedIsSaidInSwedish() {
        DomainCheck broken = new BrokenCheck(CheckKind.MX, "boom");
        Finding f = run(FakeDns.of(""), List.of(broken), CheckKind.MX).getFirst();
        assertEquals("CHECK_FAILED", f.code());
        assertEquals("The MX check of example.com could not finish because of a fault in MailPath.", f.message());
        assertEquals("MX-kontrollen av example.com kunde inte slutföras på grund av ett fel i MailPath.",
                f.message(SWEDISH));
        assertEquals("De andra kontrollerna är klara. Rapportera gärna felet, tillsammans med underlaget.",
                f.remediation(SWEDISH));
    }

    @Test
    void timeoutsSaidOnceKeepTheirSwedishTextsAndAdvice() {
        FakeDns dns = FakeDns.of("").fail("example.com.", Type.SOA, DnsStatus.TIMEOUT)
                .fail("example.com.", Type.MX, DnsStatus.TIMEOUT);
        List<Finding> findings = run(dns, List.of(new ExistenceCheck(), new MxCheck()), CheckKind.EXISTENCE,
                CheckKind.MX);
        assertEquals(1, findings.size(), findings.toString());
        Finding once = findings.getFirst();
        assertEquals("DNS_TIMEOUT", once.code());
        assertEquals("2 DNS questions got no answer within the time allowed (example.com), so the checks that needed"
                + " them are incomplete; the evidence lists each question and what it was for.", once.message());
        assertEquals("2 DNS-frågor fick inget svar inom den tillåtna tiden (example.com), så de kontroller som behövde"
                + " dem är ofullständiga. Underlaget visar varje fråga och vad den skulle användas till.",
                once.message(SWEDISH));
        assertTrue(once.remediation().startsWith("Try again;"), once.remediation());
        assertTrue(once.remediation(SWEDISH).startsWith("Försök igen."), once.remediation(SWEDISH));
    }
}
