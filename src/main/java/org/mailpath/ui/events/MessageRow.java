package org.mailpath.ui.events;

import org.mailpath.engine.analysis.MessageChain;

/** One line of the message table, with its cells already in words. */
public record MessageRow(MessageChain chain, String time, String recipient, String sender, String verdict,
                         String events, String cause, boolean handToRecipient) {
}
