package org.mailpath.engine.mx;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The MX set of a recipient domain: preferences, null MX (RFC 7505), implicit MX on A/AAAA (RFC 5321 §5.1),
 * and every target: a CNAME, an IP literal, no address, or an address that is not public.
 */
public final class MxCheck implements DomainCheck {

    /** MX targets examined at most (by preference); a domain with hundreds is reported, not crawled. */
    public static final int MAX_TARGETS = 20;
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    private static final Pattern IP_THEN_NAME = Pattern.compile(
            "((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})\\..+");

    @Override
    public CheckKind kind() {
        return CheckKind.MX;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        String domain = context.domain();
        DnsAnswer mx = context.dns().lookup(domain, Type.MX, context.cancellation());
        Optional<Finding> failed = LookupFindings.failure(mx);
        if (failed.isPresent()) {
            return CheckOutcome.of(List.of(failed.get()));
        }
        if (mx.records().isEmpty()) {
            return CheckOutcome.of(implicitMx(context, mx));
        }
        List<MXRecord> records = mx.records().stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority).thenComparing(r -> r.getTarget().toString()))
                .toList();
        if (records.stream().anyMatch(r -> r.getTarget().equals(Name.root))) {
            boolean alone = records.size() == 1;
            return CheckOutcome.of(List.of(new Finding(DnsFindingCodes.MX_NULL, Severity.ERROR, domain,
                    alone ? domain + " publishes a null MX (RFC 7505): it declares that it accepts no mail."
                            : domain + " mixes a null MX (RFC 7505, \"accepts no mail\") with other MX records;"
                            + " senders may refuse to deliver.",
                    mx.evidence(), alone ? "Mail to this domain cannot be delivered; ask the recipient for an"
                    + " address at a domain that receives mail." : "Remove the null MX record (MX 0 .).", WHO)));
        }
        List<Finding> findings = new ArrayList<>();
        List<MXRecord> examined = records;
        if (records.size() > MAX_TARGETS) {
            examined = records.subList(0, MAX_TARGETS);
            findings.add(new Finding(DnsFindingCodes.MX_TOO_MANY, Severity.WARNING, domain,
                    domain + " publishes " + records.size() + " MX records; only the " + MAX_TARGETS
                            + " most preferred were checked.", mx.evidence().subList(0, Math.min(
                                    mx.evidence().size(), MAX_TARGETS + 1)),
                    "Publish a handful of MX records; senders try only a few.", WHO));
        }
        List<TargetResult> targets = Parallel.map(examined, r -> target(context.dns(), r, context.cancellation()));
        boolean anyUsable = targets.stream().anyMatch(TargetResult::usable);
        for (TargetResult t : targets) {
            for (Finding f : t.findings) {
                // A target without address is an error only when no other MX can take the mail.
                findings.add(f.code().equals(DnsFindingCodes.MX_NO_ADDRESS) && anyUsable
                        ? new Finding(f.code(), Severity.WARNING, f.subject(), f.message(), f.evidence(),
                        f.remediation(), f.actor()) : f);
            }
        }
        if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
            List<String> evidence = new ArrayList<>(mx.evidence());
            targets.forEach(t -> evidence.addAll(t.evidence));
            findings.add(new Finding(DnsFindingCodes.MX_OK, Severity.OK, domain,
                    domain + " receives mail at " + String.join(", ", records.stream()
                            .map(r -> r.getPriority() + " " + Addresses.display(r.getTarget())).toList()) + ".",
                    evidence, "", Actor.NOBODY));
        }
        return CheckOutcome.of(findings);
    }

    private record TargetResult(List<Finding> findings, List<String> evidence, boolean usable) {
    }

    private static TargetResult target(DnsLookup dns, MXRecord mx, Cancellation cancellation) {
        String host = Addresses.display(mx.getTarget());
        List<Finding> findings = new ArrayList<>();
        if (Addresses.isIpLiteral(host)) {
            findings.add(new Finding(DnsFindingCodes.MX_IP_LITERAL, Severity.ERROR, host,
                    "The MX target " + host + " is an IP address written as a host name; senders look it up as a"
                            + " name and find nothing.", List.of(mx.toString()),
                    "Point the MX record at a host name that has an A/AAAA record.", WHO));
            return new TargetResult(findings, List.of(mx.toString()), false);
        }
        List<DnsAnswer> answers = Parallel.map(List.of(Type.A, Type.AAAA), t -> dns.lookup(host, t, cancellation));
        List<String> evidence = new ArrayList<>();
        answers.forEach(a -> evidence.addAll(a.evidence()));
        List<InetAddress> addresses = answers.stream().flatMap(a -> a.records().stream())
                .map(Addresses::of).flatMap(Optional::stream).toList();
        if (answers.stream().anyMatch(a -> !a.cnames().isEmpty())) {
            findings.add(new Finding(DnsFindingCodes.MX_CNAME, Severity.WARNING, host,
                    "The MX target " + host + " is an alias (CNAME); RFC 5321 §5.1 and RFC 2181 §10.3 require the"
                            + " MX to name a host with its own A/AAAA records, and some senders refuse it.",
                    evidence, "Point the MX record at the canonical name the CNAME leads to.", WHO));
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
                findings.add(new Finding(DnsFindingCodes.MX_IP_LITERAL, Severity.ERROR, host,
                        "The MX target " + host + " looks like the IP address " + typo.group(1) + " with the zone's"
                                + " name appended (written without a final dot); it has no A or AAAA record, so no"
                                + " mail can be delivered to it.", evidence,
                        "Point the MX record at the host name of the mail server at " + typo.group(1)
                                + " (an MX record cannot hold an IP address).", WHO));
            } else {
                findings.add(new Finding(DnsFindingCodes.MX_NO_ADDRESS, Severity.ERROR, host,
                        "The MX target " + host + " has no A or AAAA record, so no mail can be delivered to it.",
                        evidence, "Publish an A/AAAA record for " + host + " or remove the MX record.", WHO));
            }
            return new TargetResult(findings, evidence, false);
        }
        List<InetAddress> hidden = addresses.stream().filter(Addresses::notPublic).toList();
        if (!hidden.isEmpty()) {
            findings.add(new Finding(DnsFindingCodes.MX_PRIVATE_ADDRESS, Severity.ERROR, host,
                    "The MX target " + host + " resolves to " + String.join(", ",
                            hidden.stream().map(InetAddresses::toAddrString).toList())
                            + ", an address that cannot be reached from the internet (private, loopback or"
                            + " link-local).", evidence,
                    "Publish the public address of the mail server in the A/AAAA record of " + host + ".", WHO));
        }
        return new TargetResult(findings, evidence, hidden.size() < addresses.size());
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
            return List.of(new Finding(DnsFindingCodes.MX_NONE, Severity.ERROR, domain,
                    domain + " has neither MX nor A/AAAA records: there is nowhere to deliver its mail.", evidence,
                    "Publish MX records for " + domain + ".", WHO));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(DnsFindingCodes.MX_MISSING_IMPLICIT, Severity.WARNING, domain,
                domain + " has no MX record; senders fall back to its address (implicit MX, RFC 5321 §5.1): "
                        + String.join(", ", addresses.stream().map(InetAddresses::toAddrString).toList()) + ".",
                evidence, "Publish an MX record naming the mail server (or a null MX if the domain takes no mail).",
                WHO));
        List<InetAddress> hidden = addresses.stream().filter(Addresses::notPublic).toList();
        if (!hidden.isEmpty()) {
            findings.add(new Finding(DnsFindingCodes.MX_PRIVATE_ADDRESS, Severity.ERROR, domain,
                    "The implicit MX of " + domain + " resolves to a non-public address: " + String.join(", ",
                            hidden.stream().map(InetAddresses::toAddrString).toList()) + ".", evidence,
                    "Publish an MX record naming a reachable mail server.", WHO));
        }
        return findings;
    }

}
