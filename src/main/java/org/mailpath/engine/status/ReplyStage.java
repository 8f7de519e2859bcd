package org.mailpath.engine.status;

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
        // asked for every failed attempt the analysis judges: compared in place, without a lower-cased copy
        return containsIgnoringCase(deliveryStage, "after data") || containsIgnoringCase(deliveryStage, "sending body")
                || containsIgnoringCase(deliveryStage, "reading confirmation") ? CONTENT : OTHER;
    }

    private static boolean containsIgnoringCase(String text, String lowerCaseNeedle) {
        for (int i = 0, last = text.length() - lowerCaseNeedle.length(); i <= last; i++) {
            if (text.regionMatches(true, i, lowerCaseNeedle, 0, lowerCaseNeedle.length())) {
                return true;
            }
        }
        return false;
    }
}
