package org.mailpath.engine.report;

import java.util.Set;

/**
 * Words of SMTP replies and of the report's own advice. A local part that is one of them ("mail", "full",
 * "support") is masked alone only in the strongest mailbox contexts ({@code <full>}, {@code user=full}): after a
 * plain word such as "mailbox" it is far more often the reply going on ("mailbox full", "user unknown") than a name.
 * A phrase made only of them ("(Not Verified)", "(Mailbox Unavailable)") is a reason, not a person's name.
 */
final class ReplyWords {

    private static final Set<String> WORDS = Set.of(
            // role and reply nouns
            "mail", "info", "admin", "user", "users", "support", "sales", "service", "contact", "test", "office",
            "hello", "team", "account", "accounts", "message", "messages", "recipient", "recipients", "address",
            "addresses", "mailbox", "mailboxes", "server", "domain", "delivery", "email", "status", "error", "quota",
            "spam", "policy", "relay", "host", "none", "unknown", "internal", "local", "name", "size", "storage",
            "limit", "limits", "reason", "security", "verification", "lookup", "table", "list", "access", "system",
            "group", "alias", "postmaster", "abuse", "webmaster", "hostmaster", "noreply", "mailer", "daemon",
            "help", "information", "details", "rate", "sender", "reply", "connection", "content", "virus", "online",
            "offline", "smtp", "esmtp", "dns", "spf", "dkim", "dmarc", "tls", "ssl", "auth", "authentication",
            "servfail", "nxdomain", "noerror", "timeout",
            // generic words of the report's translated advice: a mailbox named so ("e-post@") must not mask them
            "e-mail", "e-post",
            // states and verbs of replies
            "blocked", "rejected", "denied", "full", "over", "exceeded", "exceeds", "reached", "unavailable",
            "disabled", "inactive", "suspended", "deactivated", "locked", "closed", "deleted", "expired", "invalid",
            "unrouteable", "unroutable", "undeliverable", "refused", "failed", "failure", "verified", "unverified",
            "exist", "exists", "found", "known", "busy", "allowed", "permitted", "accepted", "ok", "okay",
            "deferred", "bounced", "delivered", "sent", "received", "forwarded", "forwarding", "throttled",
            "limited", "temporarily", "temporary", "permanently", "permanent", "currently", "maximum",
            // words that glue sentences
            "not", "no", "yes", "does", "do", "did", "is", "are", "was", "were", "has", "have", "had", "can",
            "cannot", "could", "will", "would", "may", "must", "be", "been", "the", "a", "an", "and", "or", "of",
            "in", "on", "at", "by", "as", "to", "for", "from", "with", "it", "its", "this", "that", "here", "there",
            "all", "any", "some", "more", "further", "please", "see", "try", "again", "later", "only", "also",
            "now", "out", "up", "down", "off");

    private ReplyWords() {
    }

    /** True when the lower-cased {@code word} is a word of replies. */
    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
