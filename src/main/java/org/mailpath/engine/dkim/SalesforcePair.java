package org.mailpath.engine.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/**
 * Salesforce publishes a DKIM key pair (selector and alternate selector, for rotation) and asks for one CNAME per
 * selector, {@code <selector>._domainkey.<domain> CNAME <selector>.<token>.custdkim.salesforce.com.}; the key
 * cannot be activated until both resolve (Salesforce KB 000391930). Once one selector is seen pointing at Salesforce,
 * the other selectors are judged as its partners: missing, published as a copied TXT instead of the CNAME, or a CNAME
 * to the other selector's target (both then serve one key, and signatures fail once Salesforce rotates).
 */
final class SalesforcePair {

    private SalesforcePair() {
    }

    static List<DkimSelectorReport> review(String domain, List<DkimSelectorReport> reports, DnsLookup dns,
                                           Cancellation cancellation) {
        Optional<Matcher> salesforce = reports.stream().filter(DkimSelectorReport::salesforce)
                .flatMap(r -> r.cnameTarget().flatMap(DkimInspector::salesforceTarget).stream()).findFirst();
        if (salesforce.isEmpty()) {
            return reports;
        }
        String token = salesforce.get().group(2).toLowerCase(Locale.ROOT);
        String known = salesforce.get().group(1);
        List<DkimSelectorReport> out = new ArrayList<>();
        for (DkimSelectorReport r : reports) {
            cancellation.throwIfCancelled();
            Optional<DkimSelectorReport> owner = targetOwner(r, reports);
            if (owner.isPresent()) {
                out.add(sameTarget(r, owner.get(), dns, cancellation));
                continue;
            }
            if (r.salesforce() || r.cnameTarget().isPresent()) {
                out.add(reports.size() == 1 ? alternateUnchecked(r) : r);
                continue;
            }
            String target = r.selector() + "." + token + ".custdkim.salesforce.com.";
            String record = r.name() + ". CNAME " + target;
            DnsAnswer answer = dns.lookup(target, Type.TXT, cancellation);
            boolean targetHasKey = DnsAnswers.texts(answer).stream().anyMatch(DkimKey::looksLikeKey);
            // with more than two selectors a missing one may belong to another signer: claim it only when verified
            boolean partner = targetHasKey || reports.size() == 2;
            if (r.state() == DkimSelectorState.MISSING && partner) {
                out.add(replaceMissing(r, known, token, record, targetHasKey, answer));
            } else if (r.state() != DkimSelectorState.MISPLACED && r.state() != DkimSelectorState.LOOKUP_FAILED
                    && targetHasKey) {
                out.add(r.with(List.of(record), List.of(DkimTexts.TEXTS.finding(
                        "DKIM_SALESFORCE_TXT_INSTEAD_OF_CNAME", Severity.WARNING, r.name(), answer.evidence(),
                        Actor.SENDER_ADMIN, "DKIM_SALESFORCE_TXT_INSTEAD_OF_CNAME", r.name(), target, record))));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The selector whose Salesforce target {@code r} shares, when that target is the other one's: the one whose name
     * the target begins with ({@code sf1.<token>.custdkim.salesforce.com} is sf1's), or, when the target names
     * neither, the selector given first. Empty when {@code r} is not Salesforce's, shares its target with no other
     * selector, or owns it.
     */
    private static Optional<DkimSelectorReport> targetOwner(DkimSelectorReport r, List<DkimSelectorReport> reports) {
        if (!r.salesforce()) {
            return Optional.empty();
        }
        List<DkimSelectorReport> sharing = reports.stream()
                .filter(o -> o.salesforce() && o.cnameTarget().equals(r.cnameTarget())).toList();
        if (sharing.stream().allMatch(o -> o.selector().equals(r.selector()))) {
            return Optional.empty();
        }
        String label = r.cnameTarget().flatMap(DkimInspector::salesforceTarget)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).orElse("");
        DkimSelectorReport owner = sharing.stream().filter(o -> o.selector().equals(label)).findFirst()
                .orElse(sharing.getFirst());
        return owner.selector().equals(r.selector()) ? Optional.empty() : Optional.of(owner);
    }

    /**
     * {@code r} points at {@code owner}'s target: its own target follows Salesforce's pattern, {@code
     * <selector>.<token>.custdkim.salesforce.com.}, and is said verified when it serves a key. Its DKIM_OK goes: the
     * key it serves is the other selector's.
     */
    private static DkimSelectorReport sameTarget(DkimSelectorReport r, DkimSelectorReport owner, DnsLookup dns,
                                                 Cancellation cancellation) {
        String current = r.cnameTarget().orElseThrow();
        String token = DkimInspector.salesforceTarget(current).orElseThrow().group(2).toLowerCase(Locale.ROOT);
        String target = r.selector() + "." + token + ".custdkim.salesforce.com.";
        String record = r.name() + ". CNAME " + target;
        DnsAnswer answer = dns.lookup(target, Type.TXT, cancellation);
        boolean verified = DnsAnswers.texts(answer).stream().anyMatch(DkimKey::looksLikeKey);
        List<String> evidence = new ArrayList<>(r.findings().stream().flatMap(f -> f.evidence().stream()).distinct()
                .toList());
        evidence.addAll(answer.evidence());
        List<Finding> findings = new ArrayList<>(r.findings().stream()
                .filter(f -> !f.code().equals("DKIM_OK")).toList());
        findings.add(new Finding("DKIM_SALESFORCE_SAME_TARGET", Severity.WARNING, r.name(),
                DkimTexts.text("DKIM_SALESFORCE_SAME_TARGET.message", r.selector(), DkimInspector.dot(current),
                        owner.selector()), evidence,
                DkimTexts.text(verified ? "DKIM_SALESFORCE_SAME_TARGET.remediation"
                        : "DKIM_SALESFORCE_SAME_TARGET.unverified.remediation", r.name(), record),
                Actor.SENDER_ADMIN));
        List<String> records = new ArrayList<>(r.recordsToPublish());
        records.add(record);
        return new DkimSelectorReport(r.selector(), r.name(), r.state(), r.cnameTarget(), r.salesforce(), r.keyType(),
                r.keyBits(), r.testing(), records, findings);
    }

    private static DkimSelectorReport replaceMissing(DkimSelectorReport r, String known, String token, String record,
                                                     boolean verified, DnsAnswer answer) {
        List<Finding> findings = new ArrayList<>(r.findings().stream()
                .filter(f -> !f.code().equals("DKIM_SELECTOR_MISSING")).toList());
        List<String> evidence = new ArrayList<>(r.findings().stream()
                .filter(f -> f.code().equals("DKIM_SELECTOR_MISSING")).flatMap(f -> f.evidence().stream()).toList());
        evidence.addAll(answer.evidence());
        findings.add(new Finding("DKIM_SALESFORCE_CNAME_MISSING", Severity.ERROR, r.name(),
                DkimTexts.text("DKIM_SALESFORCE_CNAME_MISSING.message", known, token, r.selector(), r.name()),
                evidence, DkimTexts.text(verified ? "DKIM_SALESFORCE_CNAME_MISSING.remediation"
                        : "DKIM_SALESFORCE_CNAME_MISSING.unverified.remediation", record), Actor.SENDER_ADMIN));
        List<String> records = new ArrayList<>(r.recordsToPublish());
        records.add(record);
        return new DkimSelectorReport(r.selector(), r.name(), r.state(), r.cnameTarget(), r.salesforce(), r.keyType(),
                r.keyBits(), r.testing(), records, findings);
    }

    private static DkimSelectorReport alternateUnchecked(DkimSelectorReport r) {
        if (!r.salesforce()) {
            return r;
        }
        return r.with(List.of(), List.of(DkimTexts.TEXTS.finding("DKIM_SALESFORCE_ALTERNATE_UNCHECKED",
                Severity.INFO, r.name(), List.of(), Actor.NOBODY, "DKIM_SALESFORCE_ALTERNATE_UNCHECKED",
                r.selector())));
    }
}
