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
import org.xbill.DNS.Type;

/**
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) of a recipient domain. A domain whose policy is in enforce mode but does
 * not list one of its MX hosts, makes senders that honour MTA-STS refuse to deliver to that host: TLS deferrals and
 * bounces in the Email Log. Reads {@code _mta-sts.<domain>} TXT; when it announces a policy, fetches it from
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (through the {@link MtaStsPolicySource}), parses it and
 * compares its mx patterns with the MX hosts; reads {@code _smtp._tls.<domain>} TXT.
 */
public final class MtaStsCheck implements DomainCheck {

    static final FindingTexts TEXTS = FindingTexts.of(MtaStsCheck.class);
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    /** Policy lines quoted at most in the evidence. */
    static final int MAX_POLICY_LINES = 30;
    /** What senders do when they cannot get a usable policy (RFC 8461 §5.1). */
    private static final LocalText NO_POLICY = TEXTS.text("phrase.noPolicy");

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
        if (txt.stream().allMatch(a -> a.status() == DnsStatus.NXDOMAIN) && domainMissing(ctx, domain)) {
            return CheckOutcome.of(List.of());
        }
        Inspection sts = mtaSts(ctx, domain, txt.get(0));
        List<Finding> findings = new ArrayList<>(sts.findings());
        findings.addAll(tlsRpt(domain, txt.get(1)));
        if (findings.stream().anyMatch(MtaStsCheck::absentRecord) && onlyNullMx(ctx, domain)) {
            findings.removeIf(MtaStsCheck::absentRecord);
        }
        return CheckOutcome.of(findings).withMtaStsPolicy(sts.policy());
    }

    /** MTA_STS_NONE and TLSRPT_NONE: a record that is not there, said as what senders then do with TLS. */
    private static boolean absentRecord(Finding f) {
        return f.code().equals(MtaStsFindingCodes.MTA_STS_NONE) || f.code().equals(MtaStsFindingCodes.TLSRPT_NONE);
    }

    /**
     * Whether the domain's only MX is a null MX (RFC 7505 §3: it accepts no mail). Such a domain has no mail server
     * for senders to use TLS with, nor to fail TLS with: MTA-STS (RFC 8461 §4.1 judges the MX hosts) and TLS-RPT
     * (RFC 8460 reports failed TLS to them) have nothing to apply to, so "no policy" and "no reports" are left out
     * as for a domain that does not exist, and MX_NULL says the one fact. A policy that is published there all the
     * same is MTA_STS_NULL_MX. The MX question is the MX check's, asked once a run.
     */
    private static boolean onlyNullMx(CheckContext ctx, String domain) {
        return MailHosts.of(domain, ctx.dns().lookup(domain, Type.MX, ctx.cancellation())) instanceof MailHosts.NullMx;
    }

    /**
     * Whether the domain itself does not exist. An NXDOMAIN for {@code _mta-sts.<domain>} is the usual "no policy"
     * (RFC 8461 §3.1: a policy is announced by that TXT record), but when the domain itself is NXDOMAIN there is no
     * one to advise to publish a policy or a TLS-RPT record, and no mail to protect: the existence and MX checks say
     * DOMAIN_NXDOMAIN once, and this check says nothing (as the DANE and blocklist checks do), which the app shows as
     * "nothing to check". Asked only when both policy names are NXDOMAIN (below a name that does not exist nothing
     * exists, RFC 8020 §2, so a record at either proves the domain), and with the MX question, which the MX, DANE and
     * blocklist checks ask too, so that a run asks it once.
     */
    private static boolean domainMissing(CheckContext ctx, String domain) {
        return MailHosts.of(domain, ctx.dns().lookup(domain, Type.MX, ctx.cancellation()))
                instanceof MailHosts.NoSuchDomain;
    }

    /** What the MTA-STS part found: its findings, and the policy when one was fetched and parsed. */
    private record Inspection(List<Finding> findings, Optional<PublishedPolicy> policy) {
        static Inspection of(List<Finding> findings) {
            return new Inspection(findings, Optional.empty());
        }
    }

    private Inspection mtaSts(CheckContext ctx, String domain, DnsAnswer answer) {
        if (DnsAnswers.failed(answer)) {
            return Inspection.of(List.of(lookupFailed(answer, TEXTS.text("lookupFailed.mtaSts", domain))));
        }
        List<String> texts = DnsAnswers.texts(answer);
        List<String> records = texts.stream().filter(StsTxtRecord::isStsRecord).toList();
        if (records.isEmpty()) {
            return Inspection.of(List.of(none(domain, answer, texts)));
        }
        List<Finding> findings = new ArrayList<>();
        if (records.size() > 1) {
            findings.add(TEXTS.finding(MtaStsFindingCodes.MTA_STS_TXT_MULTIPLE, Severity.WARNING, domain,
                    answer.evidence(), WHO, MtaStsFindingCodes.MTA_STS_TXT_MULTIPLE, domain, records.size()));
        } else {
            StsTxtRecord record = StsTxtRecord.parse(records.getFirst());
            if (!record.problems().isEmpty()) {
                findings.add(TEXTS.finding(MtaStsFindingCodes.MTA_STS_TXT_INVALID, Severity.WARNING, domain,
                        answer.evidence(), WHO, MtaStsFindingCodes.MTA_STS_TXT_INVALID, domain,
                        DnsText.joinText(record.problems(), "; ")));
            }
        }
        // the file is fetched even when the record is unusable: senders holding a cached copy still apply it
        Inspection policy = policy(ctx, domain, answer.evidence(), findings.isEmpty());
        findings.addAll(policy.findings());
        return new Inspection(findings, policy.policy());
    }

    private static Finding none(String domain, DnsAnswer answer, List<String> texts) {
        List<String> nearMisses = texts.stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(StsTxtRecord.VERSION.toLowerCase(Locale.ROOT)))
                .toList();
        String code = MtaStsFindingCodes.MTA_STS_NONE;
        return nearMisses.isEmpty()
                ? TEXTS.finding(code, Severity.INFO, domain, answer.evidence(), Actor.NOBODY, code, domain)
                : TEXTS.finding(code, Severity.INFO, domain, answer.evidence(), WHO, code + ".nearMiss", domain,
                        DnsText.clipText(nearMisses.getFirst()));
    }

    /**
     * Fetches, parses and applies the policy; {@code txtEvidence}: the _mta-sts answer, quoted after the evidence of
     * each step; {@code txtUsable}: the TXT record has no problem of its own.
     */
    private Inspection policy(CheckContext ctx, String domain, List<String> txtEvidence, boolean txtUsable) {
        String host = MtaStsPolicySource.policyHost(domain);
        List<DnsAnswer> addresses = Parallel.map(List.of(Type.A, Type.AAAA),
                type -> ctx.dns().lookup(host, type, ctx.cancellation()));
        List<String> dnsEvidence = new ArrayList<>();
        addresses.forEach(a -> dnsEvidence.addAll(a.evidence()));
        dnsEvidence.addAll(txtEvidence);
        if (addresses.stream().allMatch(a -> a.records().isEmpty())) {
            Optional<DnsAnswer> failed = addresses.stream().filter(DnsAnswers::failed).findFirst();
            if (failed.isPresent()) {
                return Inspection.of(List.of(lookupFailed(failed.get(), TEXTS.text("lookupFailed.policyHost"))));
            }
            return Inspection.of(List.of(TEXTS.finding(MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE, Severity.WARNING, domain,
                    dnsEvidence, WHO, MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE + ".noAddress", domain,
                    MtaStsPolicySource.policyUri(domain).toString(), host, NO_POLICY)));
        }
        ctx.cancellation().throwIfCancelled();
        PolicyFetch fetch = source.fetch(domain, ctx.options().timeout(), ctx.cancellation());
        List<String> evidence = new ArrayList<>(fetch.evidence());
        evidence.addAll(dnsEvidence);
        String url = MtaStsPolicySource.policyUri(domain).toString();
        // every text of a failed fetch gets the domain, the URL, the host, what senders then do, and its own details
        FetchFailure failed = (code, variant, details) -> {
            Object[] args = new Object[4 + details.length];
            args[0] = domain;
            args[1] = url;
            args[2] = host;
            args[3] = NO_POLICY;
            System.arraycopy(details, 0, args, 4, details.length);
            LocalText message = TEXTS.text(code + variant + ".message", args);
            return Inspection.of(List.of(new Finding(code, Severity.WARNING, domain, message, evidence,
                    TEXTS.text(code + ".remediation", args), WHO)));
        };
        return switch (fetch) {
            case PolicyFetch.Retrieved r -> evaluate(ctx, domain, r, txtEvidence, txtUsable);
            case PolicyFetch.Unreachable u -> failed.of(MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE, "",
                    u.reason());
            // the addresses above came from the check's resolver; the HTTPS client asks this computer's own
            case PolicyFetch.HostNotFound h -> Inspection.of(List.of(TEXTS.finding(
                    MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE, Severity.WARNING, domain,
                    withLookups(h, addresses, evidence), Actor.LOCAL_NETWORK,
                    MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE + ".localLookup", domain, url, h.host())));
            // through this computer's proxy: the proxy's failure cannot be told from the policy host's
            case PolicyFetch.ProxyFailed p -> Inspection.of(List.of(TEXTS.finding(
                    MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE, Severity.WARNING, domain, evidence,
                    Actor.LOCAL_NETWORK, MtaStsFindingCodes.MTA_STS_POLICY_UNREACHABLE + ".proxy", domain, url,
                    host, p.proxy(), p.reason())));
            case PolicyFetch.TlsFailed t -> failed.of(MtaStsFindingCodes.MTA_STS_POLICY_TLS, "", t.reason());
            case PolicyFetch.Redirected r -> r.location().isPresent()
                    ? failed.of(MtaStsFindingCodes.MTA_STS_POLICY_REDIRECT, "", r.status(),
                            DnsText.clipText(r.location().get()))
                    : failed.of(MtaStsFindingCodes.MTA_STS_POLICY_REDIRECT, ".noLocation", r.status());
            case PolicyFetch.WrongStatus w -> failed.of(MtaStsFindingCodes.MTA_STS_POLICY_HTTP_STATUS, "",
                    w.status());
            case PolicyFetch.WrongMediaType m -> m.contentType().isPresent()
                    ? failed.of(MtaStsFindingCodes.MTA_STS_POLICY_MEDIA_TYPE, "",
                            DnsText.clipText(m.contentType().get()))
                    : failed.of(MtaStsFindingCodes.MTA_STS_POLICY_MEDIA_TYPE, ".noType");
            case PolicyFetch.TooLarge l -> failed.of(MtaStsFindingCodes.MTA_STS_POLICY_TOO_LARGE, "",
                    l.limit() / 1024);
        };
    }

    /**
     * The evidence of a fetch that failed on its own name lookup, with a line that says which resolvers disagree: the
     * JDK's HTTP client resolves the host through {@code InetAddress}, which asks the operating system (getaddrinfo:
     * its hosts file and DNS settings; its exception names neither the host nor a server), while the check's
     * A/AAAA answers came from the servers the user chose, named here as in their evidence lines.
     */
    private static List<String> withLookups(PolicyFetch.HostNotFound fetch, List<DnsAnswer> addresses,
                                            List<String> evidence) {
        String servers = String.join(", ", addresses.stream().map(DnsAnswer::server).filter(s -> !s.isEmpty())
                .distinct().toList());
        List<String> lines = new ArrayList<>(evidence);
        lines.add(Math.min(fetch.evidence().size(), lines.size()), ";; " + fetch.host() + ": not found by this"
                + " computer's own name lookup (the operating system's, through the JDK: its hosts file and DNS"
                + " settings), which the HTTPS request uses; the A/AAAA answers below came from the DNS checks'"
                + " resolver" + (servers.isEmpty() ? "" : " (" + servers + ")"));
        return lines;
    }

    /** The finding of a fetch that gave no usable policy: {@code CODE[variant].message}, {@code CODE.remediation}. */
    @FunctionalInterface
    private interface FetchFailure {
        Inspection of(String code, String variant, Object... details);
    }

    private static Inspection evaluate(CheckContext ctx, String domain, PolicyFetch.Retrieved retrieved,
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
            return Inspection.of(List.of(TEXTS.finding(MtaStsFindingCodes.MTA_STS_POLICY_SYNTAX, Severity.WARNING,
                    domain, withTxt, WHO, MtaStsFindingCodes.MTA_STS_POLICY_SYNTAX, domain,
                    DnsText.joinText(parsed.problems(), "; "), NO_POLICY,
                    MtaStsPolicySource.policyUri(domain).toString())));
        }
        MtaStsPolicy policy = parsed.policy().get();
        Optional<PublishedPolicy> published = Optional.of(new PublishedPolicy(domain, policy, evidence));
        if (policy.mode().equals("none")) {
            return new Inspection(List.of(TEXTS.finding(MtaStsFindingCodes.MTA_STS_MODE_NONE, Severity.INFO, domain,
                    withTxt, Actor.NOBODY, MtaStsFindingCodes.MTA_STS_MODE_NONE, domain)), published);
        }
        return new Inspection(compareMx(ctx, domain, policy, evidence, txtEvidence, txtUsable), published);
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
        MailHosts mailHosts = MailHosts.of(domain, mx);
        if (mailHosts instanceof MailHosts.NullMx) {
            return List.of(nullMx(domain, policy, evidence));
        }
        List<Finding> findings = new ArrayList<>();
        // the MX targets, or the domain itself when it has no MX (implicit MX, RFC 5321 §5.1); none when the lookup
        // failed or the domain does not exist. Beside a null MX the other hosts are compared: senders that ignore
        // it there (Exim) deliver to them.
        Optional<List<String>> known = mailHosts instanceof MailHosts.Hosts named ? Optional.of(named.names())
                : Optional.empty();
        if (DnsAnswers.failed(mx)) {
            findings.add(lookupFailed(mx, TEXTS.text("lookupFailed.mx", domain)));
        }
        List<String> hosts = known.orElse(List.of());
        List<String> unmatched = hosts.stream().filter(h -> policy.matching(h).isEmpty()).toList();
        String patterns = String.join(", ", policy.mx());
        if (!unmatched.isEmpty()) {
            boolean all = unmatched.size() == hosts.size();
            String code = MtaStsFindingCodes.MTA_STS_MX_MISMATCH;
            String key = code + (all ? ".none" : ".some") + (enforce ? ".enforce" : ".testing") + ".message";
            LocalText message = TEXTS.text(key, domain, policy.mode(), DnsText.clipText(patterns),
                    DnsText.joinText(all ? hosts : unmatched, ", "), unmatched.size(),
                    DnsText.joinText(hosts.stream().filter(h -> !unmatched.contains(h)).toList(), ", "));
            LocalText remediation = TEXTS.text(code + ".remediation", domain,
                    MtaStsPolicySource.policyUri(domain).toString(), unmatched.getFirst());
            findings.add(new Finding(code, enforce ? Severity.ERROR : Severity.WARNING, domain, message, evidence,
                    remediation, WHO));
        }
        if (!enforce) {
            String code = MtaStsFindingCodes.MTA_STS_MODE_TESTING;
            boolean allMatch = known.isPresent() && unmatched.isEmpty() && !hosts.isEmpty();
            findings.add(new Finding(code, Severity.INFO, domain,
                    TEXTS.text(code + (allMatch ? ".allMatch" : "") + ".message", domain), evidence,
                    TEXTS.text(code + ".remediation", domain), Actor.NOBODY));
        } else if (txtUsable && findings.isEmpty() && !hosts.isEmpty()) {
            List<String> pairs = hosts.stream().map(h -> h + " → " + policy.matching(h).orElseThrow()).toList();
            findings.add(TEXTS.finding(MtaStsFindingCodes.MTA_STS_OK, Severity.OK, domain, evidence, Actor.NOBODY,
                    MtaStsFindingCodes.MTA_STS_OK, domain, policy.maxAge(), DnsText.joinText(pairs, ", ")));
        }
        return findings;
    }

    /**
     * A policy in mode enforce or testing for a domain whose only MX is a null MX (RFC 7505: it accepts no mail). The
     * two contradict each other, but no mail is lost to the policy: senders find no host to apply it to and return
     * the mail at once, as the null MX asks, whatever the policy says (RFC 8461 §4.1 and §5 judge MX hosts, and there
     * are none). INFO, not a warning: MX_NULL already reports that the domain receives no mail. One side is a
     * mistake, and only the recipient can say which: a leftover policy of a domain that no longer receives mail, or a
     * null MX where mail servers should be. Beside other MX hosts a null MX is not this case: those hosts are compared
     * (senders that ignore the null MX there, as Exim does, deliver to them).
     */
    private static Finding nullMx(String domain, MtaStsPolicy policy, List<String> evidence) {
        String code = MtaStsFindingCodes.MTA_STS_NULL_MX;
        return TEXTS.finding(code, Severity.INFO, domain, evidence, WHO, code, domain, policy.mode(),
                MtaStsPolicySource.policyUri(domain).toString(), DnsText.clipText(String.join(", ", policy.mx())));
    }

    private static List<Finding> tlsRpt(String domain, DnsAnswer answer) {
        if (DnsAnswers.failed(answer)) {
            return List.of(lookupFailed(answer, TEXTS.text("lookupFailed.tlsRpt", domain)));
        }
        List<String> records = DnsAnswers.texts(answer).stream().filter(TlsRptRecord::isTlsRptRecord).toList();
        String name = "_smtp._tls." + domain;
        if (records.isEmpty()) {
            return List.of(TEXTS.finding(MtaStsFindingCodes.TLSRPT_NONE, Severity.INFO, domain, answer.evidence(),
                    Actor.NOBODY, MtaStsFindingCodes.TLSRPT_NONE, domain, name));
        }
        if (records.size() > 1) {
            return List.of(TEXTS.finding(MtaStsFindingCodes.TLSRPT_MULTIPLE, Severity.WARNING, domain,
                    answer.evidence(), WHO, MtaStsFindingCodes.TLSRPT_MULTIPLE, domain, name, records.size()));
        }
        TlsRptRecord record = TlsRptRecord.parse(records.getFirst());
        if (!record.problems().isEmpty()) {
            return List.of(TEXTS.finding(MtaStsFindingCodes.TLSRPT_INVALID, Severity.WARNING, domain,
                    answer.evidence(), WHO, MtaStsFindingCodes.TLSRPT_INVALID, domain, name,
                    DnsText.joinText(record.problems(), "; ")));
        }
        return List.of(TEXTS.finding(MtaStsFindingCodes.TLSRPT_OK, Severity.OK, domain, answer.evidence(),
                Actor.NOBODY, MtaStsFindingCodes.TLSRPT_OK, domain, name, DnsText.joinText(record.rua(), ", ")));
    }

    private static Finding lookupFailed(DnsAnswer answer, LocalText consequence) {
        return DnsAnswers.lookupFailed(answer, consequence, WHO);
    }
}
