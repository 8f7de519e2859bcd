package org.mailpath.ui.events;

import org.mailpath.engine.analysis.MessageChain;

/**
 * One line of the message table, with its cells already in words; the time column reads the chain's first event
 * itself, so that it sorts by the instant.
 */
public record MessageRow(MessageChain chain, String recipient, String sender, String verdict,
                         String events, String cause, boolean handToRecipient) {
}
