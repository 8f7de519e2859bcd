package org.mailpath.engine.report;

import java.util.Optional;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;

/**
 * A message's words as its entry and its row of the causes table have them: what it means and what to do, for
 * our admin and for the recipient's mail team, and who must act; redacted as {@link Redactor#ourText} does.
 */
record MessageWords(String explanation, String remediation, Actor actor, String mailTeamExplanation,
                    String mailTeamRemediation, boolean basicCodeOnly, DomainFactUse fact, String cause,
                    Optional<MessageChain.SharedWords> shared, Actor stoppedBy, boolean likelyTypo,
                    boolean ourSideWords) {
}
