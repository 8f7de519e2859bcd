package org.mailpath.engine.dnsbl;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.SpecialAddresses;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.MailHosts;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * DNS blocklist lookups (RFC 5782) for the sending IP ({@code --ip}) and the addresses of the domain's MX hosts.
 * Each zone is first verified with its test points (127.0.0.2 must be listed, 127.0.0.1 must not), and before it
 * is asked about an IPv6 address with its IPv6 ones (::FFFF:7F00:2 listed, ::FFFF:7F00:1 not, §5); Spamhaus's
 * 127.255.255.252/254/255 answers and REFUSED are errors of the query, never listings. A listing names what each
 * code means on its list ({@code return-codes.txt}). Zones run concurrently.
 * <p>
 * A resolver that refuses this computer altogether (it refused the domain's MX question too) refuses the lists'
 * questions for that reason alone: their failures are then the resolver's, said as the other checks' are
 * (DNS_LOOKUP_FAILED, merged into one finding by DnsFailuresOnce), not as a list's refusal (DNSBL_QUERY_REFUSED),
 * whose advice (another resolver than a public one, the list's registered access) is for a list refusing this
 * resolver.
 */
public final class DnsblCheck implements DomainCheck {

    static final int MAX_MX_HOSTS = 10;
    static final int MAX_TARGETS = 20;
    /**
     * Spamhaus's error answers and the phrases that explain them: "A new range containing return codes
     * (127.255.255.0/24) has been added to return possible errors related to the DNSBL queries themselves, which
     * should NOT be interpreted as any sort of reputation" (https://www.spamhaus.org/news/article/788/).
     */
    private static final Map<String, String> SPAMHAUS_ERRORS = Map.of(
            "127.255.255.252", "phrase.errorCode.typo",
            "127.255.255.254", "phrase.errorCode.openResolver",
            "127.255.255.255", "phrase.errorCode.tooMany");

    /** Not in DnsFindingCodes (another package); stable like the others. */
    static final String DNSBL_IPV6_NOT_CHECKED = "DNSBL_IPV6_NOT_CHECKED";
    /** RFC 5782 §5: every list lists 127.0.0.2 and never 127.0.0.1; a list of IPv6 addresses lists ::FFFF:7F00:2
     * and never ::FFFF:7F00:1. */
    private static final InetAddress IPV4_TEST_POINT = InetAddresses.forString("127.0.0.2");
    private static final InetAddress IPV4_NEVER_LISTED = InetAddresses.forString("127.0.0.1");
    private static final InetAddress IPV6_TEST_POINT = mapped(2);
    private static final InetAddress IPV6_NEVER_LISTED = mapped(1);

    /** Whose an address looked up is, which decides who acts on a listing of it. */
    enum Whose {
        /** A sending IP of ours given with --ip: our admin finds the cause and asks for removal. */
        OURS,
        /** One of Salesforce's shared sending IPs (its published ranges): only Salesforce can have it removed. */
        SALESFORCE,
        /**
         * A client IP a refusal names outside Salesforce's published ranges: Salesforce's (ranges change) or, with
         * Email Relay, the admin's own relay; only the admin knows which, so the advice gives both.
         */
        NAMED_BY_BOUNCE,
        /** The recipient's receiving address: a listing does not stop mail arriving there. */
        MX
    }

    /** One address to look up and why. */
    record Target(InetAddress address, LocalText role, Whose whose) {

        boolean sending() {
            return whose != Whose.MX;
        }
    }

    /**
     * What one zone said, the addresses it was asked about whose silence can be trusted (none after an error), and
     * why its answers cannot be used, if they cannot.
     */
    private record ZoneResult(List<Finding> findings, Set<InetAddress> checked, Optional<Failure> failure) {

        static ZoneResult failed(List<Finding> findings, Failure failure) {
            return new ZoneResult(findings, Set.of(), Optional.of(failure));
        }
    }

    /**
     * A zone whose answers cannot be used: the finding that says so for this zone alone, and its cause. Zones that
     * failed for the same cause are said in one finding ({@link #together}): when this computer's resolver gets no
     * answer from the lists, or is refused by them, every default list fails alike, and five findings that differ
     * only in the list's name hide the one thing to fix.
     */
    private record Failure(DnsblZone zone, Cause cause, Finding alone, List<String> evidence) {
    }

    /** Why a zone's answers cannot be used, as far as it is the same for several zones. */
    private sealed interface Cause {
        /** The test point 127.0.0.2 is not listed: {@code status} NXDOMAIN or NODATA. */
        record TestPointNotListed(String status) implements Cause {
        }

        /** REFUSED, or an error answer (Spamhaus's 127.255.255.x): {@code why} says which. */
        record Refused(LocalText why) implements Cause {
        }

        /** A question got no usable answer (timeout, SERVFAIL...); {@code code} is DNS_TIMEOUT or DNS_LOOKUP_FAILED. */
        record LookupFailed(String code, DnsStatus status, boolean resolverAtFault) implements Cause {
        }

        /**
         * A test point answered with {@code codes} outside 127.0.0.0/8: alone, a parked or hijacked zone; alike on
         * several lists, this computer's resolver rewriting names that do not exist (NXDOMAIN) into an address.
         */
        record Rewritten(List<String> codes) implements Cause {
        }

        /** Answers peculiar to this zone (a wildcard of 127/8 codes): said for it alone. */
        record OfThisZone(String zone) implements Cause {
        }
    }

    /** What a zone said about its pair of test points (RFC 5782 §5), in the order they are asked. */
    private sealed interface TestPoints {
        /** 127.0.0.2 (or its IPv6 twin) listed with a 127/8 code, 127.0.0.1 not: the zone can be believed. */
        record Passed() implements TestPoints {
        }

        /** A question failed: nothing the zone answers can be trusted. */
        record QueryFailed(Failure failure) implements TestPoints {
        }

        /** The test point is not listed. */
        record NotListed(DnsAnswer answer) implements TestPoints {
        }

        /** The test point is listed with codes outside 127.0.0.0/8. */
        record NotReturnCodes(String name, List<String> codes, DnsAnswer answer) implements TestPoints {
        }

        /** The address no list may list is listed: the zone answers every query. */
        record ListsEverything(DnsAnswer listed, DnsAnswer neverListed) implements TestPoints {
        }
    }

    /** What a zone's IPv6 test points said. */
    private sealed interface Ipv6Support {
        /** The test points are right: ask the zone about IPv6 addresses. */
        record Yes() implements Ipv6Support {
        }

        /** The zone does not list IPv6 addresses, or not properly: its IPv4 answers stand, IPv6 is not asked. */
        record No(Finding finding) implements Ipv6Support {
        }

        /** The question failed: nothing the zone answers can be trusted. */
        record Failed(Failure failure) implements Ipv6Support {
        }
    }

    @Override
    public CheckKind kind() {
        return CheckKind.DNSBL;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        DnsAnswer mx = ctx.dns().lookup(ctx.domain(), Type.MX, ctx.cancellation());
        List<Target> targets = targets(ctx, mx, findings);
        if (targets.isEmpty()) {
            return CheckOutcome.of(findings);
        }
        List<DnsblZone> zones = ctx.options().blocklistZones().isEmpty() ? DnsblZone.defaults()
                : DnsblZone.of(ctx.options().blocklistZones());
        boolean refusesThisComputer = refusedByTheResolver(mx);
        List<ZoneResult> perZone = new ArrayList<>();
        try (ExecutorService pool = Parallel.pool("mailpath-dnsbl-")) {
            List<Future<ZoneResult>> futures = new ArrayList<>();
            for (DnsblZone zone : zones) {
                futures.add(pool.submit(() -> zone(ctx, zone, targets, refusesThisComputer)));
            }
            for (Future<ZoneResult> f : futures) {
                perZone.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        perZone.forEach(z -> findings.addAll(z.findings()));
        findings.addAll(together(perZone.stream().flatMap(z -> z.failure().stream()).toList()));
        findings.addAll(clean(targets, zones, perZone));
        return CheckOutcome.of(findings);
    }

    /**
     * The resolver itself refused the question (its policy, RFC 1035 §4.1.1, marked as its fault by the DNS client):
     * asked about the domain, it refuses this computer, not one list's names.
     */
    private static boolean refusedByTheResolver(DnsAnswer answer) {
        return answer.status() == DnsStatus.REFUSED && answer.resolverAtFault();
    }

    /** Salesforce's for an address in its published ranges, {@code otherwise} for any other sending address. */
    private static Whose whose(InetAddress sending, Whose otherwise) {
        return AddressRanges.salesforce(sending) ? Whose.SALESFORCE : otherwise;
    }

    /**
     * The sending IP and the MX addresses of the domain (implicit MX = the domain's own addresses); {@code mx} the
     * answer to the domain's MX question.
     */
    private static List<Target> targets(CheckContext ctx, DnsAnswer mx, List<Finding> findings) {
        List<Target> targets = new ArrayList<>();
        List<InetAddress> bounceIps = ctx.bounceIps().stream().flatMap(t -> IpAddresses.parse(t).stream()).toList();
        ctx.options().ip().ifPresent(text -> IpAddresses.parse(text).ifPresentOrElse(
                a -> SpecialAddresses.kind(a).ifPresentOrElse(
                        kind -> findings.add(DnsblTexts.TEXTS.variant("DNSBL_NOT_CHECKED", Severity.INFO, text,
                                List.of(), Actor.SENDER_ADMIN, "DNSBL_NOT_CHECKED.special.message",
                                "DNSBL_NOT_CHECKED.special.remediation", IpAddresses.text(a),
                                DnsblTexts.text(kind))),
                        () -> targets.add(new Target(a, DnsblTexts.text("phrase.role.sending"),
                                whose(a, bounceIps.contains(a) ? Whose.NAMED_BY_BOUNCE : Whose.OURS)))),
                () -> findings.add(DnsblTexts.TEXTS.finding("DNSBL_NOT_CHECKED", Severity.WARNING, text, List.of(),
                        Actor.SENDER_ADMIN, "DNSBL_NOT_CHECKED", text))));
        // the client IPs the domain's refusals name sent our mail: a private one is no public list's concern
        bounceIps.stream().filter(a -> SpecialAddresses.kind(a).isEmpty())
                .filter(a -> targets.stream().noneMatch(t -> t.address().equals(a)))
                .forEach(a -> targets.add(new Target(a, DnsblTexts.text("phrase.role.bounce"),
                        whose(a, Whose.NAMED_BY_BOUNCE))));
        String domain = ctx.domain();
        int notChecked = 0;
        List<String> hosts = switch (MailHosts.of(domain, mx)) {
            case MailHosts.Hosts receiving -> receiving.first(MAX_MX_HOSTS).names();
            case MailHosts.LookupFailed _ -> {
                findings.add(DnsAnswers.lookupFailed(mx, DnsblTexts.text("lookupFailed.mx", domain),
                        Actor.RECIPIENT_MAIL_TEAM));
                yield List.of();
            }
            // nothing receives mail: the MX check says so
            case MailHosts.NullMx _, MailHosts.NoSuchDomain _ -> List.of();
        };
        for (String host : hosts) {
            for (int type : new int[] {Type.A, Type.AAAA}) {
                DnsAnswer answer = ctx.dns().lookup(host, type, ctx.cancellation());
                if (DnsAnswers.failed(answer)) {
                    // said, or the report would look as if the MX address had been checked and found clean
                    findings.add(DnsAnswers.lookupFailed(answer,
                            DnsblTexts.text("lookupFailed.mxAddresses", Type.string(type), host),
                            Actor.RECIPIENT_MAIL_TEAM));
                }
                for (Record r : answer.records()) {
                    InetAddress a = r instanceof ARecord ar ? ar.getAddress()
                            : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                    if (a == null || targets.stream().anyMatch(t -> t.address().equals(a))) {
                        continue;
                    }
                    if (targets.size() < MAX_TARGETS) {
                        targets.add(new Target(a, DnsblTexts.text("phrase.role.mx", host, domain), Whose.MX));
                    } else {
                        notChecked++;
                    }
                }
            }
        }
        if (notChecked > 0) {
            // said, or a listed address past the limit would never be mentioned at all
            findings.add(DnsblTexts.TEXTS.variant("DNSBL_NOT_CHECKED", Severity.INFO, domain, List.of(),
                    Actor.NOBODY, "DNSBL_NOT_CHECKED.tooMany.message", "DNSBL_NOT_CHECKED.tooMany.remediation",
                    notChecked, domain, MAX_TARGETS));
        }
        return targets;
    }

    /** {@code refusesThisComputer}: the resolver refused the domain's question too ({@link #queryError}). */
    private static ZoneResult zone(CheckContext ctx, DnsblZone zone, List<Target> targets,
                                   boolean refusesThisComputer) {
        Optional<Failure> unusable = ipv4TestPoints(ctx, zone, refusesThisComputer);
        if (unusable.isPresent()) {
            return ZoneResult.failed(List.of(), unusable.get());
        }
        List<Finding> findings = new ArrayList<>();
        // a default zone known to list IPv4 addresses only is not asked about IPv6 ones at all
        List<Target> ipv6 = zone.ipv6() == DnsblZone.Ipv6.NO ? List.of()
                : targets.stream().filter(t -> !IpAddresses.isIpv4(t.address())).toList();
        boolean askIpv6 = zone.ipv6() == DnsblZone.Ipv6.YES;
        if (!ipv6.isEmpty() && zone.ipv6() == DnsblZone.Ipv6.TEST_POINTS) {
            switch (ipv6TestPoints(ctx, zone, ipv6, refusesThisComputer)) {
                case Ipv6Support.Yes _ -> askIpv6 = true;
                case Ipv6Support.No no -> findings.add(no.finding());
                case Ipv6Support.Failed failed -> {
                    return ZoneResult.failed(findings, failed.failure());
                }
            }
        }
        Set<InetAddress> checked = new HashSet<>();
        for (Target t : targets) {
            if (!IpAddresses.isIpv4(t.address()) && !askIpv6) {
                continue;
            }
            String name = Addresses.reversedUnder(t.address(), zone.zone());
            DnsAnswer answer = ctx.dns().lookup(name, Type.A, ctx.cancellation());
            Optional<Failure> error = queryError(zone, answer, refusesThisComputer);
            if (error.isPresent()) {
                // the rest of this zone's answers cannot be trusted either
                return ZoneResult.failed(findings, error.get());
            }
            List<String> codes = addresses(answer);
            if (codes.stream().anyMatch(c -> !c.startsWith("127."))) {
                return ZoneResult.failed(findings, ofThisZone(zone, unusable(zone, "code", answer.evidence(),
                        DnsText.joinText(codes, ", "), name)));
            }
            if (!codes.isEmpty()) {
                findings.add(listed(ctx, zone, t, name, codes, answer));
            }
            checked.add(t.address());
        }
        return new ZoneResult(findings, checked, Optional.empty());
    }

    /**
     * RFC 5782 §5: a list that holds IPv6 addresses lists ::FFFF:7F00:2 and not ::FFFF:7F00:1. Asked only when
     * there is an IPv6 address to look up; a list without them would answer NXDOMAIN for every IPv6 address,
     * which must not read as "not listed".
     */
    private static Ipv6Support ipv6TestPoints(CheckContext ctx, DnsblZone zone, List<Target> ipv6,
                                             boolean refusesThisComputer) {
        Object skipped = DnsText.joinText(ipv6.stream()
                .map(t -> DnsblTexts.text("phrase.addressRole", IpAddresses.text(t.address()), t.role())).toList(),
                ", ");
        return switch (testPoints(ctx, zone, IPV6_TEST_POINT, IPV6_NEVER_LISTED, refusesThisComputer)) {
            case TestPoints.Passed _ -> new Ipv6Support.Yes();
            case TestPoints.QueryFailed failed -> new Ipv6Support.Failed(failed.failure());
            case TestPoints.NotListed n -> new Ipv6Support.No(DnsblTexts.TEXTS.finding(DNSBL_IPV6_NOT_CHECKED,
                    Severity.INFO, zone.zone(), n.answer().evidence(), Actor.NOBODY,
                    DNSBL_IPV6_NOT_CHECKED + ".notListed", zone.zone(), String.valueOf(n.answer().status()), skipped,
                    ipv6.size()));
            case TestPoints.NotReturnCodes c -> new Ipv6Support.No(wrongIpv6(zone, "code", skipped, ipv6,
                    c.answer().evidence(), DnsText.joinText(c.codes(), ", "), c.name()));
            case TestPoints.ListsEverything w -> {
                List<String> evidence = new ArrayList<>(w.listed().evidence());
                evidence.addAll(w.neverListed().evidence());
                yield new Ipv6Support.No(wrongIpv6(zone, "wildcard", skipped, ipv6, evidence));
            }
        };
    }

    /** The zone's IPv6 answers are wrong: {@code wording} says how, {@code more} are its arguments from {3} on. */
    private static Finding wrongIpv6(DnsblZone zone, String wording, Object skipped, List<Target> ipv6,
                                     List<String> evidence, Object... more) {
        List<Object> args = new ArrayList<>(List.of(zone.zone(), skipped, ipv6.size()));
        args.addAll(List.of(more));
        return DnsblTexts.TEXTS.variant(DNSBL_IPV6_NOT_CHECKED, Severity.WARNING, zone.zone(), evidence,
                Actor.LOCAL_NETWORK, DNSBL_IPV6_NOT_CHECKED + "." + wording + ".message",
                DNSBL_IPV6_NOT_CHECKED + ".ignored.remediation", args.toArray());
    }

    /** ::FFFF:127.0.0.{@code last} as an IPv6 address (InetAddress.getByAddress would make it an IPv4 one). */
    private static InetAddress mapped(int last) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = 127;
        bytes[15] = (byte) last;
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /**
     * RFC 5782 §5: 127.0.0.2 must be listed, 127.0.0.1 must not; return codes are in 127.0.0.0/8 (§2.3), so a test
     * point answered with another address means a parked or hijacked zone, not a working list.
     */
    private static Optional<Failure> ipv4TestPoints(CheckContext ctx, DnsblZone zone, boolean refusesThisComputer) {
        return switch (testPoints(ctx, zone, IPV4_TEST_POINT, IPV4_NEVER_LISTED, refusesThisComputer)) {
            case TestPoints.Passed _ -> Optional.empty();
            case TestPoints.QueryFailed failed -> Optional.of(failed.failure());
            case TestPoints.NotListed n -> {
                String status = String.valueOf(n.answer().status());
                yield Optional.of(new Failure(zone, new Cause.TestPointNotListed(status),
                        unusable(zone, "notListed", n.answer().evidence(), status), n.answer().evidence()));
            }
            case TestPoints.NotReturnCodes c -> Optional.of(rewritten(zone, c.codes(), unusable(zone,
                    "testPointCode", c.answer().evidence(), String.join(", ", c.codes()), c.name())));
            case TestPoints.ListsEverything w -> {
                List<String> codes = addresses(w.neverListed());
                Finding alone = unusable(zone, "wildcard", w.neverListed().evidence());
                yield Optional.of(codes.stream().allMatch(c -> c.startsWith("127.")) ? ofThisZone(zone, alone)
                        : rewritten(zone, codes, alone));
            }
        };
    }

    /** A test point answered outside 127/8: alike on several lists, the resolver rewrites (see {@link #together}). */
    private static Failure rewritten(DnsblZone zone, List<String> codes, Finding finding) {
        return new Failure(zone, new Cause.Rewritten(List.copyOf(codes)), finding, finding.evidence());
    }

    private static Failure ofThisZone(DnsblZone zone, Finding finding) {
        return new Failure(zone, new Cause.OfThisZone(zone.zone()), finding, finding.evidence());
    }

    /**
     * Asks a zone about {@code listed}, which it must list with a 127.0.0.0/8 code, then about {@code neverListed},
     * which it must not list (RFC 5782 §5); stops at the first answer that fails.
     */
    private static TestPoints testPoints(CheckContext ctx, DnsblZone zone, InetAddress listed,
                                         InetAddress neverListed, boolean refusesThisComputer) {
        String name = Addresses.reversedUnder(listed, zone.zone());
        DnsAnswer listedAnswer = ctx.dns().lookup(name, Type.A, ctx.cancellation());
        Optional<Failure> error = queryError(zone, listedAnswer, refusesThisComputer);
        if (error.isPresent()) {
            return new TestPoints.QueryFailed(error.get());
        }
        List<String> codes = addresses(listedAnswer);
        if (codes.isEmpty()) {
            return new TestPoints.NotListed(listedAnswer);
        }
        if (codes.stream().anyMatch(c -> !c.startsWith("127."))) {
            return new TestPoints.NotReturnCodes(name, codes, listedAnswer);
        }
        DnsAnswer neverListedAnswer = ctx.dns().lookup(Addresses.reversedUnder(neverListed, zone.zone()), Type.A,
                ctx.cancellation());
        error = queryError(zone, neverListedAnswer, refusesThisComputer);
        if (error.isPresent()) {
            return new TestPoints.QueryFailed(error.get());
        }
        if (!addresses(neverListedAnswer).isEmpty()) {
            return new TestPoints.ListsEverything(listedAnswer, neverListedAnswer);
        }
        return new TestPoints.Passed();
    }

    /**
     * REFUSED, 127.255.255.x error codes, or no answer: the query failed, nothing about the address is known. A
     * REFUSED from a resolver that refuses this computer ({@code refusesThisComputer}: it refused the domain's
     * question too) is the resolver's failure, not the list's refusal: said as a failed lookup, which DnsFailuresOnce
     * merges with the other checks' into one finding.
     */
    private static Optional<Failure> queryError(DnsblZone zone, DnsAnswer answer, boolean refusesThisComputer) {
        if (answer.status() == DnsStatus.REFUSED && !(refusesThisComputer && refusedByTheResolver(answer))) {
            return Optional.of(refused(zone, DnsblTexts.text("phrase.refused"), answer));
        }
        if (DnsAnswers.failed(answer)) {
            // Spamhaus DQS: "If a service is off, a DNS 'refused' answer packet is returned, resulting in a SERVFAIL
            // DNS answer provided by the resolver" (https://docs.spamhaus.com/datasets/docs/source/70-access-methods/
            // data-query-service/020-dqs-auth.html): a failure may be a refusal, so the list's note is given
            Finding failed = DnsAnswers.lookupFailed(answer, noted(zone, "lookupFailed.zone",
                    "lookupFailed.zone.noted"), Actor.LOCAL_NETWORK);
            // the name asked is the list's test point or an address in it, not a domain whose DNS servers someone
            // could check: the advice is the lists' (as for several lists that failed alike), unless the resolver
            // is at fault, whose advice the finding already has
            Finding alone = answer.resolverAtFault() ? failed : failed.withRemediation(noted(zone,
                    "lookupFailed.zones.remediation", "lookupFailed.zones.noted.remediation"), Actor.LOCAL_NETWORK);
            return Optional.of(new Failure(zone, new Cause.LookupFailed(alone.code(), answer.status(),
                    answer.resolverAtFault()), alone, answer.evidence()));
        }
        Optional<String> code = addresses(answer).stream().filter(a -> a.startsWith("127.255.255.")).findFirst();
        return code.map(c -> refused(zone, DnsblTexts.text("phrase.errorCode", c,
                DnsblTexts.text(SPAMHAUS_ERRORS.getOrDefault(c, "phrase.errorCode.other"))), answer));
    }

    private static Failure refused(DnsblZone zone, LocalText why, DnsAnswer answer) {
        Finding alone = DnsblTexts.TEXTS.variant("DNSBL_QUERY_REFUSED", Severity.WARNING, zone.zone(),
                answer.evidence(), Actor.LOCAL_NETWORK, "DNSBL_QUERY_REFUSED.message", zone.note().isEmpty()
                        ? "DNSBL_QUERY_REFUSED.remediation" : "DNSBL_QUERY_REFUSED.noted.remediation",
                zone.zone(), why, zone.note().map(Object.class::cast).orElse(""));
        return new Failure(zone, new Cause.Refused(why), alone, answer.evidence());
    }

    /**
     * One finding per cause: a zone that failed alone keeps its own finding; zones that failed alike are named in
     * one finding of the same code (its subject the zones, its evidence every zone's answers), whose advice carries
     * the notes of the default lists among them (how to get answers from each).
     */
    private static List<Finding> together(List<Failure> failures) {
        Map<Cause, List<Failure>> byCause = new LinkedHashMap<>();
        failures.forEach(f -> byCause.computeIfAbsent(f.cause(), c -> new ArrayList<>()).add(f));
        List<Finding> out = new ArrayList<>();
        byCause.forEach((cause, alike) -> out.add(alike.size() == 1 ? alike.getFirst().alone() : together(cause,
                alike)));
        return out;
    }

    private static Finding together(Cause cause, List<Failure> alike) {
        List<String> names = alike.stream().map(f -> f.zone().zone()).toList();
        Object zones = DnsText.joinText(names, ", ");
        String subject = String.join(", ", names);
        List<String> evidence = alike.stream().flatMap(f -> f.evidence().stream()).toList();
        List<LocalText> noteList = alike.stream().flatMap(f -> f.zone().note().stream()).toList();
        Object notes = DnsText.joinText(noteList, ". ");
        String advice = noteList.isEmpty() ? "" : ".noted";
        return switch (cause) {
            case Cause.TestPointNotListed n -> new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, subject,
                    DnsblTexts.text("DNSBL_ZONE_UNUSABLE.notListed.zones.message", zones, n.status()),
                    evidence, DnsblTexts.text("DNSBL_ZONE_UNUSABLE.zones" + advice + ".remediation", zones, notes),
                    Actor.LOCAL_NETWORK);
            case Cause.Refused r -> new Finding("DNSBL_QUERY_REFUSED", Severity.WARNING, subject,
                    DnsblTexts.text("DNSBL_QUERY_REFUSED.zones.message", zones, r.why()), evidence,
                    DnsblTexts.text("DNSBL_QUERY_REFUSED" + advice + ".remediation", zones, r.why(), notes),
                    Actor.LOCAL_NETWORK);
            case Cause.LookupFailed l -> new Finding(l.code(), Severity.WARNING, subject,
                    // a resolver at fault did not get as far as the lists: "got no usable answer from them" is
                    // not so
                    DnsblTexts.text(l.resolverAtFault() ? "lookupFailed.zones.resolver.message"
                            : "lookupFailed.zones.message", zones, l.status().toString()),
                    evidence, l.resolverAtFault() ? LookupFindings.brokenResolverRemediation()
                            : DnsblTexts.text("lookupFailed.zones" + advice + ".remediation", zones, notes),
                    Actor.LOCAL_NETWORK).withDnsNames(names); // the zones as data, not read back from the subject
            // one address for names that do not exist on every list: this computer's resolver rewrites NXDOMAIN
            // (an ISP's "search help" page, a captive portal), so no list's answer can be believed
            case Cause.Rewritten r -> new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, subject,
                    DnsblTexts.text("DNSBL_ZONE_UNUSABLE.rewritten.zones.message", zones,
                            DnsText.joinText(r.codes(), ", ")),
                    evidence, DnsblTexts.text("DNSBL_ZONE_UNUSABLE.rewritten.zones.remediation", zones),
                    Actor.LOCAL_NETWORK);
            // one zone's own answers are never alike another's: its finding is said alone
            case Cause.OfThisZone _ -> alike.getFirst().alone();
        };
    }

    /** The zone cannot be used: {@code wording} says why, {@code more} are its arguments from {1} on. */
    private static Finding unusable(DnsblZone zone, String wording, List<String> evidence, Object... more) {
        List<Object> args = new ArrayList<>(List.of(zone.zone()));
        args.addAll(List.of(more));
        // a default list that does not answer this resolver is usually one that refuses it (Spamhaus through a
        // public resolver, Barracuda without the resolver registered): its note says how to get answers
        return new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, zone.zone(),
                DnsblTexts.text("DNSBL_ZONE_UNUSABLE." + wording + ".message", args.toArray()), evidence,
                noted(zone, "DNSBL_ZONE_UNUSABLE.remediation",
                        "DNSBL_ZONE_UNUSABLE.noted.remediation"), Actor.LOCAL_NETWORK);
    }

    /** The text {@code plain} naming the zone, or {@code noted} naming it and the list's note (how to get answers). */
    private static LocalText noted(DnsblZone zone, String plain, String noted) {
        return zone.note().map(n -> DnsblTexts.text(noted, zone.zone(), n))
                .orElseGet(() -> DnsblTexts.text(plain, zone.zone()));
    }

    /**
     * The address is listed: each code with what its list's operator says it means ({@code return-codes.txt}).
     * A listing by Spamhaus PBL codes only is a policy, not a spam listing: the range's owner says it should not
     * send mail directly to other mail servers ("The Spamhaus Policy Blocklist (PBL) lists IPs that the ISP does not
     * or should not allow to send email directly to other SMTP servers", https://www.spamhaus.org/faq/section/
     * DNSBL%20Usage; Spamhaus asks that ZEN be used only "for ... checking IP addresses that hand off to your
     * mailservers", https://www.spamhaus.org/zen/). For the sending IP that still gets mail rejected (ERROR, with
     * PBL's own remedy); for a recipient's MX address it says nothing about receiving mail (INFO).
     */
    private static Finding listed(CheckContext ctx, DnsblZone zone, Target t, String name, List<String> codes,
                                  DnsAnswer answer) {
        DnsAnswer txt = ctx.dns().lookup(name, Type.TXT, ctx.cancellation());
        List<String> reasons = DnsAnswers.texts(txt);
        List<String> evidence = new ArrayList<>(answer.evidence());
        evidence.addAll(txt.evidence());
        String ip = IpAddresses.text(t.address());
        // a documented list's codes with their meanings, which hold commas, are set apart by semicolons; bare codes
        // keep their commas
        Object shownCodes = DnsblReturnCodes.documents(zone.zone())
                ? DnsText.joinText(codes.stream().map(c -> described(zone, c)).toList(), "; ")
                : DnsText.joinText(codes, ", ");
        boolean policyOnly = codes.stream().allMatch(c -> DnsblReturnCodes.meaning(zone.zone(), c)
                .filter(m -> m.kind() == DnsblReturnCodes.Kind.POLICY).isPresent());
        String remediation = switch (t.whose()) {
            case OURS -> policyOnly ? "sendingPolicy" : reasons.isEmpty() ? "sending" : "sendingReasons";
            case SALESFORCE -> policyOnly ? "salesforcePolicy" : "salesforce";
            case NAMED_BY_BOUNCE -> policyOnly ? "namedByBouncePolicy" : "namedByBounce";
            case MX -> policyOnly ? "mxPolicy" : "mx";
        };
        // a listing of a receiving address does not stop mail arriving there; one of a sending IP weighs as much as
        // the receivers that block on its list (default-zones.txt)
        Severity severity = !t.sending() ? Severity.INFO
                : zone.weight() == DnsblZone.Weight.MAJOR ? Severity.ERROR : Severity.WARNING;
        Actor actor = switch (t.whose()) {
            case OURS, NAMED_BY_BOUNCE -> Actor.SENDER_ADMIN;
            case SALESFORCE -> Actor.SALESFORCE_SUPPORT;
            case MX -> Actor.RECIPIENT_MAIL_TEAM;
        };
        return DnsblTexts.TEXTS.variant("DNSBL_LISTED", severity, ip, evidence, actor,
                "DNSBL_LISTED" + (reasons.isEmpty() ? "" : ".reasons") + ".message",
                "DNSBL_LISTED." + remediation + ".remediation",
                DnsblListings.listedArgs(ip, t.role(), zone, shownCodes, DnsText.joinText(reasons, " ")));
    }

    /** A return code of a list whose operator documents its codes, with what it means there. */
    private static LocalText described(DnsblZone zone, String code) {
        return DnsblReturnCodes.meaning(zone.zone(), code)
                .map(m -> DnsblTexts.text("phrase.code", code, DnsblTexts.text(m.key())))
                .orElseGet(() -> DnsblTexts.text("phrase.code.undocumented", code, zone.zone()));
    }

    /** DNSBL_NOT_LISTED for each address that no usable zone lists. */
    private static List<Finding> clean(List<Target> targets, List<DnsblZone> zones, List<ZoneResult> perZone) {
        List<Finding> out = new ArrayList<>();
        for (Target t : targets) {
            String ip = IpAddresses.text(t.address());
            List<String> checked = new ArrayList<>();
            boolean listed = false;
            for (int i = 0; i < zones.size(); i++) {
                ZoneResult zr = perZone.get(i);
                listed |= zr.findings().stream()
                        .anyMatch(f -> f.code().equals("DNSBL_LISTED") && f.subject().equals(ip));
                if (zr.checked().contains(t.address())) {
                    checked.add(zones.get(i).zone());
                }
            }
            if (!listed && !checked.isEmpty()) {
                out.add(DnsblTexts.TEXTS.finding("DNSBL_NOT_LISTED", Severity.OK, ip, List.of(), Actor.NOBODY,
                        "DNSBL_NOT_LISTED", ip, t.role(), String.join(", ", checked)));
            }
        }
        return out;
    }

    private static List<String> addresses(DnsAnswer answer) {
        return answer.records().stream().filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }
}
