package org.mailpath.engine.spf;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/** The problems an SPF record's text shows itself: +all, ?all, no all, ptr, terms after all, a redirect beside all. */
final class SpfRecordReview {

    private SpfRecordReview() {
    }

    static void review(SpfRecord record, String domain, boolean top, List<String> evidence, SpfProblems problems) {
        Optional<SpfMechanism> all = record.all();
        if (all.isPresent() && all.get().qualifier() == SpfQualifier.PASS) {
            problems.add("SPF_PLUS_ALL", Severity.ERROR, domain, text(top ? "SPF_PLUS_ALL.message"
                    : "SPF_PLUS_ALL.included.message", all.get().text(), domain), text("SPF_PLUS_ALL.remediation"),
                    evidence);
        }
        if (top && all.isPresent() && all.get().qualifier() == SpfQualifier.NEUTRAL) {
            problems.add("SPF_NEUTRAL_ALL", Severity.WARNING, domain, text("SPF_NEUTRAL_ALL.message", domain),
                    text("SPF_NEUTRAL_ALL.remediation"), evidence);
        }
        if (top && all.isEmpty() && record.redirect().isEmpty()) {
            problems.add("SPF_NO_ALL", Severity.WARNING, domain, text("SPF_NO_ALL.message", domain),
                    text("SPF_NO_ALL.remediation"), evidence);
        }
        for (SpfMechanism m : record.mechanisms()) {
            if (m.type() == SpfMechanism.Type.PTR) {
                problems.add("SPF_PTR", Severity.WARNING, domain, text("SPF_PTR.message", m.text(), domain),
                        text("SPF_PTR.remediation"), evidence);
            }
        }
        if (all.isPresent()) {
            int index = record.terms().indexOf(all.get());
            List<SpfTerm> afterTerms = record.terms().subList(index + 1, record.terms().size()).stream()
                    .filter(t -> !(t instanceof SpfModifier mod) || mod.name().equalsIgnoreCase("redirect"))
                    .toList();
            List<String> after = afterTerms.stream().map(SpfTerm::text).toList();
            if (!after.isEmpty()) {
                problems.add("SPF_UNREACHABLE_TERMS", Severity.WARNING, domain, text("SPF_UNREACHABLE_TERMS.message",
                        domain, DnsText.joinText(after, " ")), unreachedFix(afterTerms, all.get().text(), domain),
                        evidence);
            }
            // RFC 7208 §5.1: "Any "redirect" modifier (Section 6.1) MUST be ignored when there is an "all" mechanism
            // in the record, regardless of the relative ordering of the terms" (one after "all" is listed above)
            record.redirect().filter(r -> record.terms().indexOf(r) < index).ifPresent(r -> problems.add(
                    "SPF_UNREACHABLE_TERMS", Severity.WARNING, domain, text("SPF_UNREACHABLE_TERMS.redirect.message",
                            domain, r.text(), all.get().text()),
                    namesSalesforce(r) ? text("SPF_UNREACHABLE_TERMS.redirect.salesforce.remediation",
                            all.get().text(), r.text(), SpfCheck.SALESFORCE_INCLUDE)
                            : text("SPF_UNREACHABLE_TERMS.redirect.remediation", all.get().text(), r.text()),
                    evidence));
        }
    }

    /**
     * The fix of terms after "all": move them before it or remove them, except the include of Salesforce among them,
     * which is to be moved only: removed, it would leave Salesforce's servers unauthorized (the postmaster review:
     * "v=spf1 ~all include:_spf.salesforce.com" was told "Move them before "~all" or remove them").
     */
    private static LocalText unreachedFix(List<SpfTerm> after, String all, String domain) {
        List<String> salesforce = after.stream().filter(SpfRecordReview::namesSalesforce).map(SpfTerm::text).toList();
        if (salesforce.isEmpty()) {
            return text("SPF_UNREACHABLE_TERMS.remediation", all);
        }
        return text(salesforce.size() == after.size() ? "SPF_UNREACHABLE_TERMS.salesforce.remediation"
                : "SPF_UNREACHABLE_TERMS.salesforceAndOthers.remediation", all, DnsText.joinText(salesforce, " "),
                domain);
    }

    /** An include of, or a redirect to, Salesforce's SPF record (_spf.salesforce.com), whatever its qualifier. */
    private static boolean namesSalesforce(SpfTerm term) {
        return DnsNames.relative(writtenTarget(term)).equalsIgnoreCase(SpfCheck.SALESFORCE_INCLUDE);
    }

    /**
     * The target an include or a redirect names, as written (macros unexpanded, case and a trailing dot kept: each
     * caller reads it its own way); "" for any other term. {@link SpfTermTargets#target} is the name a mechanism's
     * evaluation asks, expanded.
     */
    static String writtenTarget(SpfTerm term) {
        return switch (term) {
            case SpfMechanism m when m.type() == SpfMechanism.Type.INCLUDE -> m.domainSpec();
            case SpfModifier mod when mod.name().equalsIgnoreCase("redirect") -> mod.value();
            default -> "";
        };
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
