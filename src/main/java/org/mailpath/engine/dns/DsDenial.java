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
 * Whether a signed parent proves that it has no DS record for a child zone. A validator takes a DS as absent, and the
 * child as insecure, only from a NODATA (or NXDOMAIN) answer whose NSEC or NSEC3 records, signed by the parent's
 * keys, prove it: "If the validator authenticates an NSEC RRset that proves that no DS RRset is present for this
 * zone, then there is no authentication path leading from the parent to the child" (RFC 4035 §5.2; with NSEC3, RFC
 * 5155 §8.6 and §8.9: the matching record has the NS bit and neither DS nor SOA, or an Opt-Out record covers the
 * name, which leaves the delegation insecure). Without that proof the answer is bogus, data "missing ... that the
 * relevant DNSSEC RRs indicate should be present" (RFC 4035 §4.3), as a forged or stripped answer would otherwise
 * downgrade the child to unsigned.
 * <p>
 * The proof is judged by dnsjava's {@link ValidatingResolver} (its NSEC and NSEC3 rules are not ours to write
 * again), which asks its questions of this run's {@link DnsLookup} ({@link FromLookups}), so it follows the chain from
 * the trust anchor down to the parent through answers the check already holds, at no cost on the wire.
 */
final class DsDenial {

    private static final System.Logger LOG = System.getLogger(DsDenial.class.getName());

    /** What the parent's answer proves. */
    sealed interface Proof {
    }

    /** The denial is signed and proves that the DS does not exist (a secure NODATA or NXDOMAIN answer). */
    record Proven() implements Proof {
    }

    /** An NSEC3 record with the Opt-Out flag covers the child: an insecure delegation, as RFC 5155 §8.6 allows. */
    record OptOut() implements Proof {
    }

    /** No valid proof: {@code reason} is dnsjava's (English, for the evidence). */
    record Unproven(String reason) implements Proof {
    }

    /** Not judged: a question on the way failed or brought no DNSSEC data ({@code reason} in English). */
    record NotJudged(String reason) implements Proof {
    }

    private DsDenial() {
    }

    /**
     * The proof that {@code child} has no DS at its parent, judged from {@code anchor} down at {@code now};
     * {@code denial} is the run's answer to that DS question ({@link DnssecAnswer#denial()}), which the caller holds.
     */
    static Proof judge(DnsLookup dns, TrustAnchor anchor, Name child, List<Record> denial, Instant now,
                       Cancellation cancellation) {
        FromLookups head = new FromLookups(dns, cancellation);
        ValidatingResolver validator = new ValidatingResolver(head, Clock.fixed(now, ZoneOffset.UTC));
        String anchors = anchor.ds().stream().map(Record::toString).collect(Collectors.joining("\n", "", "\n"));
        try {
            validator.loadTrustAnchors(new ByteArrayInputStream(anchors.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("the trust anchor's DS records do not parse: " + anchors, e);
        }
        validator.setAddReasonToAdditional(true);
        Message reply;
        try {
            // run on the calling thread: the questions are the run's cached answers
            reply = validator.sendAsync(Message.newQuery(Record.newRecord(child, Type.DS, DClass.IN)), Runnable::run)
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            cancellation.throwIfCancelled();
            LOG.log(System.Logger.Level.DEBUG, "validating the DS denial of " + child + " failed", e);
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
            // neither secure nor bogus under a parent whose keys are trusted: an Opt-Out NSEC3 record covers the
            // name (RFC 5155 §8.6), the one insecure proof; anything else the validator left unjudged
            return optOut(denial) ? new OptOut()
                    : new NotJudged("dnsjava's validator found the answer neither secure nor bogus");
        }
        if (rcode == Rcode.SERVFAIL) {
            return new Unproven(reason(reply));
        }
        return new NotJudged("dnsjava's validator answered " + Rcode.string(rcode));
    }

    /** Whether the denial of a DS holds an NSEC3 record with the Opt-Out flag. */
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
     * DNSSEC data, is recorded in {@code failure}: a bogus verdict then says nothing about the parent.
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
