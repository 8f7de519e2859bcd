package org.mailpath.engine.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.mailpath.engine.common.Cancellation;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Whether a signed zone proves that a name has no records of a type (a NODATA or NXDOMAIN answer), as a validating
 * resolver judges it: only from NSEC or NSEC3 records, signed by the zone's keys, that prove it (RFC 4035 §5.4; with
 * NSEC3, RFC 5155 §8.4 to §8.7). Without that proof the answer is bogus, data "missing ... that the relevant DNSSEC
 * RRs indicate should be present" (RFC 4035 §4.3), as a forged or stripped answer would otherwise make records
 * disappear. Two askers:
 * <ul>
 * <li>a parent's answer that a child zone has no DS: a validator takes the DS as absent, and the child as insecure,
 * only with that proof: "If the validator authenticates an NSEC RRset that proves that no DS RRset is present for
 * this zone, then there is no authentication path leading from the parent to the child" (RFC 4035 §5.2; with NSEC3,
 * RFC 5155 §8.6 and §8.9: the matching record has the NS bit and neither DS nor SOA, or an Opt-Out record covers the
 * name, which leaves the delegation insecure);</li>
 * <li>a signed zone's answer that a name has no TLSA records: only a secure (or insecure) denial means no TLSA
 * records (RFC 7672 §2.2); a bogus one fails the question.</li>
 * </ul>
 * The proof is judged by dnsjava's {@link ValidatingResolver} (its NSEC and NSEC3 rules are not ours to write
 * again), which asks its questions of this run's {@link DnsLookup} ({@link FromLookups}), so it follows the chain from
 * the trust anchor given down to the zone through answers the check already holds, at no cost on the wire.
 */
final class DenialProof {

    private static final System.Logger LOG = System.getLogger(DenialProof.class.getName());

    /** What the denial proves. */
    sealed interface Proof {
    }

    /** The denial is signed and proves that the records do not exist (a secure NODATA or NXDOMAIN answer). */
    record Proven() implements Proof {
    }

    /**
     * An NSEC3 record with the Opt-Out flag covers the name: it may be under an unsigned delegation (RFC 5155 §6), so
     * the denial is insecure (neither proven nor bogus). The validator grants it to a DS question's NODATA (§8.6) and
     * to an NXDOMAIN whose next closer name the record covers; any other NODATA needs the NSEC3 record matching the
     * name (§8.5), and is bogus with only a covering one.
     */
    record OptOut() implements Proof {
    }

    /** No valid proof: {@code reason} is dnsjava's (English, for the evidence). */
    record Unproven(String reason) implements Proof {
    }

    /** Not judged: a question on the way failed or brought no DNSSEC data ({@code reason} in English). */
    record NotJudged(String reason) implements Proof {
    }

    private DenialProof() {
    }

    /**
     * The proof that {@code name} has no {@code type} records, judged at {@code now} from {@code anchors} (DS records:
     * the root's trust anchor, or a zone's own DS records when its chain above is judged apart) down;
     * {@code denial} is the run's answer to that question ({@link DnssecAnswer#denial()}), which the caller holds.
     */
    static Proof judge(DnsLookup dns, List<DSRecord> anchors, Name name, int type, List<Record> denial, Instant now,
                       Cancellation cancellation) {
        FromLookups head = new FromLookups(dns, cancellation);
        ValidatingResolver validator = new ValidatingResolver(head, Clock.fixed(now, ZoneOffset.UTC));
        String text = anchors.stream().map(Record::toString).collect(Collectors.joining("\n", "", "\n"));
        try {
            validator.loadTrustAnchors(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("the trust anchor's DS records do not parse: " + text, e);
        }
        validator.setAddReasonToAdditional(true);
        Message reply;
        try {
            // run on the calling thread: the questions are the run's cached answers
            reply = validator.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)), Runnable::run)
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            cancellation.throwIfCancelled();
            LOG.log(System.Logger.Level.DEBUG, "validating the denial of " + Type.string(type) + " at " + name
                    + " failed", e);
            return new NotJudged("dnsjava's validator failed: " + e.getCause());
        }
        // the validator passes over some failures of its questions: a failed one leaves nothing to judge
        cancellation.throwIfCancelled();
        if (head.failure.get() != null) {
            return new NotJudged(head.failure.get());
        }
        int rcode = reply.getRcode();
        if ((rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) && reply.getHeader().getFlag(Flags.AD)) {
            return new Proven();
        }
        if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
            // neither secure nor bogus under keys that are trusted: an Opt-Out NSEC3 record covers the name (RFC
            // 5155 §6, §8.6), the one insecure proof; anything else the validator left unjudged
            if (!optOut(denial)) {
                return new NotJudged("dnsjava's validator found the answer neither secure nor bogus");
            }
            // dnsjava takes a covering Opt-Out record as insecure for any type, but a NODATA for another type than
            // DS needs the NSEC3 record matching the name (RFC 5155 §8.5): its name exists in the zone, which the
            // signer must then cover with its own record; at an unsigned delegation the question goes to the child
            return rcode == Rcode.NOERROR && type != Type.DS
                    ? new Unproven("no NSEC3 record matches " + name + ", and a NODATA answer for "
                    + Type.string(type) + " needs one (RFC 5155 §8.5); an Opt-Out record covering the name proves"
                    + " only that it has no DS (§8.6)")
                    : new OptOut();
        }
        if (rcode == Rcode.SERVFAIL) {
            return new Unproven(reason(reply));
        }
        return new NotJudged("dnsjava's validator answered " + Rcode.string(rcode));
    }

    /** Whether the denial holds an NSEC3 record with the Opt-Out flag. */
    private static boolean optOut(List<Record> denial) {
        return denial.stream().anyMatch(r -> r instanceof NSEC3Record n && (n.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0);
    }

    /** The validator's reason for a bogus answer, which it adds as a TXT record of its private class. */
    private static String reason(Message reply) {
        return reply.getSection(Section.ADDITIONAL).stream()
                .filter(r -> r instanceof TXTRecord && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS)
                .map(r -> String.join("", ((TXTRecord) r).getStrings())).findFirst()
                .orElse("no reason given");
    }

    /**
     * The validator's head resolver: each question it asks (with DO and CD) is answered from {@link DnsLookup}'s
     * DNSSEC answers, rebuilt as a reply: the records and their signatures in the answer section, the denial's NSEC
     * and NSEC3 records and their signatures in the authority section. A question that fails, or whose answer lacks
     * DNSSEC data, is recorded in {@code failure}: a bogus verdict then says nothing about the zone.
     */
    private static final class FromLookups implements Resolver {

        private final DnsLookup dns;
        private final Cancellation cancellation;
        private final AtomicReference<String> failure = new AtomicReference<>();

        FromLookups(DnsLookup dns, Cancellation cancellation) {
            this.dns = dns;
            this.cancellation = cancellation;
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query, Executor executor) {
            try {
                return CompletableFuture.completedFuture(reply(query));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private Message reply(Message query) {
            Record question = query.getQuestion();
            DnssecAnswer answer;
            try {
                answer = dns.lookupSigned(Addresses.display(question.getName()), question.getType(), cancellation);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, "the " + Type.string(question.getType()) + " question for "
                        + Addresses.display(question.getName()) + " was not answered (" + e + ")");
                throw e;
            }
            Message reply = new Message(query.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setFlag(Flags.RA);
            reply.addRecord(question, Section.QUESTION);
            DnsStatus status = answer.answer().status();
            boolean answered = status == DnsStatus.OK || status == DnsStatus.NODATA || status == DnsStatus.NXDOMAIN;
            if (!answered || !answer.dnssecOk()) {
                failure.compareAndSet(null, "the " + Type.string(question.getType()) + " question for "
                        + Addresses.display(question.getName()) + (answered ? " brought no DNSSEC data"
                        : " failed (" + status + ")"));
                reply.getHeader().setRcode(Rcode.SERVFAIL);
                return reply;
            }
            reply.getHeader().setRcode(status == DnsStatus.NXDOMAIN ? Rcode.NXDOMAIN : Rcode.NOERROR);
            List.of(answer.answer().cnames(), answer.answer().records(), answer.signatures())
                    .forEach(records -> records.forEach(r -> reply.addRecord(r, Section.ANSWER)));
            answer.denial().forEach(r -> reply.addRecord(r, Section.AUTHORITY));
            return reply;
        }

        // the validator forwards its settings to its head resolver: none matters to answers already held

        @Override
        public void setPort(int port) {
        }

        @Override
        public void setTCP(boolean flag) {
        }

        @Override
        public void setIgnoreTruncation(boolean flag) {
        }

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        }

        @Override
        public void setTSIGKey(TSIG key) {
        }

        @Override
        public void setTimeout(Duration timeout) {
        }
    }
}
