package org.mailpath.engine.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Type;

/**
 * The chain of trust above a zone whose own link holds ({@link ChainOfTrust}: its DS at the parent leads to its
 * keys), followed as a validating resolver follows it (RFC 4035 §5): from the trust anchor, the root's DNSKEY set
 * must be signed by a key the anchor names; then each zone on the way down must have a DS RRset at its parent
 * signed by the parent's keys, leading to a key that signed its own DNSKEY set; last, the zone's own DS RRset must be
 * signed by its parent's keys. RFC 4033 §5 names the outcomes: a zone on the way without a DS at its parent leaves
 * everything below it "insecure" (an island of security: resolvers treat the zone as unsigned, and DANE senders
 * ignore its TLSA records, RFC 7672 §2.2), a broken link makes it "bogus" (resolvers answer SERVFAIL).
 * <p>
 * The zone cuts above the zone are found by the signer of each DS RRset's RRSIG (the parent signs it), or, when there
 * is none, by asking SOA of each name up; each zone cut costs its DS and DNSKEY questions, the root its DNSKEY (the
 * {@link DnsLookup} keeps answers for the run, so zones under one TLD share them). A missing DS counts only with the
 * parent's signed proof that it does not exist (NSEC or NSEC3, judged by dnsjava's validator, {@link DenialProof}), as
 * validators require (RFC 4035 §5.2): without it the answer is bogus, as a forged or stripped one would otherwise
 * downgrade the zone to insecure. A root whose keys do not lead to the anchor (a resolver serving another root: a
 * test network, a private root) leaves the chain not judged.
 */
final class ChainAbove {

    /** Zone cuts walked up at most (a DNS name has at most 127 labels; real chains have two to five). */
    private static final int MAX_DEPTH = 16;

    /** Why a zone on the way is insecure. */
    enum Insecurity {
        /** Its parent has no DS record for it. */
        NO_DS,
        /** Its DS records use only algorithms or digest types validators do not support (RFC 9904). */
        ALGORITHM
    }

    /** Where the chain breaks. */
    enum Break {
        /** The zone's DS RRset at its parent has no valid signature by the parent's keys. */
        DS_SIGNATURE,
        /** The zone's DS records lead to none of its keys, or that key did not sign its DNSKEY set. */
        KEYS,
        /**
         * The parent answers that the zone has no DS record, but without a valid signed proof of it (NSEC or NSEC3
         * records signed by the parent's keys, RFC 4035 §5.2, RFC 5155 §8.6): validators take the answer as bogus.
         */
        DS_DENIAL
    }

    /** What validating resolvers make of the chain above the zone. */
    sealed interface Verdict {
    }

    /** Every link from the anchor to the zone's DS holds. */
    record Secure() implements Verdict {
    }

    /** {@code zone} (above the zone judged) is insecure to validators, for want of a link from {@code parent}. */
    record Insecure(String zone, String parent, Insecurity why) implements Verdict {
    }

    /** The link from {@code parent} to {@code zone} is broken (the zone judged itself when its DS is the link). */
    record Bogus(String zone, String parent, Break why) implements Verdict {
    }

    /** Not judged: {@code reason} in English, for the evidence. */
    record NotJudged(String reason) implements Verdict {
    }

    /** The verdict and the answers and notes it rests on (evidence lines). */
    record Result(Verdict verdict, List<String> evidence) {
        Result {
            evidence = List.copyOf(evidence);
        }
    }

    /** A zone cut above the zone, with its DS (at its parent) and DNSKEY answers. */
    private record Cut(Name zone, DnssecAnswer ds, DnssecAnswer dnskey) {
    }

    private ChainAbove() {
    }

    /**
     * @param zone   the zone whose own link holds, or whose parent's DS answer alone makes it insecure
     *               ({@link #insecureByDsAnswer}: no DS, or DS records validators do not use; the last link judged
     *               is then that answer's proof or signature, as for a zone above)
     * @param zoneDs the zone's DS question (answered from its parent, with its signatures or its denial)
     */
    static Result judge(DnsLookup dns, TrustAnchor anchor, Name zone, DnssecAnswer zoneDs, Instant now,
                        Cancellation cancellation) {
        List<String> evidence = new ArrayList<>();
        DnssecAnswer rootKeys = dns.lookupSigned(".", Type.DNSKEY, cancellation);
        evidence.addAll(rootKeys.evidence());
        if (!rootKeys.answer().ok()) {
            return notJudged("the root's DNSKEY question failed (" + rootKeys.answer().status() + ")", evidence);
        }
        ChainOfTrust.Result anchored = ChainOfTrust.judge(Name.root, anchorAnswer(anchor, now), rootKeys, List.of(),
                now);
        if (!(anchored.verdict() instanceof DnssecVerdict.Signed) || anchored.keySetSigner().isEmpty()) {
            // not the root validators trust: the resolver serves another one, and the domain is not at fault
            return notJudged("the root's DNSKEY set the resolver returns is not signed by a key of the trust anchor"
                    + " (" + anchor.ds().stream().map(d -> "key tag " + d.getFootprint()).toList() + ")", evidence);
        }
        evidence.add(";; root: its DNSKEY set is signed by key tag " + anchored.keySetSigner().get().getFootprint()
                + ", a key of the trust anchor");
        if (zone.equals(Name.root)) {
            return new Result(new Secure(), evidence);
        }
        List<Cut> cuts = new ArrayList<>();
        Name child = zone;
        DnssecAnswer childDs = zoneDs;
        for (int depth = 0; ; depth++) {
            if (depth == MAX_DEPTH) {
                return notJudged("more than " + MAX_DEPTH + " zone cuts above " + display(zone), evidence);
            }
            Optional<Name> parent = parentZone(dns, child, childDs, cancellation);
            if (parent.isEmpty()) {
                return notJudged("the zone holding " + display(new Name(child, 1)) + " could not be found (an SOA"
                        + " question failed)", evidence);
            }
            if (parent.get().equals(Name.root)) {
                break;
            }
            String asked = display(parent.get());
            List<DnssecAnswer> answers = Parallel.map(List.of(Type.DS, Type.DNSKEY),
                    t -> dns.lookupSigned(asked, t, cancellation));
            cuts.add(new Cut(parent.get(), answers.get(0), answers.get(1)));
            child = parent.get();
            childDs = answers.get(0);
        }
        Name above = Name.root;
        List<DNSKEYRecord> aboveKeys = ChainOfTrust.zoneKeys(rootKeys);
        for (Cut cut : cuts.reversed()) {
            evidence.addAll(cut.ds().evidence());
            evidence.addAll(cut.dnskey().evidence());
            Optional<Verdict> stop = dsLink(dns, anchor, cut.zone(), cut.ds(), above, aboveKeys, now, evidence,
                    cancellation);
            if (stop.isPresent()) {
                return finish(stop.get(), evidence);
            }
            if (!cut.dnskey().answer().ok() && cut.dnskey().answer().status() != DnsStatus.NODATA) {
                return notJudged("the DNSKEY question for " + display(cut.zone()) + " failed ("
                        + cut.dnskey().answer().status() + ")", evidence);
            }
            ChainOfTrust.Result link = ChainOfTrust.judge(cut.zone(), cut.ds(), cut.dnskey(), List.of(), now);
            evidence.addAll(link.notes());
            Optional<Verdict> broken = switch (link.verdict()) {
                case DnssecVerdict.Signed s when link.keySetSigner().isPresent() -> Optional.empty();
                case DnssecVerdict.Signed s -> Optional.of(new NotJudged("the signatures over the DNSKEY set of "
                        + display(cut.zone()) + " could not be checked"));
                case DnssecVerdict.AlgorithmUnsupported a -> Optional.of(new Insecure(display(cut.zone()),
                        display(above), Insecurity.ALGORITHM));
                case DnssecVerdict.NoDs _, DnssecVerdict.Unsigned _ -> Optional.of(new Insecure(display(cut.zone()),
                        display(above), Insecurity.NO_DS));
                case DnssecVerdict.DsWithoutDnskey _, DnssecVerdict.DsMismatch _ -> Optional.of(
                        new Bogus(display(cut.zone()), display(above), Break.KEYS));
                case DnssecVerdict.BadSignature b -> {
                    evidence.add(";; DNSKEY set of " + display(cut.zone()) + ": signature by the key its DS points"
                            + " to " + b.outcome().evidence());
                    yield Optional.of(new Bogus(display(cut.zone()), display(above), Break.KEYS));
                }
            };
            if (broken.isPresent()) {
                return finish(broken.get(), evidence);
            }
            evidence.add(";; " + display(cut.zone()) + ": its DNSKEY set is signed by key tag "
                    + link.keySetSigner().get().getFootprint() + ", which its DS at " + display(above)
                    + " points to");
            above = cut.zone();
            aboveKeys = ChainOfTrust.zoneKeys(cut.dnskey());
        }
        Optional<Verdict> last = dsLink(dns, anchor, zone, zoneDs, above, aboveKeys, now, evidence, cancellation);
        if (last.isPresent()) {
            return finish(last.get(), evidence);
        }
        evidence.add(";; chain of trust from the root's trust anchor to " + display(zone) + ": secure");
        return new Result(new Secure(), evidence);
    }

    /**
     * Whether {@code verdict}, the zone's own ({@link ChainOfTrust}), makes the zone insecure by its parent's answer
     * to its DS question: no DS record (keys published or not), or DS records whose algorithms or digest types
     * validators do not support. Validators take either only from an authenticated answer, or under an insecure
     * parent: "an authenticated NSEC RRset that proves that no DS RRset is present", and "If the validator does not
     * support any of the algorithms listed in an authenticated DS RRset, then the resolver has no supported
     * authentication path leading from the parent to the child" (RFC 4035 §5.2; unknown digest types alike, RFC 6840
     * §5.2). An unsigned, forged or stripped answer from a signed parent is bogus: it would otherwise downgrade a
     * signed zone. So {@link #judge} must follow the chain to the zone's DS answer (its last link, {@link #dsLink}:
     * the denial's proof, or the parent's signature over the DS records) to tell insecure from bogus. The one rule
     * for the DNSSEC check and the DANE check's {@link ZoneSecurity}.
     */
    static boolean insecureByDsAnswer(DnssecVerdict verdict) {
        return verdict instanceof DnssecVerdict.NoDs || verdict instanceof DnssecVerdict.Unsigned
                || verdict instanceof DnssecVerdict.AlgorithmUnsupported;
    }

    /**
     * The link from {@code parent}, whose keys are trusted, to {@code child}'s DS RRset: none, proven by the parent's
     * signed denial (insecure from the child down), none without that proof (bogus), or records the parent's keys
     * must have signed. Empty when the link holds.
     */
    private static Optional<Verdict> dsLink(DnsLookup dns, TrustAnchor anchor, Name child, DnssecAnswer ds,
                                            Name parent, List<DNSKEYRecord> parentKeys, Instant now,
                                            List<String> evidence, Cancellation cancellation) {
        DnsStatus status = ds.answer().status();
        if (!ds.answer().ok() && status != DnsStatus.NODATA && status != DnsStatus.NXDOMAIN) {
            return Optional.of(new NotJudged("the DS question for " + display(child) + " failed (" + status + ")"));
        }
        if (ds.answer().records().isEmpty()) {
            return Optional.of(withoutDs(dns, anchor, child, ds, parent, now, evidence, cancellation));
        }
        RrsetSignatures.Outcome outcome = RrsetSignatures.check(ds, parent, parentKeys, now);
        evidence.add(";; DS of " + display(child) + " at " + display(parent) + ": signature by the keys of "
                + display(parent) + " " + outcome.evidence());
        if (outcome instanceof RrsetSignatures.Unchecked) {
            return Optional.of(new NotJudged("the signature over the DS records of " + display(child)
                    + " could not be checked"));
        }
        return outcome.rejected() ? Optional.of(new Bogus(display(child), display(parent), Break.DS_SIGNATURE))
                : Optional.empty();
    }

    /**
     * The verdict on {@code child}'s DS answer without records, by the proof that it does not exist: insecure from the
     * child down when the parent's signed NSEC or NSEC3 records prove it (or when the proof cannot be judged, as the
     * parent's answer says), bogus without a valid proof.
     */
    private static Verdict withoutDs(DnsLookup dns, TrustAnchor anchor, Name child, DnssecAnswer ds, Name parent,
                                     Instant now, List<String> evidence, Cancellation cancellation) {
        ds.denial().forEach(r -> evidence.add(r.toString()));
        String absent = ";; no DS record for " + display(child) + " at " + display(parent) + ": ";
        String insecure = "validating resolvers treat " + display(child) + " and every zone below it as insecure";
        return switch (DenialProof.judge(dns, anchor.ds(), child, Type.DS, ds.denial(), now, cancellation)) {
            case DenialProof.Proven _ -> {
                evidence.add(absent + "the signed NSEC/NSEC3 records of " + display(parent) + " prove it (RFC 4035"
                        + " §5.2), so " + insecure);
                yield new Insecure(display(child), display(parent), Insecurity.NO_DS);
            }
            case DenialProof.OptOut _ -> {
                evidence.add(absent + "an NSEC3 record of " + display(parent) + " with the Opt-Out flag covers it"
                        + " (an insecure delegation, RFC 5155 §8.6), so " + insecure);
                yield new Insecure(display(child), display(parent), Insecurity.NO_DS);
            }
            case DenialProof.Unproven u -> {
                evidence.add(absent + "no valid signed proof (NSEC/NSEC3 by the keys of " + display(parent)
                        + ") that it does not exist, so validating resolvers take the answer as bogus (RFC 4035"
                        + " §5.2); dnsjava's validator: " + u.reason());
                yield new Bogus(display(child), display(parent), Break.DS_DENIAL);
            }
            case DenialProof.NotJudged n -> {
                // the answer is taken as the parent gives it, as before the proof was checked
                evidence.add(absent + insecure + " (RFC 4035 §5.2); the proof that it does not exist"
                        + " (NSEC/NSEC3) could not be checked: " + n.reason());
                yield new Insecure(display(child), display(parent), Insecurity.NO_DS);
            }
        };
    }

    /**
     * The zone holding {@code child}'s parent name: the signer of the RRSIG over {@code child}'s DS (the parent signs
     * it), else the first name up with an SOA record (the root has one, unasked). Empty when a question fails.
     */
    private static Optional<Name> parentZone(DnsLookup dns, Name child, DnssecAnswer childDs,
                                             Cancellation cancellation) {
        Optional<Name> signer = childDs.signatures().stream().map(RRSIGRecord::getSigner)
                .filter(s -> child.subdomain(s) && !child.equals(s)).findFirst();
        if (signer.isPresent()) {
            return signer;
        }
        for (Name n = new Name(child, 1); ; n = new Name(n, 1)) {
            if (n.equals(Name.root)) {
                return Optional.of(Name.root);
            }
            DnsAnswer soa = dns.lookupSigned(display(n), Type.SOA, cancellation).answer();
            if (soa.ok() && soa.cnames().isEmpty()) {
                return Optional.of(n);
            }
            if (!soa.ok() && soa.status() != DnsStatus.NODATA && soa.status() != DnsStatus.NXDOMAIN) {
                return Optional.empty();
            }
        }
    }

    /** The anchor's DS records as a DS answer for the root, which {@link ChainOfTrust} judges as any parent's. */
    private static DnssecAnswer anchorAnswer(TrustAnchor anchor, Instant now) {
        return new DnssecAnswer(new DnsAnswer(".", Type.DS, DnsStatus.OK, List.copyOf(anchor.ds()), List.of(),
                "trust anchor", now, ""), List.of(), true);
    }

    /** The verdict with its evidence, and for one not judged the line that says why. */
    private static Result finish(Verdict verdict, List<String> evidence) {
        return verdict instanceof NotJudged n ? notJudged(n.reason(), evidence) : new Result(verdict, evidence);
    }

    /** Not judged for {@code reason}: {@code evidence} and the line that says why. */
    static Result notJudged(String reason, List<String> evidence) {
        List<String> lines = new ArrayList<>(evidence);
        lines.add(";; chain of trust above the zone not judged: " + reason);
        return new Result(new NotJudged(reason), lines);
    }

    private static String display(Name name) {
        return Addresses.display(name);
    }
}
