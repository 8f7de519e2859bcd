package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The DNS names a finding is about are data every copy keeps; a finding made without them is about its subject. */
class FindingDnsNamesTest {

    private static final List<String> ZONES = List.of("zen.spamhaus.org", "bl.spamcop.net");

    private static final Finding ABOUT_ZONES = new Finding("DNS_TIMEOUT", Severity.WARNING,
            "zen.spamhaus.org, bl.spamcop.net", "Lookups timed out.", List.of(";; answer"), "Check the resolver.",
            Actor.LOCAL_NETWORK).withDnsNames(ZONES);

    @Test
    void everyCopyKeepsTheNames() {
        LocalText words = new LocalText("org.mailpath.engine.dns.findings", "brokenResolver.remediation", List.of());
        List<UnaryOperator<Finding>> copies = List.of(f -> f.withSeverity(Severity.ERROR),
                f -> f.withEvidence(List.of()), f -> f.withActor(Actor.SENDER_ADMIN), f -> f.withMessage(words),
                f -> f.withRemediation(words, Actor.NOBODY), f -> f.withRemediation("Other advice.", Actor.NOBODY),
                f -> f.withMailTeamRemediation(words), Finding::forApp, f -> f.withMailTeamRemediationShown("x"));
        for (UnaryOperator<Finding> copy : copies) {
            assertEquals(ZONES, copy.apply(ABOUT_ZONES).dnsNames());
            assertEquals(ZONES, copy.apply(ABOUT_ZONES).namesAbout());
        }
    }

    @Test
    void aFindingMadeWithoutNamesIsAboutItsSubjectTakenWhole() {
        Finding plain = new Finding("DNS_TIMEOUT", Severity.WARNING, "zen.spamhaus.org, bl.spamcop.net", "m",
                List.of(), "r", Actor.LOCAL_NETWORK);
        assertEquals(List.of(), plain.dnsNames());
        assertEquals(List.of("zen.spamhaus.org, bl.spamcop.net"), plain.namesAbout());
        assertEquals(List.of(), new Finding("X", Severity.INFO, "", "m", List.of(), "", Actor.NOBODY).namesAbout());
    }
}
