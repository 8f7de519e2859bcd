package org.mailpath.engine.dns;

import com.google.common.net.InternetDomainName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNSSEC of the zone holding the domain (the domain itself or the nearest parent with an SOA record), judged as a
 * validating resolver would ({@link ChainOfTrust}, and above the zone from the root's trust anchor,
 * {@link ChainAbove}): a broken chain makes every lookup of the domain fail at the validating resolvers most large
 * mail providers use, so mail to it is not delivered; a zone above without a secure link leaves the domain unsigned
 * to them (insecure), whatever its own keys. Every question is asked with
 * DO and CD ({@link DnsLookup#lookupSigned}), so a validating resolver shows the broken data instead of SERVFAIL.
 * An expired signature is then asked of each of the zone's name servers ({@link ExpiredSignatureServers}): the
 * resolver shows one server's copy, and every lookup fails only when every server serves it expired.
 * Once the chain holds, the zone's NSEC3 parameters ({@link Nsec3Parameters}) and its CDS and CDNSKEY records
 * ({@link ChildKeys}; at each name server, {@link ChildKeyServers}) are judged too: neither makes a lookup fail today.
 * So are how long its signatures last ({@link SignatureLifetimes}; signatures about to expire will make lookups
 * fail), also as each name server serves them ({@link ServerSignatureLifetimes}: one server left with an old copy
 * of the zone makes lookups fail depending on the server asked), and the sizes of its RSA keys
 * ({@link RsaKeySizes}).
 */
public final class DnssecCheck implements DomainCheck {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final TrustAnchor anchor;
    private final ChildKeyServers.Exchange toServers;

    public DnssecCheck() {
        this(Clock.systemUTC());
    }

    /** {@code clock}: the time signatures must be valid at (tests fix it). The chain starts at IANA's root anchor. */
    public DnssecCheck(Clock clock) {
        this(clock, TrustAnchor.iana());
    }

    /** {@code anchor}: where the chain of trust above the zone starts (tests serving their own root give its DS). */
    public DnssecCheck(Clock clock, TrustAnchor anchor) {
        this(clock, anchor, ChildKeyServers.NETWORK);
    }

    /** {@code toServers}: how questions reach the zone's name servers (tests on made-up zones answer themselves). */
    DnssecCheck(Clock clock, ChildKeyServers.Exchange toServers) {
        this(clock, TrustAnchor.iana(), toServers);
    }

    DnssecCheck(Clock clock, TrustAnchor anchor, ChildKeyServers.Exchange toServers) {
        this.clock = clock;
        this.anchor = anchor;
        this.toServers = toServers;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.DNSSEC;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        String domain = context.domain();
        // Most domains checked are their zone's apex: DS, DNSKEY and MX are asked together with the SOA that tells,
        // so the check takes one round of questions, and only a name below its apex asks DS and DNSKEY again there.
        // This MX (DO+CD) cannot stand in for the plain one the MX check asks (MxCheck#run says why).
        List<Integer> types = List.of(Type.SOA, Type.DS, Type.DNSKEY, Type.MX);
        List<DnssecAnswer> first = Parallel.map(types, t -> context.dns().lookupSigned(domain, t,
                context.cancellation()));
        ZoneApex<DnssecAnswer> apex = ZoneApex.findSigned(context.dns(), domain, Type.SOA, first.getFirst(),
                context.cancellation());
        List<DnssecAnswer> walked = apex.answers();
        DnssecAnswer soa = apex.last();
        Optional<Finding> failed = LookupFindings.failure(soa.answer());
        if (failed.isPresent()) {
            return CheckOutcome.of(List.of(failed.get()));
        }
        String zone = apex.zone();
        DnssecAnswer mx = first.get(3);
        List<DnssecAnswer> atApex = walked.size() == 1 ? first.subList(1, 3)
                : Parallel.map(List.of(Type.DS, Type.DNSKEY), t -> context.dns().lookupSigned(zone, t,
                        context.cancellation()));
        DnssecAnswer ds = atApex.get(0);
        DnssecAnswer dnskey = atApex.get(1);
        for (DnssecAnswer a : List.of(dnskey, ds)) {
            Optional<Finding> f = LookupFindings.failure(a.answer());
            if (f.isPresent()) {
                return CheckOutcome.of(List.of(f.get()));
            }
        }
        List<String> evidence = new ArrayList<>();
        walked.forEach(a -> evidence.addAll(a.evidence()));
        evidence.addAll(ds.evidence());
        evidence.addAll(dnskey.evidence());
        // the zone's SOA and the domain's MX (what senders ask for) must be signed too; a CNAME leads elsewhere
        List<DnssecAnswer> signed = new ArrayList<>();
        if (soa.answer().ok() && soa.answer().cnames().isEmpty()) {
            signed.add(soa);
        }
        if (mx.answer().ok() && mx.answer().cnames().isEmpty()) {
            signed.add(mx);
            evidence.addAll(mx.evidence());
        }
        Name zoneName;
        try {
            zoneName = Name.fromString(DnsNames.absolute(zone));
        } catch (TextParseException e) {
            throw new IllegalStateException("the resolver answered for a name that is none: " + zone, e);
        }
        Instant now = clock.instant();
        ChainOfTrust.Result result = ChainOfTrust.judge(zoneName, ds, dnskey, signed, now);
        evidence.addAll(result.notes());
        if (ChainAbove.insecureByDsAnswer(result.verdict()) && ds.dnssecOk()) {
            return CheckOutcome.of(List.of(insecureLink(context, result.verdict(), domain, zone, zoneName, ds, evidence,
                    now)));
        }
        if (!(result.verdict() instanceof DnssecVerdict.Signed s)) {
            // An expired signature is set against each name server's copy: asked only then (the resolver's answer
            // may come from one server of several left behind), so a zone whose chain breaks otherwise costs none.
            Optional<ExpiredSignatureServers.Compared> expiredAtServers =
                    result.verdict() instanceof DnssecVerdict.BadSignature b
                            && b.outcome() instanceof RrsetSignatures.Expired
                            ? Optional.of(expiredAtServers(context, zone, zoneName, b, now)) : Optional.empty();
            return CheckOutcome.of(List.of(finding(result.verdict(), domain, zone, evidence, expiredAtServers)));
        }
        // The chain above the zone, as validators follow it from the root's trust anchor: judged only where the zone's
        // own link holds and the resolver shows signatures, meanwhile with the questions below (a break above makes
        // the zone bogus, and the verdict then stands alone as the zone's own breaks do).
        Supplier<ChainAbove.Result> above = s.checkedTypes().isEmpty()
                ? () -> ChainAbove.notJudged("the resolver returned no DNSSEC data", List.of())
                : Parallel.fork(() -> ChainAbove.judge(context.dns(), anchor, zoneName, ds, now,
                        context.cancellation()));
        // Asked only once the chain holds: NSEC3 parameters matter to validators only then, and CDS/CDNSKEY can be
        // judged only against the keys the DS points to. Nothing of this check is left to overlap with (the verdict
        // decides), and the domain's other checks run meanwhile. The zone's name servers are found and asked for
        // their signatures at the same time; a zone whose signatures the resolver did not show is not compared.
        List<DNSKEYRecord> zoneKeys = ChainOfTrust.zoneKeys(dnskey);
        Supplier<List<ChildKeyServers.Server>> findServers = () -> ChildKeyServers.servers(context.dns(), zone,
                context.cancellation());
        Supplier<List<ChildKeyServers.Server>> servers = s.checkedTypes().isEmpty() ? findServers
                : Parallel.fork(findServers);
        Supplier<Optional<ServerSignatureLifetimes.Result>> atServers = s.checkedTypes().isEmpty()
                ? Optional::empty
                : Parallel.fork(() -> Optional.of(ServerSignatureLifetimes.ask(servers.get(), zoneName, s.trusted(),
                        zoneKeys, context.options().dnsPort(), context.options().timeout(), toServers, now,
                        context.cancellation())));
        List<DnssecAnswer> apexExtras = Parallel.map(List.of(Type.NSEC3PARAM, Type.CDS, Type.CDNSKEY),
                t -> context.dns().lookupSigned(zone, t, context.cancellation()));
        DnssecAnswer nsec3param = apexExtras.get(0);
        Optional<NSEC3PARAMRecord> params = Nsec3Parameters.published(nsec3param.answer());
        evidence.addAll(nsec3param.evidence());
        if (nsec3param.answer().ok() || nsec3param.answer().status() == DnsStatus.NODATA) {
            evidence.add(Nsec3Parameters.note(params));
        }
        // opt-out shows only in NSEC3 records, which the CDS and CDNSKEY denials carry: no question of its own
        Nsec3OptOut.Result optOut = Nsec3OptOut.judge(zoneName, apexExtras, zoneKeys, now);
        evidence.addAll(optOut.notes());
        List<String> childEvidence = childKeyEvidence(apexExtras.get(1), apexExtras.get(2));
        ChildKeys.Result childKeys = ChildKeys.judge(zoneName, apexExtras.get(1), apexExtras.get(2), dnskey,
                s.trusted(), result.keySetSigner(), now);
        childEvidence.addAll(childKeys.notes());
        Optional<ChildKeyServers.Result> perServer = perServer(context, servers, zoneName, apexExtras.subList(1, 3));
        perServer.ifPresent(p -> childEvidence.addAll(p.notes()));
        evidence.addAll(childEvidence);
        Optional<ServerSignatureLifetimes.Result> serverLifetimes = atServers.get();
        serverLifetimes.ifPresent(r -> evidence.add(serverSummary(r)));
        ChainAbove.Result chain = above.get();
        List<String> withChain = new ArrayList<>(evidence);
        withChain.addAll(chain.evidence());
        List<Finding> findings = new ArrayList<>();
        switch (chain.verdict()) {
            case ChainAbove.Bogus b -> {
                return CheckOutcome.of(List.of(parentBogus(b, domain, zone, withChain)));
            }
            case ChainAbove.Insecure i -> findings.add(parentInsecure(i, domain, zone, withChain));
            case ChainAbove.Secure _, ChainAbove.NotJudged _ -> findings.add(finding(result.verdict(), domain, zone,
                    withChain, Optional.empty()));
        }
        LookupFindings.failure(nsec3param.answer()).ifPresent(findings::add);
        params.filter(p -> !Nsec3Parameters.recommended(p))
                .map(p -> nsec3Finding(p, domain, zone, nsec3param)).ifPresent(findings::add);
        optOut.optOut().filter(n -> !publicSuffix(zone))
                .map(n -> optOutFinding(n, optOut.notes(), domain, zone, nsec3param)).ifPresent(findings::add);
        List<DnssecAnswer> checked = new ArrayList<>(List.of(dnskey));
        checked.addAll(signed);
        AlgorithmCoverage.Gap gap = AlgorithmCoverage.of(zoneName, dnskey, checked);
        if (!gap.none()) {
            findings.add(LookupFindings.TEXTS.finding(DnsFindingCodes.DNSSEC_ALGORITHM_INCOMPLETE, Severity.WARNING,
                    domain, evidence, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_ALGORITHM_INCOMPLETE, domain,
                    zone, gap.algorithms().stream().sorted().map(DnssecAlgorithms::name)
                            .collect(Collectors.joining(", ")),
                    types(gap.types())));
        }
        if (!s.checkedTypes().isEmpty()) {
            List<DnssecAnswer> others = signed.stream().filter(a -> s.checkedTypes().contains(a.answer().type()))
                    .toList();
            SignatureLifetimes.Result lifetimes = SignatureLifetimes.judge(zoneName, dnskey, s.trusted(), others,
                    zoneKeys, now);
            findings.addAll(lifetimeFindings(lifetimes, domain, zone, evidence, now));
            List<Integer> resolverExpiring = lifetimes.expiring().map(SignatureLifetimes.Expiring::types)
                    .orElse(List.of());
            serverLifetimes.ifPresent(r -> findings.addAll(serverLifetimeFindings(r, resolverExpiring, domain, zone,
                    evidence)));
        }
        findings.addAll(keySizeFindings(RsaKeySizes.judge(zoneKeys), domain, zone, dnskey.evidence()));
        findings.addAll(ChildKeyFindings.of(childKeys, domain, zone, childEvidence));
        perServer.ifPresent(p -> findings.addAll(ChildKeyFindings.inconsistent(p, domain, zone, childEvidence)));
        return CheckOutcome.of(findings);
    }

    /**
     * DNSSEC_UNSIGNED, DNSSEC_NO_DS or DNSSEC_ALGORITHM_UNSUPPORTED, or DNSSEC_PARENT_BOGUS: the parent's DS answer
     * alone makes the zone insecure ({@code verdict}: no DS record, keys published or not, or DS records whose
     * algorithms or digest types validators do not support), which counts, as for a zone above ({@link ChainAbove}),
     * only when the answer is authenticated: the parent's signed proof that there is no DS (NSEC or NSEC3, RFC 4035
     * §5.2; an Opt-Out NSEC3 record covering the zone, RFC 5155 §8.6), or its valid signature over the DS records
     * (RFC 4035 §5.2 "an authenticated DS RRset", RFC 6840 §5.2), or a parent that is itself insecure: otherwise
     * validators take the answer as bogus and fail every lookup of the domain, keys or not (a zone without keys is no
     * exception: a stripped or forged answer would otherwise make a signed zone look unsigned). So is a break in a
     * link above the zone. A zone above without a DS of its own, a proof or signature that cannot be judged, or a root
     * that does not lead to the anchor leave the answer as the parent gives it (the evidence says which). Asked only
     * of a resolver that returns DNSSEC data: the root's keys and each zone cut's DS and keys, kept for the run.
     */
    private Finding insecureLink(CheckContext context, DnssecVerdict verdict, String domain, String zone,
                                 Name zoneName, DnssecAnswer ds, List<String> evidence, Instant now) {
        ChainAbove.Result chain = ChainAbove.judge(context.dns(), anchor, zoneName, ds, now, context.cancellation());
        List<String> withChain = new ArrayList<>(evidence);
        withChain.addAll(chain.evidence());
        return chain.verdict() instanceof ChainAbove.Bogus b ? parentBogus(b, domain, zone, withChain)
                : finding(verdict, domain, zone, withChain, Optional.empty());
    }

    /**
     * The CDS and CDNSKEY records as each name server serves them (Zonemaster DNSSEC15), asked only where the
     * resolver's answers hold some: parents compare every server's. A zone whose records never reach the resolver
     * costs no question; a server that alone publishes them is seen when the resolver's answer came from it.
     */
    private Optional<ChildKeyServers.Result> perServer(CheckContext context,
                                                       Supplier<List<ChildKeyServers.Server>> servers, Name zoneName,
                                                       List<DnssecAnswer> cdsAndCdnskey) {
        if (cdsAndCdnskey.stream().allMatch(a -> a.answer().records().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(ChildKeyServers.ask(servers.get(), zoneName, context.options().dnsPort(),
                context.options().timeout(), toServers, context.cancellation()));
    }

    /**
     * The RRset whose signature expired in the resolver's answer, as each of the zone's name servers serves it: the
     * DNSKEY set judged by the keys the DS points to, the SOA (at the apex) and MX (at the domain) by the zone's keys,
     * as {@link ChainOfTrust} judged the resolver's ({@code bad.signers()}).
     */
    private ExpiredSignatureServers.Compared expiredAtServers(CheckContext context, String zone, Name zoneName,
                                                              DnssecVerdict.BadSignature bad, Instant now) {
        Name owner;
        // the MX is asked at the domain as written, not at the owner name of the resolver's expired signature: that
        // name is in the resolver's letter case, and the servers' exchanges in the evidence show the name asked
        try {
            owner = bad.type() == Type.MX ? Name.fromString(DnsNames.absolute(context.domain())) : zoneName;
        } catch (TextParseException e) {
            throw new IllegalStateException("the domain checked is no DNS name: " + context.domain(), e);
        }
        // all of them, so that those past the limit are named as not asked rather than passed over
        List<ChildKeyServers.Server> all = ChildKeyServers.allServers(context.dns(), zone, context.cancellation());
        List<ChildKeyServers.Server> asked = all.subList(0, Math.min(all.size(), ChildKeyServers.MAX_ADDRESSES));
        return ExpiredSignatureServers.of(ServerSignatureLifetimes.askFor(asked, zoneName, owner, bad.type(),
                bad.signers(), context.options().dnsPort(), context.options().timeout(), toServers, now,
                context.cancellation()), bad.type(), all.subList(asked.size(), all.size()));
    }

    /** One evidence line saying how the servers' signatures compare; the findings hold one line per server. */
    private static String serverSummary(ServerSignatureLifetimes.Result servers) {
        long expired = servers.expired().size();
        long expiring = servers.lapses().size() - expired;
        return ";; DNSKEY and SOA signatures asked of each name server (DO, no recursion): " + (servers.lapses()
                .isEmpty() ? "none expired or expiring within 12 hours (" + servers.judged() + " of "
                + servers.notes().size() + " answers judged)"
                : expired + " RRset(s) expired, " + expiring + " expiring within 12 hours");
    }

    /**
     * DNSSEC_SIGNATURE_EXPIRED (ERROR) and DNSSEC_SIGNATURE_EXPIRES_SOON (WARNING) for signatures as some of the
     * zone's name servers serve them ({@link ServerSignatureLifetimes}) while the resolver's validate: the same
     * fault as the resolver-side findings, at fewer servers, so lookups fail depending on the server asked. The
     * messages name the servers and their addresses; an RRset the resolver's answer already runs short on is
     * reported once, by the resolver-side finding. {@code evidence}: the check's; the servers' lines follow it.
     */
    private static List<Finding> serverLifetimeFindings(ServerSignatureLifetimes.Result servers,
                                                        List<Integer> resolverExpiring, String domain, String zone,
                                                        List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.addAll(servers.notes());
        lines.addAll(servers.exchanges());
        String remediation = DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED + ".servers.remediation";
        List<Finding> findings = new ArrayList<>();
        List<ServerSignatureLifetimes.Expired> expired = servers.expired();
        if (!expired.isEmpty()) {
            findings.add(LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED, Severity.ERROR,
                    domain, lines, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED
                            + ".servers.message", remediation, domain, zone,
                    lapses(expired, "DNSSEC.serverExpired.phrase")));
        }
        List<ServerSignatureLifetimes.ExpiresSoon> expiring = servers.expiringBeyond(resolverExpiring);
        if (!expiring.isEmpty()) {
            findings.add(LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRES_SOON,
                    Severity.WARNING, domain, lines, Actor.RECIPIENT_MAIL_TEAM,
                    DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRES_SOON + ".servers.message", remediation, domain, zone,
                    lapses(expiring, "DNSSEC.serverExpiring.phrase")));
        }
        return findings;
    }

    /**
     * "ns2.example.com (192.0.2.2): DNSKEY, SOA, expired at 2026-01-01 00:00:00 UTC; …": per server (in the order
     * asked), its record types and the first time among them.
     */
    static Object lapses(List<? extends ServerSignatureLifetimes.Lapse> lapses, String phrase) {
        Map<ChildKeyServers.Server, List<ServerSignatureLifetimes.Lapse>> byServer = new LinkedHashMap<>();
        lapses.forEach(l -> byServer.computeIfAbsent(l.server(), k -> new ArrayList<>()).add(l));
        return joined(byServer.entrySet().stream().map(e -> LookupFindings.TEXTS.text(phrase, e.getKey().label(),
                types(e.getValue().stream().map(ServerSignatureLifetimes.Lapse::type).toList()),
                TIME.format(e.getValue().stream().map(ServerSignatureLifetimes.Lapse::at).min(Instant::compareTo)
                        .orElseThrow()))).toList());
    }

    /**
     * The CDS and CDNSKEY answers that hold records, and a line for a question that failed. A failed question is no
     * finding: mail does not depend on these records, and the parent asks the zone's servers itself.
     */
    private static List<String> childKeyEvidence(DnssecAnswer... answers) {
        List<String> lines = new ArrayList<>();
        for (DnssecAnswer a : answers) {
            if (!a.answer().records().isEmpty()) {
                lines.addAll(a.evidence());
            } else if (!a.answer().ok() && a.answer().status() != DnsStatus.NODATA) {
                lines.add(";; " + Type.string(a.answer().type()) + " question failed (" + a.answer().status()
                        + "): not judged");
            }
        }
        return lines;
    }

    /**
     * DNSSEC_NSEC3_ITERATIONS (WARNING: RFC 9276 §3.1 "MUST" use 0, and §3.2 lets validators treat more as insecure;
     * the wording says whether the named validators already do) or DNSSEC_NSEC3_SALT (INFO: operators "SHOULD NOT"
     * use a salt) for parameters other than {@code 1 0 0 -}.
     */
    private static Finding nsec3Finding(NSEC3PARAMRecord params, String domain, String zone, DnssecAnswer answer) {
        List<String> evidence = new ArrayList<>(answer.evidence());
        evidence.add(Nsec3Parameters.note(Optional.of(params)));
        Object[] args = {domain, zone, params.getIterations(), Nsec3Parameters.saltLength(params),
                params.rdataToString()};
        String remediation = DnsFindingCodes.DNSSEC_NSEC3_ITERATIONS + ".remediation";
        if (params.getIterations() == 0) {
            return LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_NSEC3_SALT, Severity.INFO, domain, evidence,
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_NSEC3_SALT + ".message", remediation, args);
        }
        return LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_NSEC3_ITERATIONS, Severity.WARNING, domain,
                evidence, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_NSEC3_ITERATIONS
                        + (Nsec3Parameters.beyondResolverLimit(params) ? ".insecure.message" : ".message"),
                remediation, args);
    }

    /**
     * DNSSEC_NSEC3_OPT_OUT (INFO): the zone's NSEC3 records carry the Opt-Out flag ({@link Nsec3OptOut}), which RFC
     * 9276 §3.1 does "NOT RECOMMEND" for small zones; lookups work, and only the proof that a name does not exist is
     * weakened (it may be an unsigned delegation instead).
     */
    private static Finding optOutFinding(NSEC3Record record, List<String> notes, String domain, String zone,
                                         DnssecAnswer nsec3param) {
        List<String> evidence = new ArrayList<>(nsec3param.evidence());
        evidence.addAll(notes);
        return finding(DnsFindingCodes.DNSSEC_NSEC3_OPT_OUT, Severity.INFO, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_NSEC3_OPT_OUT, domain, zone,
                record.getName() + " NSEC3 " + record.rdataToString());
    }

    /**
     * A zone that is a public suffix (a TLD, or a registry-like zone on the Public Suffix List): RFC 9276 §3.1 lets
     * "very large and sparsely signed zones" use opt-out, and Zonemaster (DNSSEC03) makes opt-out a fault only
     * below them. Guava's copy of the list, as {@code OrganizationalDomain} uses; a name Guava does not take for a
     * domain name (an underscore label) is not judged either.
     */
    private static boolean publicSuffix(String zone) {
        String name = DnsNames.relative(zone);
        return !InternetDomainName.isValid(name) || InternetDomainName.from(name).isPublicSuffix();
    }

    /**
     * DNSSEC_SIGNATURE_EXPIRES_SOON (WARNING: when the signatures run out, validating resolvers fail every lookup of
     * the domain, and a zone this close to it is most likely no longer re-signed) and DNSSEC_SIGNATURE_LIFETIME_LONG
     * (INFO: Zonemaster's WARNING, but lookups work and only replays of old records are at stake), by Zonemaster
     * DNSSEC04's thresholds ({@link SignatureLifetimes}).
     */
    private static List<Finding> lifetimeFindings(SignatureLifetimes.Result lifetimes, String domain, String zone,
                                                  List<String> evidence, Instant now) {
        List<String> lines = new ArrayList<>(evidence);
        lines.addAll(lifetimes.notes());
        List<Finding> findings = new ArrayList<>();
        lifetimes.expiring().ifPresent(e -> {
            Duration left = Duration.between(now, e.expires());
            findings.add(finding(DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRES_SOON, Severity.WARNING, domain, lines,
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRES_SOON, domain, zone,
                    types(e.types()), TIME.format(e.expires()), left.toHours(), left.toMinutesPart()));
        });
        lifetimes.tooLong().ifPresent(t -> findings.add(finding(DnsFindingCodes.DNSSEC_SIGNATURE_LIFETIME_LONG,
                Severity.INFO, domain, lines, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_SIGNATURE_LIFETIME_LONG,
                domain, zone, types(t.types()), t.validity().toMinutes() / (24 * 60.0),
                TIME.format(t.longest().getTimeSigned()), TIME.format(t.longest().getExpire()))));
        return findings;
    }

    /**
     * Zonemaster DNSSEC14's verdicts on RSA key sizes ({@link RsaKeySizes}): DNSSEC_RSA_KEY_TOO_SMALL and
     * DNSSEC_RSA_KEY_TOO_LARGE (WARNING: outside the limits the RFCs set, which a validator may enforce; Zonemaster's
     * ERROR, but no lookup is known to fail for it today) and DNSSEC_RSA_KEY_SHORT (INFO: inside them but below
     * NIST's recommended 2048 bits; Zonemaster's WARNING, but lookups work).
     */
    private static List<Finding> keySizeFindings(RsaKeySizes.Result sizes, String domain, String zone,
                                                 List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.addAll(sizes.notes());
        record Verdict(String code, Severity severity, List<RsaKeySizes.Sized> keys) {
        }
        return Stream.of(new Verdict(DnsFindingCodes.DNSSEC_RSA_KEY_TOO_SMALL, Severity.WARNING, sizes.tooSmall()),
                        new Verdict(DnsFindingCodes.DNSSEC_RSA_KEY_TOO_LARGE, Severity.WARNING, sizes.tooLarge()),
                        new Verdict(DnsFindingCodes.DNSSEC_RSA_KEY_SHORT, Severity.INFO, sizes.belowRecommended()))
                .filter(v -> !v.keys().isEmpty())
                .map(v -> finding(v.code(), v.severity(), domain, lines, Actor.RECIPIENT_MAIL_TEAM, v.code(), domain,
                        zone, sizedKeys(v.keys())))
                .toList();
    }

    /** "key tag 21788, algorithm 8 (RSASHA256), 1024 bits; …" */
    private static Object sizedKeys(List<RsaKeySizes.Sized> keys) {
        return joined(keys.stream().map(k -> LookupFindings.TEXTS.text("DNSSEC.rsaKey.phrase",
                k.key().getFootprint(), DnssecAlgorithms.name(k.key().getAlgorithm()), k.bits())).toList());
    }

    private static String types(List<Integer> types) {
        return types.stream().map(Type::string).collect(Collectors.joining(", "));
    }

    /**
     * {@code expiredAtServers}: the servers' copies, present exactly when the verdict is a signature that expired in
     * the resolver's answer (they are asked only then).
     */
    private static Finding finding(DnssecVerdict verdict, String domain, String zone, List<String> evidence,
                                   Optional<ExpiredSignatureServers.Compared> expiredAtServers) {
        return switch (verdict) {
            case DnssecVerdict.Unsigned u -> finding(DnsFindingCodes.DNSSEC_UNSIGNED, Severity.INFO, domain, evidence,
                    Actor.NOBODY, DnsFindingCodes.DNSSEC_UNSIGNED, domain, zone);
            case DnssecVerdict.NoDs n -> finding(DnsFindingCodes.DNSSEC_NO_DS, Severity.INFO, domain, evidence,
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_NO_DS, domain, zone);
            case DnssecVerdict.DsWithoutDnskey d -> finding(DnsFindingCodes.DNSSEC_DS_WITHOUT_DNSKEY, Severity.ERROR,
                    domain, evidence, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_DS_WITHOUT_DNSKEY, domain,
                    zone, bogus(domain));
            case DnssecVerdict.AlgorithmUnsupported a -> finding(DnsFindingCodes.DNSSEC_ALGORITHM_UNSUPPORTED,
                    Severity.WARNING, domain, evidence, Actor.RECIPIENT_MAIL_TEAM,
                    DnsFindingCodes.DNSSEC_ALGORITHM_UNSUPPORTED, domain, zone, dsList(a.ds()));
            case DnssecVerdict.DsMismatch m -> finding(DnsFindingCodes.DNSSEC_DS_MISMATCH, Severity.ERROR, domain,
                    evidence, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_DS_MISMATCH, domain, zone,
                    dsList(m.ds()), keyList(m.keys()), bogus(domain));
            case DnssecVerdict.BadSignature b -> badSignature(b, domain, zone, evidence, expiredAtServers);
            // the remedy for a deprecated algorithm is the rollover an unsupported one calls for
            case DnssecVerdict.Signed s when s.deprecated() -> LookupFindings.TEXTS.variant(
                    DnsFindingCodes.DNSSEC_ALGORITHM_DEPRECATED, Severity.WARNING, domain, evidence,
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_ALGORITHM_DEPRECATED + ".message",
                    DnsFindingCodes.DNSSEC_ALGORITHM_UNSUPPORTED + ".remediation", domain, zone,
                    algorithms(s.trusted()));
            case DnssecVerdict.Signed s when s.checkedTypes().isEmpty() -> finding(DnsFindingCodes.DNSSEC_SIGNED,
                    Severity.OK, domain, evidence, Actor.NOBODY, DnsFindingCodes.DNSSEC_SIGNED + ".unchecked", domain,
                    zone, keyList(s.trusted()));
            case DnssecVerdict.Signed s -> finding(DnsFindingCodes.DNSSEC_SIGNED, Severity.OK, domain, evidence,
                    Actor.NOBODY, DnsFindingCodes.DNSSEC_SIGNED, domain, zone, keyList(s.trusted()),
                    types(s.checkedTypes()));
        };
    }

    /**
     * NO_SIGNATURE, SIGNATURE_EXPIRED, SIGNATURE_NOT_YET_VALID or SIGNATURE_INVALID for one RRset. An expired
     * signature is worded by how many of the zone's name servers serve it ({@link ExpiredSignatureServers}): every
     * lookup fails only when all do.
     */
    private static Finding badSignature(DnssecVerdict.BadSignature b, String domain, String zone,
                                        List<String> evidence,
                                        Optional<ExpiredSignatureServers.Compared> expiredAtServers) {
        String type = Type.string(b.type());
        Object signers = keyList(b.signers());
        List<String> lines = new ArrayList<>(evidence);
        return switch (b.outcome()) {
            case RrsetSignatures.Expired e -> {
                ExpiredSignatureServers.Compared servers = expiredAtServers.orElseThrow(
                        () -> new IllegalStateException("an expired signature comes with the servers' copies"));
                lines.addAll(servers.evidence());
                yield LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED, Severity.ERROR, domain,
                        lines, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED + ".message",
                        ExpiredSignatureServers.remediationKey(servers.spread()), domain, zone, type,
                        TIME.format(e.signature().getExpire()), signer(e.signature()),
                        ExpiredSignatureServers.consequence(servers.spread(), domain));
            }
            case RrsetSignatures.NotYetValid n -> finding(DnsFindingCodes.DNSSEC_SIGNATURE_NOT_YET_VALID,
                    Severity.ERROR, domain, lines, Actor.RECIPIENT_MAIL_TEAM,
                    DnsFindingCodes.DNSSEC_SIGNATURE_NOT_YET_VALID, domain, zone, type,
                    TIME.format(n.signature().getTimeSigned()), signer(n.signature()), bogus(domain));
            case RrsetSignatures.Invalid i -> {
                lines.add(";; RRSIG " + type + " by key tag " + i.signature().getFootprint() + " does not verify: "
                        + i.reason());
                yield finding(DnsFindingCodes.DNSSEC_SIGNATURE_INVALID, Severity.ERROR, domain, lines,
                        Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_SIGNATURE_INVALID, domain, zone, type,
                        signer(i.signature()), bogus(domain));
            }
            case RrsetSignatures.Missing m -> LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_NO_SIGNATURE,
                    Severity.ERROR, domain, lines, Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_NO_SIGNATURE
                    + (b.type() == Type.DNSKEY ? ".dnskey.message" : ".records.message"),
                    DnsFindingCodes.DNSSEC_NO_SIGNATURE + ".remediation", domain, zone, type, signers,
                    bogus(domain));
            case RrsetSignatures.Valid v -> throw new IllegalStateException("a valid signature is no bad one");
            case RrsetSignatures.Unchecked u -> throw new IllegalStateException("unchecked is no bad signature");
        };
    }

    /**
     * DNSSEC_PARENT_INSECURE (WARNING): the zone's own link holds, but a zone above it has no secure link from its
     * parent, so validators find no chain from the root and treat the zone as unsigned (RFC 4033 §5 "insecure"):
     * lookups work, but DNSSEC protects nothing and DANE senders ignore the TLSA records (RFC 7672 §2.2).
     */
    private static Finding parentInsecure(ChainAbove.Insecure insecure, String domain, String zone,
                                          List<String> evidence) {
        String phrase = insecure.why() == ChainAbove.Insecurity.NO_DS ? "DNSSEC.aboveNoDs.phrase"
                : "DNSSEC.aboveAlgorithm.phrase";
        LocalText why = LookupFindings.TEXTS.text(phrase, insecure.zone(), zoneText(insecure.parent()));
        return finding(DnsFindingCodes.DNSSEC_PARENT_INSECURE, Severity.WARNING, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_PARENT_INSECURE, domain, zone, insecure.zone(), why,
                zoneText(insecure.parent()));
    }

    /**
     * DNSSEC_PARENT_BOGUS (ERROR): a link above the zone (or the parent's signature over the zone's DS) is broken,
     * so validators treat everything below it as bogus and every lookup of the domain fails, as for a break in the
     * zone's own link. A break in the parent's signature over the zone's own DS records has its own wording: the
     * parent's operators must re-sign what they serve, there is no zone between to name. So has a parent's answer
     * that a zone above has no DS without the signed proof of it (NSEC/NSEC3): its remedy is the parent's proof.
     */
    private static Finding parentBogus(ChainAbove.Bogus bogus, String domain, String zone, List<String> evidence) {
        boolean own = bogus.zone().equalsIgnoreCase(zone);
        if (bogus.why() == ChainAbove.Break.DS_SIGNATURE && own) {
            // the parent's signature over the zone's own DS: one side's fault, the parent's, not a link between
            // two zones above; the zone's operators cannot repair it, only report it
            return finding(DnsFindingCodes.DNSSEC_PARENT_BOGUS, Severity.ERROR, domain, evidence,
                    Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNSSEC_PARENT_BOGUS + ".ownDs", domain, zone,
                    zoneText(bogus.parent()), bogus(domain));
        }
        // the parent saying it has no DS for a zone above, without the signed proof validators require, has its own
        // remedy: the parent's operators serve the proof, unless the answer lost it on its way here (then the path
        // is at fault), so the remedy says both
        String phrase = switch (bogus.why()) {
            case DS_SIGNATURE -> "DNSSEC.aboveDsSignature.phrase";
            case KEYS -> "DNSSEC.aboveKeys.phrase";
            case DS_DENIAL -> "DNSSEC.aboveDsDenial.phrase";
        };
        String remediation = DnsFindingCodes.DNSSEC_PARENT_BOGUS
                + (bogus.why() == ChainAbove.Break.DS_DENIAL ? ".denial.remediation" : ".remediation");
        LocalText what = LookupFindings.TEXTS.text(phrase, bogus.zone(), zoneText(bogus.parent()));
        // the parent denying the zone's own DS without proof: the chain breaks where it delegates the zone, not above
        String message = DnsFindingCodes.DNSSEC_PARENT_BOGUS
                + (own && bogus.why() == ChainAbove.Break.DS_DENIAL ? ".ownDenial.message" : ".message");
        return LookupFindings.TEXTS.variant(DnsFindingCodes.DNSSEC_PARENT_BOGUS, Severity.ERROR, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, message, remediation, domain, zone, bogus.zone(), what, bogus(domain),
                zoneText(bogus.parent()));
    }

    /** A zone's name in a message; the root, whose name is a bare dot, in words. */
    private static Object zoneText(String zone) {
        return zone.equals(".") ? LookupFindings.TEXTS.text("DNSSEC.rootZone.phrase") : zone;
    }

    /** What validating resolvers make of a broken chain, as a mail administrator sees it. */
    private static LocalText bogus(String domain) {
        return LookupFindings.TEXTS.text("DNSSEC.bogus.phrase", domain);
    }

    /** "key tag 21788, algorithm 13 (ECDSAP256SHA256)" for the key an RRSIG names. */
    private static LocalText signer(RRSIGRecord sig) {
        return key(sig.getFootprint(), sig.getAlgorithm());
    }

    static LocalText key(int tag, int algorithm) {
        return LookupFindings.TEXTS.text("DNSSEC.key.phrase", tag, DnssecAlgorithms.name(algorithm));
    }

    /** "key tag 12345, algorithm 13 (ECDSAP256SHA256), digest type 2 (SHA-256)" for a DS (or CDS) record. */
    static LocalText ds(int tag, int algorithm, int digestType) {
        return LookupFindings.TEXTS.text("DNSSEC.ds.phrase", tag, DnssecAlgorithms.name(algorithm),
                DnssecAlgorithms.digestName(digestType));
    }

    /** "key tag 12345, algorithm 13 (ECDSAP256SHA256), digest type 2 (SHA-256); …" */
    private static Object dsList(List<DSRecord> ds) {
        return joined(ds.stream().map(d -> List.of(d.getFootprint(), d.getAlgorithm(), d.getDigestID())).distinct()
                .map(d -> ds(d.get(0), d.get(1), d.get(2))).toList());
    }

    /** "key tag 21788, algorithm 13 (ECDSAP256SHA256); …" */
    static Object keyList(List<DNSKEYRecord> keys) {
        return joined(keys.stream().map(k -> List.of(k.getFootprint(), k.getAlgorithm())).distinct()
                .map(k -> key(k.get(0), k.get(1))).toList());
    }

    /** {@code items} joined by "; " in the reader's language. */
    static Object joined(List<LocalText> items) {
        return LookupFindings.TEXTS.joined(DnsReasons.JOINED, items);
    }

    private static String algorithms(List<DNSKEYRecord> keys) {
        return keys.stream().map(k -> DnssecAlgorithms.name(k.getAlgorithm())).distinct()
                .collect(Collectors.joining(", "));
    }

    private static Finding finding(String code, Severity severity, String domain, List<String> evidence, Actor actor,
                                   String key, Object... args) {
        return LookupFindings.TEXTS.finding(code, severity, domain, evidence, actor, key, args);
    }
}
