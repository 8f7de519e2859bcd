package org.mailpath.engine.status;

import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.finding.Localizable;

/**
 * A diagnosis's explanation or remediation as words a finding can quote in the user's language (the SMTP probe
 * quotes what a refused recipient means). English is {@link #toString()}.
 */
public record DiagnosisWords(Diagnosis diagnosis, Part part) implements Localizable {

    /** Which of the diagnosis's texts. */
    public enum Part { EXPLANATION, REMEDIATION, MAIL_TEAM_REMEDIATION }

    @Override
    public String in(Locale locale) {
        return switch (part) {
            case EXPLANATION -> diagnosis.explanation(locale);
            case REMEDIATION -> diagnosis.remediation(locale);
            case MAIL_TEAM_REMEDIATION -> diagnosis.mailTeamRemediation(locale)
                    .orElseGet(() -> diagnosis.remediation(locale));
        };
    }

    /** The remediation's words for the recipient's mail team, where the knowledge base has them. */
    @Override
    public Optional<Localizable> forMailTeam() {
        return part == Part.REMEDIATION && diagnosis.mailTeamRemediation().isPresent()
                ? Optional.of(new DiagnosisWords(diagnosis, Part.MAIL_TEAM_REMEDIATION)) : Optional.empty();
    }

    @Override
    public String toString() {
        return switch (part) {
            case EXPLANATION -> diagnosis.explanation();
            case REMEDIATION -> diagnosis.remediation();
            case MAIL_TEAM_REMEDIATION -> diagnosis.mailTeamRemediation().orElseGet(diagnosis::remediation);
        };
    }
}
