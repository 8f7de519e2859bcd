package org.mailpath.cli;

import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportTexts;

/**
 * Who must act, as the command line's text output names them: in the reports' own words ({@code actor.*} in
 * {@code report-text.properties}), so {@code check}, {@code probe}, {@code analyze} and the reports cannot name the
 * same person differently. The JSON outputs keep the {@link Actor} names.
 */
final class ActorWords {

    private ActorWords() {
    }

    /** As a heading or a line begins with it: {@code Our Salesforce admin}, {@code Recipient's mail team}. */
    static String heading(Actor actor) {
        return ReportTexts.english().actor(actor);
    }

    /**
     * Inside "What to do (…):": {@code our Salesforce admin}, {@code recipient's mail team}, {@code Salesforce
     * support}, the headings' words in a sentence (a proper name keeps its capital). A finding that needs nobody's
     * action may still say how to learn more (give --ip): that is optional, not a task for "no action needed".
     * Written here, not in the reports' bundle: no report says who must act inside a sentence (they say "On our side
     * (our Salesforce admin)" in phrases of their own), and the command line is English only, so a translation of
     * these words would have no reader.
     */
    static String inLine(Actor actor) {
        return switch (actor) {
            case SENDER_ADMIN -> "our Salesforce admin";
            case RECIPIENT_MAIL_TEAM -> "recipient's mail team";
            case SALESFORCE_SUPPORT -> "Salesforce support";
            case LOCAL_NETWORK -> "our local network";
            case NOBODY -> "optional";
        };
    }
}
