package org.mailpath.engine.status;

import java.util.Locale;

/**
 * Where in the SMTP dialogue a reply came, as far as it changes what a reply with only a basic code means. A server
 * that answers the message's content has already accepted the recipient at RCPT TO, so a plain 550 there is no
 * sign of a missing mailbox (RFC 5321 §3.3: RCPT TO is where a mailbox is refused).
 */
public enum ReplyStage {
    /** The stage is not logged, or the content was not yet under way when the server replied. */
    OTHER,
    /**
     * The server replied to the message's content: Salesforce's Delivery Stage "after DATA", "while sending BODY"
     * or "reading confirmation" (Momentum's connection stages 7 to 9). "during DATA" is left out: with pipelining
     * a refused recipient's reply may be logged there.
     */
    CONTENT;

    /** The stage of a log row's Delivery Stage text; {@link #OTHER} when it names none of the content stages. */
    public static ReplyStage ofDeliveryStage(String deliveryStage) {
        if (deliveryStage == null) {
            return OTHER;
        }
        String s = deliveryStage.toLowerCase(Locale.ROOT);
        return s.contains("after data") || s.contains("sending body") || s.contains("reading confirmation")
                ? CONTENT : OTHER;
    }
}
