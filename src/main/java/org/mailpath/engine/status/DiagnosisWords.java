package org.mailpath.engine.status;

import java.util.Locale;
import org.mailpath.engine.finding.Localizable;

/**
 * A diagnosis's explanation or remediation as words a finding can quote in the user's language (the SMTP probe
 * quotes what a refused recipient means). English is {@link #toString()}.
 */
public record DiagnosisWords(Diagnosis diagnosis, Part part) implements Localizable {

    /** Which of the diagnosis's texts. */
    public enum Part { EXPLANATION, REMEDIATION }

    @Override
    public String in(Locale locale) {
        return part == Part.EXPLANATION ? diagnosis.explanation(locale) : diagnosis.remediation(locale);
    }

    @Override
    public String toString() {
        return part == Part.EXPLANATION ? diagnosis.explanation() : diagnosis.remediation();
    }
}
