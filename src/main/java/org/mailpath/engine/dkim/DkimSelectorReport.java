package org.mailpath.engine.dkim;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * The result for one DKIM selector, for the UI's DKIM step and the check. {@code cnameTarget} is the CNAME at the
 * selector name (for Salesforce {@code <selector>.<token>.custdkim.salesforce.com}); {@code keyType} "rsa" or
 * "ed25519"; {@code recordsToPublish} zone-file lines the admin should publish to fix the findings.
 */
public record DkimSelectorReport(String selector, String name, DkimSelectorState state, Optional<String> cnameTarget,
                                 boolean salesforce, Optional<String> keyType, OptionalInt keyBits, boolean testing,
                                 List<String> recordsToPublish, List<Finding> findings) {

    public DkimSelectorReport {
        recordsToPublish = List.copyOf(recordsToPublish);
        findings = List.copyOf(findings);
    }

    /**
     * The findings of every selector, in the selectors' order: what the DKIM check reports, and what the app's DKIM
     * step hands on in that check's place, so the two stay the same.
     */
    public static List<Finding> findingsOf(List<DkimSelectorReport> reports) {
        return reports.stream().flatMap(r -> r.findings().stream()).toList();
    }

    /** The most severe finding of this selector (for a status icon); OK when there is none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).min(java.util.Comparator.naturalOrder()).orElse(Severity.OK);
    }

    /** This report without its findings of {@code code}: for a finding that a later judgement replaces. */
    DkimSelectorReport without(String code) {
        return new DkimSelectorReport(selector, name, state, cnameTarget, salesforce, keyType, keyBits, testing,
                recordsToPublish, findings.stream().filter(f -> !f.code().equals(code)).toList());
    }

    DkimSelectorReport with(List<String> records, List<Finding> moreFindings) {
        List<String> r = new java.util.ArrayList<>(recordsToPublish);
        r.addAll(records);
        List<Finding> f = new java.util.ArrayList<>(findings);
        f.addAll(moreFindings);
        return new DkimSelectorReport(selector, name, state, cnameTarget, salesforce, keyType, keyBits, testing, r, f);
    }
}
