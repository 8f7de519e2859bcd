package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * Whether a mechanism of a record matches the client IP (RFC 7208 §5): all, ip4, ip6, a, mx, ptr and exists here, an
 * include through the evaluator's check_host() of its target.
 */
final class SpfMechanismMatcher {

    /** check_host() of an include's target (§5.2), whose {@code matched} is the include's outcome when it passes. */
    @FunctionalInterface
    interface Include {
        Optional<SpfOutcome> evaluate(SpfMechanism m, String domain, SpfOutcome matched);
    }

    private final Optional<InetAddress> ip;
    private final SpfLimits limits;
    private final SpfProblems problems;
    private final SpfTermTargets targets;
    private final SpfAddresses addresses;
    private final Include include;

    SpfMechanismMatcher(Optional<InetAddress> ip, SpfLimits limits, SpfProblems problems, SpfTermTargets targets,
                        SpfAddresses addresses, Include include) {
        this.ip = ip;
        this.limits = limits;
        this.problems = problems;
        this.targets = targets;
        this.addresses = addresses;
        this.include = include;
    }

    /** Evaluates one mechanism; a present result means it matched (or an error ends the evaluation). */
    Optional<SpfOutcome> match(SpfMechanism m, String domain) {
        SpfOutcome matched = SpfOutcome.matched(m, domain);
        return switch (m.type()) {
            case ALL -> Optional.of(matched);
            case IP4, IP6 -> ip.filter(a -> IpAddresses.inNetwork(a, m.network().orElseThrow(),
                    IpAddresses.isIpv4(a) ? m.cidr4() : m.cidr6())).map(a -> matched);
            case INCLUDE -> include.evaluate(m, domain, matched);
            case A -> {
                limits.count(m.text(), domain);
                Optional<String> target = targets.target(m, domain).filter(SpfNames::queryable);
                yield target.flatMap(t -> addresses.of(t, m.text(), SpfAddresses.Lookup.TERM))
                        .filter(list -> ip.isPresent() && list.stream().anyMatch(a -> inPrefix(a, m)))
                        .map(list -> matched);
            }
            case MX -> mx(m, domain, matched);
            case PTR -> ptr(m, domain, matched);
            case EXISTS -> {
                limits.count(m.text(), domain);
                Optional<String> target = targets.expand(m.domainSpec(), domain, m.text())
                        .filter(SpfNames::queryable);
                yield target.flatMap(t -> addresses.ofType(t, Type.A, m.text(), SpfAddresses.Lookup.TERM))
                        .filter(list -> ip.isPresent() && !list.isEmpty()).map(list -> matched);
            }
        };
    }

    private Optional<SpfOutcome> mx(SpfMechanism m, String domain, SpfOutcome matched) {
        limits.count(m.text(), domain);
        Optional<String> target = targets.target(m, domain).filter(SpfNames::queryable);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        DnsAnswer answer = limits.query(target.get(), Type.MX);
        if (!limits.checkVoid(answer, m.text())) {
            return Optional.empty();
        }
        List<String> hosts = answer.records().stream().filter(MXRecord.class::isInstance)
                .map(r -> ((MXRecord) r).getTarget().toString(true)).filter(h -> !h.isEmpty()).toList();
        if (hosts.size() > SpfEvaluator.SUB_LOOKUP_LIMIT) {
            problems.add("SPF_MX_TOO_MANY_HOSTS", Severity.ERROR, domain, text("SPF_MX_TOO_MANY_HOSTS.message",
                    m.text(), domain, hosts.size(), SpfEvaluator.SUB_LOOKUP_LIMIT),
                    text("SPF_MX_TOO_MANY_HOSTS.remediation"), answer.evidence());
            return limits.errorAndGoOn(SpfResult.PERMERROR, text("reason.tooManyMx", m.text()));
        }
        if (ip.isEmpty()) {
            return Optional.empty(); // nothing to compare; the address lookups would not count anyway
        }
        // RFC 7208 §5.4 makes no exception to §5 ("except where noted, if the DNS server returns an error (RCODE
        // other than 0 or 3) or the query times out, the mechanism stops and the topmost check_host() returns
        // temperror"): a host whose address lookup fails ends the evaluation, unless an earlier host matched
        // ("If any address matches, the mechanism matches"); hosts are asked in the order of the MX answer.
        for (String host : hosts) {
            if (addresses.of(host, m.text(), SpfAddresses.Lookup.MX_HOST).orElse(List.of()).stream()
                    .anyMatch(a -> inPrefix(a, m))) {
                return Optional.of(matched);
            }
        }
        return Optional.empty();
    }

    private Optional<SpfOutcome> ptr(SpfMechanism m, String domain, SpfOutcome matched) {
        limits.count(m.text(), domain);
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> target = targets.target(m, domain);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        DnsAnswer answer = addresses.ptrQuery();
        if (DnsAnswers.failed(answer)) {
            // RFC 7208 §5.5: "If a DNS error occurs while doing the PTR RR lookup, then this mechanism fails to
            // match."
            problems.lookupFailed(answer, text("phrase.ptrLookupFailed"));
            return Optional.empty();
        }
        if (!limits.checkVoid(answer, m.text())) {
            return Optional.empty();
        }
        String wanted = target.get().toLowerCase(Locale.ROOT);
        for (String name : SpfAddresses.ptrNames(answer)) {
            boolean inDomain = name.equals(wanted) || name.endsWith("." + wanted);
            if (inDomain && addresses.of(name, m.text(), SpfAddresses.Lookup.PTR_NAME).orElse(List.of())
                    .contains(ip.get())) {
                return Optional.of(matched);
            }
        }
        return Optional.empty();
    }

    private boolean inPrefix(InetAddress candidate, SpfMechanism m) {
        InetAddress client = ip.orElseThrow();
        return IpAddresses.isIpv4(client) == IpAddresses.isIpv4(candidate)
                && IpAddresses.inNetwork(client, candidate, IpAddresses.isIpv4(client) ? m.cidr4() : m.cidr6());
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
