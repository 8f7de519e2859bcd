package org.mailpath.engine.report;

import java.util.Locale;
import org.mailpath.engine.analysis.MessageChain;

/**
 * Names one message to one recipient (one {@link MessageChain}) the way the analysis tells chains apart: the Message
 * ID Header as written — or "#" and the Internal Message ID when the header is empty — and the lower-cased recipient.
 * A Message ID Header alone is not enough: one message sent to several recipients is several chains, and the user
 * may want some of them in a report and not others.
 */
public record MessageKey(String messageId, String recipient) {

    public MessageKey {
        messageId = messageId.strip();
        recipient = recipient.strip().toLowerCase(Locale.ROOT);
    }

    public static MessageKey of(MessageChain chain) {
        String header = chain.messageIdHeader().strip();
        return new MessageKey(header.isEmpty() ? "#" + chain.internalMessageId() : header, chain.recipient());
    }
}
