package org.mailpath.engine.analysis;

import java.util.Locale;

/**
 * What tells one message chain of an analysis from the others, as the analysis keys them: {@code id} is the Message
 * ID Header, or "#" and the Internal Message ID when the chain has none; {@code recipient} is lower-cased. Lets the
 * analysis say something of a few chains ({@link LogAnalysis#unsharedIdGuess}) without a field in every
 * {@link MessageChain}.
 */
public record ChainKey(String id, String recipient) {

    /** The key of {@code chain}. */
    public static ChainKey of(MessageChain chain) {
        return of(chain.messageIdHeader(), chain.internalMessageId(), chain.recipient());
    }

    /** From a chain's values as its {@link MessageChain} has them, so a chain and its record have one key. */
    static ChainKey of(String messageIdHeader, String internalMessageId, String recipient) {
        return new ChainKey(messageIdHeader.isEmpty() ? "#" + internalMessageId : messageIdHeader,
                recipient.toLowerCase(Locale.ROOT));
    }
}
