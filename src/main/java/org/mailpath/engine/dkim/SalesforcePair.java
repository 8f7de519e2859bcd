package org.mailpath.engine.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
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
        // the token of a selector whose target resolves, else of the first: a dangling target may have a typo in it
        List<DkimSelectorReport> pointing = reports.stream().filter(DkimSelectorReport::salesforce).toList();
        Optional<DkimSelectorReport> source = pointing.stream()
                .filter(r -> r.state() != DkimSelectorState.CNAME_DANGLING).findFirst()
                .or(() -> pointing.stream().findFirst());
        Optional<Matcher> salesforce = source.flatMap(r -> r.cnameTarget().flatMap(DkimInspector::salesforceTarget));
        if (salesforce.isEmpty()) {
            return reports;
        }
        String token = salesforce.get().group(2).toLowerCase(Locale.ROOT);
        String known = salesforce.get().group(1);
        boolean tokenResolves = source.get().state() != DkimSelectorState.CNAME_DANGLING;
        List<DkimSelectorReport> out = new ArrayList<>();
        for (DkimSelectorReport r : reports) {
            cancellation.throwIfCancelled();
            Optional<DkimSelectorReport> owner = targetOwner(r, reports);
            if (owner.isPresent()) {
                out.add(sameTarget(r, owner.get(), dns, cancellation));
                continue;
            }
            Optional<DkimSelectorReport> retargeted = tokenResolves && r != source.get()
                    ? retarget(r, source.get().selector(), token, dns, cancellation) : Optional.empty();
            if (retargeted.isPresent()) {
                out.add(retargeted.get());
                continue;
            }
            if (r.salesforce() || r.cnameTarget().isPresent()) {
                out.add(reports.size() == 1 ? alternateUnchecked(r) : r);
                continue;
            }
            PartnerTarget expected = PartnerTarget.lookup(r, token, dns, cancellation);
            // with more than two selectors a missing one may belong to another signer: claim it only when verified
            boolean partner = expected.servesKey() || reports.size() == 2;
            if (r.state() == DkimSelectorState.MISSING && partner) {
                out.add(replaceMissing(r, known, token, expected));
            } else if (r.state() != DkimSelectorState.MISPLACED && r.state() != DkimSelectorState.LOOKUP_FAILED
                    && expected.servesKey()) {
                out.add(r.with(List.of(expected.record()), List.of(DkimTexts.TEXTS.finding(
                        "DKIM_SALESFORCE_TXT_INSTEAD_OF_CNAME", Severity.WARNING, r.name(),
                        expected.answer().evidence(), Actor.SENDER_ADMIN, "DKIM_SALESFORCE_TXT_INSTEAD_OF_CNAME",
                        r.name(), expected.name(), expected.record()))));
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
     * The target Salesforce gives a selector, {@code <selector>.<token>.custdkim.salesforce.com.}, asked for a key.
     *
     * @param record    the zone-file line that points the selector at it
     * @param servesKey whether a key answers there (the CNAME to publish is then verified)
     */
    private record PartnerTarget(String name, String record, DnsAnswer answer, boolean servesKey) {

        static PartnerTarget lookup(DkimSelectorReport r, String token, DnsLookup dns, Cancellation cancellation) {
            String name = r.selector() + "." + token + ".custdkim.salesforce.com.";
            DnsAnswer answer = dns.lookup(name, Type.TXT, cancellation);
            return new PartnerTarget(name, r.name() + ". CNAME " + name, answer,
                    DnsAnswers.texts(answer).stream().anyMatch(DkimKey::looksLikeKey));
        }
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
        PartnerTarget expected = PartnerTarget.lookup(r, token, dns, cancellation);
        List<String> evidence = new ArrayList<>(r.findings().stream().flatMap(f -> f.evidence().stream()).distinct()
                .toList());
        evidence.addAll(expected.answer().evidence());
        Finding sameTarget = new Finding("DKIM_SALESFORCE_SAME_TARGET", Severity.WARNING, r.name(),
                DkimTexts.text("DKIM_SALESFORCE_SAME_TARGET.message", r.selector(), DnsNames.absolute(current),
                        owner.selector()), evidence,
                DkimTexts.text(expected.servesKey() ? "DKIM_SALESFORCE_SAME_TARGET.remediation"
                        : "DKIM_SALESFORCE_SAME_TARGET.unverified.remediation", r.name(), expected.record()),
                Actor.SENDER_ADMIN);
        return r.without("DKIM_OK").with(List.of(expected.record()), List.of(sameTarget));
    }

    /**
     * {@code r}'s CNAME leads to no key, and the partner selector {@code known}'s working target gives the token:
     * the exact CNAME Salesforce gives {@code r}, {@code <selector>.<token>.custdkim.salesforce.com.}, in place of
     * advice to publish a key where nobody but Salesforce can (a target such as {@code
     * selector2.<token>.dkim.salesforce.com}, or another token). Claimed when that target serves a key, or when the
     * CNAME points into salesforce.com at all (then with the words to copy the value from Setup); a dangling CNAME
     * to another provider with no key at Salesforce's target may be another signer's, and is left as it is.
     */
    private static Optional<DkimSelectorReport> retarget(DkimSelectorReport r, String known, String token,
                                                         DnsLookup dns, Cancellation cancellation) {
        if (r.state() != DkimSelectorState.CNAME_DANGLING || r.cnameTarget().isEmpty()) {
            return Optional.empty();
        }
        String current = DnsNames.absolute(r.cnameTarget().get());
        PartnerTarget expected = PartnerTarget.lookup(r, token, dns, cancellation);
        if (expected.name().equalsIgnoreCase(current)
                || !expected.servesKey() && !DkimInspector.inSalesforce(r.cnameTarget().get())) {
            return Optional.empty();
        }
        return Optional.of(replaced(r, "DKIM_CNAME_TARGET_MISSING", "DKIM_CNAME_TARGET_MISSING",
                DkimTexts.text("DKIM_CNAME_TARGET_MISSING.salesforcePartner.message", r.name(),
                        DnsNames.relative(current), known, token),
                expected,
                DkimTexts.text("DKIM_CNAME_TARGET_MISSING.salesforcePartner.remediation", r.name(), expected.record()),
                DkimTexts.text("DKIM_CNAME_TARGET_MISSING.salesforcePartner.unverified.remediation", r.name(),
                        expected.record())));
    }

    private static DkimSelectorReport replaceMissing(DkimSelectorReport r, String known, String token,
                                                     PartnerTarget expected) {
        return replaced(r, "DKIM_SELECTOR_MISSING", "DKIM_SALESFORCE_CNAME_MISSING",
                DkimTexts.text("DKIM_SALESFORCE_CNAME_MISSING.message", known, token, r.selector(), r.name()),
                expected,
                DkimTexts.text("DKIM_SALESFORCE_CNAME_MISSING.remediation", expected.record()),
                DkimTexts.text("DKIM_SALESFORCE_CNAME_MISSING.unverified.remediation", expected.record()));
    }

    /**
     * {@code r} with its {@code oldCode} findings replaced by one {@code newCode} error naming the partner target's
     * record: their evidence and the target's answer as its evidence, {@code verified} its remediation when the
     * target serves a key, else {@code unverified}.
     */
    private static DkimSelectorReport replaced(DkimSelectorReport r, String oldCode, String newCode, LocalText message,
                                               PartnerTarget expected, LocalText verified, LocalText unverified) {
        List<String> evidence = new ArrayList<>(r.findings().stream().filter(f -> f.code().equals(oldCode))
                .flatMap(f -> f.evidence().stream()).toList());
        evidence.addAll(expected.answer().evidence());
        Finding replacement = new Finding(newCode, Severity.ERROR, r.name(), message, evidence,
                expected.servesKey() ? verified : unverified, Actor.SENDER_ADMIN);
        return r.without(oldCode).with(List.of(expected.record()), List.of(replacement));
    }

    private static DkimSelectorReport alternateUnchecked(DkimSelectorReport r) {
        if (!r.salesforce()) {
            return r;
        }
        return r.with(List.of(), List.of(DkimTexts.TEXTS.finding("DKIM_SALESFORCE_ALTERNATE_UNCHECKED",
                Severity.INFO, r.name(), List.of(), Actor.SENDER_ADMIN, "DKIM_SALESFORCE_ALTERNATE_UNCHECKED",
                r.selector())));
    }
}
