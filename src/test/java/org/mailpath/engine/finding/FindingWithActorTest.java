package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingWithActorTest {

    private static final Locale SWEDISH = Locale.of("sv");

    @Test
    void onlyTheActorChangesTheTextsInEveryLanguageStay() {
        FindingTexts mx = FindingTexts.of("org.mailpath.engine.mx.findings");
        Finding f = mx.finding("MX_NULL", Severity.ERROR, "nullmx.example", List.of("nullmx.example. 300 IN MX 0 ."),
                Actor.RECIPIENT_MAIL_TEAM, "MX_NULL.alone", "nullmx.example");

        Finding moved = f.withActor(Actor.SENDER_ADMIN);

        assertEquals(Actor.SENDER_ADMIN, moved.actor());
        assertTrue(moved.mailTeamRemediation(SWEDISH).isPresent(), "words for the mail team kept");
        assertEquals(new Finding(f.code(), f.severity(), f.subject(), f.message(), f.evidence(), f.remediation(),
                Actor.SENDER_ADMIN, f.messageText(), f.remediationText(), f.mailTeamRemediation(),
                f.mailTeamRemediationText()), moved);
        assertEquals(f.message(SWEDISH), moved.message(SWEDISH));
        assertEquals(f.remediation(SWEDISH), moved.remediation(SWEDISH));
        assertEquals(f.mailTeamRemediation(SWEDISH), moved.mailTeamRemediation(SWEDISH));
    }
}
