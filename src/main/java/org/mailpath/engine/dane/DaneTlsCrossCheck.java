package org.mailpath.engine.dane;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.SharedWork;
import org.mailpath.engine.dns.ZoneSecurity;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.CertificateIssuer;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.engine.smtp.TlsFacts;
import org.mailpath.engine.smtp.TlsJudge;
import org.mailpath.engine.smtp.TlsJudge.Verdict;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/**
 * DANE in the SMTP probe: the certificate chain an MX host presented after STARTTLS, matched against the host's
 * usable TLSA records as senders that validate DANE match it (RFC 7672 §3.1; RFC 6698 §2.1 for the selector and
 * matching type). Only a host whose records are found in a zone that is signed as far as MailPath checks is judged
 * ({@link HostTlsa}, {@link ZoneSecurity}); records senders cannot use are left out ({@link TlsaParameters}), and
 * what is wrong with the records themselves is the DANE check's to say. A host found through the recipient
 * domain's MX records that are not signed stops mail only from the senders that use its records anyway (RFC 7672
 * §2.2.1): a certificate they do not match is then a WARNING, as the DANE check says DANE_MX_NOT_SIGNED
 * ({@link MxRoute}).
 * <ul>
 * <li>DANE-EE(3) matches the leaf only; its names and dates do not matter (RFC 7672 §3.1.1; mox, dane/dane.go:
 * "We don't verify host name in certificate ... And we don't check for expiration").</li>
 * <li>DANE-TA(2) matches any certificate of the presented chain (RFC 7671 §5.2.2 has servers include it); the
 * leaf must lead to it by signatures, through the presented certificates in any order (RFC 8446 §4.4.2), the
 * certificates below it must be valid now, and the leaf must name the MX host, the CNAME-expanded name the records were
 * found at, or the recipient domain (RFC 7672 §3.2.2 as mox, dane/dane.go, sums it up; the RFC author: "the TLSA base
 * domain (generally equal to the MX hostname) MUST be one of the DNS SANs (or perhaps be the fallback CN in the absence
 * of any DNS SANs)", https://www.mail-archive.com/exim-users@lists.exim.org/msg01416.html).</li>
 * </ul>
 * A host whose TLSA answer fails DNSSEC validation, or whose TLSA question fails in a zone not known to be unsigned,
 * gets a note instead (DANE_TLS_NOT_JUDGED): the DANE check's DANE_LOOKUP_FAILED says what that does to delivery. A
 * DANE-EE match tells the probe that the leaf is pinned ({@link TlsJudge.Verdict#leafPinned()}), so that its
 * certificate findings say that senders validating DANE accept the certificate.
 * <p>The records of a host are asked and judged once per probe run, however many addresses it has, by whichever
 * address asks first ({@link SharedWork}): the run's {@link DnsLookup} caches the answers, but {@link ZoneSecurity}
 * checks the signatures over a name's own records on each call. The recipient domain's MX records are judged once per
 * run too.
 */
public final class DaneTlsCrossCheck implements TlsJudge {

    private static final FindingTexts TEXTS = DaneCheck.TEXTS;
    private static final Actor WHO = Actor.RECIPIENT_MAIL_TEAM;
    /** Hex digits of Full(0) association data shown before it is cut: a whole certificate says nothing to people. */
    private static final int FULL_SHOWN = 64;

    private final DnsLookup dns;
    private final Clock clock;
    private final ZoneSecurity zones;
    /** How senders reach each recipient domain's MX hosts, by lower-case domain: one judgement per probe run. */
    private final ConcurrentMap<String, CompletableFuture<MxRoute>> routes = new ConcurrentHashMap<>();
    /** Each MX host's TLSA records and their zone's judgement, by lower-case host: one per probe run. */
    private final ConcurrentMap<String, CompletableFuture<HostTlsa>> hosts = new ConcurrentHashMap<>();

    public DaneTlsCrossCheck(DnsLookup dns) {
        this(dns, Clock.systemUTC());
    }

    /**
     * The SMTP probe as the command line and the app run it: each MX host's certificate also matched against its
     * TLSA records, as DANE-validating senders match it, through the same {@code dns}.
     *
     * @throws IllegalArgumentException as {@link SmtpProbe}'s constructor does
     */
    public static SmtpProbe probe(DnsLookup dns, SmtpProbeOptions options, ReplyDecoder decoder) {
        return new SmtpProbe(dns, options, decoder, new DaneTlsCrossCheck(dns));
    }

    /** {@code clock}: the time DNSSEC signatures and DANE-TA chains must be valid at (tests fix it). */
    public DaneTlsCrossCheck(DnsLookup dns, Clock clock) {
        this.dns = dns;
        this.clock = clock;
        this.zones = new ZoneSecurity(dns, clock.instant()); // one probe run, as the DnsLookup serves one
    }

    @Override
    public Verdict judge(ProbeTarget target, TlsFacts facts, Cancellation cancellation) {
        String host = target.host().toLowerCase(Locale.ROOT);
        if (facts instanceof TlsFacts.NotReached || Addresses.isIpLiteral(host)) {
            return Verdict.of(List.of());
        }
        // once per host, not per address: the answers come from the run's cache, but the signatures over the TLSA
        // records (and any CNAME on the way) would be verified again for each address
        HostTlsa found = SharedWork.once(hosts, host.toLowerCase(Locale.ROOT),
                () -> HostTlsa.lookup(dns, zones, host, cancellation), cancellation);
        Optional<Finding> unjudged = notJudged(target, found);
        if (unjudged.isPresent()) {
            return Verdict.of(List.of(unjudged.get()));
        }
        if (!(found instanceof HostTlsa.Published p) || p.zone().level() != ZoneSecurity.Level.SIGNED) {
            return Verdict.of(List.of()); // no DANE for this host, or senders ignore the records: the DANE check says
        }
        List<TLSARecord> usable = p.usable();
        if (usable.isEmpty()) {
            return Verdict.of(List.of());
        }
        MxRoute route = route(target, cancellation);
        String phrase;
        switch (facts) {
            case TlsFacts.Established e -> {
                return certificate(target, p, usable, route, e);
            }
            case TlsFacts.NotReached _ -> throw new IllegalStateException("not reached is not judged");
            case TlsFacts.NotOffered _ -> phrase = "phrase.noStartTls";
            case TlsFacts.Rejected _ -> phrase = "phrase.startTlsRefused";
            case TlsFacts.HandshakeFailed _ -> phrase = "phrase.handshakeFailed";
        }
        return Verdict.of(List.of(noTls(target, p, usable, route, phrase)));
    }

    /**
     * A note that the certificate was not matched against the host's TLSA records because senders that validate
     * DANE cannot use the answer either: it fails DNSSEC validation (records or a denial in a bogus zone, a denial
     * without its signed proof), or the question fails in a zone not known to be unsigned. Without it the probe would
     * say nothing about DANE, as for a host without TLSA records. Only a note (INFO): the DANE check judges what it
     * does to delivery (DANE_LOOKUP_FAILED, with the broken link and the senders it stops); the note points there.
     */
    private static Optional<Finding> notJudged(ProbeTarget target, HostTlsa found) {
        Optional<Unjudged> unjudged = switch (found) {
            case HostTlsa.Published p when p.zone().level() == ZoneSecurity.Level.BOGUS ->
                    Optional.of(new Unjudged("bogus", p.evidence(), p.host(), p.owner(), p.zone().zone(), ""));
            case HostTlsa.BogusDenial b -> Optional.of(new Unjudged("bogus", b.evidence(), b.host(),
                    b.answer().name(), b.zone().zone(), b.answer().status().toString()));
            case HostTlsa.Failed f when !f.answer().resolverAtFault()
                    && f.zone().level() != ZoneSecurity.Level.UNSIGNED ->
                    Optional.of(new Unjudged("failed", f.evidence(), f.host(), f.answer().name(), f.zone().zone(),
                            f.answer().status().toString()));
            default -> Optional.empty();
        };
        String code = DaneFindingCodes.DANE_TLS_NOT_JUDGED;
        return unjudged.map(u -> TEXTS.variant(code, Severity.INFO, target.label(), u.evidence(), WHO,
                code + "." + u.variant() + ".message", code + ".remediation", target.label(), u.host(), u.name(),
                u.zone(), target.domain(), u.status()));
    }

    /**
     * Why a host's TLSA answer was not judged: the message variant ({@code bogus}, {@code failed}), the answer's
     * evidence, the name asked, the zone at fault and the answer's status (empty for bogus records).
     */
    private record Unjudged(String variant, List<String> evidence, String host, String name, String zone,
                            String status) {
    }

    /**
     * How senders reach the host. Through the recipient domain's MX records when the probe found it there: the same
     * MX question the probe asked (the run's {@link DnsLookup} answers it from its cache), judged as the DANE check
     * judges it ({@link MxRoute#judge}), once per domain and run however many addresses its hosts have. A host
     * the user named ({@code [host]}, an address) or a domain without MX records has no MX records to judge: its
     * TLSA records count as behind signed ones.
     */
    private MxRoute route(ProbeTarget target, Cancellation cancellation) {
        if (target.preference().isEmpty()) {
            return MxRoute.asSigned(target.domain());
        }
        String domain = target.domain();
        return SharedWork.once(routes, domain.toLowerCase(Locale.ROOT), () -> mxRoute(domain, cancellation),
                cancellation);
    }

    private MxRoute mxRoute(String domain, Cancellation cancellation) {
        DnsAnswer mx = dns.lookup(domain, Type.MX, cancellation);
        return DnsAnswers.failed(mx) ? MxRoute.asSigned(domain) // not known to be unsigned
                : MxRoute.judge(dns, zones, domain, mx, cancellation);
    }

    /**
     * TLSA records make DANE senders require TLS (RFC 7672 §2.2); without it they do not deliver to the address.
     * Behind unsigned MX records only those that use such records anyway do (§2.2.1): a WARNING, not an ERROR.
     */
    private static Finding noTls(ProbeTarget target, HostTlsa.Published p, List<TLSARecord> usable, MxRoute route,
                                 String why) {
        String code = DaneFindingCodes.DANE_TLS_MISSING;
        return TEXTS.finding(code, refusedSeverity(route), target.label(), route.withEvidence(p.evidence()), WHO,
                code, target.host(), p.owner(), p.zone().zone(), target.label(), TEXTS.text(why), records(usable),
                route.phrase("phrase.refused"));
    }

    /**
     * The chain against the usable records. A DANE-EE(3) match pins the leaf: its issuer, names and dates do not
     * matter to senders that validate DANE (RFC 7672 §3.1.1), which the probe's certificate findings then say.
     */
    private Verdict certificate(ProbeTarget target, HostTlsa.Published p, List<TLSARecord> usable, MxRoute route,
                                TlsFacts.Established tls) {
        List<X509Certificate> chain = tls.chain();
        List<String> evidence = new ArrayList<>(route.withEvidence(p.evidence()));
        evidence.addAll(digestLines(chain, usable));
        Optional<TaProblem> taProblem = Optional.empty();
        for (TLSARecord r : usable) {
            for (int i = 0; i < chain.size(); i++) {
                if (!matches(r, chain.get(i))) {
                    continue;
                }
                if (r.getCertificateUsage() == TlsaParameters.DANE_EE && i == 0) {
                    return new Verdict(List.of(matched(target, p, r, chain, 0, route, evidence)), true);
                }
                if (r.getCertificateUsage() == TlsaParameters.DANE_TA) {
                    Optional<LocalText> problem = taProblem(target, p, tls, i);
                    if (problem.isEmpty()) {
                        return Verdict.of(List.of(matched(target, p, r, chain, i, route, evidence)));
                    }
                    if (taProblem.isEmpty()) {
                        taProblem = Optional.of(new TaProblem(r, i, problem.get()));
                    }
                }
            }
        }
        String code = DaneFindingCodes.DANE_TLS_MISMATCH;
        Object leaf = chain.isEmpty() ? TEXTS.text("phrase.noCertificate") : leafDigests(chain.getFirst(), usable);
        Object publish = chain.isEmpty() ? "" : "3 1 1 " + hex(digest(spki(chain.getFirst()), "SHA-256"));
        if (taProblem.isPresent()) {
            TaProblem t = taProblem.get();
            return Verdict.of(List.of(TEXTS.variant(code, refusedSeverity(route), target.label(), evidence, WHO,
                    code + ".ta.message", code + ".remediation", target.label(), p.owner(), describe(t.record()),
                    certificateText(chain, t.depth()), publish, t.problem(), route.phrase("phrase.refused"))));
        }
        return Verdict.of(List.of(TEXTS.variant(code, refusedSeverity(route), target.label(), evidence, WHO,
                code + ".message", code + ".remediation", target.label(), p.owner(), records(usable), leaf, publish,
                route.phrase("phrase.refused"))));
    }

    private Finding matched(ProbeTarget target, HostTlsa.Published p, TLSARecord r, List<X509Certificate> chain,
                            int depth, MxRoute route, List<String> evidence) {
        String code = DaneFindingCodes.DANE_TLS_MATCH;
        return TEXTS.finding(code, Severity.OK, target.label(), evidence, Actor.NOBODY, code, target.label(),
                describe(r), p.owner(), certificateText(chain, depth), route.phrase("phrase.authenticated"));
    }

    /** Why a DANE-TA record that matches certificate {@code depth} still does not authenticate the server. */
    private Optional<LocalText> taProblem(ProbeTarget target, HostTlsa.Published p, TlsFacts.Established tls,
                                          int depth) {
        List<X509Certificate> chain = tls.chain();
        Optional<List<X509Certificate>> below = path(chain, depth);
        if (below.isEmpty()) {
            return Optional.of(TEXTS.text("phrase.ta.unlinked"));
        }
        Instant now = clock.instant();
        for (X509Certificate c : below.get()) {
            if (now.isBefore(c.getNotBefore().toInstant()) || now.isAfter(c.getNotAfter().toInstant())) {
                return Optional.of(TEXTS.text("phrase.ta.dates", c.getSubjectX500Principal().getName()));
            }
        }
        List<String> names = referenceNames(target, p);
        if (names.stream().noneMatch(n -> tls.certificate().names(n))) {
            List<String> has = tls.certificate().nameIds();
            return Optional.of(TEXTS.text("phrase.ta.names", DnsText.joinText(names, ", "),
                    has.isEmpty() ? "-" : String.join(", ", has)));
        }
        return Optional.empty();
    }

    /**
     * The names a DANE-TA certificate may carry: the MX host, the CNAME-expanded name the records were found at,
     * and the recipient domain when the host is one of its MX hosts.
     */
    private static List<String> referenceNames(ProbeTarget target, HostTlsa.Published p) {
        Set<String> names = new LinkedHashSet<>();
        names.add(target.host().toLowerCase(Locale.ROOT));
        names.add(p.base().toLowerCase(Locale.ROOT));
        if (target.preference().isPresent()) {
            names.add(target.domain().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /**
     * The presented certificates from the leaf up to, not including, certificate {@code depth}, each issued and
     * signed by the next; empty when the leaf does not lead to it. Built from the certificates in any order: TLS 1.3
     * has only the leaf first and asks clients to "be prepared to handle potentially extraneous certificates and
     * arbitrary orderings" (RFC 8446 §4.4.2), the end-entity certificate excepted.
     */
    static Optional<List<X509Certificate>> path(List<X509Certificate> chain, int depth) {
        if (depth == 0) {
            return Optional.of(List.of());
        }
        return climb(chain, new ArrayList<>(List.of(chain.getFirst())), chain.get(depth));
    }

    /** Depth first from the last certificate of {@code below}, each presented certificate used once. */
    private static Optional<List<X509Certificate>> climb(List<X509Certificate> chain, List<X509Certificate> below,
                                                         X509Certificate anchor) {
        X509Certificate current = below.getLast();
        if (CertificateIssuer.issued(anchor, current)) {
            return Optional.of(List.copyOf(below));
        }
        for (X509Certificate c : chain) {
            if (c == anchor || below.contains(c) || !CertificateIssuer.issued(c, current)) {
                continue;
            }
            below.add(c);
            Optional<List<X509Certificate>> found = climb(chain, below, anchor);
            if (found.isPresent()) {
                return found;
            }
            below.removeLast();
        }
        return Optional.empty();
    }

    /** RFC 6698 §2.1.2 and §2.1.3: the selected DER, in full or as its digest, equals the association data. */
    static boolean matches(TLSARecord r, X509Certificate cert) {
        byte[] selected = r.getSelector() == TlsaParameters.SELECTOR_SPKI ? spki(cert) : der(cert);
        byte[] data = switch (r.getMatchingType()) {
            case TlsaParameters.MATCHING_SHA256 -> digest(selected, "SHA-256");
            case TlsaParameters.MATCHING_SHA512 -> digest(selected, "SHA-512");
            default -> selected;
        };
        return MessageDigest.isEqual(data, r.getCertificateAssociationData());
    }

    private static byte[] spki(X509Certificate cert) {
        return cert.getPublicKey().getEncoded();
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return new byte[0]; // matches nothing
        }
    }

    private static byte[] digest(byte[] data, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static String hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(data);
    }

    /** "3 1 1 (DANE-EE SPKI SHA2-256) 5A3F…": the record as published, Full data cut. */
    private static String describe(TLSARecord r) {
        String data = hex(r.getCertificateAssociationData());
        return TlsaParameters.describe(r) + " " + (data.length() > FULL_SHOWN && r.getMatchingType()
                == TlsaParameters.MATCHING_FULL ? data.substring(0, FULL_SHOWN) + "…" : data);
    }

    private static Object records(List<TLSARecord> usable) {
        return DnsText.joinText(usable.stream().map(DaneTlsCrossCheck::describe).toList(), ", ");
    }

    /** "certificate 1 of the presented chain (CN=mx.example.com)". */
    private static LocalText certificateText(List<X509Certificate> chain, int depth) {
        return TEXTS.text(depth == 0 ? "phrase.leaf" : "phrase.chainCertificate", depth + 1,
                chain.get(depth).getSubjectX500Principal().getName());
    }

    /** The leaf's digests of the kinds the records use, e.g. "SPKI SHA2-256 5A3F…" (Full: by its SHA2-256). */
    private static String leafDigests(X509Certificate leaf, List<TLSARecord> usable) {
        return String.join(", ", digests(leaf, usable));
    }

    private static List<String> digests(X509Certificate cert, List<TLSARecord> usable) {
        Set<String> kinds = new LinkedHashSet<>();
        for (TLSARecord r : usable) {
            int selector = r.getSelector();
            byte[] selected = selector == TlsaParameters.SELECTOR_SPKI ? spki(cert) : der(cert);
            String name = TlsaParameters.selector(selector);
            kinds.add(switch (r.getMatchingType()) {
                case TlsaParameters.MATCHING_SHA512 -> name + " SHA2-512 " + hex(digest(selected, "SHA-512"));
                case TlsaParameters.MATCHING_SHA256 -> name + " SHA2-256 " + hex(digest(selected, "SHA-256"));
                default -> name + " (Full, " + selected.length + " bytes) SHA2-256 "
                        + hex(digest(selected, "SHA-256"));
            });
        }
        return List.copyOf(kinds);
    }

    /** One evidence line per presented certificate with its digests of the kinds the records use. */
    private static List<String> digestLines(List<X509Certificate> chain, List<TLSARecord> usable) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            lines.add(";; certificate " + (i + 1) + " " + chain.get(i).getSubjectX500Principal().getName() + ": "
                    + String.join(", ", digests(chain.get(i), usable)));
        }
        return lines;
    }

    /**
     * A certificate the records do not match, or no TLS: DANE senders do not deliver to the address (ERROR); behind
     * unsigned MX records only those that use the records anyway (WARNING, {@link MxRoute}).
     */
    private static Severity refusedSeverity(MxRoute route) {
        return route.unsigned() ? Severity.WARNING : Severity.ERROR;
    }

    /** A DANE-TA record that matched certificate {@code depth} of the chain, and why it still failed. */
    private record TaProblem(TLSARecord record, int depth, LocalText problem) {
    }
}
