package org.mailpath.engine.dane;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.TrustAnchor;
import org.mailpath.engine.dns.ZoneSecurity;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.MailHosts;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.mx.MxCheck;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/**
 * DANE for SMTP (RFC 7672) of a recipient domain: the TLSA records at {@code _25._tcp.<host>} of each MX host, as
 * senders that validate DANE (Postfix with {@code smtp_tls_security_level = dane}, Exchange Online, KumoMTA) read
 * them. Such a sender uses a host's TLSA records only when they are DNSSEC-"secure"; then it requires TLS and a
 * certificate that one usable record matches. A TLSA question that fails on a signed zone leaves it unable to tell
 * whether the host requires that, so it does not deliver to the host (RFC 7672 §2.2; KumoMTA: "the TLSA lookup
 * could not be securely resolved (SERVFAIL, timeout, or bogus); delivery is deferred",
 * https://docs.kumomta.com/reference/metrics/kumod/dane_result_count/). Whether a zone is signed is judged as the
 * DNSSEC check judges one ({@link ZoneSecurity}), from IANA's root trust anchor down ({@link TrustAnchor}). Behind MX
 * records that are not signed only the senders that ask for TLSA records there anyway meet such a failure
 * ({@code Consequence}).
 */
public final class DaneCheck implements DomainCheck {

    static final FindingTexts TEXTS = FindingTexts.of(DaneCheck.class);
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;

    private final Clock clock;
    private final TrustAnchor anchor;

    public DaneCheck() {
        this(Clock.systemUTC());
    }

    /** {@code clock}: the time DNSSEC signatures must be valid at (tests fix it). The chain starts at IANA's root. */
    public DaneCheck(Clock clock) {
        this(clock, TrustAnchor.iana());
    }

    /** {@code anchor}: where the chain of trust above each zone starts (tests serving their own root give its DS). */
    public DaneCheck(Clock clock, TrustAnchor anchor) {
        this.clock = clock;
        this.anchor = anchor;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.DANE;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        String domain = OrganizationalDomain.normalize(ctx.domain());
        // asked plain, as senders ask (MxCheck#run says why)
        DnsAnswer mx = ctx.dns().lookup(domain, Type.MX, ctx.cancellation());
        if (DnsAnswers.failed(mx)) {
            return CheckOutcome.of(List.of(DnsAnswers.lookupFailed(mx, TEXTS.text("lookupFailed.mx", domain), WHO)));
        }
        // the MX hosts, as the MX check examines them, without address literals (no name to ask TLSA at)
        if (!(MailHosts.of(domain, mx) instanceof MailHosts.Hosts all)) {
            return CheckOutcome.of(List.of()); // no domain, or a null MX: nothing receives mail, the MX check says so
        }
        List<String> hosts = all.first(MxCheck.MAX_TARGETS).withoutIpLiterals().names();
        if (hosts.isEmpty()) {
            return CheckOutcome.of(List.of());
        }
        ZoneSecurity zones = new ZoneSecurity(ctx.dns(), clock.instant(), anchor);
        List<HostTlsa> found = Parallel.map(hosts, h -> HostTlsa.lookup(ctx.dns(), zones, h, ctx.cancellation()));
        // the MX records decide which senders ever see a host's TLSA records: those DANE would authenticate with,
        // records none of which is usable (they make the senders that see them insist on TLS), a failed or bogus
        // TLSA question. Without MX records (implicit MX, RFC 7672 §2.2.2) the domain is the host, and its own TLSA
        // question judges the zone
        MxRoute route = MxRoute.asSigned(domain);
        if (!all.implicit() && found.stream().anyMatch(h -> publishedInSignedZone(h) || skipped(h))) {
            route = MxRoute.judge(ctx.dns(), zones, domain, mx, ctx.cancellation());
        }
        return CheckOutcome.of(findings(domain, mx, route, found));
    }

    /**
     * TLSA records a sender takes into account once it reaches the host through a secure MX lookup: it
     * authenticates the host with the usable ones, or insists on TLS when none is usable.
     */
    private static boolean publishedInSignedZone(HostTlsa h) {
        return h instanceof HostTlsa.Published p
                && (p.zone().level() == ZoneSecurity.Level.SIGNED || p.zone().level() == ZoneSecurity.Level.UNKNOWN);
    }

    private static List<Finding> findings(String domain, DnsAnswer mx, MxRoute route, List<HostTlsa> found) {
        // a host senders skip for DANE: when it is every host, the mail waits in their queues
        boolean noneLeft = found.stream().allMatch(DaneCheck::skipped);
        // every host in a zone whose own chain is broken: then no validating sender has a host left, TLSA or not
        boolean noneLeftForAll = found.stream().allMatch(DaneCheck::inBrokenZone);
        Consequence consequence = new Consequence(route, noneLeft, noneLeftForAll);
        List<Finding> findings = new ArrayList<>();
        List<String> withDane = new ArrayList<>();
        List<Finding> oks = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (HostTlsa h : found) {
            switch (h) {
                case HostTlsa.Failed f when f.answer().resolverAtFault() ->
                        LookupFindings.failure(f.answer()).ifPresent(findings::add);
                case HostTlsa.Failed f when deferring(f) -> findings.add(lookupFailed(f, consequence.in(f.zone())));
                case HostTlsa.Failed f -> without.add(f.host()); // an unsigned zone: senders do not ask it
                case HostTlsa.BogusDenial b -> findings.add(bogusDenial(b, consequence.in(b.zone())));
                case HostTlsa.Absent a -> without.add(a.host());
                case HostTlsa.Published p -> {
                    Optional<Finding> ok = published(p, consequence, findings);
                    ok.ifPresent(f -> withDane.add(p.host()));
                    ok.ifPresent(oks::add);
                    ok.ifPresent(findings::add);
                }
            }
        }
        if (!withDane.isEmpty() && route.unsigned()) {
            // the hosts' records protect only with some senders: one finding says so instead of OK and PARTIAL
            findings.removeAll(oks);
            findings.add(mxNotSigned(domain, route, withDane, oks));
            return findings;
        }
        if (findings.isEmpty()) {
            List<String> evidence = new ArrayList<>(mx.evidence());
            found.forEach(h -> evidence.addAll(h.evidence()));
            findings.add(TEXTS.finding(DaneFindingCodes.DANE_NONE, Severity.INFO, domain, evidence, Actor.NOBODY,
                    DaneFindingCodes.DANE_NONE, domain, DnsText.joinText(without, ", ")));
        } else if (!withDane.isEmpty() && !without.isEmpty()) {
            List<String> evidence = new ArrayList<>(mx.evidence());
            found.stream().filter(h -> without.contains(h.host())).forEach(h -> evidence.addAll(h.evidence()));
            findings.add(TEXTS.finding(DaneFindingCodes.DANE_PARTIAL, Severity.INFO, domain, evidence, Actor.NOBODY,
                    DaneFindingCodes.DANE_PARTIAL, domain, DnsText.joinText(withDane, ", "),
                    DnsText.joinText(without, ", ")));
        }
        return findings;
    }

    /**
     * A host senders that validate DANE skip: its TLSA question fails where the zone is not known to be unsigned, or
     * its records are bogus.
     */
    private static boolean skipped(HostTlsa h) {
        return deferring(h) || bogus(h);
    }

    /** A failed TLSA question senders that validate DANE meet: the zone is not known to be unsigned. */
    private static boolean deferring(HostTlsa h) {
        return h instanceof HostTlsa.Failed f && !f.answer().resolverAtFault()
                && f.zone().level() != ZoneSecurity.Level.UNSIGNED;
    }

    /**
     * A host whose TLSA question fails, or whose records are bogus, in a zone whose own chain is broken: validating
     * resolvers fail every question there, its addresses too, for every sender ({@link ZoneSecurity.Judgement}).
     */
    private static boolean inBrokenZone(HostTlsa h) {
        return skipped(h) && switch (h) {
            case HostTlsa.Failed f -> f.zone().zoneBroken();
            case HostTlsa.Published p -> p.zone().zoneBroken();
            case HostTlsa.BogusDenial b -> b.zone().zoneBroken();
            case HostTlsa.Absent a -> false;
        };
    }

    /** TLSA records, or their denial, in a zone whose chain is broken: validating senders get SERVFAIL for them. */
    private static boolean bogus(HostTlsa h) {
        return h instanceof HostTlsa.Published p && p.zone().level() == ZoneSecurity.Level.BOGUS
                || h instanceof HostTlsa.BogusDenial;
    }

    /**
     * The findings of a host's TLSA records; the OK finding is returned (not added) when senders can use them, so
     * the caller can name the host among those with DANE.
     */
    private static Optional<Finding> published(HostTlsa.Published p, Consequence consequence,
                                               List<Finding> findings) {
        ZoneSecurity.Judgement zone = p.zone();
        Object records = described(p.records());
        switch (zone.level()) {
            case UNSIGNED -> {
                // a signed zone below a zone without a secure link from its parent is as unsigned to validators
                String key = DaneFindingCodes.DANE_NOT_SIGNED + above(zone);
                findings.add(TEXTS.finding(DaneFindingCodes.DANE_NOT_SIGNED, Severity.WARNING, p.host(),
                        p.evidence(), WHO, key, p.host(), p.owner(), zone.zone(), records,
                        zone.insecureAbove().orElse("")));
                return Optional.empty();
            }
            case BOGUS -> {
                // a zone whose own chain is broken fails every validating sender's questions, the host's addresses
                // too, whatever the MX records: only records whose own signature fails concern just the TLSA askers
                // the status only for the layout the remediations share with a failed question's wordings
                findings.add(inBrokenChain(".bogus", consequence.in(zone), zone, p.host(), p.evidence(), p.owner(),
                        DnsStatus.OK.toString()));
                return Optional.empty();
            }
            case SIGNED, UNKNOWN -> {
                // judged below
            }
        }
        List<TLSARecord> usable = p.usable();
        List<LocalText> reasons = p.records().stream().map(TlsaParameters::unusable).flatMap(Optional::stream)
                .toList();
        String code = DaneFindingCodes.DANE_UNUSABLE;
        if (usable.isEmpty()) {
            // a WARNING behind signed or unsigned MX records alike: the records authenticate the host with no sender,
            // and the senders that see them refuse a host without TLS; the MX records only change who sees them
            findings.add(TEXTS.variant(code, Severity.WARNING, p.host(), consequence.withEvidence(p.evidence()), WHO,
                    code + ".all.message", code + ".remediation", p.host(), p.owner(),
                    TEXTS.joined("reason.joined", reasons), consequence.tlsRequired(p.host())));
            return Optional.empty();
        }
        if (!reasons.isEmpty()) {
            findings.add(TEXTS.variant(code, Severity.INFO, p.host(), p.evidence(), WHO, code + ".some.message",
                    code + ".remediation", p.host(), p.owner(), TEXTS.joined("reason.joined", reasons)));
        }
        Object usableText = described(usable);
        String key = DaneFindingCodes.DANE_OK + (zone.level() == ZoneSecurity.Level.SIGNED ? "" : ".unchecked");
        return Optional.of(TEXTS.variant(DaneFindingCodes.DANE_OK, Severity.OK, p.host(), p.evidence(),
                Actor.NOBODY, key + ".message", DaneFindingCodes.DANE_OK + ".remediation", p.host(), p.owner(),
                zone.zone(), usableText));
    }

    /** TLSA records as the findings list them: each one's parameters in words, joined by commas. */
    private static Object described(List<TLSARecord> records) {
        return DnsText.joinText(records.stream().map(TlsaParameters::describe).toList(), ", ");
    }

    /**
     * Usable TLSA records of MX hosts reached through MX records that are not signed. RFC 7672 §2.2.1 lets senders
     * use them ("the SMTP client MAY proceed to use DANE TLS ... even with MX hosts obtained via an "insecure" MX
     * RRSet", quoted in the IESG review, https://mail-archive.com/dane@ietf.org/msg02449.html) but does not require
     * it: Postfix does by default from 3.6 with {@code smtp_tls_security_level = dane}
     * ({@code smtp_tls_dane_insecure_mx_policy = dane}, https://www.postfix.org/postconf.5.html), KumoMTA does
     * ("its own MX selection was not DNSSEC-secure, yet one of its MX hosts publishes DANE TLSA records",
     * https://docs.kumomta.com/reference/kumo.dns/set_dane_enabled/), mox does not (its queue looks up TLSA only
     * when the MX lookup was "origNextHopAuthentic", github.com/mjl-/mox). Mail flows either way: INFO, as for
     * DANE_PARTIAL.
     */
    private static Finding mxNotSigned(String domain, MxRoute route, List<String> withDane, List<Finding> oks) {
        List<String> evidence = new ArrayList<>(route.evidence());
        oks.forEach(f -> evidence.addAll(f.evidence()));
        String code = DaneFindingCodes.DANE_MX_NOT_SIGNED;
        ZoneSecurity.Judgement zone = route.unsignedMx().orElseThrow();
        // a signed zone below a zone without a secure link from its parent: its own DS is there, the chain is not
        String key = code + above(zone);
        return TEXTS.finding(code, Severity.INFO, domain, evidence, WHO, key, domain, zone.zone(),
                DnsText.joinText(withDane, ", "), zone.insecureAbove().orElse(""));
    }

    /** The suffix of a text's key that names the zone above without a secure link from its parent, if there is one. */
    private static String above(ZoneSecurity.Judgement zone) {
        return zone.insecureAbove().isPresent() ? ".above" : "";
    }

    private static Finding lookupFailed(HostTlsa.Failed f, Consequence consequence) {
        String code = DaneFindingCodes.DANE_LOOKUP_FAILED;
        // a validating resolver fails the question itself when the zone's chain is broken: the chain is to repair
        if (f.zone().zoneBroken()) {
            return inBrokenChain(".brokenZone", consequence, f.zone(), f.host(), f.evidence(), f.answer().name(),
                    f.answer().status().toString());
        }
        String variant = f.zone().level() == ZoneSecurity.Level.UNKNOWN ? ".unknown" : "";
        return TEXTS.variant(code, consequence.severity(), f.host(), consequence.withEvidence(f.evidence()), WHO,
                code + variant + ".message", code + ".remediation", f.host(),
                f.answer().name(), f.answer().status().toString(), f.zone().zone(), consequence.phrase());
    }

    /**
     * No TLSA records as the resolver here answers, in a zone validating resolvers find bogus: they fail the question
     * (RFC 4035 §5.5), so it is a failed TLSA question to senders that validate DANE (RFC 7672 §2.2), worded as one
     * in a broken zone when the zone holding the name is broken, as a denial without its signed proof when the zone's
     * chain holds but its NSEC/NSEC3 proof does not, else naming the broken link on the way (a CNAME's).
     */
    private static Finding bogusDenial(HostTlsa.BogusDenial b, Consequence consequence) {
        boolean unproven = b.zone().bogus().map(z -> z.cause() == ZoneSecurity.Cause.DENIAL).orElse(false);
        String variant = b.zone().zoneBroken() ? ".brokenZone.denied" : unproven ? ".unproven" : ".denied";
        return inBrokenChain(variant, consequence, b.zone(), b.host(), b.evidence(), b.answer().name(),
                b.answer().status().toString());
    }

    /**
     * DANE_LOOKUP_FAILED where the zone's chain is broken: the message of {@code variant} (host, TLSA name,
     * {@code status}, zone, the consequence's phrase), the remediation of where the chain breaks
     * ({@link #bogusRemediation}), which names the zone whose link breaks and its parent ({@link #withBreak}).
     */
    private static Finding inBrokenChain(String variant, Consequence consequence, ZoneSecurity.Judgement zone,
                                         String host, List<String> evidence, String tlsaName, String status) {
        String code = DaneFindingCodes.DANE_LOOKUP_FAILED;
        return TEXTS.variant(code, consequence.severity(), host, consequence.withEvidence(evidence), WHO,
                code + variant + ".message", bogusRemediation(zone), withBreak(zone, host, tlsaName, status,
                        zone.zone(), consequence.phrase()));
    }

    /**
     * The remediation of a bogus zone by where its chain breaks ({@link ZoneSecurity.Bogus}): the zone's keys, records
     * whose signature fails, the parent's signature over its DS, a parent's denial of a DS without proof (this zone's
     * or one above), a link above, the zone's own denial of the records without proof.
     */
    private static String bogusRemediation(ZoneSecurity.Judgement zone) {
        String key = DaneFindingCodes.DANE_LOOKUP_FAILED + ".bogus";
        return key + zone.bogus().map(b -> switch (b.cause()) {
            case KEYS -> "";
            case RECORDS -> ".records";
            case DS_SIGNATURE -> ".dsSignature";
            case DS_DENIAL -> ".dsDenial";
            case ABOVE -> ".above";
            case DENIAL -> ".denial";
        }).orElse("") + ".remediation";
    }

    /**
     * {@code args} (the message's: host, TLSA name, status, zone, phrase), then the zone whose link breaks and its
     * parent, which the remediations name.
     */
    private static Object[] withBreak(ZoneSecurity.Judgement zone, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(zone.bogus().map(ZoneSecurity.Bogus::zone).orElse(zone.zone()));
        all.add(zone.bogus().flatMap(ZoneSecurity.Bogus::parent)
                .<Object>map(p -> p.equals(".") ? TEXTS.text("phrase.rootZone") : p).orElse(""));
        return all.toArray();
    }

    /**
     * What a sender that meets a failed or bogus TLSA question does with the domain's mail: it does not deliver to
     * the host (RFC 7672 §2.2) and tries the others, or, when {@code noneLeft}, keeps the mail until it bounces.
     * Behind MX records that are not signed ({@link MxRoute}) only the senders that ask
     * for TLSA records there anyway meet it (RFC 7672 §2.2.1 allows it), so a WARNING that names them: Postfix with
     * {@code smtp_tls_security_level = dane} and {@code smtp_tls_dane_insecure_mx_policy = dane} (its default from
     * 3.6) asks, and a failed question defers ("When TLSA lookups fail, we defer the message": dane_init in
     * src/smtp/smtp_tls_policy.c, after the insecure MX test, which stops there only when that policy is "may" or the
     * level "dane-only"; postconf.5, https://www.postfix.org/postconf.5.html#smtp_tls_dane_insecure_mx_policy), KumoMTA
     * defers on a TLSA lookup that "could not be securely resolved (SERVFAIL, timeout, or bogus)" (dane_result_count,
     * see the class comment). mox does not ask (its queue looks up TLSA only when the MX lookup was
     * "origNextHopAuthentic"), nor Exchange Online as Microsoft describes it
     * (https://learn.microsoft.com/en-us/purview/how-smtp-dane-works).
     * <p>
     * The same senders are the only ones that meet TLSA records none of which is usable behind such MX records
     * ({@link #tlsRequired}). Such records still make a sender use TLS, without authenticating the host (RFC 7672
     * §2.2 as Postfix reads it): past the insecure-MX test, dane_init (src/smtp/smtp_tls_policy.c,
     * github.com/vdukhovni/postfix) says "Some TLSA records found, but none usable ... we MUST use TLS" and
     * dane_incompat(tls, iter, DANE_CANTAUTH, "TLSA records unusable") lowers the dane level to "encrypt", mandatory
     * TLS without authentication (postconf.5 on smtp_tls_dane_insecure_mx_policy = dane: "TLS encryption will be
     * required, and, if at least one of the TLSA records is "usable", authentication will be required"). KumoMTA treats
     * enable_tls as "Required" when TLSA records are available
     * (https://docs.kumomta.com/reference/kumo/make_egress_path/enable_dane).
     */
    private record Consequence(MxRoute route, boolean noneLeft, boolean noneLeftForAll) {

        Severity severity() {
            return noneLeft && !route.unsigned() ? Severity.ERROR : Severity.WARNING;
        }

        LocalText phrase() {
            return route.phrase(noneLeft ? "phrase.deferred" : "phrase.otherHosts");
        }

        /**
         * For a host whose TLSA records are in {@code zone}: if the zone's own chain is broken, behind unsigned MX
         * records every validating sender is concerned, not only those that ask for TLSA records, and none has a host
         * left only when every host is in such a zone ({@code noneLeftForAll}); otherwise, or behind signed MX
         * records, nothing changes.
         */
        Consequence in(ZoneSecurity.Judgement zone) {
            return zone.zoneBroken() && route.unsigned()
                    ? new Consequence(MxRoute.asSigned(route.domain()), noneLeftForAll, noneLeftForAll) : this;
        }

        /**
         * Who insists on TLS with {@code host} because of its TLSA records, none of which is usable: every sender
         * that validates DANE, or behind unsigned MX records only those that ask for TLSA records there anyway.
         */
        LocalText tlsRequired(String host) {
            return route.phrase("phrase.tlsRequired", host);
        }

        List<String> withEvidence(List<String> hostEvidence) {
            return route.withEvidence(hostEvidence);
        }
    }
}
