package org.mailpath.engine.dmarc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.MailHosts;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.engine.spf.SpfParser;
import org.xbill.DNS.Type;

/**
 * The DMARC check of a sending domain (RFC 7489 §6.6.3 discovery): {@code _dmarc.<domain>}, else
 * {@code _dmarc.<organizational domain>} (public suffix list of Guava); tags and defaults; the policy receivers
 * apply (p=none, pct=0, a record whose p or sp is unreadable); several records; syntax; report addresses receivers
 * cannot use or that lack their {@code _report._dmarc} authorization (§7.1). RFC 7489 decides the findings; where
 * RFC 9989 (DMARCbis) receivers act otherwise it is said beside them: a different record found by its DNS tree
 * walk, its test mode t=y, its np= for subdomains that do not exist.
 */
public final class DmarcCheck implements DomainCheck {

    private static final FindingTexts TEXTS = DmarcTexts.TEXTS;

    /** RFC 9989 tree walk (§4.10): longer names jump to their last 7 labels. */
    static final int MAX_WALK_LABELS = 8;
    /** External report domains whose authorization is asked at most. */
    static final int MAX_REPORT_DOMAINS = 10;
    /** Report domains named at most in the evidence of the ones not asked. */
    private static final int MAX_LISTED = 20;

    @Override
    public CheckKind kind() {
        return CheckKind.DMARC;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        String domain = OrganizationalDomain.normalize(ctx.domain());
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        DnsAnswer answer = lookup(ctx, "_dmarc." + domain);
        evidence.addAll(answer.evidence());
        if (failed(answer, findings)) {
            return CheckOutcome.of(findings);
        }
        String policyDomain = domain;
        List<String> records = dmarcRecords(answer);
        // the records receivers discard, by the name they were published at
        Map<String, List<LocalText>> discardedAt = new LinkedHashMap<>();
        discardedAt.put(answer.name(), discarded(answer));
        String org = OrganizationalDomain.of(domain);
        if (records.isEmpty() && !org.equals(domain)) {
            DnsAnswer orgAnswer = lookup(ctx, "_dmarc." + org);
            evidence.addAll(orgAnswer.evidence());
            if (failed(orgAnswer, findings)) {
                return CheckOutcome.of(findings);
            }
            records = dmarcRecords(orgAnswer);
            discardedAt.put(orgAnswer.name(), discarded(orgAnswer));
            policyDomain = org;
        }
        String pslDomain = policyDomain;
        boolean pslFound = records.size() == 1;
        Optional<String> walk = treeWalk(ctx, domain);
        walk.filter(w -> !pslFound || !w.equals(pslDomain)).ifPresent(w ->
                findings.add(discoveryDiffers(domain, pslFound ? Optional.of(pslDomain) : Optional.empty(), w)));
        if (records.isEmpty()) {
            findings.add(missing(ctx, domain, org, evidence,
                    discardedAt.values().stream().flatMap(List::stream).toList()));
            return CheckOutcome.of(findings);
        }
        if (records.size() > 1) {
            findings.add(TEXTS.finding("DMARC_MULTIPLE", Severity.ERROR, policyDomain, evidence,
                    Actor.SENDER_ADMIN, "DMARC_MULTIPLE", policyDomain, records.size()));
            return CheckOutcome.of(findings);
        }
        String appliedName = "_dmarc." + policyDomain;
        String appliedRecord = records.getFirst();
        discardedAt.forEach((name, why) -> {
            if (!why.isEmpty()) {
                findings.add(discardedBeside(domain, name, why, appliedName, appliedRecord, evidence));
            }
        });
        DmarcParser.Parsed parsed = DmarcParser.parse(records.getFirst());
        DmarcRecord record = parsed.record();
        if (!parsed.problems().isEmpty()) {
            // §6.6.3 step 6: p or sp unreadable and no valid rua URI: no DMARC at all, said where the problems are.
            // Problems receivers of both RFCs read past (a tag given way to its default, a missing p with a valid
            // rua) are a WARNING: the record is non-standard, but no policy is lost or changed by them
            Severity severity = parsed.readAlikeDespiteProblems() ? Severity.WARNING : Severity.ERROR;
            findings.add(TEXTS.variant("DMARC_SYNTAX", severity, policyDomain, evidence, Actor.SENDER_ADMIN,
                    parsed.reading() == DmarcParser.PolicyReading.IGNORED ? "DMARC_SYNTAX.ignored.message"
                            : "DMARC_SYNTAX.message", "DMARC_SYNTAX.remediation", policyDomain,
                    DnsText.joinText(parsed.problemTexts(), "; ")));
        }
        if (!parsed.reportUriTexts().isEmpty()) {
            findings.add(reportUrisUnusable(policyDomain, parsed, evidence));
        }
        if (parsed.reading() != DmarcParser.PolicyReading.IGNORED) {
            Applied applied = new Applied(domain, policyDomain, record);
            // asked only when the policy is none: a parked domain is then told to reject at once
            policyFindings(applied, parsed, evidence, findings, () -> parked(ctx, domain, lookup(ctx, domain)));
            nonExistentSubdomain(ctx, applied, walk).ifPresent(findings::add);
        }
        findings.addAll(reportAuthorization(ctx, policyDomain, record));
        return CheckOutcome.of(findings);
    }

    /**
     * The policy RFC 7489 receivers apply to the domain: p, or sp when the record is the organizational domain's.
     *
     * @param domain       the checked domain
     * @param policyDomain the domain whose record applies
     */
    private record Applied(String domain, String policyDomain, DmarcRecord record) {

        /** The record is the organizational domain's, found by RFC 7489's fallback: its sp applies. */
        boolean inherited() {
            return !policyDomain.equals(domain);
        }

        /** The policy the record asks for the domain. */
        String requested() {
            return inherited() ? record.subdomainPolicy() : record.policy();
        }

        /** §6.6.4: with pct=0 no failing message is selected, all get the next-lower policy. */
        String effective() {
            return record.pct() == 0 ? lower(requested()) : requested();
        }

        /** How the requested policy is named: "p=reject", or "sp=reject inherited from example.com". */
        LocalText named() {
            return inherited() ? text("phrase.policyInherited", requested(), policyDomain)
                    : text("phrase.policy", requested());
        }
    }

    /** The next-lower policy (RFC 7489 §6.6.4 for mail pct does not select, RFC 9989's t=y). */
    private static String lower(String policy) {
        return switch (policy) {
            case "reject" -> "quarantine";
            default -> "none";
        };
    }

    /**
     * DMARC_POLICY_NONE when none applies (as written, through pct=0, or because §6.6.3 step 6 reads the record
     * as p=none), otherwise DMARC_OK when the record has no syntax problem; the partial pct and RFC 9989's test
     * mode beside them. DMARC_OK promises an enforced policy (docs/findings.md); findings about report addresses
     * and a bad adkim, aspf, pct, fo, ri, t or psd, which receivers replace by its default (RFC 7489 §6.3, RFC 9989
     * §4.8), do not take it away: receivers apply the policy all the same.
     */
    private static void policyFindings(Applied applied, DmarcParser.Parsed parsed, List<String> evidence,
                                       List<Finding> findings, Supplier<Optional<Parked>> parked) {
        DmarcRecord record = applied.record();
        String domain = applied.domain();
        List<String> lines = new ArrayList<>(record.describe());
        lines.addAll(evidence);
        if (parsed.reading() == DmarcParser.PolicyReading.AS_NONE) {
            findings.add(TEXTS.variant("DMARC_POLICY_NONE", Severity.INFO, domain, lines, Actor.SENDER_ADMIN,
                    "DMARC_POLICY_NONE.fallback.message", "DMARC_POLICY_NONE.fallback.remediation", domain,
                    applied.policyDomain(), DnsText.joinText(parsed.policyFaults(), "; ")));
            return;    // pct and t= do not matter for none
        }
        String requested = applied.requested();
        if (requested.equals("none")) {
            Optional<Parked> noMail = parked.get();
            noMail.ifPresent(p -> lines.addAll(p.evidence()));
            // a domain that sends no mail has no legitimate mail to watch in reports before it tightens (as for
            // DMARC_MISSING): reject at once, in its own record (at the organizational domain it would apply to
            // the domains that send too)
            LocalText remediation = noMail.isEmpty() ? text("DMARC_POLICY_NONE.remediation")
                    : applied.inherited() ? text("DMARC_POLICY_NONE.parked.inherited.remediation", "_dmarc." + domain,
                    applied.policyDomain())
                    : text("DMARC_POLICY_NONE.parked.remediation", "_dmarc." + domain);
            findings.add(new Finding("DMARC_POLICY_NONE", Severity.INFO, domain,
                    applied.inherited() ? text("DMARC_POLICY_NONE.inherited.message", domain, applied.policyDomain())
                            : text("DMARC_POLICY_NONE.message", domain),
                    lines, remediation, Actor.SENDER_ADMIN));
        } else if (applied.effective().equals("none")) {
            findings.add(new Finding("DMARC_POLICY_NONE", Severity.INFO, domain,
                    noPct(record, text("DMARC_POLICY_NONE.pct0.message", domain, applied.named()),
                            text("phrase.noPct.policy", applied.named())),
                    // the policy is already quarantine: pct=0 (RFC 7489 §6.3's slow roll-out) holds it back, not p=
                    lines, text(record.testMode() ? "DMARC_POLICY_NONE.pct0.testMode.remediation"
                            : "DMARC_POLICY_NONE.pct0.remediation", applied.named()), Actor.SENDER_ADMIN));
        }
        if (record.pct() < 100) {
            findings.add(pctPartial(record, domain, requested, lines));
        }
        if (record.testMode() && !requested.equals("none")) {
            findings.add(TEXTS.finding("DMARC_TEST_MODE", Severity.INFO, domain, lines, Actor.SENDER_ADMIN,
                    "DMARC_TEST_MODE", applied.policyDomain(), lower(requested), requested));
        }
        if (!applied.effective().equals("none") && parsed.onlyDefaulted()) {
            LocalText ok = applied.inherited()
                    ? text("DMARC_OK.inherited.message", domain, requested, applied.policyDomain())
                    : text("DMARC_OK.message", domain, requested);
            findings.add(new Finding("DMARC_OK", Severity.OK, domain,
                    record.pct() == 0 ? noPct(record, text("DMARC_OK.pct0.message", ok, applied.effective()),
                            text("phrase.noPct.asWritten")) : ok,
                    lines, Actor.NOBODY));
        }
    }

    /**
     * §6.6.4: the share of failing mail pct selects gets the policy, the rest the next-lower one. RFC 9989 receivers
     * apply the whole policy: said beside it (see {@link #noPct}).
     */
    private static Finding pctPartial(DmarcRecord record, String domain, String requested, List<String> lines) {
        int pct = record.pct();
        if (requested.equals("none")) {
            return TEXTS.finding("DMARC_PCT_PARTIAL", Severity.INFO, domain, lines, Actor.SENDER_ADMIN,
                    "DMARC_PCT_PARTIAL", pct);
        }
        String variant = "DMARC_PCT_PARTIAL." + requested + (pct == 0 ? ".zero" : "");
        return new Finding("DMARC_PCT_PARTIAL", Severity.INFO, domain,
                noPct(record, text(variant + ".message", pct), text("phrase.noPct." + requested)), lines,
                text(pct != 0 ? "DMARC_PCT_PARTIAL.remediation" : record.testMode()
                        ? "DMARC_PCT_PARTIAL.zero.testMode.remediation" : "DMARC_PCT_PARTIAL.zero.remediation"),
                Actor.SENDER_ADMIN);
    }

    /**
     * A pct message with what RFC 9989 receivers do instead: pct is no tag of RFC 9989 (its IANA registration is
     * "historic"; draft-ietf-dmarc-dmarcbis-41 §9.3, Appendix A.6, C.5.2), so they apply the policy to all failing
     * mail. Not said under t=y: then they apply the next-lower policy, which DMARC_TEST_MODE says.
     */
    private static LocalText noPct(DmarcRecord record, LocalText message, LocalText rfc9989) {
        return record.testMode() ? message : text("list.concat", message, rfc9989);
    }

    /**
     * RFC 9989's np= applies to subdomains that do not exist; RFC 7489 knows no np and applies sp. Said when the
     * checked domain is such a subdomain (NXDOMAIN) under an np= record that both discoveries find (when they
     * differ, DMARC_DISCOVERY_DIFFERS says so already). One question, only then.
     */
    private static Optional<Finding> nonExistentSubdomain(CheckContext ctx, Applied applied,
                                                          Optional<String> walk) {
        DmarcRecord record = applied.record();
        if (!applied.inherited() || record.nonExistentPolicy().isEmpty()
                || !walk.equals(Optional.of(applied.policyDomain()))) {
            return Optional.empty();
        }
        DnsAnswer self = lookup(ctx, applied.domain());
        if (self.status() != DnsStatus.NXDOMAIN) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(record.describe());
        lines.addAll(self.evidence());
        return Optional.of(TEXTS.finding("DMARC_NONEXISTENT_SUBDOMAIN", Severity.INFO, applied.domain(), lines,
                Actor.SENDER_ADMIN, "DMARC_NONEXISTENT_SUBDOMAIN", applied.domain(), record.subdomainPolicy(),
                applied.policyDomain(), record.nonExistentPolicy().orElseThrow()));
    }

    /** Report addresses receivers send nothing to: reports are lost, the policy is not (unless §6.6.3 step 6). */
    private static Finding reportUrisUnusable(String policyDomain, DmarcParser.Parsed parsed, List<String> evidence) {
        return TEXTS.variant("DMARC_REPORT_URI_UNUSABLE", Severity.WARNING, policyDomain, evidence,
                Actor.SENDER_ADMIN, parsed.reading() == DmarcParser.PolicyReading.AS_WRITTEN
                        ? "DMARC_REPORT_URI_UNUSABLE.message" : "DMARC_REPORT_URI_UNUSABLE.policyUnread.message",
                "DMARC_REPORT_URI_UNUSABLE.remediation", policyDomain,
                DnsText.joinText(parsed.reportUriTexts(), "; "));
    }

    /**
     * §7.1: a report address at another organization must be authorized by a record at that organization. At most
     * {@value #MAX_REPORT_DOMAINS} report domains are asked, all at once: a hostile record may name hundreds, each
     * lookup may cost a full timeout, and receivers need only send to two URIs (RFC 7489 §6.2). Failed lookups
     * that fail alike are said once, with the evidence of each.
     */
    private static List<Finding> reportAuthorization(CheckContext ctx, String policyDomain, DmarcRecord record) {
        List<Finding> findings = new ArrayList<>();
        Set<String> external = new LinkedHashSet<>();
        List<DmarcRecord.ReportUri> uris = new ArrayList<>(record.rua());
        uris.addAll(record.ruf());
        for (DmarcRecord.ReportUri uri : uris) {
            if (!OrganizationalDomain.sameOrganization(uri.domain(), policyDomain)) {
                external.add(uri.domain());
            }
        }
        List<String> checked = external.stream().limit(MAX_REPORT_DOMAINS).toList();
        List<DnsAnswer> answers = Parallel.map(checked,
                target -> lookup(ctx, policyDomain + "._report._dmarc." + target));
        Map<DnsStatus, List<DnsAnswer>> failures = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            String target = checked.get(i);
            DnsAnswer answer = answers.get(i);
            if (DnsAnswers.failed(answer)) {
                failures.computeIfAbsent(answer.status(), s -> new ArrayList<>()).add(answer);
            } else if (dmarcRecords(answer).isEmpty()) {
                String name = answer.name();
                findings.add(TEXTS.finding("DMARC_REPORT_UNAUTHORIZED", Severity.WARNING, policyDomain,
                        answer.evidence(), Actor.SENDER_ADMIN, "DMARC_REPORT_UNAUTHORIZED", policyDomain, target,
                        name));
            }
        }
        failures.values().forEach(alike -> findings.add(lookupsFailed(alike)));
        if (external.size() > MAX_REPORT_DOMAINS) {
            List<String> notChecked = List.of("not checked: " + String.join(", ", external.stream()
                    .skip(MAX_REPORT_DOMAINS).limit(MAX_LISTED).toList())
                    + (external.size() > MAX_REPORT_DOMAINS + MAX_LISTED ? ", …" : ""));
            findings.add(TEXTS.finding("DMARC_REPORT_DOMAINS_LIMITED", Severity.INFO, policyDomain, notChecked,
                    Actor.SENDER_ADMIN, "DMARC_REPORT_DOMAINS_LIMITED", policyDomain, external.size(),
                    MAX_REPORT_DOMAINS));
        }
        return findings;
    }

    /** One finding for report authorization lookups that failed with the same status. */
    private static Finding lookupsFailed(List<DnsAnswer> alike) {
        Finding first = DnsAnswers.lookupFailed(alike.getFirst(),
                text("phrase.reportAuthorizationUnread"), Actor.SENDER_ADMIN);
        if (alike.size() == 1) {
            return first;
        }
        List<String> evidence = new ArrayList<>();
        alike.forEach(a -> evidence.addAll(a.evidence()));
        Object firstMessage = first.messageText().<Object>map(t -> t).orElse(first.message());
        return first.withEvidence(evidence).withMessage(
                text("phrase.moreReportLookupsFailed", firstMessage, alike.size() - 1,
                        alike.stream().skip(1).map(DnsAnswer::name).collect(Collectors.joining(", "))));
    }

    /**
     * @param discarded TXT records at the DMARC names that were meant as DMARC records but are not (see
     *                  {@link #discarded}); named so the admin learns why receivers apply no policy
     */
    private static Finding missing(CheckContext ctx, String domain, String org, List<String> evidence,
                                   List<LocalText> discarded) {
        // a v=DMARC1 record at the domain itself is a common mistake: it has no effect
        DnsAnswer apex = lookup(ctx, domain);
        boolean misplaced = !dmarcRecords(apex).isEmpty();
        Optional<Parked> parkedMx = parked(ctx, domain, apex);
        List<String> lines = new ArrayList<>(evidence);
        if (parkedMx.isPresent()) {
            lines.addAll(parkedMx.get().evidence());    // the apex's TXT answer, then the null MX
        } else if (misplaced) {
            lines.addAll(apex.evidence());
        }
        String publishAt = "_dmarc." + (org.equals(domain) ? domain : org);
        List<LocalText> notes = new ArrayList<>();
        if (misplaced) {
            notes.add(text("DMARC_MISSING.misplaced", domain));
        }
        notes.addAll(discarded);
        Object where = org.equals(domain) ? "_dmarc." + domain : text("DMARC_MISSING.where", domain, org);
        Object asides = "";    // each note " (…)", in the order the old sentence gave them
        for (LocalText note : notes) {
            asides = text("list.concat", asides, text("phrase.aside", note));
        }
        LocalText message = parkedMx.isPresent() ? text("DMARC_MISSING.parked.message", where, asides, domain)
                : text("DMARC_MISSING.message", where, asides);
        // a parked domain's record is its own: p=reject at the organizational domain would also reject its mail
        LocalText remediation = !discarded.isEmpty() ? text("DMARC_MISSING.discarded.remediation", publishAt)
                : parkedMx.isPresent() ? text("DMARC_MISSING.parked.remediation", "_dmarc." + domain)
                : text("DMARC_MISSING.remediation", publishAt, org);
        return new Finding("DMARC_MISSING", Severity.WARNING, domain, message, lines, remediation,
                Actor.SENDER_ADMIN);
    }

    /**
     * The MX answer of a domain that declares it sends and receives no mail: its one SPF record is "v=spf1 -all"
     * (no host may send with it, {@link SpfParser#sendsNoMail}) and its only MX is a null MX (RFC 7505 §3: it
     * accepts no mail). No legitimate mail can fail DMARC there, so "p=none, then tighten", the advice for a domain
     * that sends, is a roll-out it does not need: such a domain publishes "v=DMARC1; p=reject;" from the start (the
     * UK government's "Protect domains that do not send email" gives exactly these three records; M3AAWG's
     * Protecting Parked Domains Best Common Practices, which tools that publish these records cite, was not read).
     * The MX question is asked only when the SPF record says so; the MX check asks it too, once a run. A domain the
     * Email Log shows Salesforce sending as ({@link CheckContext#salesforce()} known) sends mail whatever its records
     * say: p=reject there would reject that mail, so it gets the advice of a sending domain.
     *
     * @param apex the answer to the TXT question of the domain itself
     */
    private static Optional<Parked> parked(CheckContext ctx, String domain, DnsAnswer apex) {
        List<String> spf = SpfParser.records(apex);
        if (ctx.salesforce() != SalesforceSending.UNKNOWN || spf.size() != 1
                || !SpfParser.sendsNoMail(spf.getFirst())) {
            return Optional.empty();
        }
        DnsAnswer mx = ctx.dns().lookup(domain, Type.MX, ctx.cancellation());
        return MailHosts.of(domain, mx) instanceof MailHosts.NullMx ? Optional.of(new Parked(apex, mx))
                : Optional.empty();
    }

    /** The TXT and MX answers that show a domain sends and receives no mail ({@link #parked}). */
    private record Parked(DnsAnswer txt, DnsAnswer mx) {
        List<String> evidence() {
            List<String> lines = new ArrayList<>(txt.evidence());
            lines.addAll(mx.evidence());
            return lines;
        }
    }

    /**
     * DMARC_DISCARDED: a record meant as DMARC at {@code name} that receivers discard (RFC 7489 §6.6.3 step 3 keeps
     * only records beginning with "v=DMARC1"; §6.3: the version "MUST match precisely", and §6.4's ABNF spells DMARC1
     * byte by byte, so it is case-sensitive; RFC 9989 keeps both) while another record applies: the one beside it,
     * or the organizational domain's by the §6.6.3 fallback. Without this the admin who wrote p=reject at the domain
     * saw only the inherited policy and advice to tighten it.
     */
    private static Finding discardedBeside(String domain, String name, List<LocalText> why, String applied,
                                           String appliedRecord, List<String> evidence) {
        Object reasons = "";
        for (LocalText w : why) {
            reasons = reasons.equals("") ? w : text("phrase.joinedReasons", reasons, w);
        }
        return new Finding("DMARC_DISCARDED", Severity.WARNING, domain,
                text("DMARC_DISCARDED.message", reasons, applied, DnsText.clipText(appliedRecord)), evidence,
                text("DMARC_DISCARDED.remediation", name, applied), Actor.SENDER_ADMIN);
    }

    /** The TXT records of a DMARC answer that look like DMARC records but are discarded, each with why. */
    private static List<LocalText> discarded(DnsAnswer answer) {
        return DnsAnswers.texts(answer).stream().flatMap(t -> DmarcParser.whyNotDmarcText(t).stream()
                .map(why -> text("phrase.discarded", DnsText.clipText(t), answer.name(), why)))
                .toList();
    }

    /**
     * RFC 9989 discovery (DNS tree walk, no PSL; §4.10, §4.10.1, §4.10.2): the record at {@code _dmarc.<domain>}
     * applies when there is one. Otherwise the walk asks the parents (names of more than 8 labels jump to their last
     * 7 labels, then one label is dropped at a time down to the top-level domain) and the Organizational Domain's
     * record applies: the first found with psd=n; below a record with psd=y the name one label down (its record when
     * it has one, else the PSD's); else the record with the fewest labels (Appendix B.4.2: for a.b.example.com with
     * records at b.example.com and example.com that is example.com's). A name with several DMARC records counts as
     * none (§4.10 steps 2 and 6). At most 8 questions.
     */
    static Optional<String> treeWalk(CheckContext ctx, String domain) {
        List<String> found = new ArrayList<>();
        for (String name : walkNames(domain)) {
            List<String> records = dmarcRecords(lookup(ctx, "_dmarc." + name));
            if (records.size() != 1) {
                continue;
            }
            if (name.equals(domain)) {
                return Optional.of(domain);
            }
            found.add(name);
            String psd = DmarcParser.parse(records.getFirst()).record().tags().getOrDefault("psd", "u")
                    .toLowerCase(Locale.ROOT);
            if (psd.equals("n")) {
                return Optional.of(name);
            }
            if (psd.equals("y")) {
                String org = oneLabelBelow(domain, name);
                return Optional.of(found.contains(org) ? org : name);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
    }

    /** The name one label below {@code ancestor} on the way to {@code domain}. */
    private static String oneLabelBelow(String domain, String ancestor) {
        String above = domain.substring(0, domain.length() - ancestor.length() - 1);
        return above.substring(above.lastIndexOf('.') + 1) + "." + ancestor;
    }

    /** The names the tree walk asks, the domain itself included. */
    static List<String> walkNames(String domain) {
        List<String> labels = List.of(domain.split("\\."));
        List<String> names = new ArrayList<>();
        names.add(domain);
        int start = labels.size() > MAX_WALK_LABELS ? labels.size() - (MAX_WALK_LABELS - 1) : 1;
        for (int i = start; i < labels.size(); i++) {
            names.add(String.join(".", labels.subList(i, labels.size())));
        }
        return names;
    }

    private static Finding discoveryDiffers(String domain, Optional<String> psl, String walk) {
        return TEXTS.finding("DMARC_DISCOVERY_DIFFERS", Severity.INFO, domain, List.of(),
                Actor.SENDER_ADMIN, "DMARC_DISCOVERY_DIFFERS", domain,
                psl.map(p -> text("DMARC_DISCOVERY_DIFFERS.psl", p))
                        .orElse(text("DMARC_DISCOVERY_DIFFERS.pslNone")), walk);
    }

    private static LocalText text(String key, Object... args) {
        return DmarcTexts.text(key, args);
    }

    private static DnsAnswer lookup(CheckContext ctx, String name) {
        return ctx.dns().lookup(name, Type.TXT, ctx.cancellation());
    }

    /** Adds a DNS_LOOKUP_FAILED finding when the question did not get a usable answer. */
    private static boolean failed(DnsAnswer answer, List<Finding> findings) {
        if (DnsAnswers.failed(answer)) {
            findings.add(DnsAnswers.lookupFailed(answer, text("phrase.policyUnread"),
                    Actor.SENDER_ADMIN));
            return true;
        }
        return false;
    }

    private static List<String> dmarcRecords(DnsAnswer answer) {
        return DnsAnswers.texts(answer).stream().filter(DmarcParser::isDmarcRecord).toList();
    }
}
