package org.mailpath.engine.mx;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.SpecialAddresses;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.MailHost;
import org.mailpath.engine.domain.MailHosts;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The MX set of a recipient domain: preferences, null MX (RFC 7505), implicit MX on A/AAAA (RFC 5321 §5.1),
 * and every target: a CNAME, an IP literal, a name that does not exist or has no address, an address that is not
 * public, or IPv6 addresses only.
 */
public final class MxCheck implements DomainCheck {

    /** MX targets examined at most (by preference); a domain with hundreds is reported, not crawled. */
    public static final int MAX_TARGETS = 20;
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    private static final FindingTexts TEXTS = FindingTexts.of(MxCheck.class);
    /** MX_NULL's wording of a null MX alone ({@link #isNullMxAlone}); ".mixed" is one beside other MX records. */
    private static final String NULL_MX_ALONE = ".alone";
    /** A target's findings that are errors only when no other MX target can take the mail. */
    private static final Set<String> UNUSABLE_TARGET = Set.of(DnsFindingCodes.MX_NO_ADDRESS,
            DnsFindingCodes.MX_INVALID_NAME);
    private static final Pattern IP_THEN_NAME = Pattern.compile(
            "((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})\\..+");

    @Override
    public CheckKind kind() {
        return CheckKind.MX;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        String domain = context.domain();
        // asked plain, as senders ask, not taken from DnssecCheck's DO+CD question: with CD a validating resolver
        // returns a bogus zone's MX instead of the SERVFAIL that senders get (and this check reports)
        DnsAnswer mx = context.dns().lookup(domain, Type.MX, context.cancellation());
        return CheckOutcome.of(switch (MailHosts.of(domain, mx)) {
            case MailHosts.NoSuchDomain _, MailHosts.LookupFailed _ -> LookupFindings.failure(mx).stream().toList();
            case MailHosts.NullMx _ -> List.of(nullMx(domain, mx, NULL_MX_ALONE));
            case MailHosts.Hosts hosts when hosts.implicit() -> implicitMx(context, mx);
            case MailHosts.Hosts hosts -> examine(context, mx, hosts);
        });
    }

    /** The MX hosts: each examined (at most {@link #MAX_TARGETS}), and a null MX beside them reported. */
    private static List<Finding> examine(CheckContext context, DnsAnswer mx, MailHosts.Hosts hosts) {
        String domain = context.domain();
        List<Finding> findings = new ArrayList<>();
        // RFC 7505 §3 forbids a null MX beside others; Postfix then bounces as for a null MX alone, Exim uses the
        // others: those are examined all the same
        if (hosts.nullMxBeside()) {
            findings.add(nullMx(domain, mx, ".mixed"));
        }
        MailHosts.Hosts examined = hosts.first(MAX_TARGETS);
        // MX_TOO_MANY counts the records published (as its text says), a host named by several among them
        long published = mx.records().stream()
                .filter(r -> r instanceof MXRecord m && !m.getTarget().equals(Name.root)).count();
        if (published > MAX_TARGETS) {
            findings.add(TEXTS.finding(DnsFindingCodes.MX_TOO_MANY, Severity.WARNING, domain,
                    mx.evidence().subList(0, Math.min(mx.evidence().size(), MAX_TARGETS + 1)), WHO,
                    DnsFindingCodes.MX_TOO_MANY, domain, published, MAX_TARGETS));
        }
        List<TargetResult> targets = Parallel.map(examined.hosts(),
                h -> target(context.dns(), h, context.cancellation()));
        boolean anyUsable = targets.stream().anyMatch(TargetResult::usable);
        boolean anyIpv4 = targets.stream().anyMatch(TargetResult::ipv4);
        for (TargetResult t : targets) {
            for (Finding f : t.findings) {
                // A target without address, or not a host name, is an error only when no other MX takes the mail.
                findings.add(UNUSABLE_TARGET.contains(f.code()) && anyUsable
                        ? f.withSeverity(Severity.WARNING) : f);
            }
            if (t.ipv6Only) {
                findings.add(ipv6Only(domain, t, anyIpv4));
            }
        }
        if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
            List<String> evidence = new ArrayList<>(mx.evidence());
            targets.forEach(t -> evidence.addAll(t.evidence));
            findings.add(TEXTS.finding(DnsFindingCodes.MX_OK, Severity.OK, domain, evidence, Actor.NOBODY,
                    DnsFindingCodes.MX_OK, domain, String.join(", ", hosts.hosts().stream()
                            .map(h -> h.preference() + " " + h.name()).toList())));
        }
        return findings;
    }

    /**
     * Whether a finding is MX_NULL of a null MX alone, beside no other MX record: the domain says it accepts no mail
     * (RFC 7505), which a report takes as a fact about the domain, not only a check's result. Told by the wording the
     * check gave it, which the finding carries.
     */
    public static boolean isNullMxAlone(Finding f) {
        String alone = DnsFindingCodes.MX_NULL + NULL_MX_ALONE + ".message";
        return f.code().equals(DnsFindingCodes.MX_NULL)
                && f.messageText().filter(t -> t instanceof LocalText l && l.key().equals(alone)).isPresent();
    }

    /** MX_NULL: {@code variant} ".alone" (the domain accepts no mail) or ".mixed" (beside other MX records). */
    private static Finding nullMx(String domain, DnsAnswer mx, String variant) {
        return TEXTS.finding(DnsFindingCodes.MX_NULL, Severity.ERROR, domain, mx.evidence(), WHO,
                DnsFindingCodes.MX_NULL + variant, domain);
    }

    /**
     * One MX target: its findings; {@code usable} a public address; {@code ipv4} a public IPv4 address;
     * {@code ipv6Only} public IPv6 addresses and an A question answered with none.
     */
    private record TargetResult(String host, List<Finding> findings, List<String> evidence, boolean usable,
                                boolean ipv4, boolean ipv6Only) {

        static TargetResult unusable(String host, List<Finding> findings, List<String> evidence) {
            return new TargetResult(host, findings, evidence, false, false, false);
        }
    }

    /**
     * A target senders reach over IPv6 only: a note while another MX has IPv4, a warning when none has (an
     * IPv4-only sender then cannot deliver to the domain at all).
     */
    private static Finding ipv6Only(String domain, TargetResult t, boolean anyIpv4) {
        String code = DnsFindingCodes.MX_IPV6_ONLY;
        return anyIpv4
                ? TEXTS.finding(code, Severity.INFO, t.host, t.evidence, Actor.NOBODY, code + ".others", t.host)
                : TEXTS.finding(code, Severity.WARNING, t.host, t.evidence, WHO, code + ".all", t.host, domain);
    }

    private static TargetResult target(DnsLookup dns, MailHost mx, Cancellation cancellation) {
        String host = mx.name();
        List<Finding> findings = new ArrayList<>();
        // an IP literal or a name that is no host name is not looked up: senders skip it unasked (Postfix:
        // "malformed domain name in resource data of MX record")
        String unusable = mx.ipLiteral() ? DnsFindingCodes.MX_IP_LITERAL
                : !mx.validHostName() ? DnsFindingCodes.MX_INVALID_NAME : "";
        if (!unusable.isEmpty()) {
            List<String> record = mx.record().map(r -> List.of(r.toString())).orElse(List.of());
            findings.add(TEXTS.finding(unusable, Severity.ERROR, host, record, WHO, unusable, host));
            return TargetResult.unusable(host, findings, record);
        }
        List<DnsAnswer> answers = Parallel.map(List.of(Type.A, Type.AAAA), t -> dns.lookup(host, t, cancellation));
        List<String> evidence = new ArrayList<>();
        answers.forEach(a -> evidence.addAll(a.evidence()));
        List<InetAddress> addresses = answers.stream().flatMap(a -> a.records().stream())
                .map(Addresses::of).flatMap(Optional::stream).toList();
        if (answers.stream().anyMatch(a -> !a.cnames().isEmpty())) {
            findings.add(TEXTS.finding(DnsFindingCodes.MX_CNAME, Severity.WARNING, host, evidence, WHO,
                    DnsFindingCodes.MX_CNAME, host));
        }
        if (addresses.isEmpty()) {
            List<Finding> failures = answers.stream()
                    .filter(DnsAnswers::failed)
                    .map(LookupFindings::failure).flatMap(Optional::stream).toList();
            Matcher typo = IP_THEN_NAME.matcher(host);
            if (!failures.isEmpty()) {
                findings.add(failures.getFirst());
            } else if (typo.matches()) {
                // "MX 10 192.0.2.1" in a zone file (no final dot) or a DNS form: the zone's name got appended
                findings.add(TEXTS.finding(DnsFindingCodes.MX_IP_LITERAL, Severity.ERROR, host, evidence, WHO,
                        DnsFindingCodes.MX_IP_LITERAL + ".appended", host, typo.group(1)));
            } else {
                // NXDOMAIN for the host itself (not for a CNAME's target): the name does not exist at all
                boolean nonexistent = answers.stream().anyMatch(a -> a.status() == DnsStatus.NXDOMAIN
                        && a.cnames().isEmpty());
                findings.add(TEXTS.finding(DnsFindingCodes.MX_NO_ADDRESS, Severity.ERROR, host, evidence, WHO,
                        DnsFindingCodes.MX_NO_ADDRESS + (nonexistent ? ".nxdomain" : ""), host));
            }
            return TargetResult.unusable(host, findings, evidence);
        }
        Map<Boolean, List<InetAddress>> privateAndPublic = addresses.stream()
                .collect(Collectors.partitioningBy(SpecialAddresses::notPublic));
        List<InetAddress> hidden = privateAndPublic.get(true);
        if (!hidden.isEmpty()) {
            findings.add(TEXTS.finding(DnsFindingCodes.MX_PRIVATE_ADDRESS, Severity.ERROR, host, evidence, WHO,
                    DnsFindingCodes.MX_PRIVATE_ADDRESS, host, String.join(", ",
                            hidden.stream().map(InetAddresses::toAddrString).toList())));
        }
        List<InetAddress> reachable = privateAndPublic.get(false);
        boolean ipv4 = reachable.stream().anyMatch(Inet4Address.class::isInstance);
        // only a plain "no A record" counts: a failed A question says nothing about IPv4
        boolean ipv6Only = !reachable.isEmpty() && !ipv4 && answers.getFirst().status() == DnsStatus.NODATA;
        return new TargetResult(host, findings, evidence, !reachable.isEmpty(), ipv4, ipv6Only);
    }

    private static List<Finding> implicitMx(CheckContext context, DnsAnswer mx) {
        String domain = context.domain();
        List<DnsAnswer> answers = Parallel.map(List.of(Type.A, Type.AAAA),
                t -> context.dns().lookup(domain, t, context.cancellation()));
        List<String> evidence = new ArrayList<>(mx.evidence());
        answers.forEach(a -> evidence.addAll(a.evidence()));
        List<InetAddress> addresses = answers.stream().flatMap(a -> a.records().stream())
                .map(Addresses::of).flatMap(Optional::stream).toList();
        if (addresses.isEmpty()) {
            // A timed-out or failed A/AAAA question is no proof that the domain has no address.
            List<Finding> failures = answers.stream()
                    .filter(DnsAnswers::failed)
                    .map(LookupFindings::failure).flatMap(Optional::stream).toList();
            if (!failures.isEmpty()) {
                return List.of(failures.getFirst());
            }
            return List.of(TEXTS.finding(DnsFindingCodes.MX_NONE, Severity.ERROR, domain, evidence, WHO,
                    DnsFindingCodes.MX_NONE, domain));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(TEXTS.finding(DnsFindingCodes.MX_MISSING_IMPLICIT, Severity.WARNING, domain, evidence, WHO,
                DnsFindingCodes.MX_MISSING_IMPLICIT, domain,
                String.join(", ", addresses.stream().map(InetAddresses::toAddrString).toList())));
        List<InetAddress> hidden = addresses.stream().filter(SpecialAddresses::notPublic).toList();
        if (!hidden.isEmpty()) {
            findings.add(TEXTS.finding(DnsFindingCodes.MX_PRIVATE_ADDRESS, Severity.ERROR, domain, evidence, WHO,
                    DnsFindingCodes.MX_PRIVATE_ADDRESS + ".implicit", domain, String.join(", ",
                            hidden.stream().map(InetAddresses::toAddrString).toList())));
        }
        return findings;
    }

}
