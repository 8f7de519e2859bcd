package org.mailpath.report;

import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.ReportModel;

/** A row of the causes table in the reader's words: who must act, what to do, what its replies meant. */
final class CauseRowWording {

    private final ReportWording words;

    CauseRowWording(ReportWording words) {
        this.words = words;
    }

    /**
     * Who must act about a cause row, as the causes table names them to the report's reader: in a report addressed
     * to the recipient domain's mail team ({@link ReportModel#addressedToMailTeam}) that team is "Your mail team", as
     * the labels of its messages call it; the other sides are named as ours already ("Our Salesforce admin").
     */
    String actor(ReportModel model, CauseRow r) {
        // a likely typo: our admin checks the address first; if it is right, the reply's side must act
        if (likelyTypo(r)) {
            return words.get(model.addressedToMailTeam() ? "actor.you.likelyTypo" : "actor.likelyTypo");
        }
        // ours to send again, but what stopped the messages is theirs (their servers kept deferring until Salesforce
        // gave up): both sides, as the row's fix and its messages ask the team to look into it. Such a row's
        // messages all bounced; a stale deferral's row (ours for its missing outcome alone) stays our admin's
        if (r.actor() == Actor.SENDER_ADMIN && r.stoppedBy() == Actor.RECIPIENT_MAIL_TEAM && r.deferred() == 0) {
            return words.get(model.addressedToMailTeam() ? "actor.you.stoppedByRecipient" : "actor.stoppedByRecipient");
        }
        // otherwise as a finding's card names them: the one rule for "Your mail team"
        return words.findingActor(model, r.actor());
    }

    /**
     * What to do about a cause row as the causes table of {@code model} says it. The report not addressed to one
     * domain's team is for the recipients' mail teams and our own administrators alike ({@link
     * ReportWording#subtitle}): a row whose cause is on our side (our admin, our network, Salesforce's support) says so
     * in the third person ({@code causeFix.ours.ACTOR}: "for our Salesforce admin to correct; nothing is needed on the
     * recipient's side"), not in our admin's instructions, which spoke to the reader ("Look at your own sending",
     * Swedish "Se över era egna utskick") as if every reader were our admin ({@link #tableFix} adds them, labelled as
     * our admin's); the JSON and CSV keep those. A row on the recipient's side has that team's words ({@link
     * ReportWording#causeFix(CauseRow)}), as its messages do: our admin's spoke of the team in the third person ("ask
     * the recipient's mail team which rule matched") to a reader who is that team. In a report addressed to one team,
     * {@link ReportWording#causeFix(CauseRow)}.
     */
    String fix(ReportModel model, CauseRow r) {
        if (!saidOfOurSide(model, r)) {
            return ReportWording.causeFix(r);
        }
        // ours to act on, but what stopped the messages is the recipient's (their servers kept deferring until
        // Salesforce gave up; a stale deferral's reply): "nothing is needed on the recipient's side" would be untrue
        return words.get(likelyTypo(r) ? "causeFix.ours.likelyTypo"
                : r.stoppedBy() == Actor.RECIPIENT_MAIL_TEAM ? "causeFix.ours.stoppedByRecipient"
                : "causeFix.ours." + r.actor().name());
    }

    /**
     * What to do about a cause row in the causes table of the PDF and HTML: {@link #fix(ReportModel, CauseRow)},
     * and for a cause said of our side, then our admin's own fix under a label that names our admin ("Our admin's
     * fix: …"): our admin reads this report too and keeps the concrete fix, which no longer reads as spoken to every
     * reader. Its "your" becomes "our" ({@link OurVoice}): beside rows for the recipient's mail team, "your org" read
     * as theirs. A row Salesforce support acts on labels the steps as how our admin takes it up with them, not as our
     * admin's fix, which contradicted the row's actor. The text note, written for the mail teams, leaves it out.
     */
    String tableFix(ReportModel model, CauseRow r) {
        return saidOfOurSide(model, r)
                ? fix(model, r) + " " + words.format(r.actor() == Actor.SALESFORCE_SUPPORT
                        ? "causeFix.ours.adminFix.SALESFORCE_SUPPORT" : "causeFix.ours.adminFix",
                        OurVoice.of(r.remediation(), words.language())) : fix(model, r);
    }

    /**
     * What a cause row's replies meant, under its label: the knowledge base's words (for the mail team, in a report
     * addressed to it), or without them a sentence made of its explanation, which only completes "… because …" ("of
     * a reason the log does not make clear").
     */
    String meaning(CauseRow r) {
        if (!r.mailTeamMeaning().isEmpty()) {
            return r.mailTeamMeaning();
        }
        if (!r.meaning().isEmpty()) {
            return r.meaning();
        }
        String key = r.deferred() == 0 ? "cause.alone.bounced"
                : r.bounced() == 0 ? "cause.alone.deferred" : "cause.alone.both";
        return words.format(key, r.explanation());
    }

    /**
     * A row of messages to a domain one typing slip from one delivered to ({@link CauseRow#likelyTypo}) that our
     * admin acts on first while, if the address is right, what stopped them is the recipient's side's: both are
     * named, in that order. Such a row's actor is always our admin (ReportBuilder sets it from
     * {@code LikelyTypos.firstActor}), so only who stopped the messages is asked.
     */
    private static boolean likelyTypo(CauseRow r) {
        return r.likelyTypo() && r.stoppedBy() == Actor.RECIPIENT_MAIL_TEAM;
    }

    private static boolean saidOfOurSide(ReportModel model, CauseRow r) {
        boolean ours = r.actor() == Actor.SENDER_ADMIN || r.actor() == Actor.LOCAL_NETWORK
                || r.actor() == Actor.SALESFORCE_SUPPORT;
        return !model.addressedToMailTeam() && ours && !r.remediation().isEmpty();
    }
}
