package org.mailpath.engine.report;

import java.util.List;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/**
 * One cause of failure with one owner and one fix: the bounced and deferred messages whose replies mean the same
 * and ask the same of the same team. A category whose replies differ (a null MX and a failed lookup are both DNS)
 * has a row for each. {@code explanation} completes "… bounced because …" (speaking to the recipient domain's mail
 * team in a report addressed to it: "your servers refused …"); {@code meaning} is what the replies
 * said, in the knowledge base's words (empty without a diagnosis); {@code domains} are the recipient domains of
 * the messages and {@code rules} the knowledge-base rules that matched their replies. {@code mailTeamMeaning} and
 * {@code mailTeamRemediation} are the meaning and the fix as the recipient domain's mail team reads them (as
 * {@link MessageEntry#mailTeamExplanation} and {@link MessageEntry#mailTeamRemediation} choose them): the meaning in
 * a report addressed to that team only ({@link ReportModel#addressedToMailTeam}), the fix in the report on several
 * domains too, which those teams read as well. {@code basicCodeOnly}: the row's replies were diagnosed from their basic code alone, so
 * its label and its words in the conclusion are hedged ({@link MessageEntry#basicCodeOnly}, decided once by the
 * builder); added last, and kept out of the JSON, whose label says it. {@code stoppedBy} is who must act on what
 * stopped the row's messages, as their replies (or what the DNS checks found) say: {@code actor} but for a stale
 * deferral, whose row names our admin for its missing outcome ({@link MissingOutcome}) while its reply's side still
 * owns what stopped it; kept out of the JSON, whose {@code actor} says who acts on the row. {@code likelyTypo}: the
 * row's messages go to a domain one typing slip from one the log delivered to ({@link LikelyTypos}), so our admin
 * ({@code actor}) checks the address first and, if it is right, the reply's side ({@code stoppedBy}) acts; kept out
 * of the JSON, whose remediation says it in its note. {@code ourSideWords}: the row's replies are our side's to act on
 * in a category with words for our side ({@link ReportTexts.CauseWords#ours}, chosen with its explanation), so the
 * conclusion counts them apart in those words; added last, and kept out of the JSON, whose {@code actor} says who acts.
 */
public record CauseRow(Category category, String label, long bounced, long deferred, Actor actor,
                       String explanation, String remediation, String meaning, List<String> domains,
                       List<String> rules, String mailTeamMeaning, String mailTeamRemediation,
                       boolean basicCodeOnly, Actor stoppedBy, boolean likelyTypo, boolean ourSideWords) {

    /**
     * A row whose replies were not diagnosed from their basic code alone and whose actor also owns what stopped its
     * messages (no stale deferral among them).
     */
    public CauseRow(Category category, String label, long bounced, long deferred, Actor actor, String explanation,
                    String remediation, String meaning, List<String> domains, List<String> rules,
                    String mailTeamMeaning, String mailTeamRemediation) {
        this(category, label, bounced, deferred, actor, explanation, remediation, meaning, domains, rules,
                mailTeamMeaning, mailTeamRemediation, false, actor, false, false);
    }

    public CauseRow {
        domains = List.copyOf(domains);
        rules = List.copyOf(rules);
    }

    public long total() {
        return bounced + deferred;
    }
}
