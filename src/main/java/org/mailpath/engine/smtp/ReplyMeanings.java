package org.mailpath.engine.smtp;

/** Plain meanings of the basic reply codes a RCPT can get (RFC 5321 §4.2.3), when no knowledge base is wired. */
final class ReplyMeanings {

    private ReplyMeanings() {
    }

    static String meaning(int code) {
        return switch (code) {
            case 421 -> "The server is closing the connection (overloaded or refusing this client for now).";
            case 450 -> "The mailbox is unavailable for now (busy, or temporarily blocked by policy, e.g. greylisting).";
            case 451 -> "The server had a local error; the sender should retry.";
            case 452 -> "The server lacks storage or accepts no more recipients for now.";
            case 550 -> "The mailbox is unavailable: it does not exist, or policy rejects it.";
            case 551 -> "The user is not local to this server.";
            case 552 -> "The mailbox exceeded its storage allocation.";
            case 553 -> "The mailbox name is not allowed (for example a syntax error).";
            case 554 -> "The transaction failed (often a policy rejection).";
            default -> code >= 500 ? "A permanent rejection." : "A temporary rejection; the sender should retry.";
        };
    }
}
