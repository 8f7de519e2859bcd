package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Whether the zone holding a name is DNSSEC-signed, judged as {@link DnssecCheck} judges a domain's zone
 * ({@link ChainOfTrust}): the zone's DS at the parent, its keys and the signatures over the records a caller got
 * there. For checks of other records than the domain's own (TLSA records of MX hosts, RFC 7672 §2.2), which matter
 * only when validating resolvers find them "secure". Above the zone the chain is followed from the trust anchor
 * ({@link ChainAbove}): a zone above without a secure link makes the zone insecure ({@link Level#UNSIGNED}, with
 * {@code insecureAbove}), a broken link bogus. A zone without a DS (keys or not) is followed as far as its parent's
 * answer, which must prove that the DS does not exist ({@link ChainAbove}, as {@link DnssecCheck} does for
 * DNSSEC_NO_DS and DNSSEC_UNSIGNED); so is a zone whose DS records use only algorithms validators do not support, whose
 * DS records the parent must have signed (DNSSEC_ALGORITHM_UNSUPPORTED). A root that does not lead to the anchor (a
 * resolver serving another root) leaves the chain above not judged: "signed, as far as MailPath checks". A bogus
 * zone's judgement says where the chain breaks ({@link Bogus}), so that the DANE check can say who must repair what.
 * A signed zone's answer that there are no records of a type at a name counts only with its signed proof
 * ({@link #denied}).
 * <p>
 * One instance serves one check run: each zone's DS and keys are judged once however many names in it are asked
 * about (the MX hosts of a provider share its zone); the signatures over each name's own records are checked per
 * name. Safe to use from many threads at once.
 */
public final class ZoneSecurity {

    /** What validating resolvers make of the zone, as far as MailPath checks. */
    public enum Level {
        /** A DS at the parent leads to the zone's keys, and the signatures checked hold. */
        SIGNED,
        /**
         * No DS at the parent (or none validators use), or none above it on the way from the root: validators treat
         * the answers as insecure. A parent's answer that it has no DS counts only with its signed proof, or under a
         * zone above that is insecure itself; without the proof the zone is {@link #BOGUS}.
         */
        UNSIGNED,
        /** The chain is broken: validating resolvers answer SERVFAIL. */
        BOGUS,
        /** A question on the way failed: not judged. */
        UNKNOWN
    }

    /** Why a zone is {@link Level#BOGUS}: what must be repaired, and by whom. */
    public enum Cause {
        /** The zone's DS records lead to none of its keys, or that key's signature over its DNSKEY set fails. */
        KEYS,
        /** The signature over records asked in the zone (TLSA, a CNAME on the way) fails; its own chain holds. */
        RECORDS,
        /** The parent's signature over the zone's DS records is missing or fails. */
        DS_SIGNATURE,
        /**
         * A parent answers that a zone (this one, or one above it) has no DS record, without a valid signed proof of
         * it (NSEC or NSEC3, RFC 4035 §5.2): the parent's fault, or the path's that dropped the proof.
         */
        DS_DENIAL,
        /** Another link above the zone is broken: a zone above's DS signature, or its DS leads to none of its keys. */
        ABOVE,
        /**
         * The zone answers that a name has no records of the type asked (NODATA, NXDOMAIN) without a valid signed
         * proof of it (NSEC or NSEC3 records signed by its keys, RFC 4035 §5.4); its own chain holds: the zone's
         * signer or name servers, or the path that dropped the proof.
         */
        DENIAL
    }

    /**
     * Where a bogus zone's chain breaks: {@code zone}, the zone judged or one above it, and for a link from a parent
     * (every cause but {@link Cause#KEYS} and {@link Cause#RECORDS}) that {@code parent}.
     */
    public record Bogus(Cause cause, String zone, Optional<String> parent) {
    }

    /**
     * The level, the zone's apex, and the answers and notes it rests on (evidence lines). {@code zoneBroken}: BOGUS
     * because the zone's own DS and keys do not hold together, so validating resolvers fail every question in it (the
     * addresses of its hosts too), not only the records asked whose signature fails. For a {@link #path}, that of the
     * zone of the name asked (its first link). {@code insecureAbove}: for {@link Level#UNSIGNED}, the zone above
     * {@code zone} that has no secure link from its parent when the zone's own link holds (an island of security);
     * empty otherwise. {@code bogus}: for {@link Level#BOGUS}, where the chain breaks; empty otherwise.
     */
    public record Judgement(Level level, String zone, List<String> evidence, boolean zoneBroken,
                            Optional<String> insecureAbove, Optional<Bogus> bogus) {
        public Judgement {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A NODATA or NXDOMAIN answer as validators judge it ({@link #denied}): {@code zone}, the judgement with the proof
     * in its evidence; {@code proof}, the proof's records and the line that judges it (empty when the zone is not
     * signed), for a caller that quotes the proof without the zone's.
     */
    public record Denial(Judgement zone, List<String> proof) {
        public Denial {
            proof = List.copyOf(proof);
        }
    }

    /**
     * A zone's DS and keys, judged: the level, the evidence, the keys its signatures are checked with, and for a
     * bogus zone where its chain breaks.
     */
    private record ZoneKeys(Level level, Optional<Name> name, List<DNSKEYRecord> keys, boolean keySetVerified,
                            List<String> evidence, Optional<String> insecureAbove, boolean chainJudged,
                            Optional<Bogus> bogus) {

        ZoneKeys(Level level, Optional<Name> name, List<DNSKEYRecord> keys, boolean keySetVerified,
                 List<String> evidence) {
            this(level, name, keys, keySetVerified, evidence, Optional.empty(), false, Optional.empty());
        }

        /** The zone's own link holds, or is insecure by its DS answer: the chain above decides ({@code above}). */
        static ZoneKeys above(ChainAbove.Verdict above, Level whenHeld, Name zone, List<DNSKEYRecord> keys,
                              boolean keySetVerified, List<String> evidence, boolean nameInsecureAbove) {
            return switch (above) {
                case ChainAbove.Insecure i -> new ZoneKeys(Level.UNSIGNED, Optional.of(zone), keys, keySetVerified,
                        evidence, nameInsecureAbove ? Optional.of(i.zone()) : Optional.empty(), true,
                        Optional.empty());
                case ChainAbove.Bogus b -> new ZoneKeys(Level.BOGUS, Optional.of(zone), keys, keySetVerified,
                        evidence, Optional.empty(), true, Optional.of(brokenAt(b, zone)));
                case ChainAbove.Secure _ -> new ZoneKeys(whenHeld, Optional.of(zone), keys, keySetVerified, evidence,
                        Optional.empty(), true, Optional.empty());
                case ChainAbove.NotJudged _ -> new ZoneKeys(whenHeld, Optional.of(zone), keys, keySetVerified,
                        evidence);
            };
        }
    }

    private final DnsLookup dns;
    private final Instant now;
    private final TrustAnchor anchor;
    private final ConcurrentMap<String, CompletableFuture<ZoneKeys>> zones = new ConcurrentHashMap<>();

    /** {@code now}: the time signatures must be valid at. The chain starts at IANA's root anchor. */
    public ZoneSecurity(DnsLookup dns, Instant now) {
        this(dns, now, TrustAnchor.iana());
    }

    /** {@code anchor}: where the chain of trust above each zone starts (tests serving their own root give its DS). */
    public ZoneSecurity(DnsLookup dns, Instant now, TrustAnchor anchor) {
        this.dns = dns;
        this.now = now;
        this.anchor = anchor;
    }

    /**
     * The zone holding {@code name} (found by walking up from it with SOA questions, {@link ZoneApex}).
     *
     * @param signed answers at {@code name} asked for DNSSEC data whose signatures must hold too (OK answers only,
     *               without CNAMEs: a CNAME's target is another zone's)
     */
    public Judgement judge(String name, List<DnssecAnswer> signed, Cancellation cancellation) {
        ZoneApex<DnssecAnswer> apex = ZoneApex.findSigned(dns, name, Type.SOA,
                dns.lookupSigned(name, Type.SOA, cancellation), cancellation);
        List<String> evidence = new ArrayList<>();
        apex.answers().forEach(a -> evidence.addAll(a.answer().evidence()));
        if (!apex.last().answer().ok()) {
            return new Judgement(Level.UNKNOWN, apex.zone(), evidence, false, Optional.empty(), Optional.empty());
        }
        String zone = apex.zone();
        ZoneKeys keys = SharedWork.once(zones, zone.toLowerCase(Locale.ROOT), () -> keys(zone, cancellation),
                cancellation);
        evidence.addAll(keys.evidence());
        Level level = keys.level();
        Optional<Bogus> bogus = keys.bogus();
        if (level == Level.SIGNED && keys.keySetVerified() && keys.name().isPresent()) {
            List<DnssecAnswer> own = signed.stream()
                    .filter(a -> a.answer().ok() && a.answer().cnames().isEmpty()).toList();
            Optional<RrsetSignatures.Rejection> rejection = RrsetSignatures.checkEach(own, keys.name().get(),
                    keys.keys(), now).rejection();
            if (rejection.isPresent()) {
                DnsAnswer rejected = rejection.get().answer().answer();
                evidence.add(";; the signature over the " + Type.string(rejected.type()) + " records of "
                        + rejected.name() + " does not hold: " + failure(rejection.get().outcome()));
                level = Level.BOGUS;
                bogus = Optional.of(new Bogus(Cause.RECORDS, zone, Optional.empty()));
            }
        }
        evidence.add(";; zone " + zone + ": " + level.name().toLowerCase(Locale.ROOT)
                + (keys.chainJudged() ? " (its DS, keys and signatures, and the chain of trust from the root)"
                : " (its DS, keys and signatures; the chain above it is not followed)"));
        return new Judgement(level, zone, evidence, keys.level() == Level.BOGUS, keys.insecureAbove(), bogus);
    }

    /**
     * The records of {@code answer} as a validating resolver judges them: each CNAME on the way in its owner's zone,
     * with the signature over it (asked apart: the plain answer carries none), then the zone holding the records,
     * with the signatures of {@code signedAtEnd} (asked at the last name of the chain). A resolver's answer is only
     * as secure as its weakest link (RFC 4035 §4.3): one broken link makes it bogus, one unsigned zone insecure.
     * The zone named is the weakest link's, or the records' own when every link is signed.
     */
    public Judgement path(DnsAnswer answer, List<DnssecAnswer> signedAtEnd, Cancellation cancellation) {
        List<Judgement> links = new ArrayList<>();
        for (Record r : answer.cnames()) {
            String owner = Addresses.display(r.getName());
            links.add(judge(owner, List.of(dns.lookupSigned(owner, Type.CNAME, cancellation)), cancellation));
        }
        links.add(judge(answer.finalName(), signedAtEnd, cancellation));
        Level worst = links.stream().map(Judgement::level).max(ZoneSecurity::compareWeakness).orElseThrow();
        Judgement decisive = worst == Level.SIGNED ? links.getLast()
                : links.stream().filter(j -> j.level() == worst).findFirst().orElseThrow();
        List<String> evidence = new ArrayList<>();
        links.forEach(j -> evidence.addAll(j.evidence()));
        // broken for every question only where the name asked is: a CNAME's target zone holds other names
        return new Judgement(worst, decisive.zone(), evidence, links.getFirst().zoneBroken(),
                decisive.insecureAbove(), decisive.bogus());
    }

    /**
     * {@code zone}, the judgement of the zone (or the path, {@link #path}) of {@code answer}, a NODATA or NXDOMAIN
     * answer, with the proof that the records do not exist judged too when the zone is signed: validators take such an
     * answer from a signed zone only with its NSEC or NSEC3 records, signed by the zone's keys, that prove it (RFC
     * 4035 §5.4; RFC 5155 §8.4 to §8.7), and answer SERVFAIL without them (the answer is bogus, RFC 4035 §4.3 and
     * §5.5). Bogus ({@link Cause#DENIAL}) without a valid proof. An Opt-Out record proves no absence by itself (RFC
     * 5155 §6: its span may hold unsigned delegations): an NXDOMAIN whose next closer name it covers is insecure, which
     * holds as a denial, but a NODATA needs the record matching the name whatever its flags (§8.5; only a DS question
     * may rest on a covering Opt-Out record, §8.6), else it is bogus. The proof is checked by {@link DenialProof}
     * from the zone's own DS records (the chain above them is judged in {@code zone}), so it is checked where the
     * chain above is not followed too. A zone that is not signed, or a proof that cannot be checked (a question
     * failed, no DNSSEC data), leaves {@code zone} as it is.
     */
    public Denial denied(Judgement zone, DnsAnswer answer, Cancellation cancellation) {
        if (zone.level() != Level.SIGNED
                || answer.status() != DnsStatus.NODATA && answer.status() != DnsStatus.NXDOMAIN) {
            return new Denial(zone, List.of());
        }
        Name name;
        try {
            name = Name.fromString(DnsNames.absolute(answer.finalName()));
        } catch (TextParseException e) {
            return new Denial(zone, List.of());
        }
        List<DSRecord> ds = dns.lookupSigned(zone.zone(), Type.DS, cancellation).answer().records().stream()
                .filter(DSRecord.class::isInstance).map(DSRecord.class::cast).toList();
        if (ds.isEmpty()) {
            return new Denial(zone, List.of());
        }
        DnssecAnswer signed = dns.lookupSigned(answer.finalName(), answer.type(), cancellation);
        List<String> proof = new ArrayList<>();
        signed.denial().stream().limit(DnsAnswer.MAX_EVIDENCE_RECORDS).forEach(r -> proof.add(r.toString()));
        String absent = ";; no " + Type.string(answer.type()) + " record at " + answer.finalName() + " ("
                + answer.status() + "): ";
        Optional<Bogus> unproven = Optional.empty();
        switch (DenialProof.judge(dns, ds, name, answer.type(), signed.denial(), now, cancellation)) {
            case DenialProof.Proven _ -> proof.add(absent + "the signed NSEC/NSEC3 records of " + zone.zone()
                    + " prove it (RFC 4035 §5.4)");
            case DenialProof.OptOut _ -> proof.add(absent + "an NSEC3 record of " + zone.zone() + " with the Opt-Out"
                    + " flag covers the name, which may then lie under an unsigned delegation (RFC 5155 §6): an"
                    + " insecure denial, which validators accept as no records");
            case DenialProof.Unproven u -> {
                proof.add(absent + "no valid signed proof of it (NSEC/NSEC3 by the keys of " + zone.zone()
                        + "), so validating resolvers take the answer as bogus and answer SERVFAIL (RFC 4035 §5.4);"
                        + " dnsjava's validator: " + u.reason());
                unproven = Optional.of(new Bogus(Cause.DENIAL, zone.zone(), Optional.empty()));
            }
            // the answer is taken as the resolver gives it, as before the proof was checked
            case DenialProof.NotJudged n -> proof.add(absent + "the proof (NSEC/NSEC3) could not be checked: "
                    + n.reason());
        }
        List<String> evidence = new ArrayList<>(zone.evidence());
        evidence.addAll(proof);
        Judgement judged = unproven.isPresent()
                ? new Judgement(Level.BOGUS, zone.zone(), evidence, false, Optional.empty(), unproven)
                : new Judgement(zone.level(), zone.zone(), evidence, zone.zoneBroken(), zone.insecureAbove(),
                zone.bogus());
        return new Denial(judged, proof);
    }

    /** Broken beats not judged beats unsigned beats signed: what a chain of links is worth at best. */
    private static int compareWeakness(Level a, Level b) {
        List<Level> order = List.of(Level.SIGNED, Level.UNSIGNED, Level.UNKNOWN, Level.BOGUS);
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    /**
     * The outcome's shared evidence words ({@link RrsetSignatures.Outcome#evidence}), but for a missing signature:
     * this line names no keys before the words, so it says whose signature is missing where the shared "none"
     * answers a line that names them.
     */
    private static String failure(RrsetSignatures.Outcome outcome) {
        return outcome instanceof RrsetSignatures.Missing ? "no signature by the zone's keys" : outcome.evidence();
    }

    /** The zone's DS at the parent and its keys, as {@link ChainOfTrust} follows them. */
    private ZoneKeys keys(String zone, Cancellation cancellation) {
        List<DnssecAnswer> answers = Parallel.map(List.of(Type.DS, Type.DNSKEY),
                t -> dns.lookupSigned(zone, t, cancellation));
        List<String> evidence = new ArrayList<>();
        answers.forEach(a -> evidence.addAll(a.evidence()));
        if (answers.stream().anyMatch(a -> !a.answer().ok() && a.answer().status() != DnsStatus.NODATA)) {
            return new ZoneKeys(Level.UNKNOWN, Optional.empty(), List.of(), false, evidence);
        }
        Name zoneName;
        try {
            zoneName = Name.fromString(DnsNames.absolute(zone));
        } catch (TextParseException e) {
            return new ZoneKeys(Level.UNKNOWN, Optional.empty(), List.of(), false, evidence);
        }
        ChainOfTrust.Result result = ChainOfTrust.judge(zoneName, answers.get(0), answers.get(1), List.of(), now);
        evidence.addAll(result.notes());
        List<DNSKEYRecord> keys = ChainOfTrust.zoneKeys(answers.get(1));
        if (ChainAbove.insecureByDsAnswer(result.verdict())) {
            return insecureLink(zoneName, answers.get(0), keys, evidence, cancellation);
        }
        Level level = switch (result.verdict()) {
            case DnssecVerdict.Signed s -> Level.SIGNED;
            case DnssecVerdict.Unsigned _, DnssecVerdict.NoDs _, DnssecVerdict.AlgorithmUnsupported _ ->
                    throw new IllegalStateException("a zone insecure by its DS answer is judged by its parent's proof");
            case DnssecVerdict.DsWithoutDnskey d -> Level.BOGUS;
            case DnssecVerdict.DsMismatch m -> Level.BOGUS;
            case DnssecVerdict.BadSignature b -> Level.BOGUS;
        };
        if (level == Level.BOGUS) {
            return new ZoneKeys(level, Optional.of(zoneName), keys, result.keySetSigner().isPresent(), evidence,
                    Optional.empty(), false, Optional.of(new Bogus(Cause.KEYS, display(zoneName), Optional.empty())));
        }
        if (result.keySetSigner().isEmpty()) {
            return new ZoneKeys(level, Optional.of(zoneName), keys, false, evidence);
        }
        // the zone's own link holds: a validator trusts it only through a secure chain from the anchor above it
        ChainAbove.Result above = ChainAbove.judge(dns, anchor, zoneName, answers.get(0), now, cancellation);
        evidence.addAll(above.evidence());
        return ZoneKeys.above(above.verdict(), Level.SIGNED, zoneName, keys, true, evidence, true);
    }

    /**
     * A zone whose parent's DS answer alone makes it insecure ({@link ChainAbove#insecureByDsAnswer}: no DS record,
     * keys or not, or DS records whose algorithms validators do not support): unsigned to validators only when the
     * answer is authenticated (the parent's signed proof that there is no DS, or its valid signature over the DS
     * records), or under a zone above that is itself insecure; otherwise bogus, so validating resolvers fail every
     * question in the zone (RFC 4035 §5.2, RFC 6840 §5.2), as the DNSSEC check finds for the domain's own zone
     * (DNSSEC_PARENT_BOGUS). The chain is followed as for a signed zone ({@link ChainAbove}); a resolver without DNSSEC
     * data, or a chain not judged, leaves the parent's answer as it is. No zone above is named as insecure: the zone's
     * own link is insecure, not just one above it.
     */
    private ZoneKeys insecureLink(Name zoneName, DnssecAnswer ds, List<DNSKEYRecord> keys, List<String> evidence,
                                  Cancellation cancellation) {
        if (!ds.dnssecOk()) {
            return new ZoneKeys(Level.UNSIGNED, Optional.of(zoneName), keys, false, evidence);
        }
        ChainAbove.Result above = ChainAbove.judge(dns, anchor, zoneName, ds, now, cancellation);
        evidence.addAll(above.evidence());
        return ZoneKeys.above(above.verdict(), Level.UNSIGNED, zoneName, keys, false, evidence, false);
    }

    /**
     * Where a broken link of the chain above (or from the parent to {@code zone}) breaks: the parent's signature over
     * the zone's own DS records is the parent's to repair alone, a denial without proof the parent's or the path's,
     * and any other break is a link between zones above.
     */
    private static Bogus brokenAt(ChainAbove.Bogus b, Name zone) {
        Cause cause = switch (b.why()) {
            case DS_DENIAL -> Cause.DS_DENIAL;
            case DS_SIGNATURE -> b.zone().equalsIgnoreCase(display(zone)) ? Cause.DS_SIGNATURE : Cause.ABOVE;
            case KEYS -> Cause.ABOVE;
        };
        return new Bogus(cause, b.zone(), Optional.of(b.parent()));
    }

    private static String display(Name name) {
        return Addresses.display(name);
    }
}
