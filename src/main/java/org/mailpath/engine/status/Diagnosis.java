package org.mailpath.engine.status;

import org.mailpath.engine.finding.Actor;

/**
 * What an SMTP reply means: its category, a plain-language explanation, what to do and who must do it.
 * {@code ruleId} names the knowledge-base rule that matched (for tests and for "why this verdict").
 */
public record Diagnosis(Category category, String explanation, String remediation, Actor actor, String ruleId) {
}
