package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportTexts;

class ActorWordsTest {

    @Test
    void theTextOutputsNameWhoMustActInTheReportsWords() {
        for (Actor actor : Actor.values()) {
            assertEquals(ReportTexts.english().actor(actor), ActorWords.heading(actor), actor.name());
        }
        assertEquals("Our Salesforce admin", ActorWords.heading(Actor.SENDER_ADMIN));
        assertEquals("Recipient's mail team", ActorWords.heading(Actor.RECIPIENT_MAIL_TEAM));
        assertEquals("No action needed", ActorWords.heading(Actor.NOBODY));
    }

    @Test
    void insideWhatToDoTheWordsBeginSmallButSalesforceKeepsItsCapital() {
        assertEquals("our Salesforce admin", ActorWords.inLine(Actor.SENDER_ADMIN));
        assertEquals("recipient's mail team", ActorWords.inLine(Actor.RECIPIENT_MAIL_TEAM));
        assertEquals("Salesforce support", ActorWords.inLine(Actor.SALESFORCE_SUPPORT));
        assertEquals("our local network", ActorWords.inLine(Actor.LOCAL_NETWORK));
        // a step nobody must take is optional, not "no action needed"
        assertEquals("optional", ActorWords.inLine(Actor.NOBODY));
    }
}
