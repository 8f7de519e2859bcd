package org.mailpath.engine.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) of a recipient domain. A domain whose policy is in enforce mode but does
 * not list one of its MX hosts, makes senders that honour MTA-STS refuse to deliver to that host: TLS deferrals and
 * bounces in the Email Log. Reads {@code _mta-sts.<domain>} TXT; when it announces a policy, fetches it from
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (through the {@link MtaStsPolicySource}), parses it and
 * compares its mx patterns with the MX hosts; reads {@code _smtp._tls.<domain>} TXT.
 */
public final class MtaStsCheck implements DomainCheck {

    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    /** Policy lines quoted at most in the evidence. */
    static final int MAX_POLICY_LINES = 30;
    /** What senders do when they cannot get a usable policy (RFC 8461 §5.1). */
    private static final String NO_POLICY = " Senders that have no cached copy of the policy deliver as if the"
            + " domain had no MTA-STS; senders holding an older copy keep applying it until its max_age runs out.";

    private final MtaStsPolicySource source;

    /** @param source where policies are fetched from ({@link HttpsPolicySource} in production) */
    public MtaStsCheck(MtaStsPolicySource source) {
        this.source = source;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.MTA_STS;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        String domain = OrganizationalDomain.normalize(ctx.domain());
        List<DnsAnswer> txt = Parallel.map(List.of("_mta-sts." + domain, "_smtp._tls." + domain),
                name -> ctx.dns().lookup(name, Type.TXT, ctx.cancellation()));
        List<Finding> findings = new ArrayList<>(mtaSts(ctx, domain, txt.get(0)));
        findings.addAll(tlsRpt(domain, txt.get(1)));
        return CheckOutcome.of(findings);
    }

    private List<Finding> mtaSts(CheckContext ctx, String domain, DnsAnswer answer) {
        if (DnsAnswers.failed(answer)) {
            return List.of(DnsAnswers.lookupFailed(answer, "whether " + domain + " has an MTA-STS policy could not"
                    + " be read", WHO));
        }
        List<String> texts = DnsAnswers.texts(answer);
        List<String> records = texts.stream().filter(StsTxtRecord::isStsRecord).toList();
        if (records.isEmpty()) {
            return List.of(none(domain, answer, texts));
        }
        List<Finding> findings = new ArrayList<>();
        if (records.size() > 1) {
            findings.add(new Finding(MtaStsFindingCodes.MTA_STS_TXT_MULTIPLE, Severity.WARNING, domain,
                    "_mta-sts." + domain + " publishes " + records.size() + " MTA-STS records: senders then apply"
                            + " no MTA-STS policy at all (RFC 8461 §3.1 allows exactly one).", answer.evidence(),
                    "Keep exactly one \"v=STSv1; id=…;\" TXT record at _mta-sts." + domain + ", and change its id"
                            + " whenever the policy file changes.", WHO));
        } else {
            StsTxtRecord record = StsTxtRecord.parse(records.getFirst());
            if (!record.problems().isEmpty()) {
                findings.add(new Finding(MtaStsFindingCodes.MTA_STS_TXT_INVALID, Severity.WARNING, domain,
                        "The MTA-STS record at _mta-sts." + domain + " is not valid (" + DnsText.join(
                                record.problems(), "; ") + "): senders treat " + domain + " as having no MTA-STS"
                                + " policy.", answer.evidence(), "Publish exactly \"v=STSv1; id=<1 to 32 letters"
                        + " and digits>;\" at _mta-sts." + domain + ", and change the id whenever the policy file"
                        + " changes.", WHO));
            }
        }
        // the file is fetched even when the record is unusable: senders holding a cached copy still apply it
        findings.addAll(policy(ctx, domain, answer.evidence(), findings.isEmpty()));
        return findings;
    }

    private static Finding none(String domain, DnsAnswer answer, List<String> texts) {
        List<String> nearMisses = texts.stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(StsTxtRecord.VERSION.toLowerCase(Locale.ROOT)))
                .toList();
        return new Finding(MtaStsFindingCodes.MTA_STS_NONE, Severity.INFO, domain, domain + " publishes no MTA-STS"
                + " policy (no TXT record beginning with \"v=STSv1\" at _mta-sts." + domain + ")"
                + (nearMisses.isEmpty() ? "" : "; senders ignore the record \"" + DnsText.clip(nearMisses.getFirst())
                + "\", which must begin with exactly \"v=STSv1\"") + ": senders use TLS when its mail servers offer"
                + " it, but do not insist on it.", answer.evidence(), nearMisses.isEmpty()
                ? "Nothing is required. To make senders insist on TLS with a valid certificate, publish an MTA-STS"
                + " policy (RFC 8461), first in mode testing."
                : "Write the record's version exactly as \"v=STSv1\" (case matters).",
                nearMisses.isEmpty() ? Actor.NOBODY : WHO);
    }

    /**
     * Fetches, parses and applies the policy; {@code txtEvidence}: the _mta-sts answer, quoted after the evidence of
     * each step; {@code txtUsable}: the TXT record has no problem of its own.
     */
    private List<Finding> policy(CheckContext ctx, String domain, List<String> txtEvidence, boolean txtUsable) {
        String host = MtaStsPolicySource.policyHost(domain);
        List<DnsAnswer> addresses = Parallel.map(List.of(Type.A, Type.AAAA),
                type -> ctx.dns().lookup(host, type, ctx.cancellation()));
        List<String> dnsEvidence = new ArrayList<>();
        addresses.forEach(a -> dnsEvidence.addAll(a.evidence()));
        dnsEvidence.addAll(txtEvidence);
        if (addresses.stream().allMatch(a -> a.records().isEmpty())) {
            Optional<DnsAnswer> failed = addresses.stream().filter(DnsAnswers::failed).findFirst();
            if (failed.isPresent()) {
                return List.of(DnsAnswers.lookupFailed(failed.get(), "the address of the MTA-STS policy host could"
                        + " not be read, so the policy was not fetched", WHO));
            }
            return List.of(new Finding(MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE, Severity.WARNING, domain,
                    "_mta-sts." + domain + " announces an MTA-STS policy, but its host " + host + " has no A or AAAA"
                            + " record, so senders cannot fetch it." + NO_POLICY, dnsEvidence,
                    "Publish the address of the web server that serves " + MtaStsPolicySource.policyUri(domain)
                            + ", or remove the _mta-sts." + domain + " record.", WHO));
        }
        ctx.cancellation().throwIfCancelled();
        PolicyFetch fetch = source.fetch(domain, ctx.options().timeout(), ctx.cancellation());
        List<String> evidence = new ArrayList<>(fetch.evidence());
        evidence.addAll(dnsEvidence);
        String url = MtaStsPolicySource.policyUri(domain).toString();
        String serveIt = "Serve the policy at " + url + " with status 200, Content-Type text/plain, from a server"
                + " whose certificate is valid for " + host + " (issued by a public certificate authority).";
        return switch (fetch) {
            case PolicyFetch.Retrieved r -> evaluate(ctx, domain, r, txtEvidence, txtUsable);
            case PolicyFetch.Unreachable u -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE,
                    domain, "The MTA-STS policy of " + domain + " could not be fetched from " + url + ": "
                            + u.reason() + ".", evidence, serveIt));
            case PolicyFetch.TlsFailed t -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_TLS, domain,
                    "The MTA-STS policy of " + domain + " could not be fetched securely from " + url + ": "
                            + t.reason() + ", and senders accept a policy only over valid TLS.", evidence,
                    "Install a certificate valid for " + host + ", issued by a public certificate authority, with"
                            + " its intermediate certificates."));
            case PolicyFetch.Redirected r -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_REDIRECT, domain,
                    url + " answers with a redirect (HTTP " + r.status() + r.location().map(l -> " to "
                            + DnsText.clip(l)).orElse("") + "), which senders must not follow (RFC 8461 §3.3):"
                            + " they get no policy.", evidence, "Serve the policy file itself at " + url
                            + ", without a redirect (also none from a path without the final slash or to www)."));
            case PolicyFetch.WrongStatus w -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_HTTP_STATUS,
                    domain, url + " answers HTTP " + w.status() + " instead of 200: senders get no policy.",
                    evidence, serveIt));
            case PolicyFetch.WrongMediaType m -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_MEDIA_TYPE,
                    domain, url + " serves the policy " + m.contentType().map(c -> "as " + DnsText.clip(c))
                            .orElse("without a Content-Type") + ", not as text/plain: senders that check the media"
                            + " type, as RFC 8461 §3.3 asks, discard it.", evidence,
                    "Serve the file with \"Content-Type: text/plain\"."));
            case PolicyFetch.TooLarge l -> List.of(fetchFailed(MtaStsFindingCodes.MTA_STS_POLICY_TOO_LARGE, domain,
                    url + " sends more than " + l.limit() / 1024 + " KB: that is not a policy file, and senders"
                            + " stop reading it.", evidence, "Serve only the policy file (a few lines) at " + url
                            + "."));
        };
    }

    private static Finding fetchFailed(String code, String domain, String message, List<String> evidence,
                                       String remediation) {
        return new Finding(code, Severity.WARNING, domain, message + NO_POLICY, evidence, remediation, WHO);
    }

    private static List<Finding> evaluate(CheckContext ctx, String domain, PolicyFetch.Retrieved retrieved,
                                          List<String> txtEvidence, boolean txtUsable) {
        List<String> evidence = new ArrayList<>(retrieved.evidence());
        List<String> lines = retrieved.body().lines().toList();
        lines.stream().limit(MAX_POLICY_LINES).forEach(l -> evidence.add("  " + DnsText.clip(l)));
        if (lines.size() > MAX_POLICY_LINES) {
            evidence.add(";; … " + (lines.size() - MAX_POLICY_LINES) + " more lines");
        }
        List<String> withTxt = new ArrayList<>(evidence);
        withTxt.addAll(txtEvidence);
        MtaStsPolicy.Parsed parsed = MtaStsPolicy.parse(retrieved.body());
        if (parsed.policy().isEmpty()) {
            return List.of(new Finding(MtaStsFindingCodes.MTA_STS_POLICY_SYNTAX, Severity.WARNING, domain,
                    "The MTA-STS policy of " + domain + " is not valid (" + DnsText.join(parsed.problems(), "; ")
                            + "): senders discard it." + NO_POLICY, withTxt, "Correct the file at "
                    + MtaStsPolicySource.policyUri(domain) + ", e.g. \"version: STSv1\", \"mode: testing\", one"
                    + " \"mx: <host>\" line per MX host, \"max_age: 604800\", each on its own line; then change the"
                    + " id in _mta-sts." + domain + ".", WHO));
        }
        MtaStsPolicy policy = parsed.policy().get();
        if (policy.mode().equals("none")) {
            return List.of(new Finding(MtaStsFindingCodes.MTA_STS_MODE_NONE, Severity.INFO, domain, "The MTA-STS"
                    + " policy of " + domain + " has mode none: senders apply no MTA-STS (a domain uses it to"
                    + " withdraw its policy).", withTxt, "Nothing, if MTA-STS is being withdrawn; otherwise set"
                    + " \"mode: testing\" or \"mode: enforce\" and change the id in _mta-sts." + domain + ".",
                    Actor.NOBODY));
        }
        return compareMx(ctx, domain, policy, evidence, txtEvidence, txtUsable);
    }

    /** RFC 8461 §4.1: every MX host must match an mx pattern, or senders in enforce mode skip it. */
    private static List<Finding> compareMx(CheckContext ctx, String domain, MtaStsPolicy policy,
                                           List<String> policyEvidence, List<String> txtEvidence,
                                           boolean txtUsable) {
        boolean enforce = policy.mode().equals("enforce");
        DnsAnswer mx = ctx.dns().lookup(domain, Type.MX, ctx.cancellation());
        List<String> evidence = new ArrayList<>(policyEvidence);
        evidence.addAll(mx.evidence());
        evidence.addAll(txtEvidence);
        List<Finding> findings = new ArrayList<>();
        Optional<List<String>> known = mxHosts(domain, mx);
        if (DnsAnswers.failed(mx)) {
            findings.add(DnsAnswers.lookupFailed(mx, "the MX hosts of " + domain + " could not be compared with its"
                    + " MTA-STS policy", WHO));
        }
        List<String> hosts = known.orElse(List.of());
        List<String> unmatched = hosts.stream().filter(h -> policy.matching(h).isEmpty()).toList();
        String patterns = String.join(", ", policy.mx());
        if (!unmatched.isEmpty()) {
            boolean all = unmatched.size() == hosts.size();
            String what = all ? "matches none of the MX hosts of " + domain + " (" + DnsText.join(hosts, ", ") + ")"
                    : "does not match the MX host" + (unmatched.size() == 1 ? " " : "s ")
                    + DnsText.join(unmatched, ", ") + " of " + domain;
            String consequence = enforce
                    ? (all ? "senders that honour MTA-STS deliver no mail to " + domain + "."
                    : "senders that honour MTA-STS will not deliver to " + (unmatched.size() == 1 ? "that host"
                    : "those hosts") + ", only to " + DnsText.join(hosts.stream().filter(h -> !unmatched.contains(h))
                    .toList(), ", ") + ".")
                    : "in testing mode senders still deliver (and report the failure), but in enforce mode they"
                    + " would not.";
            findings.add(new Finding(MtaStsFindingCodes.MTA_STS_MX_MISMATCH, enforce ? Severity.ERROR
                    : Severity.WARNING, domain, "The MTA-STS policy of " + domain + " (mode " + policy.mode()
                    + ", mx " + DnsText.clip(patterns) + ") " + what + ": " + consequence, evidence,
                    "Add an mx line for each MX host to the policy at " + MtaStsPolicySource.policyUri(domain)
                            + " (e.g. \"mx: " + unmatched.getFirst() + "\") and change the id in the _mta-sts."
                            + domain + " TXT record so that senders fetch it again; or"
                            + " correct the MX records.", WHO));
        }
        if (!enforce) {
            findings.add(new Finding(MtaStsFindingCodes.MTA_STS_MODE_TESTING, Severity.INFO, domain, "The MTA-STS"
                    + " policy of " + domain + " is in testing mode: senders report TLS failures (to the TLS-RPT"
                    + " address) but deliver anyway" + (known.isPresent() && unmatched.isEmpty() && !hosts.isEmpty()
                    ? "; every MX host matches its mx patterns" : "") + ".", evidence, "When the TLS reports show no"
                    + " failures, set \"mode: enforce\" and change the id in _mta-sts." + domain + ".", Actor.NOBODY));
        } else if (txtUsable && findings.isEmpty() && !hosts.isEmpty()) {
            List<String> pairs = hosts.stream().map(h -> h + " → " + policy.matching(h).orElseThrow()).toList();
            findings.add(new Finding(MtaStsFindingCodes.MTA_STS_OK, Severity.OK, domain, domain + " enforces"
                    + " MTA-STS (max_age " + policy.maxAge() + " s) and its policy matches every MX host ("
                    + DnsText.join(pairs, ", ") + "): senders that honour it deliver only over TLS with a valid"
                    + " certificate.", evidence, "", Actor.NOBODY));
        }
        return findings;
    }

    /**
     * The hosts senders deliver to: the MX targets, or the domain itself when it has no MX (implicit MX, RFC 5321
     * §5.1); empty when there is nothing to compare (the lookup failed, the domain does not exist, or null MX).
     */
    private static Optional<List<String>> mxHosts(String domain, DnsAnswer mx) {
        if (DnsAnswers.failed(mx) || mx.status() == DnsStatus.NXDOMAIN) {
            return Optional.empty();
        }
        List<Name> targets = mx.records().stream().filter(MXRecord.class::isInstance)
                .map(r -> ((MXRecord) r).getTarget()).toList();
        if (targets.isEmpty()) {
            return Optional.of(List.of(domain));
        }
        if (targets.contains(Name.root)) {
            return Optional.empty();
        }
        return Optional.of(targets.stream().map(Addresses::display).map(h -> h.toLowerCase(Locale.ROOT))
                .distinct().toList());
    }

    private static List<Finding> tlsRpt(String domain, DnsAnswer answer) {
        if (DnsAnswers.failed(answer)) {
            return List.of(DnsAnswers.lookupFailed(answer, "whether " + domain + " receives TLS reports (TLS-RPT)"
                    + " could not be read", WHO));
        }
        List<String> records = DnsAnswers.texts(answer).stream().filter(TlsRptRecord::isTlsRptRecord).toList();
        String name = "_smtp._tls." + domain;
        if (records.isEmpty()) {
            return List.of(new Finding(MtaStsFindingCodes.TLSRPT_NONE, Severity.INFO, domain, domain
                    + " publishes no TLS-RPT record (no TXT record beginning with \"v=TLSRPTv1\" at " + name
                    + "): senders send no reports when TLS to its mail servers fails, so its mail team does not"
                    + " learn of such failures.", answer.evidence(), "Optional: publish TXT \"v=TLSRPTv1;"
                    + " rua=mailto:tls-reports@" + domain + "\" at " + name + " to receive daily reports"
                    + " (RFC 8460).", Actor.NOBODY));
        }
        if (records.size() > 1) {
            return List.of(new Finding(MtaStsFindingCodes.TLSRPT_MULTIPLE, Severity.WARNING, domain, name
                    + " publishes " + records.size() + " TLS-RPT records: senders then send no TLS reports at all"
                    + " (RFC 8460 §3 allows exactly one).", answer.evidence(), "Keep exactly one \"v=TLSRPTv1;"
                    + " rua=…\" record at " + name + "; list several addresses in its rua, separated by ','.",
                    WHO));
        }
        TlsRptRecord record = TlsRptRecord.parse(records.getFirst());
        if (!record.problems().isEmpty()) {
            return List.of(new Finding(MtaStsFindingCodes.TLSRPT_INVALID, Severity.WARNING, domain, "The TLS-RPT"
                    + " record at " + name + " is not valid (" + DnsText.join(record.problems(), "; ") + "):"
                    + " senders send no TLS reports.", answer.evidence(), "Publish \"v=TLSRPTv1;"
                    + " rua=mailto:tls-reports@" + domain + "\" (or an https: URL) at " + name + ".", WHO));
        }
        return List.of(new Finding(MtaStsFindingCodes.TLSRPT_OK, Severity.OK, domain, domain + " receives TLS"
                + " reports (TLS-RPT) at " + DnsText.join(record.rua(), ", ") + ".", answer.evidence(), "",
                Actor.NOBODY));
    }
}
