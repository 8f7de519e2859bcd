package org.mailpath.engine.mtasts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.CertificateFacts;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TlsFacts;

/**
 * Judges what the SMTP probe saw on a domain's MX hosts against the domain's own MTA-STS policy: a sender that
 * applies the policy refuses to deliver to a host that offers no STARTTLS, negotiates no TLS 1.2 or later, or
 * presents a certificate that is expired (or not valid yet), does not chain to a trusted authority, or does not
 * name the host in a DNS subjectAltName (RFC 8461 §4.2, §5; unlike the probe's general check, a subject CN alone
 * does not do). The judgement rests on the probe's {@link TlsFacts}; its findings are only quoted as evidence. The
 * probe reports each problem on its own; this is the conclusion for the recipient's mail team: their policy makes
 * senders refuse that host. Hosts the policy's mx patterns do not match are left out:
 * {@link MtaStsFindingCodes#MTA_STS_MX_MISMATCH} already says senders refuse them.
 */
public final class StsTlsCrossCheck {

    private static final FindingTexts TEXTS = MtaStsCheck.TEXTS;
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;

    private StsTlsCrossCheck() {
    }

    /** Why a sender applying the policy refuses an address; {@code codes}: the probe findings quoted for it. */
    public enum Refusal {
        NO_STARTTLS("phrase.refusal.noStartTls", SmtpCodes.SMTP_NO_STARTTLS, SmtpCodes.SMTP_STARTTLS_REJECTED),
        HANDSHAKE_FAILED("phrase.refusal.handshakeFailed", SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED),
        OLD_TLS("phrase.refusal.oldTls", SmtpCodes.SMTP_TLS_OLD_PROTOCOL),
        UNTRUSTED("phrase.refusal.untrusted", SmtpCodes.SMTP_CERT_UNTRUSTED, SmtpCodes.SMTP_CERT_SELF_SIGNED),
        EXPIRED("phrase.refusal.expired", SmtpCodes.SMTP_CERT_EXPIRED),
        NOT_YET_VALID("phrase.refusal.notYetValid", SmtpCodes.SMTP_CERT_NOT_YET_VALID),
        NAME_MISMATCH("phrase.refusal.nameMismatch", SmtpCodes.SMTP_CERT_NAME_MISMATCH),
        /** The host is named only in the subject CN, which the probe's general check accepts but MTA-STS does not. */
        NAME_ONLY_IN_CN("phrase.refusal.nameOnlyInCn", SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN);

        private final String key;
        private final Set<String> codes;

        Refusal(String key, String... codes) {
            this.key = key;
            this.codes = Set.of(codes);
        }

        /** In the reader's language, as a clause ("it offers no STARTTLS"). */
        public LocalText text() {
            return TEXTS.text(key);
        }
    }

    /** How one probed address fares under the policy. */
    public sealed interface Verdict {
        /** The conversation ended before STARTTLS was decided (no connection, no greeting, …): nothing to judge. */
        record Untested() implements Verdict {
        }

        /** STARTTLS, TLS 1.2 or later and a valid, trusted certificate naming the host in a subjectAltName. */
        record Meets() implements Verdict {
        }

        /** Senders applying the policy refuse it, for these reasons; {@code causes}: the probe's findings on them. */
        record Refused(Set<Refusal> reasons, List<Finding> causes) implements Verdict {
            public Refused {
                reasons = Set.copyOf(EnumSet.copyOf(reasons));
                causes = List.copyOf(causes);
            }
        }
    }

    /** The verdict on one probed address, from what the probe established about STARTTLS and the certificate. */
    public static Verdict verdict(TargetResult result) {
        if (result.tlsFacts() instanceof TlsFacts.NotReached) {
            return new Verdict.Untested();
        }
        Set<Refusal> reasons = reasons(result.tlsFacts());
        if (reasons.isEmpty()) {
            return new Verdict.Meets();
        }
        List<Finding> causes = result.findings().stream()
                .filter(f -> reasons.stream().anyMatch(r -> r.codes.contains(f.code()))).toList();
        return new Verdict.Refused(reasons, causes);
    }

    private static Set<Refusal> reasons(TlsFacts facts) {
        return switch (facts) {
            case TlsFacts.NotReached _ -> EnumSet.noneOf(Refusal.class);
            case TlsFacts.NotOffered _, TlsFacts.Rejected _ -> EnumSet.of(Refusal.NO_STARTTLS);
            case TlsFacts.HandshakeFailed h -> EnumSet.of(h.olderThanTls12() ? Refusal.OLD_TLS
                    : Refusal.HANDSHAKE_FAILED);
            case TlsFacts.Established e -> reasons(e);
        };
    }

    private static Set<Refusal> reasons(TlsFacts.Established tls) {
        Set<Refusal> reasons = EnumSet.noneOf(Refusal.class);
        CertificateFacts certificate = tls.certificate();
        if (!tls.modernProtocol()) {
            reasons.add(Refusal.OLD_TLS);
        }
        if (certificate.trust() != CertificateFacts.Trust.TRUSTED) {
            reasons.add(Refusal.UNTRUSTED);
        }
        if (certificate.expired()) {
            reasons.add(Refusal.EXPIRED);
        }
        if (certificate.notYetValid()) {
            reasons.add(Refusal.NOT_YET_VALID);
        }
        switch (certificate.name()) {
            case NONE -> reasons.add(Refusal.NAME_MISMATCH);
            case COMMON_NAME_ONLY -> reasons.add(Refusal.NAME_ONLY_IN_CN);
            case SUBJECT_ALT_NAME -> { }
        }
        return reasons;
    }

    /**
     * The findings for {@code published}'s domain given the probe's results for its MX hosts (other results, and
     * hosts the policy does not list, are ignored); none in mode {@code none} or when no probed host is listed.
     */
    public static List<Finding> judge(PublishedPolicy published, List<TargetResult> results) {
        MtaStsPolicy policy = published.policy();
        String domain = published.domain();
        boolean enforce = published.enforce();
        if (!enforce && !policy.mode().equals("testing")) {
            return List.of();
        }
        Map<String, List<TargetResult>> byHost = new LinkedHashMap<>();
        for (TargetResult r : results) {
            String host = r.target().host();
            if (sameName(r.target().domain(), domain) && policy.matching(host).isPresent()) {
                byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(r);
            }
        }
        if (byHost.isEmpty()) {
            return List.of();
        }
        List<HostVerdict> hosts = byHost.entrySet().stream().map(e -> HostVerdict.of(e.getKey(), e.getValue()))
                .toList();
        List<String> passing = hosts.stream().filter(HostVerdict::usable).map(HostVerdict::host).toList();
        List<String> untested = hosts.stream().filter(HostVerdict::untested).map(HostVerdict::host).toList();
        List<HostVerdict> refused = hosts.stream().filter(h -> !h.refused().isEmpty()).toList();
        if (passing.isEmpty() && refused.isEmpty()) {
            return List.of(TEXTS.finding(MtaStsFindingCodes.MTA_STS_HOSTS_UNTESTED, Severity.INFO, domain,
                    published.evidence(), Actor.NOBODY, MtaStsFindingCodes.MTA_STS_HOSTS_UNTESTED, domain,
                    policy.mode(), String.join(", ", untested)));
        }
        String code = MtaStsFindingCodes.MTA_STS_HOST_REFUSED;
        boolean anyUntestedAddress = hosts.stream().anyMatch(HostVerdict::anyUntested);
        if (enforce && passing.isEmpty() && !anyUntestedAddress) {
            Object all = join(refused.stream().<Object>map(h -> TEXTS.text("phrase.hostRefused", h.host(),
                    h.reasonsText())).toList(), "phrase.hostList");
            return List.of(TEXTS.variant(code, Severity.ERROR, domain, evidence(published, refused), WHO,
                    code + ".all.message", code + ".all.remediation", domain, all, policy.maxAge()));
        }
        List<Finding> findings = new ArrayList<>();
        for (HostVerdict h : refused) {
            findings.add(TEXTS.variant(code, enforce ? Severity.ERROR : Severity.WARNING, h.host(),
                    evidence(published, List.of(h)), WHO, code + (enforce ? ".enforce" : ".testing") + ".message",
                    code + ".remediation", domain, h.host(), h.addresses(), h.reasonsText(), policy.maxAge()));
        }
        if (refused.isEmpty()) {
            String pass = MtaStsFindingCodes.MTA_STS_HOSTS_PASS;
            String key = pass + (enforce ? ".enforce" : ".testing") + (untested.isEmpty() ? "" : ".partial");
            findings.add(TEXTS.finding(pass, enforce ? Severity.OK : Severity.INFO, domain, published.evidence(),
                    Actor.NOBODY, key, domain, String.join(", ", passing), String.join(", ", untested)));
        }
        return findings;
    }

    /**
     * The probe's findings behind each refusal (one line each, in English as all evidence), the certificate's names
     * when only its CN names the host and no quoted finding says so already, then the policy.
     */
    private static List<String> evidence(PublishedPolicy published, List<HostVerdict> hosts) {
        List<String> lines = new ArrayList<>();
        for (HostVerdict h : hosts) {
            for (TargetResult r : h.results()) {
                if (verdict(r) instanceof Verdict.Refused refused) {
                    refused.causes().forEach(f -> lines.add(";; " + r.target().label() + " " + f.code() + ": "
                            + f.message()));
                    // a real probe reports SMTP_CERT_NAME_ONLY_IN_CN with the CN and RFC 8461 in its words
                    boolean cnQuoted = refused.causes().stream()
                            .anyMatch(f -> Refusal.NAME_ONLY_IN_CN.codes.contains(f.code()));
                    if (refused.reasons().contains(Refusal.NAME_ONLY_IN_CN) && !cnQuoted
                            && r.tlsFacts() instanceof TlsFacts.Established tls) {
                        lines.add(";; " + r.target().label() + " certificate: no DNS subjectAltName, subject CN "
                                + String.join(", ", tls.certificate().commonNames())
                                + " (MTA-STS accepts only a subjectAltName, RFC 8461 §4.2)");
                    }
                }
            }
        }
        lines.addAll(published.evidence());
        return lines;
    }

    /** Items (strings or texts of ours) joined pairwise by the phrase {@code key} ("{0}, {1}"). */
    private static Object join(List<Object> items, String key) {
        return TEXTS.joined(key, items);
    }

    /** Domains compared as DNS compares them (a log's Unicode recipient domain is the A-label the probe asked). */
    private static boolean sameName(String a, String b) {
        return IdnaNames.lookupName(a).equals(IdnaNames.lookupName(b));
    }

    /** One MX host (all its probed addresses). */
    private record HostVerdict(String host, List<TargetResult> results, List<Verdict> verdicts) {

        static HostVerdict of(String host, List<TargetResult> results) {
            return new HostVerdict(host, List.copyOf(results), results.stream().map(StsTlsCrossCheck::verdict)
                    .toList());
        }

        /** At least one address a sender applying the policy delivers to. */
        boolean usable() {
            return verdicts.stream().anyMatch(Verdict.Meets.class::isInstance);
        }

        boolean untested() {
            return verdicts.stream().allMatch(Verdict.Untested.class::isInstance);
        }

        boolean anyUntested() {
            return verdicts.stream().anyMatch(Verdict.Untested.class::isInstance);
        }

        List<Verdict.Refused> refused() {
            return verdicts.stream().filter(Verdict.Refused.class::isInstance).map(Verdict.Refused.class::cast)
                    .toList();
        }

        /** The refused addresses, e.g. "192.0.2.1, 2001:db8::1". */
        String addresses() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (verdicts.get(i) instanceof Verdict.Refused) {
                    out.add(results.get(i).target().addressText());
                }
            }
            return String.join(", ", out);
        }

        /** Every reason of every refused address, in the order of {@link Refusal}. */
        Object reasonsText() {
            Set<Refusal> all = EnumSet.noneOf(Refusal.class);
            refused().forEach(r -> all.addAll(r.reasons()));
            return join(all.stream().<Object>map(Refusal::text).toList(), "phrase.reasonList");
        }
    }
}
