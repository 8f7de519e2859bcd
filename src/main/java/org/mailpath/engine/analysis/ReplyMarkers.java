package org.mailpath.engine.analysis;

import org.mailpath.engine.log.LogRow;

/** A chain's replies as stored, with the recipient and Message ID Header they quote as one-char markers. */
final class ReplyMarkers {

    /** In a stored reply with markers: the chain's recipient as written, and its Message ID Header. */
    private static final char RECIPIENT_MARK = '\0';
    private static final char MESSAGE_ID_MARK = '\1';

    private ReplyMarkers() {
    }

    /**
     * The reply of {@code row} (a row of {@code chain}) as it is stored: the chain's recipient as written and its
     * Message ID Header replaced by one-char markers, so that replies that quote them ("550 5.1.1 &lt;address&gt;:
     * User unknown", Exchange's "250 2.6.0 &lt;message-id&gt; … Queued mail for delivery") become the same text for
     * every message and are stored once. The reply unchanged when it quotes neither, or when it holds a marker char
     * already: {@link #expand} must give back exactly the reply.
     */
    static String toStore(LogRow row, ChainBuilder chain) {
        String reply = row.deliveryStatus();
        String recipient = row.recipient();
        String messageId = row.messageIdHeader();
        boolean quotesRecipient = !recipient.isEmpty() && reply.contains(recipient);
        // a Message ID Header of "#" + the Internal Message ID reads back as empty (ChainKeyBytes.messageIdHeader)
        boolean quotesMessageId = !messageId.isEmpty() && messageId.charAt(0) != '#' && reply.contains(messageId);
        if (!(quotesRecipient || quotesMessageId) || hasMarkChar(reply)) {
            return reply;
        }
        // the quoted values hold no marker char either (the reply has none), so every marker stored is one of ours
        String stored = reply;
        if (quotesRecipient && chain.recipientReadsBackAs(recipient)) {
            stored = stored.replace(recipient, String.valueOf(RECIPIENT_MARK));
        }
        if (quotesMessageId && stored.contains(messageId)) {
            stored = stored.replace(messageId, String.valueOf(MESSAGE_ID_MARK));
        }
        return stored;
    }

    /** A reply of {@code chain} stored with markers ({@link #toStore}), as it was in the log. */
    static String expand(String stored, ChainBuilder chain) {
        StringBuilder sb = new StringBuilder(stored.length() + 64);
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            switch (c) {
                case RECIPIENT_MARK -> sb.append(chain.recipient());
                case MESSAGE_ID_MARK -> sb.append(chain.messageIdHeader());
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean hasMarkChar(String s) {
        return s.indexOf(RECIPIENT_MARK) >= 0 || s.indexOf(MESSAGE_ID_MARK) >= 0;
    }
}
