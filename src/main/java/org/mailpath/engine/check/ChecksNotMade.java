package org.mailpath.engine.check;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.dnsbl.DnsblZone;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.NotChecked;

/**
 * Which checks of a domain this computer's network kept from being made, named only where "the other checks of the
 * domain were made" holds, so that a report or the command line can say so instead of calling the whole domain not
 * checked. A finding's check is told by its code's prefix (DNSBL_, MTA_STS_…); a failure any check can meet
 * (DNS_TIMEOUT, DNS_LOOKUP_FAILED: the resolver's, said once for several checks) by the names it is about when they
 * are the default blocklists' only ({@link #checkOf}), else by the checks the run saw meet it
 * ({@link DomainCheckResult#checksNotMade}); where neither tells, it cannot be put to a check. The report's
 * conclusion (ConclusionWriter) and {@code check}'s text and JSON name the checks from here.
 */
public final class ChecksNotMade {

    /**
     * The checks, by the prefix of their findings' codes (the report's {@code conclusion.check.*} words name them): a
     * code is a check's when it begins with its prefix and "_", which no two prefixes share, so the order does not
     * decide the match; it is the order the checks are named in.
     */
    public static final List<String> CHECKS = List.of("DNSBL", "DNSSEC", "MTA_STS", "TLSRPT", "SMTP", "EDNS", "NS",
            "MX", "DANE", "SPF", "DMARC", "DKIM", "PTR");

    /**
     * The id {@link #listed} gives when the domain could not be checked as a whole ({@link #of} is empty): which of
     * its checks were made cannot be told, so none of its results may be taken for a pass.
     */
    public static final String ALL = "ALL";

    private ChecksNotMade() {
    }

    /**
     * The checks of a domain that met this computer's network's failures, from each check's own findings (before the
     * failures of several are said once): what {@link DomainCheckResult#checksNotMade} holds.
     */
    public static Set<CheckKind> kinds(Map<CheckKind, List<Finding>> findingsByCheck) {
        Set<CheckKind> kinds = EnumSet.noneOf(CheckKind.class);
        findingsByCheck.forEach((kind, findings) -> {
            if (findings.stream().anyMatch(NotChecked::is)) {
                kinds.add(kind);
            }
        });
        return Collections.unmodifiableSet(kinds);
    }

    /**
     * The check of a finding, by its code's prefix (a report's copy of such a finding keeps its code, subject and
     * {@link Finding#dnsNames}). A code any check can give (DNS_TIMEOUT, DNS_LOOKUP_FAILED: the resolver's
     * failures) is the blocklist checks' when the names it is about ({@link Finding#namesAbout()}) are blocklists
     * only: their failed questions are about the lists' zones ("zen.spamhaus.org", "bl.spamcop.net",
     * "2.0.0.127.zen.spamhaus.org"), no name of the domain's. Else it is empty: such a failure said
     * once for several checks of a domain names the domain, and cannot tell which were made.
     */
    public static Optional<String> checkOf(Finding f) {
        Optional<String> byCode = CHECKS.stream().filter(p -> f.code().startsWith(p + "_")).findFirst();
        if (byCode.isPresent() || !RESOLVER_FAILURES.contains(f.code())) {
            return byCode;
        }
        return namesBlocklistsOnly(f.namesAbout()) ? Optional.of(BLOCKLIST) : Optional.empty();
    }

    /** The codes of a failed DNS question that any check can give. */
    private static final Set<String> RESOLVER_FAILURES = Set.of(DnsFindingCodes.DNS_TIMEOUT,
            DnsFindingCodes.DNS_LOOKUP_FAILED);
    /** The blocklist checks' prefix ({@link #CHECKS}). */
    private static final String BLOCKLIST = "DNSBL";
    /**
     * The zones of the default blocklists (DnsblZone.defaults). A zone the user named is not known here: a resolver
     * failure naming only it is put to the blocklist checks only when the run says they met it
     * ({@link DomainCheckResult#checksNotMade}).
     */
    private static final List<String> BLOCKLIST_ZONES = DnsblZone.defaults().stream().map(DnsblZone::zone).toList();

    /**
     * Whether {@code names} (a finding's {@link Finding#namesAbout()}, kept as data: a report's copy may have its
     * subject redacted) are each a default blocklist's zone or within one.
     */
    private static boolean namesBlocklistsOnly(List<String> names) {
        return !names.isEmpty() && names.stream().map(n -> DnsNames.relative(n.strip().toLowerCase(Locale.ROOT)))
                .allMatch(n -> !n.isEmpty() && BLOCKLIST_ZONES.stream().anyMatch(z -> n.equals(z)
                        || n.endsWith("." + z)));
    }

    /**
     * The checks of {@code result} this computer's network kept from being made, named: empty (no set) when the domain
     * is not checked as a whole, an empty set when every check was made.
     */
    public static Optional<Set<String>> of(DomainCheckResult result) {
        List<Finding> unmade = result.findings().stream().filter(NotChecked::is).toList();
        if (unmade.isEmpty()) {
            return Optional.of(Set.of());
        }
        return named(unmade, unmade.size() < result.findings().size(), result.checksNotMade());
    }

    /**
     * The checks {@code unmade} (a domain's findings that are {@link NotChecked}, not empty) belong to, in the order of
     * {@link #CHECKS}; empty when the domain is not checked as a whole: nothing else was found about it
     * ({@code othersMade} false), the existence check itself met the failure (then nothing about the domain stands),
     * or a failure any check meets cannot be put to checks because {@code kinds}, the checks the run saw meet such
     * failures, is not known (empty).
     */
    public static Optional<Set<String>> named(List<Finding> unmade, boolean othersMade, Set<CheckKind> kinds) {
        if (!othersMade || kinds.contains(CheckKind.EXISTENCE)) {
            return Optional.empty();
        }
        Set<String> checks = new LinkedHashSet<>();
        boolean anyCheckMeetsIt = false;
        for (Finding f : unmade) {
            Optional<String> check = checkOf(f);
            check.ifPresent(checks::add);
            anyCheckMeetsIt |= check.isEmpty();
        }
        if (anyCheckMeetsIt) {
            if (kinds.isEmpty()) {
                return Optional.empty();
            }
            // not known which of these checks met which failure: each is named, which says no more than the run saw
            kinds.forEach(k -> checkOf(k).ifPresent(checks::add));
        }
        Set<String> ordered = new LinkedHashSet<>();
        CHECKS.stream().filter(checks::contains).forEach(ordered::add);
        return Optional.of(Collections.unmodifiableSet(ordered));
    }

    /**
     * The checks of {@code result} this computer's network kept from being made, each with the codes of the findings
     * that say why, in the order of {@link #CHECKS}: the checks {@link #of} names; one {@link #ALL} entry, with every
     * such finding's code, when it names none because the domain could not be checked as a whole; empty when every
     * check was made. A failure any check can meet (DNS_TIMEOUT said once for several) is a reason of each check the
     * run saw meet it, as {@link #named} names each of them.
     */
    public static List<CheckNotMade> listed(DomainCheckResult result) {
        List<Finding> unmade = result.findings().stream().filter(NotChecked::is).toList();
        Optional<Set<String>> checks = of(result);
        if (checks.isEmpty()) {
            return List.of(new CheckNotMade(ALL, codes(unmade)));
        }
        List<Finding> anyChecks = unmade.stream().filter(f -> checkOf(f).isEmpty()).toList();
        Set<String> metAnyChecks = new LinkedHashSet<>();
        result.checksNotMade().forEach(k -> checkOf(k).ifPresent(metAnyChecks::add));
        return checks.get().stream().map(check -> {
            List<Finding> why = unmade.stream().filter(f -> checkOf(f).filter(check::equals).isPresent()
                    || anyChecks.contains(f) && metAnyChecks.contains(check)).toList();
            return new CheckNotMade(check, codes(why));
        }).toList();
    }

    /** The codes of {@code findings}, each once, in their order. */
    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    /** The check a kind's findings are named by; the existence check has none (see {@link #named}). */
    private static Optional<String> checkOf(CheckKind kind) {
        return switch (kind) {
            case EXISTENCE -> Optional.empty();
            case NAME_SERVERS -> Optional.of("NS");
            case MX, EDNS, DNSSEC, SPF, DMARC, DKIM, PTR, DNSBL, MTA_STS, DANE -> Optional.of(kind.name());
        };
    }
}
