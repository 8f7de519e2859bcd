package org.mailpath.engine.analysis;

import java.util.HashMap;
import java.util.Map;
import org.mailpath.engine.address.MailboxSyntax;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.RelayDiagnoses;
import org.mailpath.engine.status.ReplyStage;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Decides a chain's verdict and cause (issue 2's rules): BOUNCED if the last outcome (P or external D) is a P,
 * DELIVERED if it is an external D, DEFERRED if there is no outcome but a T, RECEIVED_ONLY otherwise. A D with
 * TLS_Cipher {@code None} is an internal hand-off, not an outcome. A bounce that only says "expired" takes its cause
 * from the last T before it; a deferral from its last T. Retries are all the chain's T rows (issue 2's contract);
 * a delivery counts as "after retry" only with a T before the delivering D, since a T after it retried nothing that
 * was delivered. Events are in time order; those of one minute from several files in the order of a message's life
 * ({@link LifeOrder}), so which file was given first changes neither. Exact copies of a row are left out first
 * ({@link RowCopies}). Not thread-safe (caches replies,
 * counts copies).
 */
final class ChainJudge {

    private static final int CACHE_LIMIT = 10_000;

    private final StatusKnowledgeBase knowledge;
    private final Map<String, StatusKnowledgeBase.Reading> replies = new HashMap<>();
    private final RowCopies copies = new RowCopies();
    private final RelayHosts relay;

    ChainJudge(StatusKnowledgeBase knowledge) {
        this(knowledge, RelayHosts.none());
    }

    /** A judge for an org that sends through Email Relay {@code relay}: what the relay replied is about our relay. */
    ChainJudge(StatusKnowledgeBase knowledge, RelayHosts relay) {
        this.knowledge = knowledge;
        this.relay = relay;
    }

    /** The copies of rows this judge left out of the chains it judged. */
    RowCopies copies() {
        return copies;
    }

    /**
     * Judges {@code chain} (its copies of rows left out first); returns its events as judged, unpacked, for a caller
     * that reads them too ({@link ChainTally#addDeliveries}) without unpacking them again.
     */
    ChainEvents judge(ChainBuilder chain) {
        ChainEvents ev = copies.leaveOut(chain, chain.sortedEvents());
        int n = ev.size();
        int outcome = -1;
        int lastT = -1;
        int retries = 0;
        int retriesBeforeOutcome = 0;
        for (int i = 0; i < n; i++) {
            MailEvent e = ev.event(i);
            if (e == MailEvent.TRANSIENT_FAILURE) {
                retries++;
                lastT = i;
            } else if (ev.isOutcome(i)) {
                outcome = i;
                retriesBeforeOutcome = retries;
            }
        }
        LocalText address = MailboxSyntax.problemOrLookAlike(chain.recipient()).orElse(null);
        if (outcome >= 0 && ev.event(outcome) == MailEvent.DELIVERED) {
            chain.conclude(Verdict.DELIVERED, retries, retriesBeforeOutcome > 0, outcome, null, address);
        } else if (outcome >= 0) {
            StatusKnowledgeBase.Reading bounce = decode(ev, outcome);
            int cause = outcome;
            if (bounce.expiry()) {
                int t = lastTransientBefore(ev, outcome);
                if (t >= 0) {
                    cause = t;
                    bounce = decode(ev, t);
                }
            }
            chain.conclude(Verdict.BOUNCED, retries, false, cause, viaRelay(ev, cause, bounce.diagnosis()), address);
        } else if (lastT >= 0) {
            chain.conclude(Verdict.DEFERRED, retries, false, lastT, viaRelay(ev, lastT, decode(ev, lastT).diagnosis()),
                    address);
        } else {
            chain.conclude(Verdict.RECEIVED_ONLY, retries, false, -1, null, address);
        }
        chain.noteStatusRelayHost(ev, relay);
        return ev;
    }

    /**
     * {@code d}, or where event {@code i} (the one the cause is read from) went to our Email Relay and {@code d}'s
     * category concerns the server or the connection, the relay's diagnosis of that category
     * ({@link RelayDiagnoses}): the reply is our relay's, not the recipient's server's.
     */
    private Diagnosis viaRelay(ChainEvents ev, int i, Diagnosis d) {
        if (relay.isEmpty()) {
            return d;
        }
        EventText t = ev.text(i);
        return relay.took(t.relayHost(), t.relayAddress()) ? RelayDiagnoses.of(d) : d;
    }

    static String withoutAddresses(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (at >= 0) {
            int start = at;
            while (start > i && !isAddressEnd(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && !isAddressEnd(text.charAt(end))) {
                end++;
            }
            sb.append(text, i, start).append("addr");
            i = end;
            at = text.indexOf('@', end);
        }
        return sb.append(text, i, text.length()).toString();
    }

    private static boolean isAddressEnd(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == ':' || c == ';' || c == ',' || c == '"'
                || c == '(' || c == ')' || c == '[' || c == ']' || c == '\'';
    }

    private static int lastTransientBefore(ChainEvents chain, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (chain.event(i) == MailEvent.TRANSIENT_FAILURE) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes the reply of event {@code i} at its Delivery Stage; replies that differ only in the e-mail address they
     * quote (e.g. "550 5.1.1 &lt;x@y&gt;: User unknown") share one cache entry, because no knowledge rule looks at
     * addresses. The stage is part of the key: a plain 550 to the content means less than one at RCPT TO.
     */
    private StatusKnowledgeBase.Reading decode(ChainEvents ev, int i) {
        ReplyStage stage = ReplyStage.ofDeliveryStage(ev.text(i).deliveryStage());
        String text = withoutAddresses(ev.status(i));
        String key = stage == ReplyStage.OTHER ? text : stage.name() + '\0' + text;
        StatusKnowledgeBase.Reading d = replies.get(key);
        if (d == null) {
            SmtpReply reply = SmtpReply.parse(text);
            d = knowledge.read(reply, stage);
            if (replies.size() < CACHE_LIMIT) {
                replies.put(key, d);
            }
        }
        return d;
    }
}
